/**
 * Pausing Triangulate on a tab, or disabling the extension, leaves nothing of it running (issue
 * 15, item 5): no highlight,
 * no popover host, no event listener on the page's objects, and no code of ours woken by what
 * the page or the reader does afterwards (pointer moves, keys, DOM mutations, SPA navigation).
 * Listeners are listed with DevTools' DOMDebugger, and "no code runs" is checked with V8's
 * precise coverage call counts for the content script.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { HIGHLIGHT_TEXTS, pointOfText } from './inspect';
import { chromiumPageState, waitForChromiumState } from './page-state';
import { seedPageHtml, serve, type LocalServer } from './pages';

const available = browsersAvailable().chromium;

const setPause = (sites: string[]) => `chrome.storage.local.set({ pause: { all: false, sites: ${JSON.stringify(sites)} } })`;

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

describe.skipIf(!available)('pausing or disabling tears everything down, in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;
  let page: Page;
  let cdp: CDPSession;
  const scripts = new Map<string, string>();
  /** Execution contexts of the page: ours is the extension's isolated world. */
  const contexts = new Map<number, string>();

  beforeAll(async () => {
    server = await serve({ '/seed-000.html': seedPageHtml('000') });
    session = await launchChromium();
    page = await session.context.newPage();
    cdp = await session.context.newCDPSession(page);
    cdp.on('Debugger.scriptParsed', (e: { scriptId: string; url: string }) => scripts.set(e.scriptId, e.url));
    await cdp.send('Debugger.enable');
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string } }) => contexts.set(e.context.id, e.context.origin));
    cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => contexts.delete(e.executionContextId));
    await cdp.send('Runtime.enable');
    await page.goto(`${server.origin}/seed-000.html`);
    await waitForChromiumState(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const ours = (url: string) => url.startsWith(`chrome-extension://${session.extensionId}/`);

  /**
   * Our listeners on document, window and navigation, as DevTools lists them (it lists a world's
   * listeners on that world's view of an object, so the objects are taken in our isolated world).
   */
  async function ourListeners(): Promise<string[]> {
    const found: string[] = [];
    const world = [...contexts].filter(([, origin]) => origin === `chrome-extension://${session.extensionId}`).pop()?.[0];
    if (world === undefined) return found;
    for (const target of ['document', 'window', 'window.navigation']) {
      const { result } = (await cdp.send('Runtime.evaluate', { expression: target, contextId: world })) as { result: { objectId?: string } };
      if (!result.objectId) continue;
      const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })) as { listeners: { type: string; scriptId: string }[] };
      for (const l of listeners) if (ours(scripts.get(l.scriptId) ?? '')) found.push(`${target}:${l.type}`);
    }
    return found.sort();
  }

  /** Functions of the content script that ran since the last call. */
  async function ourCalls(): Promise<string[]> {
    const { result } = (await cdp.send('Profiler.takePreciseCoverage')) as Coverage;
    return result.filter((s) => ours(s.url)).flatMap((s) => s.functions.filter((f) => f.ranges[0]!.count > 0).map((f) => f.functionName || '(anonymous)'));
  }

  /** What a reader and the page do: pointer over a highlight, keys, new article text, an SPA route. */
  async function stir(): Promise<void> {
    const at = (await page.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    for (let i = 0; i < 5; i++) await page.mouse.move(at.x + i, at.y);
    await page.keyboard.press('Alt+Shift+N');
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Japan and Australia sent observers to the Cyber Coalition exercise, officials in Canberra said.';
      document.querySelector('article')!.append(p);
      history.pushState({}, '', '/seed-000.html?route=2');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForTimeout(1500);
    await page.evaluate(() => history.replaceState({}, '', '/seed-000.html'));
  }

  it('listens and reacts while running (so the checks below can see it)', async () => {
    expect(await ourListeners()).toEqual(expect.arrayContaining(['document:keydown', 'document:pointermove', 'window:hashchange', 'window:popstate']));
    await ourCalls();
    await stir();
    expect((await ourCalls()).length).toBeGreaterThan(0);
    await waitForChromiumState(page);
  });

  it('removes every highlight, listener and observer when the site is paused', async () => {
    await session.worker.evaluate(setPause(['127.0.0.1']));
    await expect.poll(async () => (await chromiumPageState(page))?.state, { timeout: 5000 }).toBe('paused');
    expect(Object.values((await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>).flat()).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('triangulate-ui, triangulate-mark').length)).toBe(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(await ourListeners()).toEqual([]);
    await ourCalls();
    await stir();
    // Nothing of ours ran: no listener, observer, timer or idle callback was left behind.
    expect(await ourCalls()).toEqual([]);
  });

  it('comes back when resumed', async () => {
    await session.worker.evaluate(setPause([]));
    const state = await waitForChromiumState(page, 'ready', 15000);
    expect(state.painted).toBeGreaterThanOrEqual(20);
  });

  it('removes everything when the extension is disabled, with no message from the page needed', async () => {
    const settings = await session.context.newPage();
    await settings.goto(`chrome://extensions/?id=${session.extensionId}`);
    const toggle = settings.locator('extensions-detail-view #enableToggle');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await settings.close();
    await expect.poll(async () => Object.values((await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>).flat().length, { timeout: 5000 }).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('triangulate-ui, triangulate-mark').length)).toBe(0);
    expect(await ourListeners()).toEqual([]);
    await ourCalls();
    await stir();
    expect(await ourCalls()).toEqual([]);
  });
});
