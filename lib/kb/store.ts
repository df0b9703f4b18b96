/**
 * Reading the KB for annotation. The pipeline depends on this interface, not on IndexedDB, so
 * the CLI and the extension run the same code over the same idb-backed store.
 */
import type { Claim, ClaimKind, Entity, EntityType, Source } from '../types';
import { claimKey, plainSource, sourceOfClaim, topicRange, urlKeyOf, type KbDatabase } from './db';
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { KbSchema, StoredSource } from './schema';

export interface KbReader {
  entities(): Promise<Entity[]>;
  /**
   * Sources about the given entities, best first: with an exercise among them, sources reporting
   * the same editions, then the same exercises; otherwise sources sharing several of the
   * organisations and countries. Ties go to bundled sources, then the newest.
   */
  sourcesMentioning(ids: TopicQuery[], limit?: number): Promise<{ source: Source; shared: string[] }[]>;
  /**
   * Claims comparable with the given ones (same subject, edition and kind), bundled first, at most
   * `perKey` per kind, each with its source rebuilt from the claim's stored reference.
   */
  claimsFor(keys: { subject: string; edition: number | null; kind: ClaimKind }[], perKey?: number): Promise<{ claim: Claim; source: Source }[]>;
  sourcesById(ids: string[]): Promise<Source[]>;
  sourcesByUrlOrFingerprint(url: string | null, fingerprint: string): Promise<Source[]>;
}

/** An entity the page mentions, with the exercise editions it names. */
export interface TopicQuery {
  id: string;
  type: EntityType;
  editions?: number[];
}

/** Exercises say most about what a source is about; a shared country says little. */
export const WEIGHT: Record<EntityType, number> = { exercise: 5, organization: 2, country: 1 };
/** A source reporting the very edition the page is about ranks above one about another year. */
const EDITION_WEIGHT = WEIGHT.exercise + 3;
/** Without a shared exercise, the least a source must share to be related (an organisation and a country). */
export const MIN_SCORE = 3;
/** Exercises read per page: a round-up naming dozens must not cost dozens of reads. */
export const MAX_EXERCISES = 8;
/** Keys read per organisation or country (best first): a country named in 50,000 articles must not cost a full index scan. */
const KEYS_PER_ENTITY = 100;
/**
 * Claims read per (subject, edition, kind): enough for every source a reader could weigh, and a
 * bound on the page's lookup cost however large the user's dataset grows.
 */
const CLAIMS_PER_KEY = 16;

type Scored = { points: Map<string, number>; order: number };

/** A source's points for an entity are the best of its reads (edition or series); entities add up. */
function addScore(scores: Map<string, Scored>, id: string, entity: string, points: number, order: number): void {
  const entry = scores.get(id) ?? { points: new Map<string, number>(), order };
  entry.points.set(entity, Math.max(entry.points.get(entity) ?? 0, points));
  entry.order = Math.min(entry.order, order);
  scores.set(id, entry);
}

const total = (s: Scored): number => [...s.points.values()].reduce((a, b) => a + b, 0);

/** Best score first; among equals, the one that came first in a topic's own order (bundled, newest). */
function best(scores: Map<string, Scored>, limit: number): { id: string; shared: string[] }[] {
  return [...scores.entries()]
    .map(([id, v]) => ({ id, shared: [...v.points.keys()], score: total(v), order: v.order }))
    .filter((v) => v.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ id, shared }) => ({ id, shared }));
}

/** The sources store of any transaction over it. */
type SourcesStore = IDBPObjectStore<KbSchema, ArrayLike<StoreNames<KbSchema>>, 'sources', IDBTransactionMode>;

/**
 * KbReader.sourcesMentioning over the sources store of a transaction the caller holds (a page's
 * shared read, or an import's write: its derivations are found among these).
 */
export async function sourcesOnTopics(sources: SourcesStore, ids: TopicQuery[], limit = 24): Promise<{ source: Source; shared: string[] }[]> {
  const index = sources.index('by-topic');
  // With an exercise on the page, sources about it are the ones worth reading; countries and
  // organisations alone would pull in every article about them. An edition's best sources are
  // read whole (they usually fill the list); other topics give keys only, from the index, and
  // just the winners among them are read.
  const exercises = ids.filter((e) => e.type === 'exercise').slice(0, MAX_EXERCISES);
  const reads = exercises.length
    ? exercises.flatMap((e) => [
        ...(e.editions ?? []).map((year) => ({ entity: e.id, topic: `${e.id}@${year}`, points: EDITION_WEIGHT, whole: true, count: limit })),
        { entity: e.id, topic: e.id, points: WEIGHT.exercise, whole: false, count: limit },
      ])
    : ids.map((e) => ({ entity: e.id, topic: e.id, points: WEIGHT[e.type], whole: false, count: KEYS_PER_ENTITY }));
  const found = new Map<string, StoredSource>();
  const lists = await Promise.all(
    reads.map(async (r) => {
      if (!r.whole) return index.getAllKeys(topicRange(r.topic), r.count);
      const records = await index.getAll(topicRange(r.topic), r.count);
      for (const s of records) found.set(s.id, s);
      return records.map((s) => s.id);
    }),
  );
  const scores = new Map<string, Scored>();
  reads.forEach((r, i) => lists[i]!.forEach((id, rankInTopic) => addScore(scores, id, r.entity, r.points, rankInTopic)));
  const ranked = best(scores, limit);
  const rest = await Promise.all(ranked.map(({ id }) => (found.has(id) ? Promise.resolve(undefined) : sources.get(id))));
  return ranked.flatMap(({ id, shared }, i) => {
    const source = found.get(id) ?? rest[i];
    return source ? [{ source: plainSource(source), shared }] : [];
  });
}

/**
 * The reads of one synchronous stretch of code share one read-only transaction: a page's lookups
 * are issued together (annotateArticle), so they cost one transaction and the store can serve the
 * first while the caller is still computing the next. The transaction is forgotten at the next
 * microtask, before the caller can yield to the event loop (after which it would have committed).
 * Results are final when their requests succeed: nobody waits for the transaction's complete
 * event, which would only add a round trip (a failed request still rejects its own promise).
 */
function readScope(db: KbDatabase) {
  let shared: IDBPTransaction<KbSchema, ('sources' | 'claims')[], 'readonly'> | null = null;
  return () => {
    if (!shared) {
      const tx = db.transaction(['sources', 'claims']);
      tx.done.catch(() => undefined);
      shared = tx;
      queueMicrotask(() => {
        if (shared === tx) shared = null;
      });
    }
    return shared;
  };
}

export function idbReader(db: KbDatabase): KbReader {
  const read = readScope(db);
  return {
    async entities() {
      const stored = await db.getAll('entities');
      return stored.map(({ keys: _keys, ...e }) => e);
    },
    sourcesMentioning(ids, limit = 24) {
      return sourcesOnTopics(read().objectStore('sources'), ids, limit);
    },
    async claimsFor(keys, perKey = CLAIMS_PER_KEY) {
      const unique = [...new Set(keys.map((k) => claimKey(k.subject, k.edition, k.kind)))];
      const claims = read().objectStore('claims');
      // The store is keyed [key, rank, id]: each key's claims are one contiguous range, bundled first.
      const lists = await Promise.all(unique.map((key) => claims.getAll(IDBKeyRange.bound([key, 0], [key, Infinity]), perKey)));
      return lists.flat().map(({ key: _key, rank: _rank, ref, ...claim }) => ({ claim, source: sourceOfClaim({ source: claim.source, ref }) }));
    },
    async sourcesById(ids) {
      if (ids.length === 0) return [];
      const sources = read().objectStore('sources');
      const found = await Promise.all(ids.map((id) => sources.get(id)));
      return found.filter((s) => !!s).map(plainSource);
    },
    async sourcesByUrlOrFingerprint(url, fingerprint) {
      const sources = read().objectStore('sources');
      // The same article under another URL (www., AMP, tracking parameters...) is found too.
      const key = urlKeyOf(url);
      const [byUrl, byPrint] = await Promise.all([
        key ? sources.index('by-url').getAll(key) : Promise.resolve([]),
        sources.index('by-fingerprint').getAll(fingerprint),
      ]);
      const seen = new Map<string, Source>();
      for (const s of [...byUrl, ...byPrint]) seen.set(s.id, plainSource(s));
      return [...seen.values()];
    },
  };
}
