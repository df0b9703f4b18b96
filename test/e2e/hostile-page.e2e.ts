/**
 * A hostile page cannot steer or read Triangulate (issue 19, item 1). The page knows the
 * extension's id (a store extension's id is public) and forges every event WXT's content-script
 * context would act on: "content script started" as a document event and as a window message,
 * "location change" as a window event, and popstate / hashchange / navigatesuccess. None of it
 * may stop, restart or repaint the annotator; the page receives no message from us, and finds
 * nothing of ours on <html>, on window, or in the DOM besides the highlights and a closed host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { chromiumPopoverText, HIGHLIGHT_TEXTS, pointOfText } from './inspect';
import { chromiumPageState, waitForChromiumState } from './page-state';
import { seedPageHtml, serve, type LocalServer } from './pages';

const available = browsersAvailable().chromium;

/** Runs first in the page: records what the page can see, and arms `forge()`. */
const forger = (extensionId: string) => `<script>
  window.__ownGlobals = Object.getOwnPropertyNames(window);
  window.__messages = [];
  // Messages the page itself forges are told apart by their id; anything else came from someone else.
  addEventListener('message', (e) => e.data?.messageId !== 'forged' && __messages.push(JSON.stringify(e.data)));
  window.forge = () => {
    for (const name of ['content', 'in-page']) {
      const prefix = ${JSON.stringify(extensionId)} + ':' + name + ':wxt:';
      document.dispatchEvent(new CustomEvent(prefix + 'content-script-started', { detail: { contentScriptName: name, messageId: 'forged' } }));
      window.postMessage({ type: prefix + 'content-script-started', contentScriptName: name, messageId: 'forged' }, '*');
      window.dispatchEvent(new Event(prefix + 'locationchange'));
    }
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    dispatchEvent(new HashChangeEvent('hashchange', { oldURL: location.href, newURL: location.href + '#x' }));
    if (window.navigation) navigation.dispatchEvent(new Event('navigatesuccess'));
  };
  // A storm from the first moment the page exists, while Triangulate starts up.
  if (location.search.includes('storm')) {
    const storm = setInterval(forge, 10);
    setTimeout(() => clearInterval(storm), 4000);
  }
</script>`;

describe.skipIf(!available)('a page that forges the framework’s messages, in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;
  let page: Page;
  const seed = seedPageHtml('000');

  beforeAll(async () => {
    session = await launchChromium();
    const hostile = seed.replace('<head>', `<head>${forger(session.extensionId)}`);
    server = await serve({ '/hostile': hostile });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const painted = async (p: Page) => Object.values((await p.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>).flat();

  it('is annotated even under a storm of forged events from the first moment, and receives no message from us', async () => {
    page = await session.context.newPage();
    await page.goto(`${server.origin}/hostile?storm`);
    const ready = await waitForChromiumState(page);
    expect(ready.painted).toBeGreaterThanOrEqual(20);
    await page.waitForTimeout(4500); // the storm ends after 4 s
    const after = await chromiumPageState(page);
    // Not stopped, not restarted: the same run, painted once.
    expect(after).toMatchObject({ state: 'ready', startedAt: ready.startedAt, readyAt: ready.readyAt, painted: ready.painted });
    expect(await painted(page)).toContain('Cyber Coalition');
    expect(await page.evaluate('window.__messages')).toEqual([]);
    await page.close();
  });

  it('cannot stop, restart or read Triangulate once it has painted', async () => {
    page = await session.context.newPage();
    await page.goto(`${server.origin}/hostile`);
    const ready = await waitForChromiumState(page);
    for (let i = 0; i < 20; i++) await page.evaluate('forge()');
    // Longer than the watcher's settle time plus an idle callback.
    await page.waitForTimeout(2000);
    expect(await chromiumPageState(page)).toMatchObject({ state: 'ready', startedAt: ready.startedAt, readyAt: ready.readyAt, painted: ready.painted });
    expect(await painted(page)).toContain('Cyber Coalition');

    // Still answers the reader: hovering opens the card, which the page cannot read.
    const at = (await page.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => chromiumPopoverText(page), { timeout: 5000 }).toContain('Reference News (Cankao Xiaoxi)');
    const seen = (await page.evaluate(`(() => {
      const host = document.querySelector('triangulate-ui');
      return { shadowRoot: host && host.shadowRoot !== null, hostText: host && host.textContent, hostAttributes: host && host.getAttributeNames(), bodyText: document.body.innerText.includes('Cankao') };
    })()`)) as Record<string, unknown>;
    expect(seen).toEqual({ shadowRoot: false, hostText: '', hostAttributes: [], bodyText: false });
  });

  it('leaves nothing of ours on <html>, on window or in the page’s DOM but the highlights and the closed host', async () => {
    expect(await page.evaluate(() => document.documentElement.getAttributeNames())).toEqual(['lang']);
    const globals = (await page.evaluate('Object.getOwnPropertyNames(window).filter((n) => !window.__ownGlobals.includes(n))')) as string[];
    expect(globals.filter((n) => !['__ownGlobals', '__messages', 'forge'].includes(n))).toEqual([]);
    const ours = (await page.evaluate('[...document.querySelectorAll(\'*\')].filter((el) => /triangulate/i.test(el.localName + \' \' + el.getAttributeNames().join(\' \'))).map((el) => el.localName)')) as string[];
    expect(ours).toEqual(['triangulate-ui']);
    expect(await page.evaluate('window.__messages')).toEqual([]);
    await page.close();
  });
});
