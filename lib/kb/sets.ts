/** The user's article sets: list, rename, delete, export and re-import. */
import type { KbDatabase } from './db';
import type { ImportSet, StoredSource } from './schema';

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
  /**
   * The stored id, and what the article retells: a restore sets these links once every record is
   * in (restoreLinks), so they do not depend on the order the records come in. Older exports lack them.
   */
  id?: string;
  derivedFrom?: string | null;
  derivation?: string;
  retells?: string;
}

/** A restored article's link as its export gives it. */
export interface ExportedLink {
  id: string;
  derivedFrom: string | null;
  derivation?: string;
  retells?: string;
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
        .map((s) => ({
          title: s.title,
          outlet: s.outlet,
          published: s.published,
          url: s.url,
          language: s.language,
          text: textOf.get(s.id) ?? '',
          id: s.id,
          derivedFrom: s.derivedFrom ?? null,
          ...(s.derivation ? { derivation: s.derivation } : {}),
          ...(s.retells ? { retells: s.retells } : {}),
        })),
    });
  }
  return out;
}

/** The links an export gives its articles (an export from before links were exported gives none). */
export function exportedLinks(data: UserExport): ExportedLink[] {
  const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  return data.sets.flatMap((set) =>
    (Array.isArray(set.articles) ? set.articles : []).flatMap((a): ExportedLink[] => {
      if (!a || !str(a.id) || !(a.derivedFrom === null || str(a.derivedFrom))) return [];
      return [{ id: a.id, derivedFrom: a.derivedFrom, ...(str(a.derivation) ? { derivation: a.derivation } : {}), ...(str(a.retells) ? { retells: a.retells } : {}) }];
    }),
  );
}

/**
 * Gives the articles a restore stored the links their export gives them, once every record is in:
 * an import links each batch as it comes (what an article retells must already be stored, or come
 * in its batch), so without this the restored KB would depend on the order of the records. A link
 * to a source that is not stored (a bundled source a newer dataset dropped) is left out. The
 * claims' references follow their source, as when an import relinks a source (derive.ts).
 */
export async function restoreLinks(db: KbDatabase, links: ExportedLink[]): Promise<number> {
  if (!links.length) return 0;
  const tx = db.transaction(['sources', 'claims'], 'readwrite');
  const sources = tx.objectStore('sources');
  const claims = tx.objectStore('claims');
  let changed = 0;
  for (const link of links) {
    const record = await sources.get(link.id);
    if (!record || record.origin === 'bundled') continue;
    const target = link.derivedFrom && link.derivedFrom !== link.id && (await sources.getKey(link.derivedFrom)) !== undefined ? link.derivedFrom : null;
    const { derivation: _derivation, retells: _retells, ...rest } = record;
    const next: StoredSource = {
      ...rest,
      derivedFrom: target,
      ...(target && link.derivation ? { derivation: link.derivation } : {}),
      ...(link.retells ? { retells: link.retells } : {}),
    };
    if ((record.derivedFrom ?? null) === next.derivedFrom && record.derivation === next.derivation && record.retells === next.retells) continue;
    changed++;
    const own = await claims.index('by-source').getAll(link.id);
    await Promise.all([
      sources.put(next),
      ...own.map((c) => {
        const { retells: _r, ...ref } = c.ref;
        return claims.put({ ...c, ref: { ...ref, derivedFrom: target, ...(next.retells ? { retells: next.retells } : {}) } });
      }),
    ]);
  }
  await tx.done;
  return changed;
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
