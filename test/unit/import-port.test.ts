import { describe, expect, it } from 'vitest';
import { serveImport, type ImportPort } from '../../lib/background/import-port';
import type { IngestItem, IngestReport } from '../../lib/kb/ingest';
import { parseImportFile } from '../../lib/import';
import type { ImportServerMessage } from '../../lib/messages';

/** The background's end of a port, driven the way the options page drives it (lib/messages.ts ImportClientMessage). */
function fakePort() {
  const listeners: ((m: unknown) => void)[] = [];
  const closers: (() => void)[] = [];
  const received: ImportServerMessage[] = [];
  const waiters: (() => void)[] = [];
  const port: ImportPort = {
    postMessage: (m) => {
      received.push(m);
      waiters.splice(0).forEach((w) => w());
    },
    onMessage: { addListener: (l) => listeners.push(l) },
    onDisconnect: { addListener: (l) => closers.push(l) },
  };
  return {
    port,
    received,
    send: (m: unknown) => listeners.forEach((l) => l(m)),
    close: () => closers.forEach((c) => c()),
    /** Resolves once the background has sent a message matching `test`. */
    until: (test: (m: ImportServerMessage) => boolean) =>
      new Promise<ImportServerMessage>((resolve) => {
        const check = () => {
          const hit = received.find(test);
          if (hit) resolve(hit);
          else waiters.push(check);
        };
        check();
      }),
  };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Answers each send-file with the file's bytes in 7-byte chunks, as the page streams them. */
function streamFiles(p: ReturnType<typeof fakePort>, files: string[]) {
  const answered = new Set<number>();
  const tick = () => {
    for (const m of p.received) {
      if (m.type !== 'send-file' || answered.has(m.file)) continue;
      answered.add(m.file);
      const text = files[m.file]!;
      if (!text.length) p.send({ type: 'chunk', file: m.file, data: '', last: true });
      for (let i = 0; i < text.length; i += 7) p.send({ type: 'chunk', file: m.file, data: b64(text.slice(i, i + 7)), last: i + 7 >= text.length });
    }
  };
  const timer = setInterval(tick, 1);
  return () => clearInterval(timer);
}

const lines = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ title: `Report ${from + i}`, text: `Invented article ${from + i} about a drill near the coast.`, url: `https://invented.example/${from + i}` })).join('\n');

function recordingIngest(delayMs = 0) {
  const stored: IngestItem[][] = [];
  const ingest = async (items: IngestItem[], r: { signal: AbortSignal; onProgress: (p: { done: number; total: number; imported: number; duplicates: number; failed: number }) => void }): Promise<IngestReport> => {
    const imported: string[] = [];
    for (const [i, item] of items.entries()) {
      if (r.signal.aborted) return { imported, duplicates: [], failed: [], cancelled: true, quotaExceeded: false };
      if (delayMs) await new Promise((res) => setTimeout(res, delayMs));
      imported.push(`imp:${item.title}`);
      r.onProgress({ done: i + 1, total: items.length, imported: imported.length, duplicates: 0, failed: 0 });
    }
    stored.push(items);
    return { imported, duplicates: [], failed: [], cancelled: false, quotaExceeded: false };
  };
  return { stored, ingest };
}

describe('the import port (background end)', () => {
  it('asks for each file in turn, reassembles its chunks, and sends progress, a report per file and the outcome', async () => {
    const p = fakePort();
    const { stored, ingest } = recordingIngest();
    let changed = 0;
    serveImport(p.port, { prepare: async () => ({ parse: parseImportFile, ingest }), onImported: () => changed++ });
    const files = [lines(3), `${lines(2, 10)}\n{broken`];
    const stop = streamFiles(p, files);
    p.send({ type: 'start', files: [{ name: 'a.jsonl', setName: 'First', size: files[0]!.length }, { name: 'b.jsonl', setName: 'Second', size: files[1]!.length }] });
    const done = await p.until((m) => m.type === 'done');
    stop();
    expect(stored.map((items) => items.map((i) => i.title))).toEqual([['Report 0', 'Report 1', 'Report 2'], ['Report 10', 'Report 11']]);
    const reports = done.type === 'done' ? done.reports : [];
    expect(reports.map((r) => [r.fileName, r.setName, r.imported, r.rejected.length])).toEqual([
      ['a.jsonl', 'First', 3, 0],
      ['b.jsonl', 'Second', 2, 1],
    ]);
    expect(reports[1]!.rejected[0]).toMatchObject({ action: 'skipped', record: 3, line: 3 });
    // Each report was sent as soon as its file was done, before the outcome.
    expect(p.received.filter((m) => m.type === 'report')).toHaveLength(2);
    expect(p.received.filter((m) => m.type === 'send-file').map((m) => m.type === 'send-file' && m.file)).toEqual([0, 1]);
    expect(p.received.some((m) => m.type === 'progress' && m.progress.fileIndex === 1 && m.progress.done === 2)).toBe(true);
    expect(changed).toBe(1);
  });

  it('stops on cancel: the file being stored keeps what it stored, the next files are not even asked for', async () => {
    const p = fakePort();
    const { ingest } = recordingIngest(2);
    serveImport(p.port, { prepare: async () => ({ parse: parseImportFile, ingest }), onImported: () => undefined });
    const files = [lines(50), lines(5, 100)];
    const stop = streamFiles(p, files);
    p.send({ type: 'start', files: files.map((f, i) => ({ name: `${i}.jsonl`, setName: `set ${i}`, size: f.length })) });
    await p.until((m) => m.type === 'progress' && m.progress.done >= 3);
    p.send({ type: 'cancel' });
    const done = await p.until((m) => m.type === 'done');
    stop();
    const reports = done.type === 'done' ? done.reports : [];
    expect(reports[0]!.cancelled).toBe(true);
    expect(reports[0]!.imported).toBeGreaterThan(0);
    expect(reports[0]!.imported).toBeLessThan(50);
    expect(reports[1]).toMatchObject({ cancelled: true, imported: 0, error: 'import cancelled before this file' });
    expect(p.received.filter((m) => m.type === 'send-file')).toHaveLength(1);
  });

  it('reports a file the page could not read, and one larger than it said, and goes on with the next', async () => {
    const p = fakePort();
    const { ingest } = recordingIngest();
    serveImport(p.port, { prepare: async () => ({ parse: parseImportFile, ingest }), onImported: () => undefined });
    p.send({ type: 'start', files: [{ name: 'gone.csv', setName: 'gone', size: 10 }, { name: 'liar.jsonl', setName: 'liar', size: 4 }, { name: 'ok.jsonl', setName: 'ok', size: lines(1).length }] });
    await p.until((m) => m.type === 'send-file' && m.file === 0);
    p.send({ type: 'unreadable', file: 0, reason: 'the file was moved' });
    await p.until((m) => m.type === 'send-file' && m.file === 1);
    p.send({ type: 'chunk', file: 1, data: b64('much more than four bytes'), last: true });
    await p.until((m) => m.type === 'send-file' && m.file === 2);
    p.send({ type: 'chunk', file: 2, data: b64(lines(1)), last: true });
    const done = await p.until((m) => m.type === 'done');
    const reports = done.type === 'done' ? done.reports : [];
    expect(reports.map((r) => r.error ?? `${r.imported} imported`)).toEqual([
      'could not read the file: the file was moved',
      'could not read the file: the file is larger than its stated size',
      '1 imported',
    ]);
  });

  it('says why nothing was imported when the knowledge base cannot open, and ignores malformed messages', async () => {
    const p = fakePort();
    serveImport(p.port, { prepare: async () => Promise.reject(new Error('disk is full')), onImported: () => undefined });
    p.send({ type: 'start', files: 'all of them' });
    p.send({ type: 'drop-database' });
    expect(p.received).toEqual([]);
    p.send({ type: 'start', files: [{ name: 'a.jsonl', setName: 'a', size: 1 }] });
    expect(await p.until((m) => m.type === 'failed')).toEqual({ type: 'failed', error: 'disk is full' });
  });

  it('cancels when the options page closes', async () => {
    const p = fakePort();
    const { ingest } = recordingIngest(2);
    let changed = 0;
    serveImport(p.port, { prepare: async () => ({ parse: parseImportFile, ingest }), onImported: () => changed++ });
    const files = [lines(200)];
    const stop = streamFiles(p, files);
    p.send({ type: 'start', files: [{ name: 'big.jsonl', setName: 'big', size: files[0]!.length }] });
    await p.until((m) => m.type === 'progress' && m.progress.done >= 2);
    const before = p.received.length;
    p.close();
    await new Promise((r) => setTimeout(r, 30));
    stop();
    expect(changed).toBe(1);
    // Nothing is posted to a closed port.
    expect(p.received.length).toBe(before);
  });
});
