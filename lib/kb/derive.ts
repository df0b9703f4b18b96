/**
 * Derivation of the user's sources as they are stored (an import batch, the upgrade's
 * re-derivation): inside the batch's write transaction, the KB's sources on the same topics are
 * read with their texts, deriveBatch links each article of the batch to what it retells, and a
 * stored source found to retell one of the batch is relinked, its claims' references with it.
 * Everything awaited here is a request of the transaction; the comparison itself is synchronous.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { deriveBatch, signatureSimilarity, type DerivationLink } from '../claims';
import type { Detector } from '../detect';
import { articleTopics, outletNames } from '../pipeline/analyze';
import type { Mention, Source } from '../types';
import type { KbSchema, StoredSource } from './schema';
import { sourcesOnTopics } from './store';

/** Stored sources an article is compared with: its best-ranked ones on its topics. */
const CANDIDATES = 24;

/** A write transaction over (at least) sources, claims and texts. */
type WriteTx = IDBPTransaction<KbSchema, ArrayLike<StoreNames<KbSchema>>, 'readwrite'>;

export interface ArticleToDerive {
  /** The source as it will be stored (its own derivedFrom, if any, kept when nothing else is found). */
  source: Source;
  text: string;
  mentions: Mention[];
}

/** Finds the batch's links (see deriveBatch) and relinks the stored sources that retell one of it. */
export async function deriveInTransaction(tx: WriteTx, batch: ArticleToDerive[], detector: Detector): Promise<Map<string, DerivationLink>> {
  if (!batch.length) return new Map();
  const sources = tx.objectStore('sources');
  const texts = tx.objectStore('texts');
  const found = await Promise.all(batch.map((a) => sourcesOnTopics(sources, articleTopics(a.text, a.mentions), CANDIDATES)));
  const candidates = new Map<string, Source>();
  // Exact shingle sets (a trimmed copy, whole sentences shared) need the stored texts; a text whose
  // signature shares not one slot with the article's (Jaccard under a few percent) is not read.
  const worthReading = new Set<string>();
  found.forEach((list, i) => {
    const signature = batch[i]!.source.signature;
    for (const { source } of list) {
      candidates.set(source.id, source);
      if (!signature || !source.signature || signatureSimilarity(signature, source.signature) > 0) worthReading.add(source.id);
    }
  });
  const stored = await Promise.all([...worthReading].map((id) => texts.get(id)));
  for (const t of stored) if (t) candidates.set(t.id, { ...candidates.get(t.id)!, text: t.text });
  const derived = deriveBatch(
    batch.map((a) => ({ source: { ...a.source, text: a.text }, mentions: a.mentions })),
    {
      storedFor: (item) => found[batch.findIndex((a) => a.source.id === item.source.id)]!.map(({ source }) => candidates.get(source.id)!),
      outletOf: (id) => outletNames(detector, id),
      canRelink: (s) => s.origin !== 'bundled',
    },
  );
  const claims = tx.objectStore('claims');
  await Promise.all(
    [...derived.relinked].map(async ([id, link]) => {
      const record = await sources.get(id);
      if (!record || record.derivedFrom) return;
      const next: StoredSource = { ...record, derivedFrom: link.derivedFrom, derivation: link.derivation };
      const own = await claims.index('by-source').getAll(id);
      await Promise.all([sources.put(next), ...own.map((c) => claims.put({ ...c, ref: { ...c.ref, derivedFrom: link.derivedFrom } }))]);
    }),
  );
  return derived.links;
}
