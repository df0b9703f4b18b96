import { describe, expect, it } from 'vitest';
import { openKb, storedClaim } from '../../lib/kb/db';
import { seedBundled } from '../../lib/kb/seed';
import { idbReader } from '../../lib/kb/store';
import { SCHEMA_VERSION } from '../../lib/kb/schema';
import type { Dataset } from '../../lib/dataset/types';
import type { Claim, Source } from '../../lib/types';

let n = 0;
const freshName = () => `kb-test-${++n}-${Math.random()}`;

const entity = (id: string, type: 'exercise' | 'country' | 'organization', name: string, aliases: string[] = []) => ({ id, type, name, aliases, description: `${name} (test)` });

function source(id: string, origin: Source['origin'], entities: string[], extra: Partial<Source> = {}): Source {
  return { id, title: `Title ${id}`, outlet: 'Harbor Ledger', published: '2019-12-03', language: 'en', url: `https://example.test/${id}`, origin, set: origin === 'bundled' ? 'bundled' : 'my-set', entities, ...extra };
}

function claim(id: string, src: string, value = 30): Claim {
  return { id, source: src, subject: 'ex:cyber-coalition', edition: 2019, kind: 'nations', value: { type: 'count', min: value, max: null, hedge: 'more-than' }, sentence: 'More than 30 nations took part.' };
}

function dataset(version: string, sources: Source[], claims: Claim[]): Dataset {
  return { version, entities: [entity('ex:cyber-coalition', 'exercise', 'Cyber Coalition'), entity('country:JP', 'country', 'Japan', ['Nippon'])], sources, claims };
}

describe('knowledge base', () => {
  const byKey = (key: string) => IDBKeyRange.bound([key, 0], [key, 9]);

  it('upgrades a v1 database filled with user data to the current schema with nothing lost', async () => {
    const name = freshName();
    const v1 = await openKb(name, 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['claims', 'entities', 'meta', 'sources']);
    // A v1 profile: user sources with their text inline, a claim, and a seeded entity.
    const tx = v1.transaction(['sources', 'claims', 'entities'], 'readwrite');
    await tx.objectStore('sources').put(source('imp:a', 'imported', ['ex:cyber-coalition'], { text: 'More than 30 nations took part.' }));
    await tx.objectStore('sources').put(source('page:b', 'page', ['country:JP']));
    await tx.objectStore('claims').put(claim('imp:a#0', 'imp:a') as never);
    await tx.objectStore('entities').put({ ...entity('country:JP', 'country', 'Japan'), keys: ['japan'] });
    await tx.done;
    v1.close();

    const db = await openKb(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['claims', 'entities', 'meta', 'sets', 'sources', 'texts']);
    expect((await db.getAll('sources')).map((s) => s.id).sort()).toEqual(['imp:a', 'page:b']);
    expect(await db.get('entities', 'country:JP')).toMatchObject({ name: 'Japan' });
    // The text moved to its own store; the source keeps its metadata.
    expect(await db.get('texts', 'imp:a')).toEqual({ id: 'imp:a', text: 'More than 30 nations took part.' });
    expect((await db.get('sources', 'imp:a'))?.text).toBeUndefined();
    // The migrated claim is found through today's index, ranked as an import.
    const found = await db.getAllFromIndex('claims', 'by-key', byKey('ex:cyber-coalition@2019#nations'));
    expect(found.map((c) => [c.id, c.rank])).toEqual([['imp:a#0', 2]]);
    expect((await db.get('meta', 'schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a v2 database (claims keyed by subject@edition) without losing claims', async () => {
    const name = freshName();
    const v2 = await openKb(name, 2);
    expect(v2.transaction('claims').store.indexNames.contains('by-lookup' as never)).toBe(true);
    await v2.put('sources', source('src:seed', 'bundled', ['ex:cyber-coalition']));
    await v2.put('claims', { ...claim('src:seed#0', 'src:seed'), lookup: 'ex:cyber-coalition@2019' } as never);
    await v2.put('sets', { id: 'my-set', name: 'Mine', origin: 'imported', created: 'x', updated: 'x', count: 0, files: [] });
    v2.close();

    const db = await openKb(name);
    expect(db.transaction('claims').store.indexNames.contains('by-lookup' as never)).toBe(false);
    const found = await db.getAllFromIndex('claims', 'by-key', byKey('ex:cyber-coalition@2019#nations'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'src:seed#0', rank: 0 });
    expect(found[0]).not.toHaveProperty('lookup');
    expect(await db.get('sets', 'my-set')).toMatchObject({ name: 'Mine' });
    db.close();
  });

  it('reseeds bundled data on a version bump and keeps what the user imported', async () => {
    const db = await openKb(freshName());
    expect(await seedBundled(db, dataset('v1', [source('src:old', 'bundled', ['ex:cyber-coalition'])], [claim('src:old#0', 'src:old')]))).toBe(true);
    await db.put('sources', source('imp:mine', 'imported', ['ex:cyber-coalition']));
    await db.put('claims', storedClaim(claim('imp:mine#0', 'imp:mine', 31), source('imp:mine', 'imported', [])));
    await db.put('sets', { id: 'my-set', name: 'Mine', origin: 'imported', created: 'x', updated: 'x', count: 1, files: [] });

    // Same version: nothing to do.
    expect(await seedBundled(db, dataset('v1', [], []))).toBe(false);
    expect(await db.get('sources', 'src:old')).toBeTruthy();

    expect(await seedBundled(db, dataset('v2', [source('src:new', 'bundled', ['ex:cyber-coalition'])], [claim('src:new#0', 'src:new')]))).toBe(true);
    const ids = (await db.getAll('sources')).map((s) => s.id).sort();
    expect(ids).toEqual(['imp:mine', 'src:new']);
    const claims = (await db.getAll('claims')).map((c) => c.id).sort();
    expect(claims).toEqual(['imp:mine#0', 'src:new#0']);
    expect(await db.get('sets', 'my-set')).toMatchObject({ name: 'Mine', count: 1 });
    expect((await db.get('meta', 'datasetVersion'))?.value).toBe('v2');
    db.close();
  });

  it('looks entities up by alias and sources by shared entities, exercises first', async () => {
    const db = await openKb(freshName());
    await seedBundled(
      db,
      dataset('v1', [source('src:ex', 'bundled', ['ex:cyber-coalition']), source('src:jp', 'bundled', ['country:JP'])], []),
    );
    expect((await db.getAllFromIndex('entities', 'by-alias', 'nippon')).map((e) => e.id)).toEqual(['country:JP']);
    const reader = idbReader(db);
    const related = await reader.sourcesMentioning([
      { id: 'ex:cyber-coalition', type: 'exercise' },
      { id: 'country:JP', type: 'country' },
    ]);
    // With an exercise on the page, a source sharing only a country is not "related".
    expect(related.map((r) => r.source.id)).toEqual(['src:ex']);
    expect(related[0]!.shared).toEqual(['ex:cyber-coalition']);
    db.close();
  });
});
