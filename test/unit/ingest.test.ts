import { beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../lib/detect';
import { openKb, type KbDatabase } from '../../lib/kb/db';
import { ingestArticles, type IngestItem, type IngestProgress } from '../../lib/kb/ingest';
import { exportUserData, deleteSet, listSets } from '../../lib/kb/sets';

let detector: Detector;
let n = 0;
const fresh = () => openKb(`ingest-test-${++n}`);

beforeAll(() => {
  detector = createDetector([
    { id: 'ex:cyber-coalition', type: 'exercise', name: 'Cyber Coalition', aliases: [], description: 'test' },
    { id: 'country:EE', type: 'country', name: 'Estonia', aliases: [], description: 'test' },
  ]);
});

const item = (i: number, extra: Partial<IngestItem> = {}): IngestItem => ({
  title: `Report ${i}`,
  outlet: 'Northwind Gazette',
  published: '2019-12-0' + ((i % 9) + 1),
  url: `https://northwind.test/${i}`,
  text: `Report ${i}: Cyber Coalition 2019 opened in Estonia with more than ${30 + i} nations taking part.`,
  record: i + 1,
  ...extra,
});

const opts = (extra: Partial<Parameters<typeof ingestArticles>[2]> = {}) => ({
  setId: 'set-1',
  setName: 'My reports',
  origin: 'imported' as const,
  detector,
  batchSize: 3,
  pause: async () => {},
  ...extra,
});

describe('ingestArticles', () => {
  it('stores each article with its claims, reports progress per batch, and counts the set', async () => {
    const db = await fresh();
    const progress: IngestProgress[] = [];
    const report = await ingestArticles(db, [0, 1, 2, 3, 4].map((i) => item(i)), opts({ file: 'reports.json', onProgress: (p) => progress.push(p) }));
    expect(report.imported).toHaveLength(5);
    expect(progress.map((p) => p.done)).toEqual([3, 5]);
    const sources = await db.getAll('sources');
    expect(sources.every((s) => s.origin === 'imported' && s.set === 'set-1' && s.entities.includes('ex:cyber-coalition'))).toBe(true);
    const claims = await db.getAll('claims', IDBKeyRange.bound(['ex:cyber-coalition@2019#nations', 0], ['ex:cyber-coalition@2019#nations', 9]));
    expect(claims.map((c) => c.rank)).toEqual([2, 2, 2, 2, 2]);
    expect(await db.count('texts')).toBe(5);
    expect(await listSets(db)).toMatchObject([{ id: 'set-1', name: 'My reports', count: 5, files: ['reports.json'] }]);
  });

  it('skips duplicates by URL or by text, so importing twice changes nothing', async () => {
    const db = await fresh();
    const items = [item(0), item(1), item(2, { url: 'https://northwind.test/0' }), item(3, { text: item(1).text, url: 'https://other.test/x' })];
    const first = await ingestArticles(db, items, opts());
    expect(first.imported).toHaveLength(2);
    expect(first.duplicates.map((d) => d.record)).toEqual([3, 4]);
    const before = await exportUserData(db);
    const again = await ingestArticles(db, items, opts());
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toHaveLength(4);
    const after = await exportUserData(db);
    expect({ ...after, exported: '' }).toEqual({ ...before, exported: '' });
  });

  it('keeps finished batches when cancelled', async () => {
    const db = await fresh();
    const controller = new AbortController();
    const report = await ingestArticles(db, [0, 1, 2, 3, 4, 5, 6].map((i) => item(i)), opts({ signal: controller.signal, onProgress: () => controller.abort() }));
    expect(report.cancelled).toBe(true);
    expect(report.imported).toHaveLength(3);
    expect(await db.count('sources')).toBe(3);
  });

  it('reports a full disk clearly and keeps what was stored before it', async () => {
    const db = await fresh();
    let transactions = 0;
    // The second batch's transaction fails the way a browser fails when the origin's quota is used up.
    const full = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (...args: Parameters<KbDatabase['transaction']>) => {
          if (++transactions === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return target.transaction(...args);
        };
      },
    });
    const report = await ingestArticles(full, [0, 1, 2, 3, 4, 5].map((i) => item(i)), opts());
    expect(report.quotaExceeded).toBe(true);
    expect(report.imported).toHaveLength(3);
    expect(report.failed.map((f) => f.reason)).toEqual(['storage is full', 'storage is full', 'storage is full']);
    expect(await db.count('sources')).toBe(3);
  });

  it('an article under another form of a stored URL is the same article: a duplicate; stored URLs lose tracking and fragments', async () => {
    const db = await fresh();
    await ingestArticles(db, [item(0, { url: 'https://northwind.test/0?utm_source=feed&id=7#comments' })], opts());
    expect((await db.getAll('sources')).map((s) => s.url)).toEqual(['https://northwind.test/0?id=7']);
    const again = await ingestArticles(db, [item(1, { url: 'http://www.northwind.test/0/?id=7&fbclid=abc' }), item(2, { url: 'https://m.northwind.test/0/amp?id=7' })], opts());
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((d) => d.reason)).toEqual(['same URL already stored', 'same URL already stored']);
  });

  it('deletes a set with its sources and claims', async () => {
    const db = await fresh();
    await ingestArticles(db, [item(0), item(1)], opts());
    expect(await deleteSet(db, 'set-1')).toBe(2);
    expect([await db.count('sources'), await db.count('claims'), await db.count('sets')]).toEqual([0, 0, 0]);
  });
});

// Synthetic outlets; one wire story carried by two of them.
const WIRE =
  'Cyber Coalition 2019 opened in Estonia on Monday with more than 30 nations taking part, the organisers said. ' +
  'Teams will defend simulated networks from attacks for five days, with national cells working from their home countries. ' +
  'The exercise is run from a training centre in Tartu, where several hundred specialists gather every year.';
const story = (record: number, outlet: string, published: string, url: string, text = WIRE): IngestItem => ({ title: `Story from ${outlet}`, outlet, published, url, text, record });
const ORIGINAL = story(1, 'Meridian Wire', '2019-12-02', 'https://meridian.test/cc19');
const COPY = story(2, 'Granite Post', '2019-12-03', 'https://granite.test/world/cc19', `${WIRE} It ends on Friday.`);

describe('derivations at import', () => {
  async function stored(db: KbDatabase) {
    const byOutlet = new Map((await db.getAll('sources')).map((s) => [s.outlet, s]));
    return { original: byOutlet.get('Meridian Wire')!, copy: byOutlet.get('Granite Post')! };
  }

  it('keeps a near-identical wire copy, linked to the original it retells', async () => {
    const db = await fresh();
    await ingestArticles(db, [ORIGINAL], opts());
    const report = await ingestArticles(db, [COPY], opts());
    expect(report.imported).toHaveLength(1);
    expect(report.duplicates).toEqual([]);
    const { original, copy } = await stored(db);
    expect(copy).toMatchObject({ derivedFrom: original.id, derivation: 'wire-copy' });
    expect(original.derivedFrom).toBeNull();
    // The copy's claims carry the link, so evidence read from them knows it too.
    const claims = await db.getAllFromIndex('claims', 'by-source', copy.id);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.ref.derivedFrom === original.id)).toBe(true);
  });

  it('orients the link by date whichever comes first: a stored later copy is relinked to the original imported after it', async () => {
    const db = await fresh();
    await ingestArticles(db, [COPY], opts());
    await ingestArticles(db, [ORIGINAL], opts());
    const { original, copy } = await stored(db);
    expect(copy).toMatchObject({ derivedFrom: original.id, derivation: 'wire-copy' });
    expect(original.derivedFrom).toBeNull();
    expect((await db.getAllFromIndex('claims', 'by-source', copy.id)).every((c) => c.ref.derivedFrom === original.id)).toBe(true);
    expect((await db.getAllFromIndex('claims', 'by-source', original.id)).every((c) => c.ref.derivedFrom === null)).toBe(true);
  });

  it('finds the link among the articles of one batch, in either order', async () => {
    for (const items of [[ORIGINAL, COPY], [COPY, ORIGINAL]]) {
      const db = await fresh();
      expect((await ingestArticles(db, items, opts())).imported).toHaveLength(2);
      const { original, copy } = await stored(db);
      expect([copy.derivedFrom, original.derivedFrom]).toEqual([original.id, null]);
    }
  });

  it('an undated copy, or one crediting the other outlet, is the retelling', async () => {
    const db = await fresh();
    await ingestArticles(db, [{ ...COPY, published: null }, ORIGINAL], opts({ batchSize: 1 }));
    const { original, copy } = await stored(db);
    expect([copy.derivedFrom, original.derivedFrom]).toEqual([original.id, null]);
  });

  it('links an article to the stored source its lede credits, and records the credited outlet', async () => {
    const db = await fresh();
    await ingestArticles(db, [ORIGINAL], opts());
    const retold = story(3, 'Lakeside Observer', '2019-12-02', 'https://lakeside.test/a', 'More than 30 nations joined Cyber Coalition 2019 in Estonia, Meridian Wire reported on December 2. The drills run until Friday.');
    await ingestArticles(db, [retold], opts());
    const source = (await db.getAll('sources')).find((s) => s.outlet === 'Lakeside Observer')!;
    const { original } = await stored(db);
    expect(source).toMatchObject({ derivedFrom: original.id, derivation: 'citation', retells: 'Meridian Wire' });
    // Its claims carry both, for evidence read without its source record.
    const refs = (await db.getAllFromIndex('claims', 'by-source', source.id)).map((c) => c.ref);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.derivedFrom === original.id && r.retells === 'Meridian Wire')).toBe(true);
  });

  it('finds the original among many stored reports on the exercise: the ones published near the article are compared', async () => {
    const db = await fresh();
    await ingestArticles(db, [ORIGINAL], opts());
    // Thirty later reports on the same edition, each its own story: by rank (newest first) they would crowd the original out.
    const later = Array.from({ length: 30 }, (_, i) =>
      story(10 + i, `Outlet ${i}`, `2019-12-${String(4 + (i % 12)).padStart(2, '0')}`, `https://outlet-${i}.test/cc`, `Day ${i} of Cyber Coalition 2019 in Estonia: report number ${i} from desk ${i * 7}, on drill ${i * 13} and scenario ${i * 17}.`),
    );
    await ingestArticles(db, later, opts({ batchSize: 10 }));
    await ingestArticles(db, [COPY], opts());
    const { original, copy } = await stored(db);
    expect(copy).toMatchObject({ derivedFrom: original.id, derivation: 'wire-copy' });
  });

  it('independent reports of the same event stay independent', async () => {
    const db = await fresh();
    const other = story(4, 'Northwind Gazette', '2019-12-03', 'https://northwind.test/own', 'Estonia hosts Cyber Coalition 2019 this week. More than 30 nations sent teams, according to our reporter in Tartu, who visited the centre on Tuesday.');
    await ingestArticles(db, [ORIGINAL, other], opts());
    expect((await db.getAll('sources')).map((s) => s.derivedFrom)).toEqual([null, null]);
  });
});
