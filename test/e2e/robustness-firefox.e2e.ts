/**
 * The robustness suite in Firefox ESR (issue 19, item 6): the hand-made hostile pages with the
 * checks of robustness.e2e.ts (finished, no extension error, no payload run, the page's own DOM
 * the same as in a Firefox without the extension), then a sample of the saved news pages (every
 * twelfth: 16 pages; all with TRIANGULATE_ROBUSTNESS=all) checked for an end state, no extension
 * error and nothing of ours on the page but the closed host. Remote requests go to a dead proxy,
 * so there is no network and pages load fast.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { savedPageNames } from '../../scripts/robustness';
import { browsersAvailable, launchFirefox } from './browsers';
import { DOM_DIGEST, FIRST_HIGHLIGHT, HOSTILE_PAGES, serveHostilePages, SETTLED, sharedPagesPresent, SHARED_PAGES } from './hostile-pages';
import { firefoxPopoverText } from './inspect';
import { openFirefoxExtensionPage } from './ui';
import { serve, type LocalServer } from './pages';
import type { PageState } from '../../lib/messages';

const available = browsersAvailable().firefox;
if (!available) console.warn('Firefox e2e skipped: /usr/bin/firefox-esr is missing (apt-get install firefox-esr)');

/** Every request but 127.0.0.1's goes to a closed port: refused at once. */
const NO_NETWORK = { 'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': 9, 'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': 9, 'network.proxy.no_proxies_on': '127.0.0.1' };

const fromExtension = (text: string) => text.includes('moz-extension://');

/** Asks the tab showing `url` for its state, from an extension page kept open for it. */
const ASK = (url: string) => `(async () => {
  const tabs = (await browser.tabs.query({})).filter((t) => t.url === ${JSON.stringify(url)});
  const tab = tabs.sort((a, b) => b.id - a.id)[0];
  if (!tab) return null;
  try { return (await browser.tabs.sendMessage(tab.id, { type: 'page-state' })) ?? null; } catch { return null; }
})()`;

const END_STATES = ['ready', 'no-article', 'error'];

describe.skipIf(!available)('robustness in Firefox', () => {
  let browser: Browser;
  let plain: Browser;
  let asker: Page;

  beforeAll(async () => {
    [browser, plain] = await Promise.all([launchFirefox({ prefs: NO_NETWORK }), launchFirefox({ prefs: NO_NETWORK, extension: false })]);
    asker = await browser.newPage();
    await openFirefoxExtensionPage(browser, asker, 'popup.html');
  });

  afterAll(async () => {
    await browser?.close();
    await plain?.close();
  });

  /** Opens `url` with the extension, collecting extension errors, and waits for an end state (or `left` when the page navigated away). */
  async function openWithExtension(url: string, errors: string[], settle?: string): Promise<{ page: Page; state: PageState | null; left: boolean }> {
    const page = await browser.newPage();
    page.on('pageerror', (e) => fromExtension(String((e as Error).stack ?? e)) && errors.push(`pageerror: ${String((e as Error).stack ?? e)}`));
    page.on('console', (m) => m.type() === 'error' && fromExtension(`${m.location()?.url ?? ''} ${m.text()}`) && errors.push(`console: ${m.text()}`));
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
    if (settle) await page.waitForFunction(settle, { timeout: 20_000 });
    const deadline = Date.now() + 20_000;
    let state: PageState | null = null;
    while (Date.now() < deadline) {
      if (page.url() !== url) return { page, state, left: true };
      state = (await asker.evaluate(ASK(page.url())).catch(() => null)) as PageState | null;
      if (state && END_STATES.includes(state.state)) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    await page.bringToFront();
    return { page, state, left: page.url() !== url };
  }

  describe('hostile pages', () => {
    let server: LocalServer;
    beforeAll(async () => {
      server = await serveHostilePages();
    });
    afterAll(async () => server?.close());

    it.each(HOSTILE_PAGES)('%s: no extension error, finished, no payload run, the page’s own DOM unchanged', async (name) => {
      const url = `${server.origin}/${name}`;
      const errors: string[] = [];
      const without = await plain.newPage();
      const [{ page, state }] = await Promise.all([
        openWithExtension(url, errors, SETTLED[name]),
        without.goto(url, { waitUntil: 'load' }).then(async () => {
          if (SETTLED[name]) await without.waitForFunction(SETTLED[name]!, { timeout: 20_000 });
        }),
      ]);
      try {
        expect(state?.state).toBe('ready');
        const at = (await page.evaluate(FIRST_HIGHLIGHT)) as { x: number; y: number } | null;
        if (at && name !== 'highlight-remover.html') {
          await page.mouse.move(at.x, at.y);
          await expect.poll(() => firefoxPopoverText(browser, page), { timeout: 5000 }).not.toBe('');
        }
        if (name === 'markup-in-text.html') expect(at).not.toBeNull();
        await new Promise((r) => setTimeout(r, 300));
        expect(await page.evaluate('window.__pwned ?? null')).toBeNull();
        expect(await page.evaluate(DOM_DIGEST)).toEqual(await without.evaluate(DOM_DIGEST));
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await without.close();
      }
    });
  });

  describe('saved news pages (a sample)', () => {
    it('finishes each page with no extension error and nothing of ours on it but the closed host', async (ctx) => {
      const names = sharedPagesPresent() ? savedPageNames() : null;
      if (!names) {
        console.warn(`Saved-pages robustness in Firefox skipped: no pages at ${SHARED_PAGES} (set TRIANGULATE_PAGES)`);
        ctx.skip();
        return;
      }
      const every = process.env.TRIANGULATE_ROBUSTNESS === 'all' ? 1 : 12;
      const sample = names.filter((_, i) => i % every === 0);
      const routes: Record<string, () => string> = {};
      for (const n of sample) routes[`/${n}.html`] = () => gunzipSync(readFileSync(join(SHARED_PAGES, 'html', `${n}.html.gz`))).toString('utf8');
      const server = await serve(routes);
      const problems: string[] = [];
      let finished = 0;
      let left = 0;
      try {
        for (const n of sample) {
          const errors: string[] = [];
          const { page, state, left: away } = await openWithExtension(`${server.origin}/${n}.html`, errors);
          try {
            if (away) {
              left++;
              continue;
            }
            if (!state || !END_STATES.includes(state.state)) problems.push(`${n}: never finished (${state?.state ?? 'no answer'})`);
            else if (state.state === 'error') problems.push(`${n}: error state: ${state.error}`);
            else finished++;
            for (const e of errors) problems.push(`${n}: ${e.slice(0, 300)}`);
            const ours = (await page.evaluate('[document.documentElement.getAttributeNames().filter((a) => /triangulate/i.test(a)), [...document.querySelectorAll(\'*\')].filter((el) => /triangulate/i.test(el.localName + \' \' + el.getAttributeNames().join(\' \'))).map((el) => el.localName)]').catch(() => [[], []])) as [string[], string[]];
            if (ours[0].length || ours[1].some((t) => t !== 'triangulate-ui')) problems.push(`${n}: ours on the page: ${JSON.stringify(ours)}`);
          } finally {
            await page.close();
          }
        }
      } finally {
        await server.close();
      }
      console.log(`saved pages in Firefox: ${sample.length} run (every ${every === 1 ? 'page' : `${every}th page`}), ${finished} finished, ${left} navigated away by their own script`);
      expect(problems).toEqual([]);
      expect(finished).toBeGreaterThan(0);
    }, 900_000);
  });
});
