/**
 * Opening the knowledge base. Only extension pages and the background call this: a content
 * script's IndexedDB belongs to the page's origin, so the KB must never be opened there.
 */
import { openDB, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction } from 'idb';
import type { Claim, ClaimKind, Source, SourceOrigin } from '../types';
import { DB_NAME, SCHEMA_VERSION, type KbSchema, type StoredClaim } from './schema';

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
        sources.createIndex('by-entity', 'entities', { multiEntry: true });
        sources.createIndex('by-set', 'set');
        sources.createIndex('by-origin', 'origin');
        sources.createIndex('by-url', 'url');
        const claims = db.createObjectStore('claims', { keyPath: 'id' });
        claims.createIndex('by-source', 'source');
        claims.createIndex('by-subject', 'subject');
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      // Older versions' stores and indexes are not in today's typed schema: reach them untyped.
      const legacy = tx.objectStore('claims') as unknown as IDBPObjectStore<unknown, ArrayLike<string>, string, 'versionchange'>;
      if (oldVersion < 2 && version >= 2) {
        db.createObjectStore('sets', { keyPath: 'id' });
        tx.objectStore('sources').createIndex('by-fingerprint', 'fingerprint');
        legacy.createIndex('by-lookup', 'lookup');
      }
      if (oldVersion < 3 && version >= 3) {
        if (legacy.indexNames.contains('by-lookup')) legacy.deleteIndex('by-lookup');
        tx.objectStore('claims').createIndex('by-key', ['key', 'rank']);
        db.createObjectStore('texts', { keyPath: 'id' });
      }
      if (oldVersion > 0 && oldVersion < version) await migrateRecords(tx as unknown as MigrationTx, version);
      await tx.objectStore('meta').put({ key: 'schemaVersion', value: version });
    },
  });
}

type MigrationTx = IDBPTransaction<KbSchema, ('claims' | 'sources' | 'texts')[], 'versionchange'>;

/** Brings claims (and, from v3, sources) written by an older version to the target version's shape. */
async function migrateRecords(tx: MigrationTx, version: number): Promise<void> {
  const sources = tx.objectStore('sources');
  if (version >= 3) {
    for (let cursor = await sources.openCursor(); cursor; cursor = await cursor.continue()) {
      const { text, ...source } = cursor.value;
      if (text === undefined) continue;
      await tx.objectStore('texts').put({ id: source.id, text });
      await cursor.update(source);
    }
  }
  const bySource = new Map<string, Source>();
  for (let cursor = await tx.objectStore('claims').openCursor(); cursor; cursor = await cursor.continue()) {
    const { lookup: _old, key: _key, rank: _rank, ref: _ref, ...claim } = cursor.value as StoredClaim & { lookup?: string };
    if (version >= 3) {
      if (!bySource.has(claim.source)) {
        const source = await sources.get(claim.source);
        bySource.set(claim.source, source ?? { id: claim.source, title: '', outlet: '', published: null, url: null, language: 'und', origin: 'imported', set: '', entities: [] });
      }
      await cursor.update(storedClaim(claim, bySource.get(claim.source)!));
    } else {
      await cursor.update({ ...claim, lookup: `${claim.subject}@${claim.edition ?? '?'}` } as unknown as StoredClaim);
    }
  }
}

const RANK: Record<SourceOrigin, number> = { bundled: 0, page: 1, imported: 2 };

export function claimKey(subject: string, edition: number | null, kind: ClaimKind): string {
  return `${subject}@${edition ?? '?'}#${kind}`;
}

/** A claim as stored: with the key comparison reads it by, its origin's reading rank and its source's reference. */
export function storedClaim(claim: Claim, source: Pick<Source, 'title' | 'outlet' | 'published' | 'url' | 'origin' | 'derivedFrom'>): StoredClaim {
  return {
    ...claim,
    key: claimKey(claim.subject, claim.edition, claim.kind),
    rank: RANK[source.origin],
    ref: { title: source.title, outlet: source.outlet, published: source.published, url: source.url, origin: source.origin, derivedFrom: source.derivedFrom ?? null },
  };
}

/** The source a stored claim refers to, rebuilt from its reference (enough for evidence and independence). */
export function sourceOfClaim(claim: Pick<StoredClaim, 'source' | 'ref'>): Source {
  return { id: claim.source, ...claim.ref, language: 'und', set: '', entities: [] };
}
