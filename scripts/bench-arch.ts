/**
 * Architecture figures (issue 15), from the built extension (run `npm run build:ext` first):
 * - bundle sizes: the background, and every script each extension page loads (options, side
 *   panel, popup), raw and gzipped;
 * - service-worker cold wake to first annotation on the seed page: the worker is stopped (as the
 *   browser does after 30 s idle), then the seed page loads; `readyAt` is on the page's clock,
 *   whose zero is the navigation start, so it is navigation to highlights painted. Warm (worker
 *   alive) beside it, and the very first load after install (which seeds the KB);
 * - the worker's own account of each cold wake (kb-status `wake`: evaluating the bundle, opening
 *   IndexedDB, checking the dataset version, compiling the detector), where the build reports it;
 * - the same cold wake on a page that needs compromise (people named like countries,
 *   AMBIGUOUS_NAMES_ARTICLE): navigation to highlights, and in the worker the bundle's evaluation
 *   with and without compromise's first use (kb-status `taggerFirstUse`: it is evaluated then);
 * - what compromise adds to a wake: the same wake measured on a benchmark-only build where a stub
 *   stands in for it (built here into .output/no-compromise with TRIANGULATE_BENCH_NO_COMPROMISE=1),
 *   and evaluating the build the tagger loads ('compromise/two') and tagging one sentence in a
 *   fresh Chromium page and in a fresh Node process.
 * With $TRIANGULATE_BASELINE naming another unpacked Chromium build (e.g. an older commit's
 * .output/chrome-mv3), its sizes and wake are measured too, its runs interleaved with this
 * build's so that load from other processes falls on both alike.
 * Run: npx tsx scripts/bench-arch.ts (npm run bench calls benchArch()).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import type { WakeTimings } from '../lib/messages';
import { CHROME_BUILD, CHROMIUM, launchChromium } from '../test/e2e/browsers';
import { waitForChromiumState } from '../test/e2e/page-state';
import { AMBIGUOUS_NAMES_ARTICLE, articleHtml, ROOT, seedPageHtml, serve } from '../test/e2e/pages';
import { chromiumKbStatus, stopServiceWorkers } from '../test/e2e/worker';
import { figureRecord, median, printFigures, round, type Figure } from './lib/figures';

const RUNS = Number(process.env.TRIANGULATE_BENCH_RUNS ?? 5);
const BASELINE = process.env.TRIANGULATE_BASELINE;
const NO_COMPROMISE_BUILD = join(ROOT, '.output/no-compromise/chrome-mv3');

/** Builds the benchmark-only variant without compromise (wxt.config.ts). */
function buildWithoutCompromise(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, env: { ...process.env, TRIANGULATE_BENCH_NO_COMPROMISE: '1' }, stdio: 'ignore' });
}

const kb = (bytes: number) => round(bytes / 1024);

function sizeOf(build: string, files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(build, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** The scripts an extension page loads: its module script and every chunk it preloads. */
function pageScripts(build: string, html: string): string[] {
  const text = readFileSync(join(build, html), 'utf8');
  const refs = [...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\//, ''));
  return [...new Set(refs)];
}

export function sizeFigures(build = CHROME_BUILD, label = ''): Figure[] {
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`no Chromium build at ${build}: run npm run build:ext`);
  const figures: Figure[] = [];
  const background = sizeOf(build, ['background.js']);
  figures.push({ name: `${label}background.js, raw`, value: kb(background.raw), unit: 'KB' }, { name: `${label}background.js, gzipped`, value: kb(background.gzip), unit: 'KB' });
  for (const page of ['options', 'sidepanel', 'popup']) {
    const scripts = pageScripts(build, `${page}.html`);
    const size = sizeOf(build, scripts);
    figures.push({ name: `${label}${page} page scripts (${scripts.length}), raw`, value: kb(size.raw), unit: 'KB' }, { name: `${label}${page} page scripts, gzipped`, value: kb(size.gzip), unit: 'KB' });
  }
  return figures;
}

/**
 * Navigation start to highlights painted, on the page's clock. `cold`: the service worker is stopped
 * first, through the tab the page then loads in, so that no other tab event wakes it before.
 */
async function loadPage(context: BrowserContext, url: string, cold = false): Promise<number> {
  const page = await context.newPage();
  try {
    if (cold) await stopServiceWorkers(page);
    await page.goto(url);
    const state = await waitForChromiumState(page, 'ready', 60_000);
    return state.readyAt!;
  } finally {
    await page.close();
  }
}

/** A build older than `firstRequest` reported the first request's time as `script`. */
type ReportedWake = Omit<WakeTimings, 'firstRequest'> & { firstRequest?: number };

interface WakeRuns {
  first: number;
  warm: number[];
  cold: number[];
  wakes: ReportedWake[];
  /** After each cold wake on the seed page, whether the worker had asked compromise (undefined: the build does not say). */
  seedAsked: (boolean | undefined)[];
  /** Cold wakes on the page with ambiguous names: navigation to highlights, and the worker's account. */
  ambiguous: number[];
  ambiguousWakes: { wake: ReportedWake; taggerFirstUse: number | null }[];
}

function wakeRecord(label: string, r: WakeRuns): Figure[] {
  const figures: Figure[] = [
    { name: `${label}seed page, first load after install (seeds the KB): navigation to highlights`, value: round(r.first), unit: 'ms' },
    { name: `${label}seed page, worker awake: navigation to highlights (median of ${RUNS})`, value: round(median(r.warm)), unit: 'ms' },
    { name: `${label}seed page, cold wake (worker stopped): navigation to highlights (median of ${RUNS})`, value: round(median(r.cold)), unit: 'ms' },
    { name: `${label}cold wake runs`, value: r.cold.map((c) => Math.round(c)).join(', ') + ' ms' },
  ];
  if (r.wakes.length) {
    const part = (k: 'script' | 'open' | 'seed' | 'detector') => round(median(r.wakes.map((w) => w[k])));
    const evaluated = r.wakes.every((w) => w.firstRequest !== undefined);
    if (evaluated) figures.push({ name: `${label}cold wake, in the worker: start to bundle evaluated`, value: part('script'), unit: 'ms' });
    figures.push(
      { name: `${label}cold wake, in the worker: start to first request handled`, value: round(median(r.wakes.map((w) => w.firstRequest ?? w.script))), unit: 'ms' },
      { name: `${label}cold wake, in the worker: opening IndexedDB`, value: part('open'), unit: 'ms' },
      { name: `${label}cold wake, in the worker: dataset version check (and seeding)`, value: part('seed'), unit: 'ms' },
      { name: `${label}cold wake, in the worker: entities read and detector compiled`, value: part('detector'), unit: 'ms' },
      ...(r.wakes.every((w) => w.detectorHold !== undefined)
        ? [{ name: `${label}cold wake, in the worker: longest hold while compiling the detector (it compiles in slices)`, value: round(median(r.wakes.map((w) => w.detectorHold!))), unit: 'ms' }]
        : []),
      { name: `${label}cold wakes that re-seeded`, value: r.wakes.filter((w) => w.seeded).length },
    );
    const told = r.seedAsked.filter((a) => a !== undefined);
    if (told.length) figures.push({ name: `${label}seed page cold wakes that asked compromise`, value: `${told.filter(Boolean).length} of ${told.length}` });
  }
  figures.push({ name: `${label}page with ambiguous names, cold wake: navigation to highlights (median of ${RUNS})`, value: round(median(r.ambiguous)), unit: 'ms' });
  const asked = r.ambiguousWakes.filter((w) => w.taggerFirstUse !== null && w.wake.firstRequest !== undefined);
  if (asked.length) {
    const script = median(asked.map((w) => w.wake.script));
    const firstUse = median(asked.map((w) => w.taggerFirstUse!));
    figures.push(
      { name: `${label}page with ambiguous names, cold wake, in the worker: bundle evaluated`, value: round(script), unit: 'ms' },
      { name: `${label}page with ambiguous names, cold wake, in the worker: compromise's first use (evaluated, first sentence tagged)`, value: round(firstUse), unit: 'ms' },
      { name: `${label}page with ambiguous names, cold wake, in the worker: bundle evaluated + compromise's first use`, value: round(median(asked.map((w) => w.wake.script + w.taggerFirstUse!))), unit: 'ms' },
    );
  }
  return figures;
}

/** This build's wake, and the baseline's when one is named, one run of each in turn. */
export async function wakeFigures(): Promise<Figure[]> {
  const server = await serve({ '/seed-000.html': seedPageHtml('000'), '/ambiguous.html': articleHtml(AMBIGUOUS_NAMES_ARTICLE) });
  buildWithoutCompromise();
  const builds = [
    { label: '', dir: CHROME_BUILD },
    { label: 'without compromise (bench build): ', dir: NO_COMPROMISE_BUILD },
    ...(BASELINE ? [{ label: 'baseline: ', dir: BASELINE }] : []),
  ];
  const sessions = [];
  try {
    for (const build of builds) sessions.push(await launchChromium({ build: build.dir }));
    const url = `${server.origin}/seed-000.html`;
    const ambiguousUrl = `${server.origin}/ambiguous.html`;
    const runs: WakeRuns[] = [];
    for (const session of sessions) runs.push({ first: await loadPage(session.context, url), warm: [], cold: [], wakes: [], seedAsked: [], ambiguous: [], ambiguousWakes: [] });
    for (let i = 0; i < RUNS; i++) {
      for (const [j, session] of sessions.entries()) {
        const r = runs[j]!;
        r.warm.push(await loadPage(session.context, url));
        r.cold.push(await loadPage(session.context, url, true));
        const status = await chromiumKbStatus(session);
        if (status?.wake) r.wakes.push(status.wake);
        r.seedAsked.push(status?.taggerFirstUse === undefined ? undefined : status.taggerFirstUse !== null);
        r.ambiguous.push(await loadPage(session.context, ambiguousUrl, true));
        const after = await chromiumKbStatus(session);
        if (after?.wake) r.ambiguousWakes.push({ wake: after.wake, taggerFirstUse: after.taggerFirstUse ?? null });
      }
    }
    return [
      ...builds.flatMap((b, i) => wakeRecord(b.label, runs[i]!)),
      { name: 'without compromise (bench build): background.js, raw', value: kb(sizeOf(NO_COMPROMISE_BUILD, ['background.js']).raw), unit: 'KB' },
    ];
  } finally {
    for (const session of sessions) await session.close();
    await server.close();
  }
}

const SENTENCE = 'Troops from Poland joined the drill near Riga on Monday.';

/** The build lib/detect/tagger.ts loads ('compromise/two', UMD: a page's script defines `nlp`). */
const TAGGER_BUILD = join(ROOT, 'node_modules/compromise/builds/two/compromise-two.cjs');

/** Evaluating the tagger's compromise and tagging one sentence, in a fresh Chromium page each run. */
async function compromiseInChromium(): Promise<{ load: number; first: number }[]> {
  const build = readFileSync(TAGGER_BUILD, 'utf8');
  const page = `<!doctype html><script>window.t0 = performance.now()</script><script src="/compromise.js"></script>
<script>window.t1 = performance.now(); nlp(${JSON.stringify(SENTENCE)}).terms().json(); window.t2 = performance.now()</script>`;
  const server = await serve({ '/compromise.html': page, '/compromise.js': { body: build, headers: { 'content-type': 'text/javascript' } } });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const runs: { load: number; first: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A new context each time: no code cache carried from the previous run.
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${server.origin}/compromise.html`);
      runs.push((await tab.evaluate(() => {
        const w = window as unknown as { t0: number; t1: number; t2: number };
        return { load: w.t1 - w.t0, first: w.t2 - w.t1 };
      })));
      await context.close();
    }
    return runs;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** What compromise costs whoever loads it: evaluating the library, then its first sentence. */
export async function compromiseFigures(): Promise<Figure[]> {
  const probe = `const t0 = performance.now();
const { default: nlp } = await import('compromise/two');
const t1 = performance.now();
nlp(${JSON.stringify(SENTENCE)}).terms().json();
const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1 }));`;
  const node = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' })) as { load: number; first: number });
  const browser = await compromiseInChromium();
  return [
    { name: `compromise/two in Chromium: script evaluated, fresh page (median of ${RUNS})`, value: round(median(browser.map((r) => r.load))), unit: 'ms' },
    { name: `compromise/two in Chromium: first sentence tagged (median of ${RUNS})`, value: round(median(browser.map((r) => r.first))), unit: 'ms' },
    { name: `compromise/two in Node: module loaded, fresh process (median of ${RUNS})`, value: round(median(node.map((r) => r.load))), unit: 'ms' },
    { name: `compromise/two in Node: first sentence tagged (median of ${RUNS})`, value: round(median(node.map((r) => r.first))), unit: 'ms' },
    { name: 'compromise/two: its build, raw', value: kb(readFileSync(TAGGER_BUILD).length), unit: 'KB' },
  ];
}

export async function archFigures(): Promise<Figure[]> {
  return [...sizeFigures(), ...(BASELINE ? sizeFigures(BASELINE, 'baseline: ') : []), ...(await compromiseFigures()), ...(await wakeFigures())];
}

export async function benchArch(): Promise<Record<string, number | string>> {
  return figureRecord(await archFigures());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printFigures('Architecture: bundles, service-worker wake, compromise', await archFigures());
}
