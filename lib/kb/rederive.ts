/**
 * The second half of the v5 upgrade: the user's articles listed in `rederive` get their claims
 * extracted again from their stored text with today's extraction, and their derivations found,
 * as if imported now. Extraction cannot run inside IndexedDB's version-change transaction, so the
 * upgrade only lists them (their counts already restated, so the KB is usable meanwhile) and this
 * pass runs right after opening, in batches: each batch is read, analysed outside any
 * transaction, then written in one transaction that also removes its markers. A batch is all or
 * nothing, so the pass is idempotent and resumes where it stopped (a closed browser, a second
 * context doing the same work).
 */
import type { Detector } from '../detect';
import { analyzeArticle } from '../pipeline/analyze';
import type { Source } from '../types';
import { plainSource, sourceEditions, storedClaim, storedSource, type KbDatabase } from './db';
import { withLink } from '../claims';
import { deriveInTransaction } from './derive';

export interface RederiveOptions {
  batchSize?: number;
  signal?: AbortSignal;
  /** Yields between batches, so lookups and the UI go on meanwhile. */
  pause?: () => Promise<void>;
  onProgress?: (p: { done: number; remaining: number }) => void;
}

export interface RederiveReport {
  /** Sources analysed again. */
  done: number;
  /** Markers still waiting (the pass was cancelled). */
  remaining: number;
}

/** Sources still waiting for their claims to be extracted again. */
export function pendingRederivations(db: KbDatabase): Promise<number> {
  return db.count('rederive');
}

export async function rederivePending(db: KbDatabase, detector: Detector, opts: RederiveOptions = {}): Promise<RederiveReport> {
  const batchSize = opts.batchSize ?? 25;
  const pause = opts.pause ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  let done = 0;
  for (;;) {
    if (opts.signal?.aborted) break;
    const read = db.transaction(['rederive', 'sources', 'texts']);
    const ids = await read.objectStore('rederive').getAllKeys(undefined, batchSize);
    if (!ids.length) break;
    const [records, texts] = await Promise.all([
      Promise.all(ids.map((id) => read.objectStore('sources').get(id))),
      Promise.all(ids.map((id) => read.objectStore('texts').get(id))),
    ]);
    const work = ids.flatMap((id, i) => {
      const record = records[i];
      const text = texts[i]?.text;
      if (!record || text === undefined) return [];
      const source = plainSource(record);
      const analysis = analyzeArticle({ title: source.title, outlet: source.outlet, published: source.published, url: source.url, language: source.language, text }, id, detector);
      return [{ id, source, text, analysis }];
    });

    const tx = db.transaction(['rederive', 'sources', 'claims', 'texts'], 'readwrite');
    const markers = tx.objectStore('rederive');
    // Another context may have done some of these meanwhile: only the ones still listed are written.
    const still = await Promise.all(work.map((w) => markers.getKey(w.id)));
    const todo = work.filter((_, i) => still[i] !== undefined);
    const fresh = await Promise.all(todo.map((w) => tx.objectStore('sources').get(w.id)));
    const batch = todo.flatMap((w, i) => {
      const record = fresh[i];
      if (!record) return [];
      const source: Source = { ...plainSource(record), entities: w.analysis.entities, fingerprint: w.analysis.fingerprint, signature: w.analysis.signature };
      return [{ ...w, source }];
    });
    const links = await deriveInTransaction(tx, batch.map((w) => ({ source: w.source, text: w.text, mentions: w.analysis.mentions })), detector);
    const claims = tx.objectStore('claims');
    const oldKeys = await Promise.all(batch.map((w) => claims.index('by-source').getAllKeys(w.id)));
    const writes: Promise<unknown>[] = [];
    batch.forEach((w, i) => {
      const source = withLink(w.source, links.get(w.id));
      for (const key of oldKeys[i]!) writes.push(claims.delete(key));
      writes.push(tx.objectStore('sources').put(storedSource(source, sourceEditions(w.analysis.claims, w.analysis.mentions))));
      w.analysis.claims.forEach((c, k) => writes.push(claims.put(storedClaim({ ...c, id: `${w.id}#${k}`, source: w.id }, source))));
    });
    // Every marker read goes: its source is written again, or was deleted meanwhile, or has no text to analyse.
    for (const id of ids) writes.push(markers.delete(id));
    await Promise.all(writes);
    await tx.done;
    done += batch.length;
    opts.onProgress?.({ done, remaining: await pendingRederivations(db) });
    await pause();
  }
  return { done, remaining: await pendingRederivations(db) };
}
