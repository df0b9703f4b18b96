/**
 * Storing what an import read: one transaction per batch (a failure inside a batch leaves none of
 * it), and running the same import again adds nothing.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDetector, type Detector } from '../../lib/detect';
import { parseImportFile } from '../../lib/import';
import { openKb } from '../../lib/kb/db';
import { ingestArticles, type IngestItem } from '../../lib/kb/ingest';
import { listSets } from '../../lib/kb/sets';
import { fixtureBytes } from '../fixtures/import/load';

let detector: Detector;
let n = 0;
const fresh = () => openKb(`import-ingest-test-${++n}`);

beforeAll(() => {
  detector = createDetector([
    { id: 'ex:spring-shield', type: 'exercise', name: 'Spring Shield', aliases: [], description: 'test' },
    { id: 'country:EE', type: 'country', name: 'Estonia', aliases: [], description: 'test' },
  ]);
});

afterEach(() => vi.restoreAllMocks());

const item = (i: number): IngestItem => ({
  title: `Dispatch ${i}`,
  outlet: 'Eastmarch Wire',
  published: `2022-03-${String(i + 1).padStart(2, '0')}`,
  url: `https://eastmarch.test/dispatch/${i}`,
  text: `Dispatch ${i}: Spring Shield 2022 continued in Estonia with ${1000 + i * 10} troops on day ${i + 1}.`,
  record: i + 1,
});

const opts = { setId: 'set-a', setName: 'Dispatches', origin: 'imported' as const, batchSize: 3, pause: async () => {} };

async function contents(db: Awaited<ReturnType<typeof fresh>>) {
  return { sources: await db.count('sources'), claims: await db.count('claims'), texts: await db.count('texts'), sets: await listSets(db) };
}

describe('import batches', () => {
  it('a write that fails inside a batch leaves none of that batch stored, and the re-run completes it without duplicates', async () => {
    const db = await fresh();
    const items = [0, 1, 2, 3, 4, 5, 6, 7].map(item);
    // The fifth article's text cannot be stored (as a value the browser cannot clone would fail):
    // the second batch has already written the fourth article's source, text and claims by then.
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'texts' && (value as { text?: string }).text?.startsWith('Dispatch 4:')) throw new DOMException('could not clone', 'DataCloneError');
      return realPut.call(this, value, key);
    });
    const first = await ingestArticles(db, items, { ...opts, detector });
    expect(first.imported).toHaveLength(5);
    expect(first.failed.map((f) => f.record)).toEqual([4, 5, 6]);
    expect(first.failed[0]!.reason).toMatch(/could not clone/);
    const afterFailure = await contents(db);
    expect(afterFailure.sources).toBe(5);
    expect(afterFailure.texts).toBe(5);
    expect((await db.getAll('sources')).map((s) => s.title).sort()).toEqual(['Dispatch 0', 'Dispatch 1', 'Dispatch 2', 'Dispatch 6', 'Dispatch 7']);
    expect(afterFailure.sets).toMatchObject([{ id: 'set-a', count: 5 }]);

    vi.restoreAllMocks();
    const rerun = await ingestArticles(db, items, { ...opts, detector });
    expect(rerun.imported).toHaveLength(3);
    expect(rerun.duplicates).toHaveLength(5);
    const done = await contents(db);
    expect(done.sources).toBe(8);
    expect(done.texts).toBe(8);
    expect(done.sets).toMatchObject([{ id: 'set-a', count: 8 }]);
    expect(done.claims).toBeGreaterThanOrEqual(8);

    const third = await ingestArticles(db, items, { ...opts, detector });
    expect(third.imported).toEqual([]);
    expect(await contents(db)).toEqual(done);
  });

  it('importing the same parsed file twice stores it once', async () => {
    const db = await fresh();
    const parsed = parseImportFile('bad-line.jsonl', fixtureBytes('broken/bad-line.jsonl'));
    const items = parsed.articles.map((a, i): IngestItem => ({ ...a, record: i + 1 }));
    const first = await ingestArticles(db, items, { ...opts, detector });
    expect(first.imported).toHaveLength(3);
    const before = await contents(db);
    const again = await ingestArticles(db, items, { ...opts, detector });
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((d) => d.reason)).toEqual(['same text already stored', 'same text already stored', 'same text already stored']);
    expect(await contents(db)).toEqual(before);
  });

  it('analyses an article under the page caps but stores its whole text', async () => {
    const db = await fresh();
    const word = 'x'.repeat(150_000);
    const text = `Spring Shield 2022 opened in Estonia with 2,000 troops. ${word} The drills ended on Friday.`;
    const report = await ingestArticles(db, [{ ...item(0), text }], { ...opts, detector });
    expect(report.imported).toHaveLength(1);
    const [stored] = await db.getAll('texts');
    expect(stored!.text).toBe(text);
    const [source] = await db.getAll('sources');
    expect(source!.entities).toContain('ex:spring-shield');
  });
});
