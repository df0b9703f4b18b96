/**
 * Touch and accessibility in Firefox ESR (issue 17): a tap on a highlight opens its card and a tap
 * elsewhere closes it, as in Chromium; axe-core finds no serious or critical violation in the side
 * panel and the popup documents, in light and dark. The colour scheme is switched with the
 * preference Firefox reads for web content, set from the browser's chrome (BiDi with system access).
 * The popover itself is checked by axe in Chromium (display-panel.e2e.ts): its markup and stylesheet
 * are the same in both browsers, and its closed shadow root is out of BiDi's reach for axe.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersAvailable } from './browsers';
import { seriousViolationsVia } from './display-axe';
import { firefoxPopoverText, pointOfText } from './inspect';
import { firefoxSeedSession } from './page-state';
import { seedPageHtml, serve, type LocalServer } from './pages';
import { firefoxWaitFor, openFirefoxExtensionPage } from './ui';

const available = browsersAvailable().firefox;
if (!available) console.warn('Firefox e2e skipped: /usr/bin/firefox-esr is missing (apt-get install firefox-esr)');

type Bidi = { connection: { send(method: string, params: unknown): Promise<{ result: Record<string, unknown> }> } };

/** Runs `expression` in the browser's own chrome window (privileged), as the sidebar test does. */
async function inChrome(browser: Browser, expression: string): Promise<unknown> {
  const { connection } = browser as unknown as Bidi;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const reply = await connection.send('script.evaluate', { expression, target: { context: tree.contexts[0]!.context }, awaitPromise: true });
  return (reply.result as { result: { value?: unknown } }).result.value;
}

/** 0 = dark, 1 = light: what `prefers-color-scheme` answers in web content and extension pages. */
const setScheme = (browser: Browser, scheme: 'light' | 'dark') =>
  inChrome(browser, `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1}); true`);

describe.skipIf(!available)('touch and accessibility in Firefox', () => {
  let server: LocalServer;
  let browser: Browser;
  let seed: Page;
  let ext: Page;
  let seedTab: number;

  beforeAll(async () => {
    server = await serve({ '/seed-000.html': seedPageHtml('000') });
    ({ browser, seed, ext: ext, seedTab } = await firefoxSeedSession(server));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('touch: a tap on a highlight opens its card, a tap elsewhere closes it', async () => {
    await seed.bringToFront();
    const at = (await seed.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await seed.touchscreen.tap(at.x, at.y);
    await expect.poll(() => firefoxPopoverText(browser, seed), { timeout: 5000 }).toContain('Cyber Coalition');
    await seed.touchscreen.tap(4, at.y);
    await expect.poll(() => firefoxPopoverText(browser, seed), { timeout: 5000 }).toBe('');
  });

  it('axe: no serious or critical violation in the side panel, light and dark', async () => {
    await openFirefoxExtensionPage(browser, ext, `sidepanel.html?tabId=${seedTab}`);
    await firefoxWaitFor(ext, 'document.querySelector(\'[data-testid="claim-row"]\') !== null');
    for (const scheme of ['light', 'dark'] as const) {
      await setScheme(browser, scheme);
      await firefoxWaitFor(ext, `matchMedia('(prefers-color-scheme: ${scheme})').matches`);
      await ext.evaluate('document.querySelectorAll(\'details\').forEach((d) => { d.open = true; })');
      expect(await seriousViolationsVia((e) => ext.evaluate(e)), scheme).toEqual([]);
    }
    await setScheme(browser, 'light');
  });

  it('axe: no serious or critical violation in the popup, light and dark', async () => {
    await openFirefoxExtensionPage(browser, ext, `popup.html?tabId=${seedTab}`);
    await firefoxWaitFor(ext, 'document.querySelector(\'[data-testid="digest-line"]\') !== null');
    for (const scheme of ['light', 'dark'] as const) {
      await setScheme(browser, scheme);
      await firefoxWaitFor(ext, `matchMedia('(prefers-color-scheme: ${scheme})').matches`);
      expect(await seriousViolationsVia((e) => ext.evaluate(e)), scheme).toEqual([]);
    }
    await setScheme(browser, 'light');
  });
});
