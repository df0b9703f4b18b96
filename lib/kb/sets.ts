/** The user's article sets: list, rename, delete, export and re-import. */
import type { KbDatabase } from './db';
import type { ImportSet } from './schema';

export async function listSets(db: KbDatabase): Promise<ImportSet[]> {
  return (await db.getAll('sets')).sort((a, b) => b.updated.localeCompare(a.updated));
}

export async function renameSet(db: KbDatabase, id: string, name: string): Promise<void> {
  const tx = db.transaction('sets', 'readwrite');
  const set = await tx.store.get(id);
  if (set) await tx.store.put({ ...set, name: name.trim() || set.name });
  await tx.done;
}

/** Deletes a set with its sources and their claims, in one transaction. */
export async function deleteSet(db: KbDatabase, id: string): Promise<number> {
  const tx = db.transaction(['sets', 'sources', 'claims', 'texts'], 'readwrite');
  const ids = await tx.objectStore('sources').index('by-set').getAllKeys(id);
  const claims = tx.objectStore('claims');
  await Promise.all(
    ids.map(async (sid) => {
      const keys = await claims.index('by-source').getAllKeys(sid);
      await Promise.all([...keys.map((k) => claims.delete(k)), tx.objectStore('sources').delete(sid), tx.objectStore('texts').delete(sid)]);
    }),
  );
  await tx.objectStore('sets').delete(id);
  await tx.done;
  return ids.length;
}

/** Removes one user source (undo of "Add this page"). Bundled sources cannot be removed. */
export async function removeSource(db: KbDatabase, id: string): Promise<boolean> {
  const tx = db.transaction(['sets', 'sources', 'claims', 'texts'], 'readwrite');
  const source = await tx.objectStore('sources').get(id);
  if (!source || source.origin === 'bundled') {
    await tx.done;
    return false;
  }
  const keys = await tx.objectStore('claims').index('by-source').getAllKeys(id);
  await Promise.all(keys.map((k) => tx.objectStore('claims').delete(k)));
  await tx.objectStore('sources').delete(id);
  await tx.objectStore('texts').delete(id);
  const set = await tx.objectStore('sets').get(source.set);
  if (set) {
    if (set.count <= 1) await tx.objectStore('sets').delete(set.id);
    else await tx.objectStore('sets').put({ ...set, count: set.count - 1 });
  }
  await tx.done;
  return true;
}

export interface UserExport {
  format: 'triangulate-user-data';
  version: 1;
  exported: string;
  sets: { id: string; name: string; origin: ImportSet['origin']; created: string; articles: ExportedArticle[] }[];
}

export interface ExportedArticle {
  title: string;
  outlet: string;
  published: string | null;
  url: string | null;
  language: string;
  text: string;
}

/** Everything the user imported or added, as JSON that the importer reads back into the same sets. */
export async function exportUserData(db: KbDatabase): Promise<UserExport> {
  const sets = await listSets(db);
  const out: UserExport = { format: 'triangulate-user-data', version: 1, exported: new Date().toISOString(), sets: [] };
  for (const set of sets) {
    const sources = await db.getAllFromIndex('sources', 'by-set', set.id);
    const tx = db.transaction('texts');
    const texts = await Promise.all(sources.map((s) => tx.store.get(s.id)));
    await tx.done;
    const textOf = new Map(texts.filter((t) => !!t).map((t) => [t.id, t.text]));
    out.sets.push({
      id: set.id,
      name: set.name,
      origin: set.origin,
      created: set.created,
      articles: sources
        .sort((a, b) => (a.added ?? '').localeCompare(b.added ?? '') || a.id.localeCompare(b.id))
        .map((s) => ({ title: s.title, outlet: s.outlet, published: s.published, url: s.url, language: s.language, text: textOf.get(s.id) ?? '' })),
    });
  }
  return out;
}

export function isUserExport(v: unknown): v is UserExport {
  const o = v as UserExport | null;
  return !!o && typeof o === 'object' && o.format === 'triangulate-user-data' && Array.isArray(o.sets);
}

export interface StorageUse {
  sources: number;
  claims: number;
  /** Bytes used by the extension origin, when the browser tells. */
  bytes: number | null;
  quota: number | null;
}

export async function storageUse(db: KbDatabase): Promise<StorageUse> {
  const [sources, claims] = await Promise.all([db.count('sources'), db.count('claims')]);
  const estimate = typeof navigator !== 'undefined' && navigator.storage?.estimate ? await navigator.storage.estimate() : null;
  return { sources, claims, bytes: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
