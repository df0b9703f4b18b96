/**
 * The reader's experience in real Chromium with the built extension: highlights on the seed
 * article, the popover on hover and on keyboard focus, Escape, pausing, and screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { chromiumPopoverText, HIGHLIGHT_TEXTS, pointOfText } from './inspect';
import { screenshotPath, serve, seedPageHtml, type LocalServer } from './pages';
import { chromiumPageState, waitForChromiumState } from './page-state';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

/** Sets the pause state from the service worker, as the toolbar popup does. */
const setPause = (sites: string[]) => `chrome.storage.local.set({ pause: { all: false, sites: ${JSON.stringify(sites)} } })`;

describe.skipIf(!available)('reader experience in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    server = await serve({ '/seed-000.html': seedPageHtml('000') });
    session = await launchChromium();
    page = await session.context.newPage();
    await page.goto(`${server.origin}/seed-000.html`);
    await waitForChromiumState(page);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('highlights the article entities, without touching the DOM', async () => {
    const painted = (await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>;
    // One neutral highlight for every type (the type is in the card; page scripts can read highlight names).
    const all = new Set(painted.entity ?? []);
    for (const name of ['Japan', 'NATO', 'China', 'Estonia', 'Cyber Coalition']) expect(all).toContain(name);
    // Navigation and related links are not the article: nothing there is painted.
    expect((await chromiumPageState(page))?.painted).toBeGreaterThanOrEqual(20);
    expect(await page.locator('triangulate-mark').count()).toBe(0);
  });

  it('opens a popover on hover that lists the other seed as a source', async () => {
    const at = (await page.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => chromiumPopoverText(page), { timeout: 5000 }).toContain('Cyber Coalition');
    const text = await chromiumPopoverText(page);
    expect(text).toContain('Exercise');
    expect(text).toContain('Reference News (Cankao Xiaoxi)');
    expect(text).toContain('derived');
    await page.screenshot({ path: screenshotPath('popover-light.png') });
    // Leaving the term and the card closes it.
    await page.mouse.move(5, 5);
    await expect.poll(() => chromiumPopoverText(page), { timeout: 5000 }).not.toContain('Cyber Coalition');
  });

  it('opens the popover from the keyboard, moves focus into it, and closes on Escape', async () => {
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName), { timeout: 5000 }).toBe('triangulate-ui');
    const text = await chromiumPopoverText(page);
    expect(text).toMatch(/Country|Organization|Exercise/);
    await page.keyboard.press('Escape');
    await expect.poll(() => chromiumPopoverText(page), { timeout: 5000 }).toBe('');
  });

  it('follows a dark colour scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const at = (await page.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => chromiumPopoverText(page), { timeout: 5000 }).toContain('Cyber Coalition');
    await page.screenshot({ path: screenshotPath('popover-dark.png') });
    await page.mouse.move(5, 5);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('removes every trace when the site is paused, and comes back when resumed', async () => {
    await session.worker.evaluate(setPause(['127.0.0.1']));
    await expect.poll(async () => (await chromiumPageState(page))?.state, { timeout: 5000 }).toBe('paused');
    const painted = (await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>;
    expect(Object.values(painted).flat()).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('triangulate-ui, triangulate-mark').length)).toBe(0);
    await session.worker.evaluate(setPause([]));
    await waitForChromiumState(page, 'ready', 15000);
  });
});
