/**
 * Adding articles to the user's part of the KB: imports and "Add this page". Each batch is
 * analysed first, then written in one transaction, so a crash or a closed tab never leaves half
 * an article. Only the exact same article is a duplicate (the same canonical URL, or the same
 * text), so importing a file twice changes nothing; a near-identical copy (a wire story carried by
 * another outlet) is kept, linked to the source it retells (derive.ts).
 */
import { t } from '../i18n/messages';
import type { Detector } from '../detect';
import { analyzeArticle } from '../pipeline/analyze';
import { applyInputLimits, PAGE_LIMITS } from '../pipeline/limits';
import { canonicalUrl, cleanUrl } from '../text/url';
import type { ArticleInput, Source, SourceOrigin } from '../types';
import { sourceEditions, storedClaim, storedSource, type KbDatabase } from './db';
import { withLink } from '../claims';
import { deriveInTransaction } from './derive';
import type { ImportSet } from './schema';

export interface IngestItem extends ArticleInput {
  /** Record number in its file, for reports. */
  record?: number;
}

export interface IngestReport {
  imported: string[];
  duplicates: { record?: number; title: string; reason: string }[];
  failed: { record?: number; title: string; reason: string }[];
  cancelled: boolean;
  /** Set when storage ran out: what was stored before stays. */
  quotaExceeded: boolean;
}

export interface IngestProgress {
  done: number;
  total: number;
  imported: number;
  duplicates: number;
  failed: number;
}

export interface IngestOptions {
  setId: string;
  setName: string;
  /** File the articles come from, listed on the set. */
  file?: string;
  origin: SourceOrigin;
  detector: Detector;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  /** Yields to the event loop between batches, so the UI stays responsive. */
  pause?: () => Promise<void>;
}

function sourceId(origin: SourceOrigin, fingerprint: string): string {
  return `${origin === 'page' ? 'page' : 'imp'}:${fingerprint}`;
}

export function isQuotaError(e: unknown): boolean {
  return e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));
}

export async function ingestArticles(db: KbDatabase, items: IngestItem[], opts: IngestOptions): Promise<IngestReport> {
  const report: IngestReport = { imported: [], duplicates: [], failed: [], cancelled: false, quotaExceeded: false };
  const batchSize = opts.batchSize ?? 50;
  const pause = opts.pause ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  const now = new Date().toISOString();
  const seenInRun = new Set<string>();
  for (let from = 0; from < items.length; from += batchSize) {
    if (opts.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    const batch = items.slice(from, from + batchSize);
    const prepared = batch.map((item) => {
      const url = cleanUrl(item.url);
      // The page's caps (over-long tokens blanked, offsets kept) bound the analysis; the full text is stored.
      const analysis = analyzeArticle({ ...item, url, text: applyInputLimits(item.text, PAGE_LIMITS).text }, 'pending', opts.detector);
      return { item, url, urlKey: canonicalUrl(url), analysis, id: sourceId(opts.origin, analysis.fingerprint) };
    });
    let abort: (() => void) | undefined;
    const writes: Promise<unknown>[] = [];
    try {
      const tx = db.transaction(['sources', 'claims', 'texts', 'sets'], 'readwrite');
      abort = () => {
        // The aborted requests and the transaction reject; their failure is this batch's, reported below.
        for (const w of [...writes, tx.done]) w.catch(() => {});
        tx.abort();
      };
      const sources = tx.objectStore('sources');
      const exists = await Promise.all(
        prepared.map(async (p) => {
          if (await sources.get(p.id)) return t('importWhySameText');
          if ((await sources.index('by-fingerprint').count(p.analysis.fingerprint)) > 0) return t('importWhySameText');
          if (p.urlKey && (await sources.index('by-url').count(p.urlKey)) > 0) return t('importWhySameUrl');
          return null;
        }),
      );
      const kept: { p: (typeof prepared)[number]; source: Source }[] = [];
      prepared.forEach((p, i) => {
        // Earlier records of this import (in this batch or before) count too.
        const dup = exists[i] ?? (seenInRun.has(p.analysis.fingerprint) || (p.urlKey && seenInRun.has(p.urlKey)) ? t('importWhyDuplicateInImport') : null);
        seenInRun.add(p.analysis.fingerprint);
        if (p.urlKey) seenInRun.add(p.urlKey);
        if (dup) {
          report.duplicates.push({ record: p.item.record, title: p.item.title, reason: dup });
          return;
        }
        const source: Source = {
          id: p.id,
          title: p.item.title,
          outlet: p.item.outlet ?? '',
          published: p.item.published,
          language: p.item.language ?? 'und',
          url: p.url,
          origin: opts.origin,
          set: opts.setId,
          derivedFrom: null,
          entities: p.analysis.entities,
          fingerprint: p.analysis.fingerprint,
          signature: p.analysis.signature,
          added: now,
        };
        kept.push({ p, source });
      });
      // What each article retells, among the stored sources on its topics and the rest of the batch.
      const links = await deriveInTransaction(tx, kept.map(({ p, source }) => ({ source, text: p.item.text, mentions: p.analysis.mentions })), opts.detector);
      let added = 0;
      for (const { p, source: draft } of kept) {
        const source = withLink(draft, links.get(draft.id));
        writes.push(sources.put(storedSource(source, sourceEditions(p.analysis.claims, p.analysis.mentions))));
        writes.push(tx.objectStore('texts').put({ id: p.id, text: p.item.text }));
        p.analysis.claims.forEach((c, k) => {
          const claim = { ...c, id: `${p.id}#${k}`, source: p.id };
          writes.push(tx.objectStore('claims').put(storedClaim(claim, source)));
        });
        report.imported.push(p.id);
        added++;
      }
      // A batch that stored nothing (all duplicates) must not create or touch a set.
      if (added > 0) {
        const sets = tx.objectStore('sets');
        const set: ImportSet = (await sets.get(opts.setId)) ?? {
          id: opts.setId,
          name: opts.setName,
          origin: opts.origin,
          created: now,
          updated: now,
          count: 0,
          files: [],
        };
        const files = opts.file && !set.files.includes(opts.file) ? [...set.files, opts.file] : set.files;
        writes.push(sets.put({ ...set, files, count: set.count + added, updated: now }));
      }
      await Promise.all(writes);
      await tx.done;
    } catch (e) {
      // A write that throws (rather than fails its request) leaves the transaction open with the
      // batch's earlier writes in it: abort, so the batch is stored whole or not at all.
      try {
        abort?.();
      } catch {
        // Already finished or aborted by the failure itself.
      }
      // The failed batch's transaction rolled back whole; earlier batches stay stored.
      const imported = new Set(report.imported);
      for (const p of prepared) imported.delete(p.id);
      report.imported = [...imported];
      if (isQuotaError(e)) {
        report.quotaExceeded = true;
        for (const p of prepared) report.failed.push({ record: p.item.record, title: p.item.title, reason: t('importStorageFull') });
        break;
      }
      const reason = e instanceof Error ? e.message : String(e);
      for (const p of prepared) report.failed.push({ record: p.item.record, title: p.item.title, reason });
    }
    opts.onProgress?.({
      done: Math.min(from + batch.length, items.length),
      total: items.length,
      imported: report.imported.length,
      duplicates: report.duplicates.length,
      failed: report.failed.length,
    });
    await pause();
  }
  return report;
}
