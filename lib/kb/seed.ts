/**
 * (Re)seeds the bundled part of the KB. Runs on install and whenever the dataset version
 * changes; sources the user imported or added from a page are never touched.
 */
import type { Dataset } from '../dataset/types';
import { nameKey } from '../detect/tokens';
import type { Claim, Entity } from '../types';
import { sourceEditions, storedClaim, storedSource, type KbDatabase } from './db';
import type { StoredEntity } from './schema';

export function storedEntity(e: Entity): StoredEntity {
  const names = [e.name, ...e.aliases, ...(e.demonyms ?? []), ...(e.variants ?? []), ...(e.native ?? []).map((n) => n.text)];
  return { ...e, keys: [...new Set(names.map(nameKey).filter(Boolean))] };
}

export async function currentDatasetVersion(db: KbDatabase): Promise<string | null> {
  const record = await db.get('meta', 'datasetVersion');
  return record ? String(record.value) : null;
}

/** Returns true when it (re)seeded, false when the KB already holds this dataset version. */
export async function seedBundled(db: KbDatabase, dataset: Dataset): Promise<boolean> {
  if ((await currentDatasetVersion(db)) === dataset.version) return false;
  const tx = db.transaction(['entities', 'sources', 'claims', 'texts', 'meta'], 'readwrite');
  const sources = tx.objectStore('sources');
  const claims = tx.objectStore('claims');
  const oldBundled = await sources.index('by-origin').getAllKeys('bundled');
  const pending: Promise<unknown>[] = [];
  for (const id of oldBundled) {
    pending.push(sources.delete(id));
    pending.push(tx.objectStore('texts').delete(id));
    pending.push(
      claims
        .index('by-source')
        .getAllKeys(id)
        .then((keys) => Promise.all(keys.map((k) => claims.delete(k)))),
    );
  }
  // Entities all come from the bundle, so the store is replaced whole.
  pending.push(tx.objectStore('entities').clear());
  await Promise.all(pending);
  const writes: Promise<unknown>[] = [];
  for (const e of dataset.entities) writes.push(tx.objectStore('entities').put(storedEntity(e)));
  const claimsOf = new Map<string, Claim[]>();
  for (const c of dataset.claims) claimsOf.set(c.source, [...(claimsOf.get(c.source) ?? []), c]);
  for (const { text, ...s } of dataset.sources) {
    writes.push(sources.put(storedSource(s, sourceEditions(claimsOf.get(s.id) ?? []))));
    if (text !== undefined) writes.push(tx.objectStore('texts').put({ id: s.id, text }));
  }
  const sourceById = new Map(dataset.sources.map((s) => [s.id, s]));
  for (const c of dataset.claims) {
    const source = sourceById.get(c.source);
    if (source) writes.push(claims.put(storedClaim(c, source)));
  }
  writes.push(tx.objectStore('meta').put({ key: 'datasetVersion', value: dataset.version }));
  writes.push(tx.objectStore('meta').put({ key: 'seededAt', value: new Date().toISOString() }));
  await Promise.all(writes);
  await tx.done;
  return true;
}
