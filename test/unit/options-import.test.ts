import { describe, expect, it } from 'vitest';
import type { IngestItem, IngestReport } from '../../lib/kb/ingest';
import type { ParsedFile } from '../../lib/import/types';
import type { UserExport } from '../../lib/kb/sets';
import { exportJobs, fileReport, importFiles, importRate, readUserExport, type ImportDeps, type IngestRequest } from '../../lib/background/import';
import { defaultSetName, formatBytes, formatTimeLeft, reportSummary } from '../../components/options/model';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('options model', () => {
  it('names a set after its file', () => {
    expect(defaultSetName('articles.csv')).toBe('articles');
    expect(defaultSetName('C:\\data\\Nov 2019.feed.xml')).toBe('Nov 2019.feed');
    expect(defaultSetName('dump.json.gz')).toBe('dump');
    expect(defaultSetName('notes')).toBe('notes');
  });

  it('computes rate and time left', () => {
    expect(importRate({ done: 50, total: 200 }, 2000)).toEqual({ perSecond: 25, secondsLeft: 6 });
    expect(importRate({ done: 0, total: 200 }, 2000)).toEqual({ perSecond: null, secondsLeft: null });
    expect(formatTimeLeft(6)).toBe('about 6 s left');
    expect(formatTimeLeft(150)).toBe('about 3 min left');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(512 * 1024 * 1024)).toBe('512 MB');
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(null)).toBe('unknown');
  });

  it('points every rejection and duplicate back at its file, record and line', () => {
    const articles = [
      { title: 'A', text: 'a', published: null, url: null, record: 2, line: 3, file: 'inner/a.csv' },
      { title: 'B', text: 'b', published: null, url: null, record: 5 },
    ];
    const ingest: IngestReport = {
      imported: ['imp:1'],
      duplicates: [{ record: 1, title: 'A', reason: 'same URL already stored' }],
      failed: [],
      cancelled: false,
      quotaExceeded: false,
    };
    const r = fileReport('x.zip', 'x', 'zip', articles, [{ record: 4, line: 9, reason: 'missing text' }], ingest);
    expect(r.duplicates).toEqual([{ action: 'skipped', file: 'inner/a.csv', record: 2, line: 3, title: 'A', reason: 'same URL already stored' }]);
    expect(r.rejected).toEqual([{ action: 'skipped', record: 4, line: 9, reason: 'missing text' }]);
    expect(reportSummary(r)).toBe('x.zip → “x”: 1 imported, 1 skipped as duplicate, 1 rejected.');
    expect(r.changed).toEqual([]);
  });

  it('lists the records a parser changed or read under an assumption, and how it read numeric dates', () => {
    const notes = {
      reports: [
        { action: 'skipped' as const, reason: 'no text', record: 4, line: 9 },
        { action: 'changed' as const, reason: 'markup removed from the text', record: 2, line: 3, file: 'inner/a.csv' },
        { action: 'assumed' as const, reason: '03/04/2019 read as 3 April 2019', record: 5 },
      ],
      dates: { order: 'day-first', basis: 'file', ambiguous: 1 },
    };
    const r = fileReport('x.zip', 'x', 'zip', [], [{ record: 4, line: 9, reason: 'no text' }], null, { notes });
    expect(r.rejected).toEqual([{ action: 'skipped', record: 4, line: 9, reason: 'no text' }]);
    // Changed and assumed stay apart, so the page can say which records were read under a guess.
    expect(r.changed).toEqual([
      { action: 'changed', file: 'inner/a.csv', record: 2, line: 3, reason: 'markup removed from the text' },
      { action: 'assumed', record: 5, reason: '03/04/2019 read as 3 April 2019' },
    ]);
    expect(r.dates).toBe('Numeric dates read day first (03/04/2019 is 3 April) because a date in the file allows only that reading; 1 could be read either way.');
  });
});

const userExport: UserExport = {
  format: 'triangulate-user-data',
  version: 1,
  exported: '2024-01-01T00:00:00Z',
  sets: [
    { id: 'set:a', name: 'Baltic press', origin: 'imported', created: '2024-01-01', articles: [{ title: 'T', outlet: 'ERR', published: '2019-12-02', url: 'https://err.ee/1', language: 'en', text: 'Body' }] },
    { id: 'set:p', name: 'Pages I added', origin: 'page', created: '2024-01-02', articles: [{ title: 'P', outlet: '', published: null, url: null, language: 'und', text: '' }] },
  ],
};

describe('Triangulate exports', () => {
  it('are recognised and give back each set under its own id, name and origin', () => {
    const read = readUserExport(bytes(JSON.stringify(userExport, null, 2)));
    expect(read).not.toBeNull();
    const jobs = exportJobs(read!);
    expect(jobs.map((j) => [j.setId, j.setName, j.origin, j.articles.length, j.rejected.length])).toEqual([
      ['set:a', 'Baltic press', 'imported', 1, 0],
      ['set:p', 'Pages I added', 'page', 0, 1],
    ]);
    expect(jobs[0]!.articles[0]).toMatchObject({ title: 'T', outlet: 'ERR', published: '2019-12-02', url: 'https://err.ee/1', language: 'en', text: 'Body' });
  });

  it('leave other JSON to the importer', () => {
    expect(readUserExport(bytes('[{"title":"x","text":"y"}]'))).toBeNull();
    expect(readUserExport(bytes('{"format":"triangulate-user-data", broken'))).toBeNull();
  });
});

function fakeDeps(parsed: Record<string, ParsedFile>, behaviour: (items: IngestItem[], r: IngestRequest) => IngestReport) {
  const calls: { items: IngestItem[]; request: IngestRequest }[] = [];
  let id = 0;
  const deps: ImportDeps = {
    parse: (name) => parsed[name] ?? { format: 'unknown', articles: [], rejected: [{ reason: 'unsupported format' }] },
    ingest: async (items, request) => {
      calls.push({ items, request });
      request.onProgress({ done: items.length, total: items.length, imported: items.length, duplicates: 0, failed: 0 });
      return behaviour(items, request);
    },
    now: () => 0,
    newSetId: () => `set:${++id}`,
  };
  return { deps, calls };
}

const ok = (items: IngestItem[]): IngestReport => ({ imported: items.map((_, i) => `imp:${i}`), duplicates: [], failed: [], cancelled: false, quotaExceeded: false });
const article = (n: number) => ({ title: `T${n}`, text: `text ${n}`, published: null, url: null, record: n });

describe('importFiles', () => {
  it('imports each file into a new set named as the user chose, and reports files with nothing to import', async () => {
    const { deps, calls } = fakeDeps({ 'a.csv': { format: 'csv', articles: [article(1), article(2)], rejected: [{ record: 3, line: 4, reason: 'no text' }] } }, ok);
    const reports = await importFiles(
      [
        { name: 'a.csv', setName: 'My set', read: async () => bytes('x') },
        { name: 'b.pdf', setName: 'b', read: async () => bytes('x') },
      ],
      deps,
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    expect(calls.map((c) => [c.request.setId, c.request.setName, c.request.origin, c.items.length])).toEqual([['set:1', 'My set', 'imported', 2]]);
    expect(reports.map(reportSummary)).toEqual(['a.csv → “My set”: 2 imported, 0 skipped as duplicates, 1 rejected.', 'b.pdf → “b”: 0 imported, 0 skipped as duplicates, 1 rejected.']);
    expect(reports[1]!.rejected[0]).toEqual({ action: 'skipped', reason: 'unsupported format' });
  });

  it('routes a Triangulate export to its own sets instead of the generic importer', async () => {
    const { deps, calls } = fakeDeps({}, ok);
    const reports = await importFiles([{ name: 'backup.json', setName: 'backup', read: async () => bytes(JSON.stringify(userExport)) }], deps, {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(calls.map((c) => [c.request.setId, c.request.setName, c.request.origin])).toEqual([['set:a', 'Baltic press', 'imported']]);
    expect(reports.map((r) => [r.setName, r.format, r.imported, r.rejected.length])).toEqual([
      ['Baltic press', 'triangulate-export', 1, 0],
      ['Pages I added', 'triangulate-export', 0, 1],
    ]);
  });

  it('stops at a full disk and says so for the files it did not start', async () => {
    const { deps } = fakeDeps({ 'a.csv': { format: 'csv', articles: [article(1)], rejected: [] }, 'b.csv': { format: 'csv', articles: [article(1)], rejected: [] } }, () => ({
      imported: [],
      duplicates: [],
      failed: [{ record: 1, title: 'T1', reason: 'storage is full' }],
      cancelled: false,
      quotaExceeded: true,
    }));
    const reports = await importFiles(
      [
        { name: 'a.csv', setName: 'a', read: async () => bytes('x') },
        { name: 'b.csv', setName: 'b', read: async () => bytes('x') },
      ],
      deps,
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    expect(reports[0]).toMatchObject({ quotaExceeded: true, rejected: [{ action: 'skipped', record: 1, title: 'T1', reason: 'storage is full' }] });
    expect(reports[1]).toMatchObject({ quotaExceeded: true, error: 'storage is full', imported: 0 });
  });

  it('after Cancel keeps what finished and skips the remaining files', async () => {
    const controller = new AbortController();
    const { deps, calls } = fakeDeps({ 'a.csv': { format: 'csv', articles: [article(1), article(2)], rejected: [] } }, (items) => {
      controller.abort();
      return { ...ok(items.slice(0, 1)), cancelled: true };
    });
    const progress: number[] = [];
    const reports = await importFiles(
      [
        { name: 'a.csv', setName: 'a', read: async () => bytes('x') },
        { name: 'a.csv', setName: 'again', read: async () => bytes('x') },
      ],
      deps,
      { signal: controller.signal, onProgress: (p) => progress.push(p.done) },
    );
    expect(calls).toHaveLength(1);
    expect(reports[0]).toMatchObject({ imported: 1, cancelled: true });
    expect(reports[1]).toMatchObject({ cancelled: true, error: 'import cancelled before this file' });
    expect(progress).toEqual([0, 2]);
  });
});
