/**
 * Robustness on real pages: the 181 saved news pages (../shared/pages, or $TRIANGULATE_PAGES),
 * each served from 127.0.0.1 and loaded in headless Chromium with the built extension and in a
 * profile without it. Per page: errors from the extension, highlights outside the true article
 * body, and whether any element's box moved. Remote requests are aborted (no network; it also
 * keeps loads fast); page scripts run as they would.
 * Pages whose own script navigates away (to the blocked original site) are counted apart.
 * Run: npx wxt build && npx tsx scripts/robustness.ts [--limit N] [--every N] [--pages hashPrefix,hashPrefix]
 * test/e2e/robustness.e2e.ts runs it too and fails on any extension error, unfinished page or changed layout.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../test/e2e/browsers';
import { chromiumPageState } from '../test/e2e/page-state';
import { ROOT, serve } from '../test/e2e/pages';
import { compareLayouts, layoutChanged, placeHighlight, type Box, type LayoutDiff, type PaintedText } from './lib/robustness-checks';

const PAGES = process.env.TRIANGULATE_PAGES ?? join(ROOT, '../shared/pages');
const PAGE_TIMEOUT_MS = 20_000;
/** Time given to page scripts after load (and after the highlights) before the layout is read. */
const SETTLE_MS = 500;
/** Longest wait for `load` once the DOM is parsed. */
const LOAD_WAIT_MS = 10_000;

interface GroundTruth {
  url: string;
  articleBody: string;
}

export interface PageResult {
  name: string;
  url: string;
  state: string;
  mentions: number;
  errors: string[];
  /** The page navigated itself away in either mode, so there is nothing to compare. */
  left: boolean;
  outside: string[];
  headline: number;
  layout: LayoutDiff | null;
  /** The page lays itself out differently from one load to the next, extension or not. */
  unstable: boolean;
  timeout: string | null;
}

const LAYOUT = `(() => {
  const out = [];
  if (!document.body) return out;
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('triangulate-ui')) continue;
    const r = el.getBoundingClientRect();
    const parent = el.parentElement ? el.parentElement.localName + '>' : '';
    out.push({ path: parent + el.localName + (el.id ? '#' + el.id : ''), x: Math.round(r.x + scrollX), y: Math.round(r.y + scrollY), w: Math.round(r.width), h: Math.round(r.height) });
  }
  return out;
})()`;

/** Painted entity ranges with the text around them in their own text nodes. */
const PAINTED = `(() => {
  const out = [];
  for (const [name, h] of CSS.highlights) {
    if (!/^triangulate-(exercise|country|organization)$/.test(name)) continue;
    for (const r of h) {
      const s = r.startContainer, e = r.endContainer;
      out.push({
        text: r.toString(),
        before: s.nodeType === 3 ? s.data.slice(Math.max(0, r.startOffset - 80), r.startOffset) : '',
        after: e.nodeType === 3 ? e.data.slice(r.endOffset, r.endOffset + 80) : '',
      });
    }
  }
  return out;
})()`;

const HEADLINE = '[document.title, document.querySelector(\'meta[property="og:title"]\')?.content ?? \'\', ...[...document.querySelectorAll(\'h1\')].map((h) => h.textContent)].join(\' \\n \')';

/** Aborts every request that would leave 127.0.0.1. */
async function localOnly(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected');
  });
}

/** The service worker keeps its own uncaught errors, read back after each page. */
const WORKER_ERRORS = `(() => {
  if (!self.__robustnessErrors) {
    self.__robustnessErrors = [];
    self.addEventListener('error', (e) => self.__robustnessErrors.push('uncaught: ' + (e.error?.stack ?? e.message)));
    self.addEventListener('unhandledrejection', (e) => self.__robustnessErrors.push('unhandled rejection: ' + (e.reason?.stack ?? String(e.reason))));
  }
  return self.__robustnessErrors.splice(0);
})()`;

const fromExtension = (text: string) => text.includes('chrome-extension://');

/** Both modes see the page the same way; reduced motion keeps animated widgets from moving between reads. */
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return page;
}

interface Loaded {
  page: Page;
  /** Why the page could not be read in time, if it could not. */
  timeout: string | null;
  /** The page's own script navigated away (to its blocked original site, usually). */
  left: boolean;
}

/**
 * Opens `url` and waits for DOMContentLoaded, then for `load` (some pages never fire it: a
 * request that hangs; they are still compared), then for the extension's mark when it is loaded.
 */
async function load(context: BrowserContext, url: string, withExtension: boolean, errors: string[] = []): Promise<Loaded> {
  const page = await newPage(context);
  if (withExtension) {
    page.on('pageerror', (e) => {
      if (fromExtension(e.stack ?? '')) errors.push(`pageerror: ${e.stack}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && fromExtension(`${m.location().url} ${m.text()}`)) errors.push(`console: ${m.text()} (${m.location().url})`);
    });
  }
  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  const left = () => Math.max(1, deadline - Date.now());
  const result: Loaded = { page, timeout: null, left: false };
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT_MS });
  } catch {
    result.timeout = 'no DOMContentLoaded';
    return result;
  }
  await page.waitForLoadState('load', { timeout: Math.min(LOAD_WAIT_MS, left()) }).catch(() => undefined);
  if (withExtension) {
    for (;;) {
      const state = await chromiumPageState(page);
      // Until its settings are read the content script says "paused": only an end state counts.
      if ((state && (state.state === 'ready' || state.state === 'no-article' || state.state === 'error')) || !page.url().startsWith('http:')) break;
      if (left() <= 1) {
        result.timeout = 'extension never finished the page';
        break;
      }
      await page.waitForTimeout(100);
    }
  }
  await page.waitForTimeout(SETTLE_MS);
  result.left = page.url() !== url;
  if (result.left) result.timeout = null;
  return result;
}

async function layoutOf(page: Page): Promise<Box[]> {
  return (await page.evaluate(LAYOUT)) as Box[];
}

async function runPage(
  name: string,
  truth: GroundTruth,
  origin: string,
  withExt: BrowserContext,
  plain: BrowserContext,
  workerErrors: () => Promise<string[]>,
): Promise<PageResult> {
  const url = `${origin}/${name}.html`;
  const result: PageResult = { name, url: truth.url, state: '', mentions: 0, errors: [], left: false, outside: [], headline: 0, layout: null, unstable: false, timeout: null };
  const [ext, base] = await Promise.all([load(withExt, url, true, result.errors), load(plain, url, false)]);
  try {
    result.timeout = ext.timeout ?? (base.timeout && `${base.timeout} (without the extension)`);
    result.left = ext.left || base.left;
    const state = await chromiumPageState(ext.page);
    result.state = state?.state ?? 'none';
    result.mentions = state?.painted ?? 0;
    if (state?.state === 'error') result.errors.push(`the content script reports an error: ${state.error}`);
    result.errors.push(...(await workerErrors()).map((e) => `service worker: ${e}`));
    if (result.timeout || result.left) return result;

    const headline = (await ext.page.evaluate(HEADLINE)) as string;
    for (const painted of (await ext.page.evaluate(PAINTED)) as PaintedText[]) {
      const where = placeHighlight(painted, truth.articleBody, headline);
      if (where === 'headline') result.headline++;
      if (where === 'outside') result.outside.push(`"${painted.text}" in "…${painted.before.slice(-40)}[${painted.text}]${painted.after.slice(0, 40)}…"`.replace(/\s+/g, ' '));
    }

    const [withBoxes, plainBoxes] = await Promise.all([layoutOf(ext.page), layoutOf(base.page)]);
    result.layout = compareLayouts(plainBoxes, withBoxes);
    // Two more loads without the extension tell a restless page (ads, timers) from a change the extension made.
    for (let i = 0; i < 2 && layoutChanged(result.layout) && !result.unstable; i++) {
      const again = await load(plain, url, false);
      try {
        if (!again.timeout && !again.left && layoutChanged(compareLayouts(plainBoxes, await layoutOf(again.page)))) result.unstable = true;
      } finally {
        await again.page.close();
      }
    }
    return result;
  } catch (e) {
    // The page's own script navigated while it was being read (a redirect after a delay): nothing to compare.
    if (!/Execution context was destroyed|navigat/i.test(e instanceof Error ? e.message : String(e))) throw e;
    result.left = true;
    result.layout = null;
    return result;
  } finally {
    await ext.page.close();
    await base.page.close();
  }
}

export interface RobustnessOptions {
  /** Run at most this many pages (in name order). */
  limit?: number;
  /** Only pages whose name starts with one of these. */
  only?: string[];
  /** Every `every`-th page (in name order), for a sample spread over the set. */
  every?: number;
  /** Told of each page as it finishes. */
  log?: (line: string) => void;
}

/** The saved pages' names (their hashes), or null when the folder is absent. */
export function savedPageNames(): string[] | null {
  const truthPath = join(PAGES, 'ground-truth.json');
  if (!existsSync(truthPath) || !existsSync(join(PAGES, 'html'))) return null;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, GroundTruth>;
  return Object.keys(truth).filter((n) => existsSync(join(PAGES, 'html', `${n}.html.gz`))).sort();
}

/** Runs the saved pages headless with and without the extension (CHROMIUM, the build in .output/chrome-mv3). */
export async function runRobustness(opts: RobustnessOptions = {}): Promise<{ results: PageResult[]; seconds: number }> {
  const all = savedPageNames();
  if (!all) throw new Error(`No saved pages at ${PAGES} (expected ground-truth.json and html/*.html.gz)`);
  const truth = JSON.parse(readFileSync(join(PAGES, 'ground-truth.json'), 'utf8')) as Record<string, GroundTruth>;
  const names = all
    .filter((n, i) => (!opts.only || opts.only.some((prefix) => n.startsWith(prefix))) && i % (opts.every ?? 1) === 0)
    .slice(0, opts.limit ?? Infinity);

  const routes: Record<string, () => string> = {};
  for (const n of names) routes[`/${n}.html`] = () => gunzipSync(readFileSync(join(PAGES, 'html', `${n}.html.gz`))).toString('utf8');
  const server = await serve(routes);
  const session = await launchChromium();
  const plainProfile = mkdtempSync(join(tmpdir(), 'triangulate-robustness-plain-'));
  const plain = await chromium.launchPersistentContext(plainProfile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, args: ['--no-sandbox', '--disable-gpu'] });
  // The service worker can be stopped and restarted by the browser: always talk to the live one.
  const workerConsole: string[] = [];
  let worker = session.worker;
  const watch = (w: Worker) => w.on('console', (m) => m.type() === 'error' && workerConsole.push(`console error: ${m.text()}`));
  watch(worker);
  session.context.on('serviceworker', (w) => {
    worker = w;
    watch(w);
  });
  const results: PageResult[] = [];
  const started = Date.now();
  try {
    await Promise.all([localOnly(session.context), localOnly(plain)]);
    await worker.evaluate(WORKER_ERRORS);
    for (const [i, name] of names.entries()) {
      const r = await runPage(name, truth[name]!, server.origin, session.context, plain, async () => [...workerConsole.splice(0), ...((await worker.evaluate(WORKER_ERRORS).catch(() => [])) as string[])]);
      results.push(r);
      const flags = [r.timeout && `TIMEOUT (${r.timeout})`, r.left && 'page navigated away', r.errors.length && `${r.errors.length} error(s)`, r.layout && layoutChanged(r.layout) && (r.unstable ? 'layout unstable (page)' : 'LAYOUT CHANGED'), r.outside.length && `${r.outside.length} outside body`].filter(Boolean);
      opts.log?.(`${String(i + 1).padStart(3)}/${names.length} ${name.slice(0, 12)} ${r.state.padEnd(5)} ${String(r.mentions).padStart(4)} mentions ${flags.join(', ')}`);
    }
  } finally {
    await session.close();
    await plain.close();
    await server.close();
    rmSync(plainProfile, { recursive: true, force: true });
  }
  return { results, seconds: (Date.now() - started) / 1000 };
}

/** Pages where the extension failed: an error, a page it never finished, or a layout it changed. */
export function robustnessFailures(results: PageResult[]): { name: string; why: string }[] {
  const out: { name: string; why: string }[] = [];
  for (const r of results) {
    if (r.errors.length) out.push({ name: r.name, why: r.errors.join(' | ').slice(0, 600) });
    if (r.timeout) out.push({ name: r.name, why: `timeout: ${r.timeout} (state ${r.state})` });
    if (!r.timeout && !r.left && r.layout && layoutChanged(r.layout) && !r.unstable) out.push({ name: r.name, why: `layout changed: ${r.layout.examples.join('; ')}` });
  }
  return out;
}

async function main(): Promise<void> {
  if (!savedPageNames()) {
    console.log(`No saved pages at ${PAGES} (expected ground-truth.json and html/*.html.gz); set TRIANGULATE_PAGES to their folder. Nothing to do.`);
    return;
  }
  const arg = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const { results, seconds } = await runRobustness({ limit: Number(arg('--limit') ?? Infinity), only: arg('--pages')?.split(','), every: Number(arg('--every') ?? 1), log: (line) => console.log(line) });
  printSummary(results, seconds);
}

function printSummary(results: PageResult[], seconds: number): void {
  const ran = results.filter((r) => !r.timeout && !r.left);
  const withErrors = results.filter((r) => r.errors.length);
  const changed = ran.filter((r) => r.layout && layoutChanged(r.layout) && !r.unstable);
  const unstable = ran.filter((r) => r.unstable);
  const outside = ran.reduce((n, r) => n + r.outside.length, 0);
  const painted = ran.reduce((n, r) => n + r.mentions, 0);
  const line = (k: string, v: string | number) => console.log(`  ${k.padEnd(44)} ${v}`);
  console.log('\nRobustness on saved news pages (headless Chromium, with and without the extension)');
  line('pages run', `${results.length} in ${Math.round(seconds)} s: ${ran.length} compared, ${results.filter((r) => r.timeout).length} timed out, ${results.filter((r) => r.left).length} navigated away`);
  line('pages with extension errors (expect 0)', withErrors.length);
  line('pages with layout changes (expect 0)', changed.length);
  line('pages whose layout varies without extension', `${unstable.length} (not counted above)`);
  line('highlights outside the article body', `${outside} of ${painted} (${ran.filter((r) => r.outside.length).length} pages)`);
  line('highlights in the headline', ran.reduce((n, r) => n + r.headline, 0));
  line('average mentions per page', ran.length ? (painted / ran.length).toFixed(1) : '0');
  line('pages with no mentions', ran.filter((r) => r.mentions === 0).length);
  const failures = results.filter((r) => r.timeout || r.errors.length || changed.includes(r) || r.outside.length);
  if (failures.length === 0) return;
  console.log('\nFailures');
  for (const r of failures) {
    console.log(`- ${r.name} ${r.url}`);
    if (r.timeout) console.log(`    timeout after ${PAGE_TIMEOUT_MS / 1000} s: ${r.timeout} (state ${r.state})`);
    for (const e of r.errors.slice(0, 3)) console.log(`    error: ${e.split('\n').slice(0, 4).join(' | ')}`);
    if (changed.includes(r)) console.log(`    layout: ${r.layout!.moved} boxes moved, ${r.layout!.added} rendered elements more; ${r.layout!.examples.join('; ')}`);
    for (const o of r.outside.slice(0, 3)) console.log(`    outside body: ${o}`);
    if (r.outside.length > 3) console.log(`    … and ${r.outside.length - 3} more outside the body`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
