/**
 * Helpers for the extension's own pages in e2e tests: find a tab's id, open the side panel page
 * for it, read a download, and open Firefox extension pages (launchFirefox fixes their UUID).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Download, Page, Worker } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { FIREFOX_BASE } from './browsers';

/** The side panel's size in a typical window. */
export const PANEL_VIEWPORT = { width: 420, height: 900 };

/** Id of the (first) tab showing exactly `url`, asked from the extension's service worker. */
export async function chromiumTabId(worker: Worker, url: string): Promise<number> {
  const ids = (await worker.evaluate(`chrome.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === ${JSON.stringify(url)}).map((t) => t.id))`)) as number[];
  if (!ids.length) throw new Error(`no tab shows ${url}`);
  return ids[0]!;
}

/** Opens `sidepanel.html?tabId=N` in a page of the same context, sized like a side panel, once it has loaded the tab. */
export async function openChromiumPanel(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize(PANEL_VIEWPORT);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId('overview').waitFor({ timeout: 30000 });
  return panel;
}

/** Clicks `trigger` and returns the name and text of the file the page downloads. */
export async function downloadedText(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 15000 }), trigger()])) as [Download, void];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The Firefox build's gecko id (wxt.config.ts) and the internal UUID tests pin it to. */
/**
 * Loads an extension page in a Firefox tab. Navigating there through puppeteer's `goto` never
 * reports completion (the tab switches to the extension process), so the navigation is sent over
 * BiDi without waiting and the page is polled until it has loaded.
 */
export async function openFirefoxExtensionPage(browser: Browser, page: FirefoxPage, path: string): Promise<void> {
  const url = `${FIREFOX_BASE}/${path}`;
  const connection = (browser as unknown as { connection: { send(method: string, params: unknown): Promise<unknown> } }).connection;
  const context = (page as unknown as { mainFrame(): { _id: string } }).mainFrame()._id;
  await connection.send('browsingContext.navigate', { context, url, wait: 'none' });
  const deadline = Date.now() + 20000;
  for (;;) {
    const state = await page.evaluate('location.href + " " + document.readyState').catch(() => '');
    if (state === `${url} complete`) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load (last state: ${String(state)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls `expression` in a Firefox page until it returns a truthy value. */
export async function firefoxWaitFor<T>(page: FirefoxPage, expression: string, timeout = 20000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = (await page.evaluate(expression).catch(() => null)) as T | null;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the panel's overview shows for seed 000 against the bundled dataset, in either browser. */
export const SEED_000_OVERVIEW = {
  title: 'Japan joins NATO cybersecurity drills to counter Chinese hackers',
  // Three facts only seed 002 (a translation of this very page) repeats: retellings never corroborate.
  summary: '9 claims: 3 corroborated (2 independent sources), 3 only in retellings of this page, 3 unverified',
  exercise: ['Cyber Coalition ×2'],
  country: ['China ×6', 'Japan ×6', 'United States ×3', 'Estonia ×1', 'Russia ×1', 'Ukraine ×1'],
  organization: ['Ministry of Defense (Japan) ×3', 'NATO ×2', 'European Union ×1', 'Japan Self-Defense Forces ×1'],
} as const;

/** A page-side expression returning the overview as shown: title, summary line and each group's chips. */
export const OVERVIEW_AS_SHOWN = `(() => {
  const chips = (type) => [...document.querySelectorAll('[data-testid="entities-' + type + '"] [data-testid="entity-chip"]')].map((c) => c.textContent.replace(/\\s+/g, ' ').trim());
  const overview = document.querySelector('[data-testid="overview"]');
  if (!overview) return null;
  return {
    title: overview.querySelector('.page-title a, .page-title')?.textContent.split(' · ')[0].trim() ?? '',
    summary: document.querySelector('[data-testid="summary-line"]')?.textContent.trim() ?? '',
    exercise: chips('exercise'),
    country: chips('country'),
    organization: chips('organization'),
  };
})()`;
