/**
 * Browser budgets, in headless Chromium with the built extension (run `npx wxt build` first):
 * content script size, time to highlights on synthetic 2,000- and 20,000-word articles, and the
 * long tasks the extension adds to the page's main thread (compared with the same page in a
 * profile without the extension).
 * Run: npx tsx scripts/bench-browser.ts (npm run bench calls benchBrowser()).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM, launchChromium } from '../test/e2e/browsers';
import { waitForChromiumState } from '../test/e2e/page-state';
import { articleHtml, serve } from '../test/e2e/pages';
import { figureRecord, median, printFigures, round, type Figure } from './lib/figures';
import { syntheticParagraphs } from './lib/synthetic';

const RUNS = 5;
const LONG_TASK_MS = 50;
/** How long to keep watching the main thread after the highlights appear (painting them comes after). */
const SETTLE_MS = 1000;

interface Timeline {
  load: number | null;
  idle: number | null;
  ready: number | null;
  mentions: number | null;
  longTasks: { start: number; duration: number }[];
}

/**
 * Runs before any page script (it is the benchmark's, not the extension's). Records when the page
 * became idle (load, then the first idle callback), on the page's own clock; when the highlights
 * were painted comes from the extension side (page-state's `readyAt`, on the same clock).
 */
function recordTimeline(): void {
  const t: Timeline = { load: null, idle: null, ready: null, mentions: null, longTasks: [] };
  (window as unknown as { __triangulateBench: Timeline }).__triangulateBench = t;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('load', () => {
    t.load = performance.now();
    requestIdleCallback(() => (t.idle = performance.now()));
  });
}

function syntheticPage(words: number, seed: number): string {
  return articleHtml({
    title: `Synthetic ${words.toLocaleString('en-US')}-word article about exercises in the Baltic and the Pacific`,
    outlet: 'Synthetic Daily',
    published: '2017-09-20',
    paragraphs: syntheticParagraphs(words, seed),
  });
}

/** Loads `url` in a fresh tab and returns its timeline once the page is ready (or idle, without the extension). */
async function load(context: BrowserContext, url: string, withExtension: boolean): Promise<Timeline> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __triangulateBench?: Timeline }).__triangulateBench?.idle != null, undefined, { timeout: 30_000 });
    const state = withExtension ? await waitForChromiumState(page) : null;
    await page.waitForTimeout(SETTLE_MS);
    const t = (await page.evaluate(() => (window as unknown as { __triangulateBench: Timeline }).__triangulateBench)) as Timeline;
    return { ...t, ready: state?.readyAt ?? null, mentions: state?.painted ?? null };
  } finally {
    await page.close();
  }
}

/** From idle to ready; 0 when the highlights were already there when the page went idle. */
const toHighlights = (t: Timeline) => Math.max(0, t.ready! - t.idle!);

export async function browserFigures(): Promise<Figure[]> {
  const content = readFileSync(join(CHROME_BUILD, 'in-page.js'));
  const figures: Figure[] = [
    { name: 'content script, gzipped', value: round(gzipSync(content, { level: 9 }).length / 1024), unit: 'KB', budget: { max: 50 } },
    { name: 'content script, raw', value: round(content.length / 1024), unit: 'KB' },
  ];
  const server = await serve({ '/article-2k.html': syntheticPage(2000, 2), '/article-20k.html': syntheticPage(20_000, 20) });
  const session = await launchChromium();
  const baselineProfile = mkdtempSync(join(tmpdir(), 'triangulate-bench-plain-'));
  const baseline = await chromium.launchPersistentContext(baselineProfile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await session.context.addInitScript(recordTimeline);
    await baseline.addInitScript(recordTimeline);
    const url2k = `${server.origin}/article-2k.html`;
    const url20k = `${server.origin}/article-20k.html`;

    const cold = await load(session.context, url2k, true);
    const warm: Timeline[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await load(session.context, url2k, true));
    const big: Timeline[] = [];
    const plain: Timeline[] = [];
    for (let i = 0; i < RUNS; i++) {
      big.push(await load(session.context, url20k, true));
      plain.push(await load(baseline, url20k, false));
    }

    /*
     * Chromium names no script in long-task or long-animation-frame entries for content scripts,
     * so tasks are attributed by time: the synthetic pages run no script of their own, so once
     * `load` has fired, main-thread work comes from the extension (collecting the text, painting
     * the ranges, rendering the highlights). The run without the extension checks that premise.
     */
    const afterLoad = (t: Timeline) => t.longTasks.filter((l) => l.start >= t.load!);
    const longest = (tasks: { duration: number }[]) => Math.max(0, ...tasks.map((l) => l.duration));
    const over = (tasks: { duration: number }[]) => tasks.filter((l) => l.duration > LONG_TASK_MS).length;
    figures.push(
      { name: 'time to highlights, 2k words, cold (first load)', value: round(toHighlights(cold)), unit: 'ms' },
      { name: `time to highlights, 2k words, warm (median of ${RUNS})`, value: round(median(warm.map(toHighlights))), unit: 'ms', budget: { max: 300 } },
      { name: 'mentions highlighted, 2k words', value: warm[0]!.mentions ?? 0 },
      { name: `time to highlights, 20k words (median of ${RUNS})`, value: round(median(big.map(toHighlights))), unit: 'ms', budget: { max: 1000 } },
      { name: 'mentions highlighted, 20k words', value: big[0]!.mentions ?? 0 },
      { name: '20k words: load event to highlights (median)', value: round(median(big.map((t) => t.ready! - t.load!))), unit: 'ms' },
      { name: '20k words: longest task, with extension (median)', value: round(median(big.map((t) => longest(t.longTasks)))), unit: 'ms' },
      { name: '20k words: longest task, without extension (median)', value: round(median(plain.map((t) => longest(t.longTasks)))), unit: 'ms' },
      { name: `20k words: tasks > ${LONG_TASK_MS} ms, with / without extension (median)`, value: `${median(big.map((t) => over(t.longTasks)))} / ${median(plain.map((t) => over(t.longTasks)))}` },
      { name: '20k words: tasks after load without extension (all runs)', value: plain.reduce((n, t) => n + afterLoad(t).length, 0) },
      { name: '20k words: longest extension task, after load (median)', value: round(median(big.map((t) => longest(afterLoad(t))))), unit: 'ms' },
      { name: `20k words: longest extension task, after load (worst of ${RUNS})`, value: round(Math.max(...big.map((t) => longest(afterLoad(t))))), unit: 'ms', budget: { max: LONG_TASK_MS } },
      { name: '20k words: extension task durations, all runs', value: big.map((t) => afterLoad(t).map((l) => Math.round(l.duration)).join('+') || '0').join(', ') + ' ms' },
    );
    return figures;
  } finally {
    await session.close();
    await baseline.close();
    await server.close();
    rmSync(baselineProfile, { recursive: true, force: true });
  }
}

export async function benchBrowser(): Promise<Record<string, number | string>> {
  return figureRecord(await browserFigures());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printFigures('Browser budgets (headless Chromium, extension loaded)', await browserFigures());
}
