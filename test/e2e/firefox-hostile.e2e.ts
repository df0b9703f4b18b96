/**
 * The hostile-page checks of hostile-page.e2e.ts, in Firefox ESR (issue 19, item 5). In Firefox
 * the add-on's id is fixed (it is in the manifest) and its moz-extension:// address can be
 * known, so the page forges WXT's events under both, from its first moment and after the
 * highlights, and probes our extension's resources. None of it may stop, restart or repaint
 * Triangulate; the page gets no message from us and finds nothing of ours on <html>, on window,
 * in its DOM (beyond the highlights and a closed host) or behind moz-extension:// addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { browsersAvailable, FIREFOX_ADDON_ID, FIREFOX_ADDON_UUID, FIREFOX_BASE, launchFirefox } from './browsers';
import { firefoxPopoverText, HIGHLIGHT_TEXTS, pointOfText } from './inspect';
import { firefoxPageState, waitForFirefoxState } from './page-state';
import { seedPageHtml, serve, type LocalServer } from './pages';

const available = browsersAvailable().firefox;
if (!available) console.warn('Firefox e2e skipped: /usr/bin/firefox-esr is missing (apt-get install firefox-esr)');

/** Runs first in the page: records what it can see, arms `forge()` and `probe()`, storms when asked. */
const forger = `<script>
  window.__ownGlobals = Object.getOwnPropertyNames(window);
  window.__messages = [];
  addEventListener('message', (e) => e.data?.messageId !== 'forged' && __messages.push(JSON.stringify(e.data)));
  window.forge = () => {
    for (const id of [${JSON.stringify(FIREFOX_ADDON_ID)}, ${JSON.stringify(FIREFOX_ADDON_UUID)}]) {
      for (const name of ['content', 'in-page']) {
        const prefix = id + ':' + name + ':wxt:';
        document.dispatchEvent(new CustomEvent(prefix + 'content-script-started', { detail: { contentScriptName: name, messageId: 'forged' } }));
        window.postMessage({ type: prefix + 'content-script-started', contentScriptName: name, messageId: 'forged' }, '*');
        window.dispatchEvent(new Event(prefix + 'locationchange'));
      }
    }
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    dispatchEvent(new HashChangeEvent('hashchange', { oldURL: location.href, newURL: location.href + '#x' }));
  };
  // What a page can learn by asking for our files: every probe must fail.
  window.probe = async () => {
    const found = [];
    for (const path of ['manifest.json', 'dataset.json', 'options.html', 'popup.html', 'background.js']) {
      const url = ${JSON.stringify(FIREFOX_BASE)} + '/' + path;
      try {
        await fetch(url);
        found.push('fetch ' + path);
      } catch {}
      const loaded = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
        img.src = url;
      });
      if (loaded) found.push('img ' + path);
    }
    return found;
  };
  if (location.search.includes('storm')) {
    const storm = setInterval(forge, 10);
    setTimeout(() => clearInterval(storm), 4000);
  }
</script>`;

describe.skipIf(!available)('a page that forges the framework’s messages, in Firefox', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serve({ '/hostile': seedPageHtml('000').replace('<head>', `<head>${forger}`) });
    browser = await launchFirefox();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const painted = async (p: Page) => Object.values((await p.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>).flat();

  it('is annotated under a storm of forged events from the first moment, and receives no message from us', async () => {
    page = await browser.newPage();
    await page.goto(`${server.origin}/hostile?storm`);
    const ready = await waitForFirefoxState(browser, page);
    expect(ready.painted).toBeGreaterThanOrEqual(20);
    await new Promise((r) => setTimeout(r, 4500));
    const after = await firefoxPageState(browser, page.url());
    expect(after).toMatchObject({ state: 'ready', startedAt: ready.startedAt, readyAt: ready.readyAt, painted: ready.painted });
    await page.bringToFront();
    expect(await painted(page)).toContain('Cyber Coalition');
    expect(await page.evaluate('window.__messages')).toEqual([]);
    await page.close();
  });

  it('cannot stop, restart or read Triangulate once it has painted', async () => {
    page = await browser.newPage();
    await page.goto(`${server.origin}/hostile`);
    const ready = await waitForFirefoxState(browser, page);
    for (let i = 0; i < 20; i++) await page.evaluate('forge()');
    await new Promise((r) => setTimeout(r, 2000));
    expect(await firefoxPageState(browser, page.url())).toMatchObject({ state: 'ready', startedAt: ready.startedAt, readyAt: ready.readyAt, painted: ready.painted });
    await page.bringToFront();
    expect(await painted(page)).toContain('Cyber Coalition');

    const at = (await page.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => firefoxPopoverText(browser, page), { timeout: 5000 }).toContain('Reference News (Cankao Xiaoxi)');
    const seen = (await page.evaluate(`(() => {
      const host = document.querySelector('triangulate-ui');
      return { shadowRoot: host && host.shadowRoot !== null, hostText: host && host.textContent, hostAttributes: host && host.getAttributeNames(), bodyText: document.body.innerText.includes('Cankao') };
    })()`)) as Record<string, unknown>;
    expect(seen).toEqual({ shadowRoot: false, hostText: '', hostAttributes: [], bodyText: false });
  });

  it('leaves nothing of ours on <html>, on window or in the DOM, and none of our files answers the page', async () => {
    expect(await page.evaluate(() => document.documentElement.getAttributeNames())).toEqual(['lang']);
    const globals = (await page.evaluate('Object.getOwnPropertyNames(window).filter((n) => !window.__ownGlobals.includes(n))')) as string[];
    expect(globals.filter((n) => !['__ownGlobals', '__messages', 'forge', 'probe'].includes(n))).toEqual([]);
    const ours = (await page.evaluate('[...document.querySelectorAll(\'*\')].filter((el) => /triangulate/i.test(el.localName + \' \' + el.getAttributeNames().join(\' \'))).map((el) => el.localName)')) as string[];
    expect(ours).toEqual(['triangulate-ui']);
    expect(await page.evaluate('probe()')).toEqual([]);
    expect(await page.evaluate('window.__messages')).toEqual([]);
    await page.close();
  });
});
