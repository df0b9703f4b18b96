/**
 * Opening the knowledge base. Only extension pages and the background call this: a content
 * script's IndexedDB belongs to the page's origin, so the KB must never be opened there.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, SCHEMA_VERSION, type KbSchema } from './schema';

export type KbDatabase = IDBPDatabase<KbSchema>;

/**
 * `upgrade` walks every version between the user's and ours, so a profile that skipped a
 * release still gets each step. Steps only add stores and indexes, and backfill them in the
 * same version-change transaction (no awaits on outside work inside it).
 */
export function openKb(name = DB_NAME, version = SCHEMA_VERSION): Promise<KbDatabase> {
  return openDB<KbSchema>(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
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
      if (oldVersion < 2 && version >= 2) {
        db.createObjectStore('sets', { keyPath: 'id' });
        tx.objectStore('sources').createIndex('by-fingerprint', 'fingerprint');
        const claims = tx.objectStore('claims');
        claims.createIndex('by-lookup', 'lookup');
        // v1 claims had no lookup key: derive it so old user claims stay findable.
        void claims.openCursor().then(async function backfill(cursor): Promise<void> {
          if (!cursor) return;
          const claim = cursor.value;
          if (!claim.lookup) await cursor.update({ ...claim, lookup: claimLookup(claim.subject, claim.edition) });
          return backfill(await cursor.continue());
        });
      }
      void tx.objectStore('meta').put({ key: 'schemaVersion', value: version });
    },
    blocking() {
      // Another context wants a newer schema: let it proceed; callers reopen on next use.
    },
  });
}

export function claimLookup(subject: string, edition: number | null): string {
  return `${subject}@${edition ?? '?'}`;
}
