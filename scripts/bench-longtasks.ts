/**
 * Long tasks caused by Triangulate on a page's main thread, in headless Chromium with the built
 * extension (run `npm run build:ext` first), for the seed page, the 181 saved news pages in
 * ../shared/pages (skipped with a message when absent; $TRIANGULATE_PAGES points elsewhere,
 * $TRIANGULATE_BENCH_PAGES=N takes the first N) and generated 12,000-mention pages; and how
 * long a page made of one 600,000-character word and the seed page opened beside it take to answer.
 * On the seed page, the 12,000-mention pages, the giant word and a 1.6 M-character page it also
 * prints the extension's service worker's longest task (its longest uninterrupted run of work).
 *
 * Attribution comes from a Chromium trace of each load: with the page's scripts disabled, a task
 * on the page's main thread that runs script runs the content script's (its evaluation, its
 * continuations after yielding, timers, idle and observer callbacks). Each task is measured in CPU time of the main thread (the trace's
 * thread duration), so other processes competing for the machine's two cores do not turn a
 * short task into a long one; its wall time is printed beside. Rendering the highlights happens
 * in the page's own frames: "main-thread work caused" (the renderer's TaskDuration with the
 * extension minus without it) covers it. Page scripts are disabled by a `script-src 'none'` CSP
 * header (content scripts are not subject to it), so pages load the same way every time.
 * Run: npx tsx scripts/bench-longtasks.ts (npm run bench calls benchLongTasks()).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { PageState } from '../lib/messages';
import { denseMentionsPage, giantWordPage, rollCallPage } from '../test/e2e/big-pages';
import { CHROMIUM, launchChromium } from '../test/e2e/browsers';
import { chromiumPageState, chromiumShowAll } from '../test/e2e/page-state';
import { articleHtml, ROOT, seedPageHtml, serve } from '../test/e2e/pages';
import { figureRecord, median, percentile, printFigures, round, type Figure } from './lib/figures';
import { syntheticArticle } from './lib/synthetic';

const LONG_TASK_MS = 50;
/** Time to keep watching after the highlights are painted (rendering them comes after). */
const SETTLE_MS = 1000;
const PAGE_TIMEOUT_MS = 30_000;
const SEED_RUNS = 5;
const PAGES = process.env.TRIANGULATE_PAGES ?? join(ROOT, '../shared/pages');
const NO_SCRIPTS = { 'content-security-policy': "script-src 'none'" };
const DONE = new Set<PageState['state']>(['ready', 'no-article', 'error']);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/** Chromium's name for the thread a service worker runs on (a trace's `thread_name` metadata). */
const WORKER_THREAD = 'ServiceWorker thread';

/** One of Triangulate's tasks: CPU time of the main thread and wall time, in ms. */
interface OurTask {
  cpu: number;
  wall: number;
}

interface Load {
  ours: OurTask[];
  /** Tasks of the extension's service worker during the load (its analysis of the page). */
  worker: OurTask[];
  taskMs: number;
  state: PageState | null;
}

/** Trace events that mean script ran in a task. */
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'RunYieldContinuation', 'RunMicrotasks', 'v8.run', 'V8.Execute']);

/**
 * Tasks of the page's main thread that run script. Page scripts are disabled and the benchmark
 * runs none in the page while it measures, so on that thread script is the content script's:
 * its evaluation, its continuations after yielding (RunYieldContinuation), its timers, idle and
 * observer callbacks. The page's renderer is the one that evaluated our script.
 */
function ourTasks(events: TraceEvent[], scriptUrl: string): OurTask[] {
  const evaluation = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith(scriptUrl));
  if (!evaluation) return [];
  const onThread = events.filter((e) => e.pid === evaluation.pid && e.tid === evaluation.tid).sort((a, b) => a.ts - b.ts);
  const scripts = onThread.filter((e) => SCRIPT_EVENTS.has(e.name));
  return onThread
    .filter((t) => t.name === 'RunTask' && t.ph === 'X' && scripts.some((m) => m.ts >= t.ts && m.ts < t.ts + (t.dur ?? 0)))
    .map((t) => ({ cpu: (t.tdur ?? t.dur ?? 0) / 1000, wall: (t.dur ?? 0) / 1000 }));
}

/**
 * Tasks of service-worker threads: with page scripts off and no other extension, the only service
 * worker is ours. Each is an uninterrupted run of the worker's work, what another tab's request may
 * have to wait for.
 */
function workerTasks(events: TraceEvent[]): OurTask[] {
  const threads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === WORKER_THREAD).map((e) => `${e.pid}/${e.tid}`));
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && threads.has(`${e.pid}/${e.tid}`))
    .map((t) => ({ cpu: (t.tdur ?? t.dur ?? 0) / 1000, wall: (t.dur ?? 0) / 1000 }));
}

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

/** Records a trace of what `during` makes the browser do. */
async function traced(browser: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]));
  browser.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => browser.once('Tracing.tracingComplete', resolve));
  await browser.send('Tracing.start', { traceConfig: { includedCategories: ['__metadata', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    await browser.send('Tracing.end');
    await complete;
    browser.off('Tracing.dataCollected', collect);
  }
  return events;
}

interface Loader {
  /** With the extension: its tasks, the page's task time and the tab's state once settled. */
  withExtension(url: string, after?: (page: Page) => Promise<void>): Promise<Load>;
  /** The page's task time in a profile without the extension. */
  without(url: string): Promise<number>;
}

async function openPage(context: BrowserContext, url: string, whileOpen: (page: Page) => Promise<void>): Promise<number> {
  const page = await context.newPage();
  try {
    const taskMs = await taskMeter(page);
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS }).catch(() => undefined);
    await whileOpen(page);
    await page.waitForTimeout(SETTLE_MS);
    return await taskMs();
  } finally {
    await page.close();
  }
}

async function waitDone(page: Page): Promise<PageState | null> {
  let state: PageState | null = null;
  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    state = await chromiumPageState(page);
    if (state && DONE.has(state.state)) break;
    await page.waitForTimeout(100);
  }
  return state;
}

const longTasks = (l: Load) => l.ours.filter((t) => t.cpu > LONG_TASK_MS);
const longTaskMs = (l: Load) => longTasks(l).reduce((sum, t) => sum + t.cpu, 0);
const longestCpu = (l: Load) => Math.max(0, ...l.ours.map((t) => t.cpu));
const longestWall = (l: Load) => Math.max(0, ...l.ours.map((t) => t.wall));
const workerLongest = (l: Load) => `${round(Math.max(0, ...l.worker.map((t) => t.cpu)))} / ${round(Math.max(0, ...l.worker.map((t) => t.wall)))} ms`;

/** A 1.6 M-character report (synthetic prose): the background reads its first 200,000 characters. */
function archivePage(): string {
  const article = syntheticArticle(23, 270_000);
  return articleHtml({ title: article.title, outlet: 'Synthetic Ledger (benchmark fixture)', published: article.published, paragraphs: article.text.split('\n\n') });
}

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
  const routes: Record<string, { body: string; headers: Record<string, string> }> = {
    '/seed.html': { body: seedPageHtml('000'), headers: NO_SCRIPTS },
    '/seed-beside.html': { body: seedPageHtml('000'), headers: NO_SCRIPTS },
    '/dense.html': { body: denseMentionsPage(), headers: NO_SCRIPTS },
    '/roll.html': { body: rollCallPage(), headers: NO_SCRIPTS },
    '/giant.html': { body: giantWordPage(), headers: NO_SCRIPTS },
    '/archive.html': { body: archivePage(), headers: NO_SCRIPTS },
  };
  for (const n of names ?? []) {
    routes[`/shared/${n}.html`] = { body: gunzipSync(readFileSync(join(PAGES, 'html', `${n}.html.gz`))).toString('utf8'), headers: NO_SCRIPTS };
  }
  const server = await serve(routes);
  const session = await launchChromium();
  const plainProfile = mkdtempSync(join(tmpdir(), 'triangulate-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainProfile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, args: ['--no-sandbox', '--disable-gpu'] });
  const tracer = await session.context.browser()!.newBrowserCDPSession();
  const scriptUrl = `chrome-extension://${session.extensionId}/`;
  const figures: Figure[] = [];
  try {
    for (const context of [session.context, plain]) {
      // No request leaves the machine: saved pages point at their original sites.
      await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected')));
    }
    const loader: Loader = {
      async withExtension(url, after) {
        let state: PageState | null = null;
        let taskMs = 0;
        const events = await traced(tracer, async () => {
          taskMs = await openPage(session.context, url, async (page) => {
            state = await waitDone(page);
            if (after) {
              await after(page);
              await page.waitForTimeout(SETTLE_MS);
              state = await chromiumPageState(page);
            }
          });
        });
        return { ours: ourTasks(events, scriptUrl), worker: workerTasks(events), taskMs, state };
      },
      without: (url) => openPage(plain, url, async () => undefined),
    };
    const at = (path: string) => `${server.origin}${path}`;

    // A first load wakes the service worker and seeds the knowledge base.
    await loader.withExtension(at('/seed.html'));
    const seed: Load[] = [];
    const seedPlain: number[] = [];
    for (let i = 0; i < SEED_RUNS; i++) {
      seed.push(await loader.withExtension(at('/seed.html')));
      seedPlain.push(await loader.without(at('/seed.html')));
    }
    figures.push(
      { name: `seed page: longest Triangulate task, CPU (worst of ${SEED_RUNS})`, value: round(Math.max(...seed.map(longestCpu))), unit: 'ms', budget: { max: LONG_TASK_MS } },
      { name: 'seed page: longest Triangulate task, wall (median)', value: round(median(seed.map(longestWall))), unit: 'ms' },
      { name: `seed page: Triangulate tasks over 50 ms (all ${SEED_RUNS} runs)`, value: seed.reduce((n, l) => n + longTasks(l).length, 0), budget: { max: 0 } },
      { name: 'seed page: main-thread work caused (median)', value: round(Math.max(0, median(seed.map((l) => l.taskMs)) - median(seedPlain))), unit: 'ms' },
      { name: 'seed page: load to highlights (median, page clock)', value: round(median(seed.map((l) => l.state?.readyAt ?? NaN))), unit: 'ms' },
      { name: `seed page: service worker's longest task, CPU / wall (worst of ${SEED_RUNS})`, value: `${round(Math.max(...seed.flatMap((l) => l.worker.map((t) => t.cpu))))} / ${round(Math.max(...seed.flatMap((l) => l.worker.map((t) => t.wall))))} ms` },
    );

    for (const [path, label] of [['/roll.html', '12,000-mention roll call'], ['/dense.html', '12,000-mention prose']] as const) {
      const first = await loader.withExtension(at(path));
      const all = await loader.withExtension(at(path), async (page) => void (await chromiumShowAll(page)));
      const base = await loader.without(at(path));
      figures.push(
        { name: `${label}: mentions found / painted / left for "Show all"`, value: `${first.state?.mentions ?? '?'} / ${first.state?.painted ?? '?'} / ${first.state?.skipped ?? '?'}` },
        { name: `${label}: main-thread work caused`, value: round(Math.max(0, first.taskMs - base)), unit: 'ms', budget: { max: 1000 } },
        { name: `${label}: longest Triangulate task, CPU / wall`, value: `${round(longestCpu(first))} / ${round(longestWall(first))} ms` },
        { name: `${label}: long-task time caused (CPU)`, value: round(longTaskMs(first)), unit: 'ms', budget: { max: 0 } },
        { name: `${label}: service worker's longest task, CPU / wall`, value: workerLongest(first) },
        { name: `${label}, after "Show all": highlights painted`, value: all.state?.painted ?? 0 },
        { name: `${label}, after "Show all": main-thread work caused`, value: round(Math.max(0, all.taskMs - base)), unit: 'ms' },
        { name: `${label}, after "Show all": longest Triangulate task, CPU / wall`, value: `${round(longestCpu(all))} / ${round(longestWall(all))} ms` },
      );
    }

    // The worker's longest uninterrupted run on the pages that are hardest on its analysis (issue 19: one slice plus one step).
    for (const [path, label] of [['/giant.html', '600,000-character word page'], ['/archive.html', '1.6 M-character page']] as const) {
      const load = await loader.withExtension(at(path));
      figures.push({ name: `${label}: service worker's longest task, CPU / wall`, value: workerLongest(load) });
    }

    if (!names) {
      figures.push({ name: 'shared pages', value: `skipped: no saved pages at ${PAGES}` });
    } else {
      const perPage: { name: string; longTaskMs: number; longest: number; wall: number; state: string }[] = [];
      for (const [i, n] of names.entries()) {
        const l = await loader.withExtension(at(`/shared/${n}.html`));
        perPage.push({ name: n, longTaskMs: longTaskMs(l), longest: longestCpu(l), wall: longestWall(l), state: l.state?.state ?? 'none' });
        log(`${String(i + 1).padStart(3)}/${names.length} ${n.slice(0, 12)} ${(l.state?.state ?? 'none').padEnd(10)} longest task ${round(longestCpu(l))} ms CPU (${round(longestWall(l))} ms wall), ${l.ours.length} tasks`);
      }
      const long = perPage.map((p) => p.longTaskMs);
      const worst = [...perPage].sort((a, b) => b.longest - a.longest).slice(0, 3);
      figures.push(
        { name: `shared pages (${perPage.length}): long-task time caused (CPU), p95`, value: round(percentile(long, 95)), unit: 'ms', budget: { max: LONG_TASK_MS } },
        { name: 'shared pages: long-task time caused (CPU), max', value: round(Math.max(...long)), unit: 'ms' },
        { name: 'shared pages: longest Triangulate task (CPU), p95 / max', value: `${round(percentile(perPage.map((p) => p.longest), 95))} / ${round(Math.max(...perPage.map((p) => p.longest)))} ms` },
        { name: 'shared pages: longest Triangulate task (wall), p95 / max', value: `${round(percentile(perPage.map((p) => p.wall), 95))} / ${round(Math.max(...perPage.map((p) => p.wall)))} ms` },
        { name: 'shared pages: pages with a Triangulate task over 50 ms (CPU)', value: perPage.filter((p) => p.longest > LONG_TASK_MS).length },
        { name: 'shared pages: worst three (CPU)', value: worst.map((w) => `${w.name.slice(0, 8)} ${round(w.longest)} ms`).join(', ') },
        { name: 'shared pages: not finished in time', value: perPage.filter((p) => !DONE.has(p.state as PageState['state'])).length },
      );
    }

    // Last: before the caps, the giant page held the service worker for good.
    const beside = await besideGiant(session.context, server.origin);
    figures.push(
      { name: '600,000-character word page: answered after (page clock)', value: beside.giant?.readyAt != null ? round(beside.giant.readyAt) : `not within ${PAGE_TIMEOUT_MS / 1000} s`, unit: 'ms', budget: { max: 3000 } },
      { name: '600,000-character word page: notice', value: beside.giant?.notice ?? `(none; state ${beside.giant?.state ?? 'no answer'})` },
      { name: 'seed page opened beside it: highlights after (page clock)', value: beside.seed?.readyAt != null ? round(beside.seed.readyAt) : `not within ${PAGE_TIMEOUT_MS / 1000} s`, unit: 'ms', budget: { max: 2000 } },
      { name: 'machine load average (1 min) at the end', value: round((await import('node:os')).loadavg()[0]!, 2) },
    );
    return figures;
  } finally {
    await tracer.detach().catch(() => undefined);
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
  printFigures('Long tasks caused by Triangulate (headless Chromium, page scripts off, CPU time from a trace)', await longTaskFigures((line) => console.log(line)));
}
