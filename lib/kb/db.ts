/**
 * Opening the knowledge base. Only extension pages and the background call this: a content
 * script's IndexedDB belongs to the page's origin, so the KB must never be opened there.
 */
import { openDB, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction } from 'idb';
import { canonicalUrl } from '../text/url';
import type { Claim, ClaimKind, Mention, Source, SourceOrigin } from '../types';
import { restatedValue, type IntervalCount } from './legacy';
import { DB_NAME, SCHEMA_VERSION, type KbSchema, type StoredClaim, type StoredSource } from './schema';

export type KbDatabase = IDBPDatabase<KbSchema>;

/**
 * `upgrade` walks every version between the user's and ours, so a profile that skipped a
 * release still gets each step: the steps change stores and indexes, then one pass over the
 * records brings them to the target version's shape, all inside the version-change transaction
 * (no awaits on outside work inside it).
 */
export function openKb(name = DB_NAME, version = SCHEMA_VERSION): Promise<KbDatabase> {
  return openDB<KbSchema>(name, version, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const entities = db.createObjectStore('entities', { keyPath: 'id' });
        entities.createIndex('by-alias', 'keys', { multiEntry: true });
        entities.createIndex('by-type', 'type');
        const sources = db.createObjectStore('sources', { keyPath: 'id' });
        (sources as unknown as LegacyStore).createIndex('by-entity', 'entities', { multiEntry: true });
        sources.createIndex('by-set', 'set');
        sources.createIndex('by-origin', 'origin');
        sources.createIndex('by-url', 'url');
        const claims = db.createObjectStore('claims', { keyPath: 'id' });
        claims.createIndex('by-source', 'source');
        (claims as unknown as LegacyStore).createIndex('by-subject', 'subject');
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      // Older versions' stores and indexes are not in today's typed schema: reach them untyped.
      const legacy = tx.objectStore('claims') as unknown as LegacyStore;
      if (oldVersion < 2 && version >= 2) {
        db.createObjectStore('sets', { keyPath: 'id' });
        tx.objectStore('sources').createIndex('by-fingerprint', 'fingerprint');
        legacy.createIndex('by-lookup', 'lookup');
      }
      if (oldVersion < 3 && version >= 3) {
        if (legacy.indexNames.contains('by-lookup')) legacy.deleteIndex('by-lookup');
        legacy.createIndex('by-key', ['key', 'rank']);
        db.createObjectStore('texts', { keyPath: 'id' });
      }
      if (oldVersion < 4 && version >= 4) {
        const sources = tx.objectStore('sources');
        if (sources.indexNames.contains('by-entity' as never)) sources.deleteIndex('by-entity');
        sources.createIndex('by-topic', 'topics', { multiEntry: true });
        // Claims move to a store keyed in lookup order, [key, rank, id]: comparing a page's claims
        // reads one contiguous range per key rather than one record per index entry. migrateRecords
        // copies the old store over; it is then dropped with its by-subject and by-key indexes.
        (legacy as unknown as { name: string }).name = OLD_CLAIMS;
        db.createObjectStore('claims', { keyPath: ['key', 'rank', 'id'] }).createIndex('by-source', 'source');
      }
      if (oldVersion < 5 && version >= 5) {
        // by-url reads the canonical key (the same article under another URL is one source); the
        // user's sources wait in `rederive` for their claims to be extracted again (rederive.ts).
        const sources = tx.objectStore('sources');
        if (sources.indexNames.contains('by-url')) sources.deleteIndex('by-url');
        sources.createIndex('by-url', 'urlKey');
        db.createObjectStore('rederive', { keyPath: 'id' });
      }
      if (oldVersion > 0 && oldVersion < version) await migrateRecords(tx as unknown as MigrationTx, oldVersion, version);
      if (db.objectStoreNames.contains(OLD_CLAIMS as never)) db.deleteObjectStore(OLD_CLAIMS as never);
      // Bundled claims come from the dataset in today's shape: forgetting its version reseeds them.
      if (oldVersion > 0 && oldVersion < 5 && version >= 5) await tx.objectStore('meta').delete('datasetVersion');
      await tx.objectStore('meta').put({ key: 'schemaVersion', value: version });
    },
  });
}

/** Where v4's upgrade keeps the claims of an older version while it copies them. */
const OLD_CLAIMS = 'claims-before-v4';

type LegacyStore = IDBPObjectStore<unknown, ArrayLike<string>, string, 'versionchange'>;

type MigrationTx = IDBPTransaction<KbSchema, ('claims' | 'sources' | 'texts' | 'rederive')[], 'versionchange'>;

/** An older version's claim: v1 had none of the lookup fields, v2 a `lookup`, v3 today's shape; up to v4, counts as intervals. */
type OldClaim = Omit<Claim, 'value'> & { value: Claim['value'] | IntervalCount } & Partial<Pick<StoredClaim, 'key' | 'rank' | 'ref'>> & { lookup?: string };

/** Brings sources and claims written by an older version to the target version's shape and stores. */
async function migrateRecords(tx: MigrationTx, oldVersion: number, version: number): Promise<void> {
  const moved = oldVersion < 4 && version >= 4;
  const restated = oldVersion < 5 && version >= 5;
  const oldClaims = tx.objectStore((moved ? OLD_CLAIMS : 'claims') as 'claims');
  const sources = tx.objectStore('sources');
  if (version >= 3) {
    for (let cursor = await sources.openCursor(); cursor; cursor = await cursor.continue()) {
      // Records of any earlier version: signatures were number arrays until v4.
      const { text, topics, ...source } = cursor.value as unknown as Source & { text?: string; topics?: string[] };
      if (text !== undefined) await tx.objectStore('texts').put({ id: source.id, text });
      if (version >= 4 && !topics) {
        const claims = await oldClaims.index('by-source').getAll(source.id);
        await cursor.update(storedSource(source, sourceEditions(claims), version));
      } else if (text !== undefined || restated) {
        const key = restated ? urlKeyOf(source.url) : undefined;
        await cursor.update({ ...source, ...(topics ? { topics } : {}), ...(key ? { urlKey: key } : {}) } as unknown as StoredSource);
      }
      // The user's articles are analysed again from their text once the upgrade is over.
      if (restated && source.origin !== 'bundled' && (text !== undefined || (await tx.objectStore('texts').count(source.id)) > 0)) {
        await tx.objectStore('rederive').put({ id: source.id });
      }
    }
  }
  // v3 and v4 claims are in today's lookup shape; they need a walk to change store, or to restate counts.
  if (oldVersion >= 3 && !moved && !restated) return;
  type Ref = Parameters<typeof storedClaim>[1];
  const bySource = new Map<string, Ref>();
  const sourceOf = async (id: string): Promise<Ref> => {
    if (!bySource.has(id)) {
      const source = await sources.get(id);
      bySource.set(id, source ?? { title: '', outlet: '', published: null, url: null, origin: 'imported', derivedFrom: null });
    }
    return bySource.get(id)!;
  };
  for (let cursor = await oldClaims.openCursor(); cursor; cursor = await cursor.continue()) {
    const { value, ...rest } = cursor.value as unknown as OldClaim;
    const stated = restated ? restatedValue(value) : (value as Claim['value']);
    // In place, only restated counts need a write.
    if (oldVersion >= 3 && !moved && stated === value) continue;
    const old = { ...rest, value: stated };
    let next: StoredClaim;
    if (version >= 3) {
      const { lookup: _lookup, key, rank, ref, ...claim } = old;
      next = key !== undefined && rank !== undefined && ref !== undefined ? { ...claim, key, rank, ref } : storedClaim(claim, await sourceOf(claim.source));
    } else {
      next = { ...old, lookup: `${old.subject}@${old.edition ?? '?'}` } as unknown as StoredClaim;
    }
    if (moved) await tx.objectStore('claims').put(next);
    else await cursor.update(next);
  }
}

const RANK: Record<SourceOrigin, number> = { bundled: 0, page: 1, imported: 2 };

/**
 * Where a source sorts among those on the same topic: bundled first, then pages the user added,
 * then imports; newest first within each (an unknown date last). Fixed width, so it sorts as text.
 */
function topicOrder(source: Pick<Source, 'origin' | 'published'>): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(source.published ?? '');
  const inverted = day ? 99_999_999 - Number(day[1]! + day[2]! + day[3]!) : 99_999_999;
  return `${RANK[source.origin]}${String(inverted).padStart(8, '0')}`;
}

const TOPIC_END = '\u0001';

/**
 * The by-topic keys of a source: `<entity><U+0001><order>` for each entity it mentions and
 * `<exercise>@<year><U+0001><order>` for each exercise edition it reports, so one index range per
 * topic lists its sources best first (topicRange).
 */
function topicKeys(source: Pick<Source, 'entities' | 'origin' | 'published'>, editions: Iterable<string>): string[] {
  const order = topicOrder(source);
  return [...new Set([...source.entities, ...editions])].map((topic) => `${topic}${TOPIC_END}${order}`);
}

/** The by-topic range of one entity (`ex:zapad`) or edition (`ex:zapad@2017`). */
export function topicRange(topic: string): IDBKeyRange {
  return IDBKeyRange.bound(`${topic}${TOPIC_END}`, `${topic}\u0002`, false, true);
}

/** Origin ranks, in by-topic order. */
export const ORIGIN_RANKS = [0, 1, 2] as const;

const inverted = (day: string): string => String(99_999_999 - Number(day.replace(/-/g, ''))).padStart(8, '0');

/**
 * The by-topic range of one topic's sources of one origin rank published from `from` to `to`
 * (YYYY-MM-DD): in key order newest first, so read backwards ('prev') it starts at `from`.
 */
export function topicDayRange(topic: string, rank: number, from: string, to: string): IDBKeyRange {
  return IDBKeyRange.bound(`${topic}${TOPIC_END}${rank}${inverted(to)}`, `${topic}${TOPIC_END}${rank}${inverted(from)}`);
}

/** The by-topic range of one topic's undated sources of one origin rank. */
export function topicUndatedRange(topic: string, rank: number): IDBKeyRange {
  return IDBKeyRange.only(`${topic}${TOPIC_END}${rank}99999999`);
}

/** The publication day a by-topic key carries (YYYYMMDD as a number), or null for an undated source. */
export function dayOfTopicKey(key: string): number | null {
  const day = 99_999_999 - Number(key.slice(-8));
  return day > 0 ? day : null;
}

/** Exercise editions (`ex:zapad@2017`) a source reports, from its claims and, when known, its mentions. */
export function sourceEditions(claims: Pick<Claim, 'subject' | 'edition'>[], mentions: Pick<Mention, 'id' | 'type' | 'edition'>[] = []): string[] {
  const out = new Set<string>();
  for (const c of claims) if (c.edition != null) out.add(`${c.subject}@${c.edition}`);
  for (const m of mentions) if (m.type === 'exercise' && m.edition != null) out.add(`${m.id}@${m.edition}`);
  return [...out];
}

/** The by-url key of a source's URL: the article's canonical URL. */
export function urlKeyOf(url: string | null | undefined): string | undefined {
  return canonicalUrl(url) ?? undefined;
}

/** A source as stored, with its by-topic keys, its by-url key (from v5) and its signature packed. */
export function storedSource({ signature, ...source }: Source, editions: Iterable<string>, version = SCHEMA_VERSION): StoredSource {
  const urlKey = version >= 5 ? urlKeyOf(source.url) : undefined;
  return { ...source, ...(signature ? { signature: Uint32Array.from(signature) } : {}), topics: topicKeys(source, editions), ...(urlKey ? { urlKey } : {}) };
}

/** A stored source as readers see it: without its index keys, its signature a plain array. */
export function plainSource({ topics: _topics, urlKey: _urlKey, signature, ...source }: StoredSource): Source {
  return signature ? { ...source, signature: Array.from(signature) } : source;
}

export function claimKey(subject: string, edition: number | null, kind: ClaimKind): string {
  return `${subject}@${edition ?? '?'}#${kind}`;
}

/** A claim as stored: with the key comparison reads it by, its origin's reading rank and its source's reference. */
export function storedClaim(claim: Claim, source: Pick<Source, 'title' | 'outlet' | 'published' | 'url' | 'origin' | 'derivedFrom' | 'retells'>): StoredClaim {
  return {
    ...claim,
    key: claimKey(claim.subject, claim.edition, claim.kind),
    rank: RANK[source.origin],
    ref: {
      title: source.title,
      outlet: source.outlet,
      published: source.published,
      url: source.url,
      origin: source.origin,
      derivedFrom: source.derivedFrom ?? null,
      // The outlet its lede credits: a source read only through its claims still shares that origin.
      ...(source.retells ? { retells: source.retells } : {}),
    },
  };
}

/** The source a stored claim refers to, rebuilt from its reference (enough for evidence and independence). */
export function sourceOfClaim(claim: Pick<StoredClaim, 'source' | 'ref'>): Source {
  return { id: claim.source, ...claim.ref, language: 'und', set: '', entities: [] };
}
