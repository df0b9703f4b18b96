/**
 * Architecture figures (issue 15), from the built extension (run `npm run build:ext` first):
 * - bundle sizes: the background, and every script each extension page loads (options, side
 *   panel, popup), raw and gzipped;
 * - service-worker cold wake to first annotation on the seed page: the worker is stopped (as the
 *   browser does after 30 s idle), then the seed page loads; `readyAt` is on the page's clock,
 *   whose zero is the navigation start, so it is navigation to highlights painted. Warm (worker
 *   alive) beside it, and the very first load after install (which seeds the KB);
 * - what compromise adds to a wake: loading it and tagging one sentence in a fresh Node process
 *   (the same V8 that runs the service worker).
 * Run: npx tsx scripts/bench-arch.ts (npm run bench calls benchArch()).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROME_BUILD, launchChromium } from '../test/e2e/browsers';
import { waitForChromiumState } from '../test/e2e/page-state';
import { ROOT, seedPageHtml, serve } from '../test/e2e/pages';
import { figureRecord, median, printFigures, round, type Figure } from './lib/figures';

const RUNS = 5;

const kb = (bytes: number) => round(bytes / 1024);

function sizeOf(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(CHROME_BUILD, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** The scripts an extension page loads: its module script and every chunk it preloads. */
function pageScripts(html: string): string[] {
  const text = readFileSync(join(CHROME_BUILD, html), 'utf8');
  const refs = [...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\//, ''));
  return [...new Set(refs)];
}

export function sizeFigures(): Figure[] {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error(`no Chromium build at ${CHROME_BUILD}: run npm run build:ext`);
  const figures: Figure[] = [];
  const background = sizeOf(['background.js']);
  figures.push({ name: 'background.js, raw', value: kb(background.raw), unit: 'KB' }, { name: 'background.js, gzipped', value: kb(background.gzip), unit: 'KB' });
  for (const page of ['options', 'sidepanel', 'popup']) {
    const scripts = pageScripts(`${page}.html`);
    const size = sizeOf(scripts);
    figures.push({ name: `${page} page scripts (${scripts.length}), raw`, value: kb(size.raw), unit: 'KB' }, { name: `${page} page scripts, gzipped`, value: kb(size.gzip), unit: 'KB' });
  }
  if (existsSync(join(CHROME_BUILD, 'dataset.json'))) figures.push({ name: 'dataset.json, raw', value: kb(readFileSync(join(CHROME_BUILD, 'dataset.json')).length), unit: 'KB' });
  return figures;
}

/** Stops every service worker of the profile, as the browser does when one has been idle. */
async function stopWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
  const deadline = Date.now() + 5000;
  while (context.serviceWorkers().some((w) => w.url().startsWith('chrome-extension://')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** Navigation start to highlights painted, on the page's clock. */
async function loadSeed(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    const state = await waitForChromiumState(page, 'ready', 60_000);
    return state.readyAt!;
  } finally {
    await page.close();
  }
}

export async function wakeFigures(): Promise<Figure[]> {
  const server = await serve({ '/seed-000.html': seedPageHtml('000') });
  const session = await launchChromium();
  try {
    const url = `${server.origin}/seed-000.html`;
    const first = await loadSeed(session.context, url);
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push(await loadSeed(session.context, url));
      const blank = await session.context.newPage();
      await stopWorkers(session.context, blank);
      await blank.close();
      cold.push(await loadSeed(session.context, url));
    }
    return [
      { name: 'seed page, first load after install (seeds the KB): navigation to highlights', value: round(first), unit: 'ms' },
      { name: `seed page, worker awake: navigation to highlights (median of ${RUNS})`, value: round(median(warm)), unit: 'ms' },
      { name: `seed page, cold wake (worker stopped): navigation to highlights (median of ${RUNS})`, value: round(median(cold)), unit: 'ms' },
      { name: 'cold wake runs', value: cold.map((c) => Math.round(c)).join(', ') + ' ms' },
    ];
  } finally {
    await session.close();
    await server.close();
  }
}

/** Loading compromise and tagging one sentence, in a fresh Node process each run. */
export function compromiseFigures(): Figure[] {
  const probe = `const t0 = performance.now();
const { default: nlp } = await import('compromise');
const t1 = performance.now();
nlp('Troops from Poland joined the drill near Riga on Monday.').terms().json();
const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1 }));`;
  const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' })) as { load: number; first: number });
  const file = join(ROOT, 'node_modules/compromise/builds/compromise.js');
  return [
    { name: `compromise: module load, fresh process (median of ${RUNS})`, value: round(median(runs.map((r) => r.load))), unit: 'ms' },
    { name: `compromise: first sentence tagged after load (median of ${RUNS})`, value: round(median(runs.map((r) => r.first))), unit: 'ms' },
    ...(existsSync(file) ? [{ name: 'compromise: its browser build, raw', value: kb(readFileSync(file).length), unit: 'KB' }] : []),
  ];
}

export async function archFigures(): Promise<Figure[]> {
  return [...sizeFigures(), ...compromiseFigures(), ...(await wakeFigures())];
}

export async function benchArch(): Promise<Record<string, number | string>> {
  return figureRecord(await archFigures());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printFigures('Architecture: bundles, service-worker wake, compromise', await archFigures());
}
