/**
 * Long tasks caused by Triangulate on a page's main thread, in headless Chromium with the built
 * extension (run `npm run build:ext` first), for the seed page, the 181 saved news pages in
 * ../shared/pages (skipped with a message when absent; $TRIANGULATE_PAGES points elsewhere,
 * $TRIANGULATE_BENCH_PAGES=N takes the first N) and a generated 12,000-mention page; and how
 * long a page made of one 600,000-character word and the seed page opened beside it take to answer.
 *
 * Attribution: every page is loaded twice, in a profile with the extension and in one without,
 * with the page's own scripts disabled by a `script-src 'none'` CSP header (content scripts are
 * not subject to it), so what differs is the extension's doing. Triangulate's long-task time on
 * a page is the total duration of tasks over 50 ms after DOMContentLoaded with the extension,
 * minus the same without it (never below 0); main-thread work is the difference in the renderer's
 * TaskDuration (Chromium's Performance metrics). The pages' own clocks say when the highlights
 * were painted (`readyAt` from the extension's page-state message, on the page's clock).
 * Run: npx tsx scripts/bench-longtasks.ts (npm run bench calls benchLongTasks()).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { PageState } from '../lib/messages';
import { CHROMIUM, launchChromium } from '../test/e2e/browsers';
import { chromiumPageState, chromiumShowAll } from '../test/e2e/page-state';
import { denseMentionsPage, giantWordPage, rollCallPage } from '../test/e2e/big-pages';
import { ROOT, seedPageHtml, serve } from '../test/e2e/pages';
import { figureRecord, median, percentile, printFigures, round, type Figure } from './lib/figures';

const LONG_TASK_MS = 50;
/** Time to keep watching after the highlights are painted (rendering them comes after). */
const SETTLE_MS = 1000;
const PAGE_TIMEOUT_MS = 30_000;
const SEED_RUNS = 5;
const PAGES = process.env.TRIANGULATE_PAGES ?? join(ROOT, '../shared/pages');
const NO_SCRIPTS = { 'content-security-policy': "script-src 'none'" };

interface Timeline {
  dcl: number | null;
  longTasks: { start: number; duration: number }[];
}

/** Runs before any page script (and despite the page's CSP): records long tasks and DOMContentLoaded. */
function recordTimeline(): void {
  const t: Timeline = { dcl: null, longTasks: [] };
  Object.defineProperty(window, '__benchTimeline', { value: t });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => (t.dcl = performance.now()));
}

interface Load {
  timeline: Timeline;
  taskMs: number;
  state: PageState | null;
}

const DONE = new Set<PageState['state']>(['ready', 'no-article', 'error']);

/** The renderer's main-thread task time for a page, from Chromium's Performance domain (enabled before navigating). */
async function taskMeter(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    await cdp.detach();
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
}

/** Loads `url` in a fresh tab; with the extension, waits for it to finish; then lets the page settle. */
async function load(context: BrowserContext, url: string, withExtension: boolean, after?: (page: Page) => Promise<void>): Promise<Load> {
  const page = await context.newPage();
  try {
    const taskMs = await taskMeter(page);
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS }).catch(() => undefined);
    let state: PageState | null = null;
    if (withExtension) {
      const deadline = Date.now() + PAGE_TIMEOUT_MS;
      while (Date.now() < deadline) {
        state = await chromiumPageState(page);
        if (state && DONE.has(state.state)) break;
        await page.waitForTimeout(100);
      }
      await after?.(page);
    }
    await page.waitForTimeout(SETTLE_MS);
    if (withExtension && after) state = await chromiumPageState(page);
    const timeline = (await page.evaluate('window.__benchTimeline')) as Timeline;
    return { timeline, taskMs: await taskMs(), state };
  } finally {
    await page.close();
  }
}

const longAfterDcl = (t: Timeline) => t.longTasks.filter((l) => t.dcl !== null && l.start >= t.dcl && l.duration > LONG_TASK_MS);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const longTaskMs = (l: Load) => sum(longAfterDcl(l.timeline).map((t) => t.duration));
const longest = (l: Load) => Math.max(0, ...longAfterDcl(l.timeline).map((t) => t.duration));

interface Pair {
  with: Load;
  without: Load;
}

const caused = (p: Pair) => Math.max(0, longTaskMs(p.with) - longTaskMs(p.without));
const work = (p: Pair) => Math.max(0, p.with.taskMs - p.without.taskMs);

function sharedPageNames(): string[] | null {
  const dir = join(PAGES, 'html');
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .sort();
  const limit = Number(process.env.TRIANGULATE_BENCH_PAGES ?? Infinity);
  return names.slice(0, limit);
}

/** Both pages opened together, the giant one first: how long each takes, on its own clock, to answer. */
async function besideGiant(context: BrowserContext, origin: string): Promise<{ giant: PageState | null; seed: PageState | null }> {
  const [giant, seed] = [await context.newPage(), await context.newPage()];
  try {
    // The giant page first, so its analysis is under way when the seed page asks for its own.
    await giant.goto(`${origin}/giant.html`);
    await seed.goto(`${origin}/seed-beside.html`);
    const deadline = Date.now() + PAGE_TIMEOUT_MS;
    let g: PageState | null = null;
    let s: PageState | null = null;
    while (Date.now() < deadline && !(g && DONE.has(g.state) && s && DONE.has(s.state))) {
      [g, s] = [await chromiumPageState(giant), await chromiumPageState(seed)];
      await seed.waitForTimeout(100);
    }
    return { giant: g, seed: s };
  } finally {
    await giant.close();
    await seed.close();
  }
}

export async function longTaskFigures(log: (line: string) => void = () => undefined): Promise<Figure[]> {
  const names = sharedPageNames();
  const routes: Record<string, { body: string; headers: Record<string, string> } | (() => string)> = {
    '/seed.html': { body: seedPageHtml('000'), headers: NO_SCRIPTS },
    '/seed-beside.html': { body: seedPageHtml('000'), headers: NO_SCRIPTS },
    '/dense.html': { body: denseMentionsPage(), headers: NO_SCRIPTS },
    '/roll.html': { body: rollCallPage(), headers: NO_SCRIPTS },
    '/giant.html': { body: giantWordPage(), headers: NO_SCRIPTS },
  };
  for (const n of names ?? []) {
    routes[`/shared/${n}.html`] = { body: gunzipSync(readFileSync(join(PAGES, 'html', `${n}.html.gz`))).toString('utf8'), headers: NO_SCRIPTS };
  }
  const server = await serve(routes as Parameters<typeof serve>[0]);
  const session = await launchChromium();
  const plainProfile = mkdtempSync(join(tmpdir(), 'triangulate-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainProfile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, args: ['--no-sandbox', '--disable-gpu'] });
  const figures: Figure[] = [];
  try {
    for (const context of [session.context, plain]) {
      await context.addInitScript(recordTimeline);
      // No request leaves the machine: saved pages point at their original sites.
      await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected')));
    }
    const pair = async (path: string, after?: (page: Page) => Promise<void>): Promise<Pair> => ({
      with: await load(session.context, `${server.origin}${path}`, true, after),
      without: await load(plain, `${server.origin}${path}`, false),
    });

    // A first load wakes the service worker and seeds the knowledge base.
    await load(session.context, `${server.origin}/seed.html`, true);
    const seed: Pair[] = [];
    for (let i = 0; i < SEED_RUNS; i++) seed.push(await pair('/seed.html'));
    figures.push(
      { name: `seed page: longest Triangulate task (worst of ${SEED_RUNS})`, value: round(Math.max(...seed.map((p) => longest(p.with)))), unit: 'ms', budget: { max: LONG_TASK_MS } },
      { name: 'seed page: longest task without the extension (worst)', value: round(Math.max(...seed.map((p) => longest(p.without)))), unit: 'ms' },
      { name: `seed page: long-task time caused (median of ${SEED_RUNS})`, value: round(median(seed.map(caused))), unit: 'ms', budget: { max: 0 } },
      { name: 'seed page: main-thread work caused (median)', value: round(median(seed.map(work))), unit: 'ms' },
      { name: 'seed page: load to highlights (median, page clock)', value: round(median(seed.map((p) => p.with.state?.readyAt ?? NaN))), unit: 'ms' },
    );

    for (const [path, label] of [['/roll.html', '12,000-mention roll call'], ['/dense.html', '12,000-mention prose']] as const) {
      const p = await pair(path);
      const all = await pair(path, async (page) => void (await chromiumShowAll(page)));
      figures.push(
        { name: `${label}: mentions found / painted / left for "Show all"`, value: `${p.with.state?.mentions ?? '?'} / ${p.with.state?.painted ?? '?'} / ${p.with.state?.skipped ?? '?'}` },
        { name: `${label}: main-thread work caused`, value: round(work(p)), unit: 'ms', budget: { max: 1000 } },
        { name: `${label}: long-task time caused`, value: round(caused(p)), unit: 'ms' },
        { name: `${label}: longest Triangulate task`, value: round(longest(p.with)), unit: 'ms', budget: { max: LONG_TASK_MS } },
        { name: `${label}, after "Show all": highlights painted`, value: all.with.state?.painted ?? 0 },
        { name: `${label}, after "Show all": main-thread work caused`, value: round(work(all)), unit: 'ms' },
        { name: `${label}, after "Show all": longest Triangulate task`, value: round(longest(all.with)), unit: 'ms' },
      );
    }

    if (!names) {
      figures.push({ name: 'shared pages', value: `skipped: no saved pages at ${PAGES}` });
    } else {
      const perPage: { name: string; caused: number; longest: number; state: string }[] = [];
      for (const [i, n] of names.entries()) {
        const p = await pair(`/shared/${n}.html`);
        perPage.push({ name: n, caused: caused(p), longest: longest(p.with), state: p.with.state?.state ?? 'none' });
        log(`${String(i + 1).padStart(3)}/${names.length} ${n.slice(0, 12)} ${(p.with.state?.state ?? 'none').padEnd(10)} caused ${round(caused(p))} ms, longest ${round(longest(p.with))} ms (without: ${round(longest(p.without))} ms)`);
      }
      const causedAll = perPage.map((p) => p.caused);
      const worst = [...perPage].sort((a, b) => b.caused - a.caused).slice(0, 3);
      figures.push(
        { name: `shared pages (${perPage.length}): long-task time caused, p95`, value: round(percentile(causedAll, 95)), unit: 'ms', budget: { max: LONG_TASK_MS } },
        { name: 'shared pages: long-task time caused, max', value: round(Math.max(...causedAll)), unit: 'ms' },
        { name: 'shared pages: pages with over 50 ms caused', value: causedAll.filter((c) => c > LONG_TASK_MS).length },
        { name: 'shared pages: longest task with the extension, p95 / max', value: `${round(percentile(perPage.map((p) => p.longest), 95))} / ${round(Math.max(...perPage.map((p) => p.longest)))} ms` },
        { name: 'shared pages: worst three', value: worst.map((w) => `${w.name.slice(0, 8)} ${round(w.caused)} ms`).join(', ') },
        { name: 'shared pages: not finished in time', value: perPage.filter((p) => !DONE.has(p.state as PageState['state'])).length },
      );
    }
    // Last: before the caps, the giant page held the service worker for good.
    const beside = await besideGiant(session.context, server.origin);
    figures.push(
      { name: '600,000-character word page: answered after (page clock)', value: beside.giant?.readyAt != null ? round(beside.giant.readyAt) : `not within ${PAGE_TIMEOUT_MS / 1000} s`, unit: 'ms', budget: { max: 3000 } },
      { name: '600,000-character word page: notice', value: beside.giant?.notice ?? `(none; state ${beside.giant?.state ?? 'no answer'})` },
      { name: 'seed page opened beside it: highlights after (page clock)', value: beside.seed?.readyAt != null ? round(beside.seed.readyAt) : `not within ${PAGE_TIMEOUT_MS / 1000} s`, unit: 'ms', budget: { max: 2000 } },
    );

    return figures;
  } finally {
    await session.close();
    await plain.close();
    await server.close();
    rmSync(plainProfile, { recursive: true, force: true });
  }
}

export async function benchLongTasks(): Promise<Record<string, number | string>> {
  return figureRecord(await longTaskFigures());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printFigures('Long tasks caused by Triangulate (headless Chromium, page scripts off)', await longTaskFigures((line) => console.log(line)));
}
