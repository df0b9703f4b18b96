import { describe, expect, it, vi } from 'vitest';
import { shingleSignature } from '../../lib/claims';
import { openKb, sourceEditions, storedClaim, storedSource, topicRange } from '../../lib/kb/db';
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
  return { id, source: src, subject: 'ex:cyber-coalition', edition: 2019, kind: 'nations', value: { type: 'count', stated: [value - 1], hedge: 'more-than' }, sentence: 'More than 30 nations took part.' };
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
    await tx.objectStore('sources').put(source('imp:a', 'imported', ['ex:cyber-coalition'], { text: 'More than 30 nations took part.' }) as never);
    await tx.objectStore('sources').put(source('page:b', 'page', ['country:JP']) as never);
    await tx.objectStore('claims').put(claim('imp:a#0', 'imp:a') as never);
    await tx.objectStore('entities').put({ ...entity('country:JP', 'country', 'Japan'), keys: ['japan'] });
    await tx.done;
    v1.close();

    const db = await openKb(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['claims', 'entities', 'meta', 'rederive', 'sets', 'sources', 'texts']);
    expect((await db.getAll('sources')).map((s) => s.id).sort()).toEqual(['imp:a', 'page:b']);
    expect(await db.get('entities', 'country:JP')).toMatchObject({ name: 'Japan' });
    // The text moved to its own store; the source keeps its metadata.
    expect(await db.get('texts', 'imp:a')).toEqual({ id: 'imp:a', text: 'More than 30 nations took part.' });
    expect((await db.get('sources', 'imp:a'))?.text).toBeUndefined();
    // The migrated claim is found through today's index, ranked as an import.
    const found = await db.getAll('claims', byKey('ex:cyber-coalition@2019#nations'));
    expect(found.map((c) => [c.id, c.rank])).toEqual([['imp:a#0', 2]]);
    // Sources are found by topic: the exercise, and the edition its claim reports.
    expect(await db.getAllKeysFromIndex('sources', 'by-topic', topicRange('ex:cyber-coalition@2019'))).toEqual(['imp:a']);
    expect(await db.getAllKeysFromIndex('sources', 'by-topic', topicRange('country:JP'))).toEqual(['page:b']);
    expect((await db.get('meta', 'schemaVersion'))?.value).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a v2 database (claims keyed by subject@edition) without losing claims', async () => {
    const name = freshName();
    const v2 = await openKb(name, 2);
    expect(v2.transaction('claims').store.indexNames.contains('by-lookup' as never)).toBe(true);
    await v2.put('sources', source('src:seed', 'bundled', ['ex:cyber-coalition']) as never);
    await v2.put('claims', { ...claim('src:seed#0', 'src:seed'), lookup: 'ex:cyber-coalition@2019' } as never);
    await v2.put('sets', { id: 'my-set', name: 'Mine', origin: 'imported', created: 'x', updated: 'x', count: 0, files: [] });
    v2.close();

    const db = await openKb(name);
    expect(db.transaction('claims').store.indexNames.contains('by-lookup' as never)).toBe(false);
    const found = await db.getAll('claims', byKey('ex:cyber-coalition@2019#nations'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'src:seed#0', rank: 0 });
    expect(found[0]).not.toHaveProperty('lookup');
    expect(await db.get('sets', 'my-set')).toMatchObject({ name: 'Mine' });
    db.close();
  });

  it('upgrades a v3 database to ranked topics, leaving its claims as they were', async () => {
    const name = freshName();
    const v3 = await openKb(name, 3);
    expect(v3.transaction('sources').store.indexNames.contains('by-entity' as never)).toBe(true);
    const stored = storedClaim(claim('imp:c#0', 'imp:c'), source('imp:c', 'imported', []));
    await v3.put('sources', source('imp:c', 'imported', ['ex:cyber-coalition', 'country:JP']) as never);
    await v3.put('claims', stored);
    v3.close();

    const db = await openKb(name);
    const sources = db.transaction('sources').store;
    expect(sources.indexNames.contains('by-entity' as never)).toBe(false);
    expect(sources.indexNames.contains('by-topic')).toBe(true);
    // Claims now live in a store keyed in lookup order; the old store is gone.
    expect(db.transaction('claims').store.keyPath).toEqual(['key', 'rank', 'id']);
    expect([...db.objectStoreNames].sort()).toEqual(['claims', 'entities', 'meta', 'rederive', 'sets', 'sources', 'texts']);
    for (const topic of ['ex:cyber-coalition', 'ex:cyber-coalition@2019', 'country:JP']) {
      expect(await db.getAllKeysFromIndex('sources', 'by-topic', topicRange(topic))).toEqual(['imp:c']);
    }
    // A prefix of another id is another topic.
    expect(await db.getAllKeysFromIndex('sources', 'by-topic', topicRange('ex:cyber'))).toEqual([]);
    expect(await db.get('claims', [stored.key, stored.rank, stored.id])).toEqual(stored);
    db.close();
  });

  it('reseeds bundled data on a version bump and keeps what the user imported', async () => {
    const db = await openKb(freshName());
    expect(await seedBundled(db, dataset('v1', [source('src:old', 'bundled', ['ex:cyber-coalition'])], [claim('src:old#0', 'src:old')]))).toBe(true);
    await db.put('sources', storedSource(source('imp:mine', 'imported', ['ex:cyber-coalition']), []));
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

  it('ranks sources about the page’s edition first, bundled ones before a large import, newest first', async () => {
    const db = await openKb(freshName());
    // The bundled source's id sorts after every import's: its rank must not depend on the id.
    await seedBundled(db, dataset('v1', [source('zz:bundled', 'bundled', ['ex:cyber-coalition'], { published: '2015-01-01' })], []));
    const tx = db.transaction('sources', 'readwrite');
    for (let i = 0; i < 300; i++) {
      const s = source(`imp:${String(i).padStart(3, '0')}`, 'imported', ['ex:cyber-coalition'], { published: `20${10 + (i % 10)}-06-01` });
      await tx.store.put(storedSource(s, i === 150 ? sourceEditions([{ subject: 'ex:cyber-coalition', edition: 2019 }]) : []));
    }
    await tx.done;
    const reader = idbReader(db);
    const related = await reader.sourcesMentioning([{ id: 'ex:cyber-coalition', type: 'exercise', editions: [2019] }], 5);
    expect(related.map((r) => r.source.id)).toEqual(['imp:150', 'zz:bundled', 'imp:009', 'imp:019', 'imp:029']);
    expect(related[0]!.shared).toEqual(['ex:cyber-coalition']);
    expect(related[0]!.source).not.toHaveProperty('topics');
    // Without the edition, the bundled source leads.
    expect((await reader.sourcesMentioning([{ id: 'ex:cyber-coalition', type: 'exercise' }], 2)).map((r) => r.source.id)).toEqual(['zz:bundled', 'imp:009']);
    db.close();
  });

  it('serves the reads issued together in one transaction, and later reads in a new one', async () => {
    const db = await openKb(freshName());
    await seedBundled(db, dataset('v1', [source('src:ex', 'bundled', ['ex:cyber-coalition'])], [claim('src:ex#0', 'src:ex')]));
    const opened = vi.spyOn(db, 'transaction');
    const reader = idbReader(db);
    const [copies, related, evidence] = await Promise.all([
      reader.sourcesByUrlOrFingerprint('https://example.test/src:ex', 'none'),
      reader.sourcesMentioning([{ id: 'ex:cyber-coalition', type: 'exercise', editions: [2019] }]),
      reader.claimsFor([{ subject: 'ex:cyber-coalition', edition: 2019, kind: 'nations' }]),
    ]);
    expect([copies.map((s) => s.id), related.map((r) => r.source.id), evidence.map((e) => e.claim.id)]).toEqual([['src:ex'], ['src:ex'], ['src:ex#0']]);
    expect(opened).toHaveBeenCalledTimes(1);
    expect((await reader.sourcesById(['src:ex'])).map((s) => s.id)).toEqual(['src:ex']);
    expect(opened).toHaveBeenCalledTimes(2);
    db.close();
  });

  it('stores a signature packed and gives it back as the same numbers', async () => {
    const db = await openKb(freshName());
    const signature = shingleSignature('Some 12,700 troops took part in the drills near Minsk, the ministry said on Monday.');
    const stored = storedSource(source('imp:sig', 'imported', ['ex:cyber-coalition'], { signature }), []);
    expect(stored.signature).toBeInstanceOf(Uint32Array);
    await db.put('sources', stored);
    expect((await db.get('sources', 'imp:sig'))?.signature).toBeInstanceOf(Uint32Array);
    expect((await idbReader(db).sourcesById(['imp:sig']))[0]?.signature).toEqual(signature);
    db.close();
  });

  it('without an exercise, relates sources sharing enough organisations and countries', async () => {
    const db = await openKb(freshName());
    const tx = db.transaction('sources', 'readwrite');
    await tx.store.put(storedSource(source('imp:both', 'imported', ['org:nato', 'country:JP']), []));
    await tx.store.put(storedSource(source('imp:country', 'imported', ['country:JP']), []));
    await tx.store.put(storedSource(source('imp:org', 'imported', ['org:nato'], { published: '2024-01-01' }), []));
    await tx.done;
    const related = await idbReader(db).sourcesMentioning([
      { id: 'org:nato', type: 'organization' },
      { id: 'country:JP', type: 'country' },
    ]);
    // NATO and Japan together (2 + 1) clear the bar; Japan or NATO alone does not.
    expect(related.map((r) => [r.source.id, r.shared])).toEqual([['imp:both', ['org:nato', 'country:JP']]]);
    db.close();
  });
});
