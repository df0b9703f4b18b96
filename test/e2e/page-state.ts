/**
 * What Triangulate is doing on a tab, read from the extension side (the `page-state` tab
 * message), never from the page: the page carries no state of ours for tests or anyone to read.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import type { PageState } from '../../lib/messages';
import { launchFirefox } from './browsers';
import { openFirefoxExtensionPage } from './ui';

/** The extension's live service worker (the browser may have restarted it). */
export function liveWorker(context: BrowserContext): Worker {
  const workers = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  const worker = workers[workers.length - 1];
  if (!worker) throw new Error('no extension service worker');
  return worker;
}

/** Asks a tab's content script, from an extension context, what it is doing (null when it does not answer). */
const ASK = (url: string, message: unknown) => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const tabs = (await api.tabs.query({})).filter((t) => t.url === ${JSON.stringify(url)});
  const tab = tabs.sort((a, b) => b.id - a.id)[0];
  if (!tab) return null;
  try { return (await api.tabs.sendMessage(tab.id, ${JSON.stringify(message)})) ?? null; } catch { return null; }
})()`;

export async function chromiumPageState(page: Page): Promise<PageState | null> {
  return (await liveWorker(page.context()).evaluate(ASK(page.url(), { type: 'page-state' })).catch(() => null)) as PageState | null;
}

/** Polls until the tab's state is `state` (default: highlights painted), and returns it. */
export async function waitForChromiumState(page: Page, state: PageState['state'] = 'ready', timeout = 30000): Promise<PageState> {
  const deadline = Date.now() + timeout;
  let last: PageState | null = null;
  for (;;) {
    last = await chromiumPageState(page);
    if (last?.state === state) return last;
    if (Date.now() > deadline) throw new Error(`page never reached "${state}" (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends "Show all" to the tab, as the popup does, and returns the state once painted. */
export async function chromiumShowAll(page: Page): Promise<PageState | null> {
  return (await liveWorker(page.context()).evaluate(ASK(page.url(), { type: 'show-all' }))) as PageState | null;
}

/** The same, in Firefox: an extension page (the popup, in a tab of its own) asks. */
export async function firefoxPageState(browser: Browser, url: string): Promise<PageState | null> {
  const asker = await browser.newPage();
  try {
    await openFirefoxExtensionPage(browser, asker, 'popup.html');
    return (await asker.evaluate(ASK(url, { type: 'page-state' }))) as PageState | null;
  } finally {
    await asker.close();
  }
}

export async function waitForFirefoxState(browser: Browser, page: FirefoxPage, state: PageState['state'] = 'ready', timeout = 30000): Promise<PageState> {
  const asker = await browser.newPage();
  try {
    await openFirefoxExtensionPage(browser, asker, 'popup.html');
    const deadline = Date.now() + timeout;
    let last: PageState | null = null;
    for (;;) {
      last = (await asker.evaluate(ASK(page.url(), { type: 'page-state' })).catch(() => null)) as PageState | null;
      if (last?.state === state) return last;
      if (Date.now() > deadline) throw new Error(`page never reached "${state}" (last: ${JSON.stringify(last)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await asker.close();
    await page.bringToFront();
  }
}

/**
 * Firefox with seed 000 open and annotated, and a second tab on an extension page (the popup document)
 * that knows the seed tab's id: what the Firefox side-panel and display tests start from.
 */
export async function firefoxSeedSession(server: { origin: string }): Promise<{ browser: Browser; seed: FirefoxPage; ext: FirefoxPage; seedTab: number }> {
  const browser = await launchFirefox();
  const seed = await browser.newPage();
  await seed.goto(`${server.origin}/seed-000.html`);
  await waitForFirefoxState(browser, seed);
  const ext = await browser.newPage();
  await openFirefoxExtensionPage(browser, ext, 'popup.html');
  const tabs = (await ext.evaluate('browser.tabs.query({}).then((ts) => ts.map((t) => ({ id: t.id, url: t.url })))')) as { id: number; url: string }[];
  return { browser, seed, ext, seedTab: tabs.find((t) => t.url === `${server.origin}/seed-000.html`)!.id };
}
