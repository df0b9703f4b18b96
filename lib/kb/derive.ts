/**
 * Derivation of the user's sources as they are stored (an import batch, the upgrade's
 * re-derivation): inside the batch's write transaction, the KB's sources that may be the same
 * story (same topics, near in time) are read with their texts, deriveBatch links each article of
 * the batch to what it retells, and a stored source found to retell one of the batch is relinked,
 * its claims' references with it. Everything awaited here is a request of the transaction; the
 * comparison itself is synchronous.
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { deriveBatch, signatureSimilarity, type DerivationLink } from '../claims';
import type { Detector } from '../detect';
import { articleTopics, outletNames } from '../pipeline/analyze';
import type { Mention, Source } from '../types';
import { dayOfTopicKey, ORIGIN_RANKS, plainSource, topicDayRange, topicUndatedRange } from './db';
import type { KbSchema, StoredSource } from './schema';
import { MAX_EXERCISES, MIN_SCORE, sourcesOnTopics, WEIGHT } from './store';

/** Stored sources an article is compared with. */
const CANDIDATES = 24;
/** Copies, translations and citations of a story appear within days of it. */
const WINDOW_DAYS = 14;
/** Keys read per topic, origin and side of the article's date, nearest first. */
const PER_READ = 12;
const DAY_MS = 86_400_000;
/** Organisations and countries read for an article that names no exercise. */
const MAX_ENTITIES = 12;

/** A write transaction over (at least) sources, claims and texts. */
type WriteTx = IDBPTransaction<KbSchema, ArrayLike<StoreNames<KbSchema>>, 'readwrite'>;
type SourcesStore = IDBPObjectStore<KbSchema, ArrayLike<StoreNames<KbSchema>>, 'sources', 'readwrite'>;

const dayMs = (yyyymmdd: number): number => Date.UTC(Math.floor(yyyymmdd / 10_000), (Math.floor(yyyymmdd / 100) % 100) - 1, yyyymmdd % 100);

/** Source ids (with their days) of one by-topic range, in the given direction, at most PER_READ. */
async function idsIn(sources: SourcesStore, range: IDBKeyRange, direction: IDBCursorDirection): Promise<{ id: string; day: number | null }[]> {
  const out: { id: string; day: number | null }[] = [];
  for (let c = await sources.index('by-topic').openKeyCursor(range, direction); c; c = out.length < PER_READ ? await c.continue() : null) {
    out.push({ id: c.primaryKey, day: dayOfTopicKey(c.key) });
  }
  return out;
}

/**
 * Stored sources that may be the same story as an article: on its exercises (or, naming none,
 * enough of its organisations and countries) and published within two weeks of it, the nearest
 * in time first, then undated ones. A story's copies sit next to it in time, whatever else the KB
 * holds about the exercise, so this finds them in a large import where "the best sources on the
 * topic" would not. An undated article is compared with its best sources on its topics.
 */
async function storyCandidates(sources: SourcesStore, article: ArticleToDerive): Promise<Source[]> {
  const topics = articleTopics(article.text, article.mentions);
  const day = /^\d{4}-\d{2}-\d{2}/.exec(article.source.published ?? '')?.[0];
  const at = day ? Date.parse(day) : NaN;
  if (!day || Number.isNaN(at)) return (await sourcesOnTopics(sources, topics, CANDIDATES)).map((r) => r.source);
  const exercises = topics.filter((t) => t.type === 'exercise').slice(0, MAX_EXERCISES);
  // Without an exercise, the entities named first (a round-up naming dozens of countries must not cost dozens of reads).
  const reads = exercises.length ? exercises : topics.slice(0, MAX_ENTITIES);
  const shifted = (days: number): string => new Date(at + days * DAY_MS).toISOString().slice(0, 10);
  const lists = await Promise.all(
    reads.flatMap((topic) =>
      ORIGIN_RANKS.flatMap((rank) => [
        idsIn(sources, topicDayRange(topic.id, rank, shifted(-WINDOW_DAYS), day), 'next').then((ids) => ({ topic, ids })),
        idsIn(sources, topicDayRange(topic.id, rank, shifted(1), shifted(WINDOW_DAYS)), 'prev').then((ids) => ({ topic, ids })),
        // An undated copy may be of any day: it is compared too, after the dated ones.
        idsIn(sources, topicUndatedRange(topic.id, rank), 'next').then((ids) => ({ topic, ids })),
      ]),
    ),
  );
  const found = new Map<string, { topics: Set<string>; points: number; distance: number }>();
  for (const { topic, ids } of lists) {
    for (const { id, day: d } of ids) {
      const entry = found.get(id) ?? { topics: new Set<string>(), points: 0, distance: d === null ? Infinity : Math.abs(dayMs(d) - at) };
      if (!entry.topics.has(topic.id)) {
        entry.topics.add(topic.id);
        entry.points += WEIGHT[topic.type];
      }
      found.set(id, entry);
    }
  }
  const ranked = [...found.entries()]
    .filter(([, e]) => exercises.length || e.points >= MIN_SCORE)
    .sort(([, a], [, b]) => b.points - a.points || a.distance - b.distance)
    .slice(0, CANDIDATES);
  const records = await Promise.all(ranked.map(([id]) => sources.get(id)));
  return records.filter((r) => !!r).map(plainSource);
}

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
  const found = await Promise.all(batch.map((a) => storyCandidates(sources, a)));
  const candidates = new Map<string, Source>();
  // Exact shingle sets (a trimmed copy, whole sentences shared) need the stored texts; a text whose
  // signature shares not one slot with the article's (Jaccard under a few percent) is not read.
  const worthReading = new Set<string>();
  found.forEach((list, i) => {
    const signature = batch[i]!.source.signature;
    for (const source of list) {
      candidates.set(source.id, source);
      if (!signature || !source.signature || signatureSimilarity(signature, source.signature) > 0) worthReading.add(source.id);
    }
  });
  const stored = await Promise.all([...worthReading].map((id) => texts.get(id)));
  for (const t of stored) if (t) candidates.set(t.id, { ...candidates.get(t.id)!, text: t.text });
  const derived = deriveBatch(
    batch.map((a) => ({ source: { ...a.source, text: a.text }, mentions: a.mentions })),
    {
      storedFor: (item) => found[batch.findIndex((a) => a.source.id === item.source.id)]!.map((source) => candidates.get(source.id)!),
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
