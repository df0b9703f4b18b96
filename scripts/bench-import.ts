/**
 * Import at scale: 10,000 synthetic articles (~5 million words) through the real ingest pipeline,
 * then lookup latency with 10,000 and 50,000 stored articles. A lookup is the whole annotation of a
 * page as the background does it (the page's own analysis, its KB reads, the comparison), each on
 * a different page (seed 000, then synthetic reports), after a few untimed warm-up pages. At
 * 50,000 it is measured twice: right after the bulk insert (the store still compacting), and in a
 * new browser session on the same profile (the budget), whose very first lookup is shown apart.
 * Runs in headless Chromium's real IndexedDB (the lib code bundled into a page on 127.0.0.1);
 * with `--node`, or when Chromium is missing, in Node over fake-indexeddb, and says so.
 * Run: npx tsx scripts/bench-import.ts [--node] [--imported N] [--total N] (npm run bench calls benchImport()).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { buildDatasetFromSeeds } from '../lib/dataset/seeds-fs';
import type { Dataset, SeedDocumentMeta } from '../lib/dataset/types';
import type { ArticleInput } from '../lib/types';
import { figureRecord, percentile, printFigures, round, type Figure } from './lib/figures';
import type { ImportBenchParams, ImportBenchResult, LookupTimes } from './lib/import-page';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function seedPage(): ArticleInput {
  const index = JSON.parse(readFileSync(join(ROOT, 'seeds/documents/index.json'), 'utf8')) as SeedDocumentMeta[];
  const meta = index.find((m) => m.file.startsWith('000'))!;
  return { title: meta.title, outlet: meta.outlet, published: meta.published, url: meta.url, language: meta.language, text: readFileSync(join(ROOT, 'seeds/documents', meta.file), 'utf8') };
}

type Bench = typeof import('./lib/import-page');

async function inChromium(params: ImportBenchParams): Promise<ImportBenchResult & { nextSession: LookupRun }> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'scripts/lib/import-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'TriangulateBench',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const { serve } = await import('../test/e2e/pages');
  // IndexedDB belongs to the origin: both sessions load the page from this one server.
  const server = await serve({ '/': '<!doctype html><title>Import benchmark</title>' });
  // A persistent profile keeps IndexedDB on disk, as in a real browser; incognito contexts hold it in memory.
  const profile = mkdtempSync(join(tmpdir(), 'triangulate-bench-import-'));
  const session = async <K extends 'runImportBench' | 'runLookupBench'>(method: K, arg: Parameters<Bench[K]>[0]): Promise<Awaited<ReturnType<Bench[K]>>> => {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'log' && process.stderr.write(`  [import benchmark] ${m.text()}\n`));
      await page.goto(`${server.origin}/`);
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      return (await page.evaluate(
        ({ method, arg }) => (window as unknown as { TriangulateBench: Record<string, (a: unknown) => Promise<unknown>> }).TriangulateBench[method]!(arg),
        { method: method as string, arg: arg as unknown },
      )) as Awaited<ReturnType<Bench[K]>>;
    } finally {
      await context.close();
    }
  };
  try {
    const result = await session('runImportBench', params);
    // The browser closes and starts again on the same profile: what a user's next session looks up against.
    const nextSession = await session('runLookupBench', { dbName: result.dbName, seedPage: params.seedPage, lookups: params.lookups });
    return { ...result, nextSession };
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

type LookupRun = Awaited<ReturnType<Bench['runLookupBench']>>;

async function inNode(params: ImportBenchParams): Promise<ImportBenchResult & { nextSession: LookupRun }> {
  // The same globals 'fake-indexeddb/auto' installs (idb checks instanceof against them).
  Object.assign(globalThis, await import('fake-indexeddb'));
  const { runImportBench, runLookupBench } = await import('./lib/import-page');
  console.error('  [import benchmark] running in Node over fake-indexeddb, not in a browser');
  const result = await runImportBench(params);
  return { ...result, nextSession: await runLookupBench({ dbName: result.dbName, seedPage: params.seedPage, lookups: params.lookups }) };
}

function lookupFigures(label: string, t: LookupTimes, budget?: number): Figure[] {
  return [
    { name: `lookup p50 ${label}`, value: round(percentile(t.total, 50)), unit: 'ms' },
    { name: `lookup p95 ${label}`, value: round(percentile(t.total, 95)), unit: 'ms', ...(budget ? { budget: { max: budget } } : {}) },
    { name: '  of which IndexedDB reads (in parallel), p50 / p95', value: `${round(percentile(t.reads, 50))} / ${round(percentile(t.reads, 95))} ms` },
    { name: '    claimsFor / sourcesMentioning, p50', value: `${round(percentile(t.claimReads, 50))} / ${round(percentile(t.sourceReads, 50))} ms` },
    { name: '  the page\'s own analysis alone, p50 / p95', value: `${round(percentile(t.analysis, 50))} / ${round(percentile(t.analysis, 95))} ms` },
    { name: '  claims read per lookup, p50', value: percentile(t.claimsRead, 50) },
  ];
}

export async function importFigures(opts: { node?: boolean; imported?: number; total?: number } = {}): Promise<Figure[]> {
  const dataset: Dataset = buildDatasetFromSeeds(join(ROOT, 'seeds'));
  const imported = opts.imported ?? 10_000;
  const total = opts.total ?? 50_000;
  const params: ImportBenchParams = { dataset, seedPage: seedPage(), imported, total, lookups: 200 };
  const node = opts.node || !existsSync(CHROMIUM);
  const engine = node ? 'Node + fake-indexeddb (NOT a browser: IndexedDB figures are indicative only)' : 'headless Chromium, on-disk IndexedDB';
  const r = await (node ? inNode(params) : inChromium(params));

  const k = (n: number) => `${(n / 1000).toLocaleString('en-US')}k`;
  const figures: Figure[] = [
    { name: 'engine', value: engine },
    { name: 'articles imported', value: r.imported },
    { name: 'words imported', value: r.words },
    { name: 'import time', value: round(r.ingestMs / 1000, 2), unit: 's' },
    { name: 'import throughput', value: round(r.imported / (r.ingestMs / 1000)), unit: 'articles/s', budget: { min: 100 } },
    { name: 'import throughput (words)', value: Math.round(r.words / (r.ingestMs / 1000)), unit: 'words/s' },
    ...lookupFigures(`at ${k(imported)} stored`, r.lookupImported),
    { name: `bulk insert ${k(total - imported)} more (direct writes)`, value: round(r.bulkMs / 1000, 2), unit: 's' },
    { name: 'articles stored (import set)', value: r.stored },
    ...lookupFigures(`at ${k(total)}, right after the bulk insert`, r.lookupTotal),
    { name: 'sources stored (with the bundled ones)', value: r.nextSession.stored },
    { name: 'first lookup of the next browser session (cold)', value: round(r.nextSession.firstMs), unit: 'ms' },
    ...lookupFigures(`at ${k(total)}, next browser session`, r.nextSession.times, 20),
    { name: 'lookups per measurement (each on a different page)', value: r.lookupTotal.total.length },
  ];
  return figures;
}

export async function benchImport(): Promise<Record<string, number | string>> {
  return figureRecord(await importFigures());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at > 0 ? Number(process.argv[at + 1]) : undefined;
  };
  printFigures('Import at scale', await importFigures({ node: process.argv.includes('--node'), imported: size('--imported'), total: size('--total') }));
}
