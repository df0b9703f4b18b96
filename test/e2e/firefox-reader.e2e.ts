/** The reader's experience in Firefox ESR with the built extension (puppeteer-core over WebDriver BiDi). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { browsersAvailable, launchFirefox } from './browsers';
import { firefoxPopoverText, HIGHLIGHT_TEXTS, pointOfText } from './inspect';
import { serve, seedPageHtml, type LocalServer } from './pages';
import { openFirefoxExtensionPage } from './ui';
import { firefoxPageState, waitForFirefoxState } from './page-state';

const available = browsersAvailable().firefox;
if (!available) console.warn('Firefox e2e skipped: /usr/bin/firefox-esr is missing (apt-get install firefox-esr)');

describe.skipIf(!available)('reader experience in Firefox', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serve({ '/seed-000.html': seedPageHtml('000') });
    browser = await launchFirefox();
    page = await browser.newPage();
    await page.goto(`${server.origin}/seed-000.html`);
    await waitForFirefoxState(browser, page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights Japan, NATO, China, Estonia and Cyber Coalition', async () => {
    const painted = (await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>;
    const all = new Set(Object.values(painted).flat());
    for (const name of ['Japan', 'NATO', 'China', 'Estonia', 'Cyber Coalition']) expect(all).toContain(name);
  });

  it('shows a popover on hover listing the other seed, and closes it on Escape', async () => {
    const at = (await page.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => firefoxPopoverText(browser, page), { timeout: 5000 }).toContain('Cyber Coalition');
    expect(await firefoxPopoverText(browser, page)).toContain('Reference News (Cankao Xiaoxi)');
    await page.keyboard.press('Escape');
    await expect.poll(() => firefoxPopoverText(browser, page), { timeout: 5000 }).toBe('');
  });

  it('opens the popover from the keyboard with focus inside it', async () => {
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyN');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName), { timeout: 5000 }).toBe('triangulate-ui');
    expect(await firefoxPopoverText(browser, page)).toMatch(/Country|Organization|Exercise/);
    await page.keyboard.press('Escape');
    await expect.poll(() => firefoxPopoverText(browser, page), { timeout: 5000 }).toBe('');
  });

  it('removes every trace when the site is paused, and comes back when resumed', async () => {
    // The toolbar popup writes this setting; here an extension page writes it the same way.
    const settings = await browser.newPage();
    await openFirefoxExtensionPage(browser, settings, 'popup.html');
    const setPause = (sites: string[]) => settings.evaluate(`browser.storage.local.set({ pause: { all: false, sites: ${JSON.stringify(sites)} } })`);
    await setPause(['127.0.0.1']);
    await page.bringToFront();
    await expect.poll(async () => (await firefoxPageState(browser, page.url()))?.state, { timeout: 20000 }).toBe('paused');
    await page.bringToFront();
    const painted = (await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>;
    expect(Object.values(painted).flat()).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('triangulate-ui, triangulate-mark').length)).toBe(0);
    await setPause([]);
    await waitForFirefoxState(browser, page);
    expect(await page.evaluate(() => [...document.documentElement.attributes].map((a) => a.name))).toEqual(['lang']);
    await settings.close();
  });
});
