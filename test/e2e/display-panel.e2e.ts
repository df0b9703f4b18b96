/**
 * What the journalist sees in the side panel and the other extension pages, in real Chromium
 * (issue 17, items 2, 5, 7 and 8): each source says what it is and where it is from, sources are
 * ordered by edition then date with an original's retellings under it, the panel fits 360 and
 * 420 px, a stored page says so and can be removed, and axe-core finds no serious or critical
 * violation on the popover, the side panel, the popup and the options page, light and dark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { popoverMarkup, popoverViolations, seriousViolations } from './display-axe';
import { fixturePageHtml } from './display-fixtures';
import { chromiumPopoverText, pointOfText } from './inspect';
import { waitForChromiumState } from './page-state';
import { articleHtml, seedPageHtml, serve, type LocalServer } from './pages';
import { chromiumTabId, openChromiumPanel } from './ui';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

/** A synthetic article (invented outlet, our own sentences) for "Add this page" and its removal. */
const OWN = {
  title: 'Locked Shields 2019 tests allied cyber defenders in Tallinn',
  outlet: 'Quayside Courier',
  published: '2019-04-12',
  url: 'https://quayside-courier.example/2019/04/12/locked-shields',
  paragraphs: [
    'Locked Shields 2019, the live-fire cyber defence exercise run by NATO’s cyber defence centre in Tallinn, Estonia, ended on Friday.',
    'About 1,200 participants from nearly 30 nations took part, the organisers said.',
  ],
};

const ROWS_AS_SHOWN = '[...document.querySelectorAll(\'[data-testid="source-row"]\')].map((r) => ({ id: r.dataset.sourceId, edition: r.dataset.edition ? Number(r.dataset.edition) : null, retelling: r.classList.contains(\'is-retelling\'), text: r.innerText }))';

describe.skipIf(!available)('side panel and extension pages in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;
  let zapad: Page;
  let panel: Page;

  beforeAll(async () => {
    server = await serve({ '/zapad-2017.html': fixturePageHtml('zapad-2017.md'), '/seed-000.html': seedPageHtml('000'), '/own.html': articleHtml(OWN) });
    session = await launchChromium();
    zapad = await session.context.newPage();
    await zapad.goto(`${server.origin}/zapad-2017.html`);
    await waitForChromiumState(zapad);
    panel = await openChromiumPanel(session.context, session.extensionId, await chromiumTabId(session.worker, zapad.url()));
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('every source says what it is and where from, in plain words, ordered by edition then date with retellings under their original', async () => {
    const rows = (await panel.evaluate(ROWS_AS_SHOWN)) as { id: string; edition: number | null; retelling: boolean; text: string }[];
    const others = rows.slice(1);
    expect(others.length).toBeGreaterThan(5);
    const typed = others.filter((r) => /Government or military|International organization|Wire agency|State-owned media|Newspaper|Broadcaster|Think tank|Blog or aggregator/.test(r.text));
    // Most bundled outlets are in the registry; the rest say nothing rather than guess.
    expect(typed.length / others.length).toBeGreaterThan(0.6);
    for (const r of rows) expect(r.text).not.toMatch(/\b(?:src|outlet|country):[a-z0-9-]+|\b[A-Z]{2}\b(?=,|$)/);
    // Editions never go back, except where a retelling follows its original.
    let last = -Infinity;
    for (const r of others) {
      if (r.edition === null || r.retelling) continue;
      expect(r.edition).toBeGreaterThanOrEqual(last);
      last = r.edition;
    }
    expect(others.some((r) => r.edition === 2017)).toBe(true);
  });

  it('cards name the edition and lead with the claim and its verdict on one line; evidence rows say what each source is', async () => {
    const card = panel.locator('[data-testid="claim-row"][data-kind="participants"]').filter({ has: panel.getByTestId('claim-value').getByText('12,700 troops', { exact: true }) });
    expect(await card.locator('.claim-subject').innerText()).toMatch(/^Zapad 2017 · /);
    expect(await card.getByTestId('claim-line').innerText()).toMatch(/^12,700 troops · disputed: the Russian Defence Ministry says 12,700; /);
    const types = await card.getByTestId('source-type').allInnerTexts();
    expect(types.length).toBeGreaterThan(0);
    expect(types.join('\n')).toMatch(/Government or military|Newspaper|Broadcaster|Wire agency|State-owned media|Think tank|International organization|Blog or aggregator/);
  });

  it('fits 360 and 420 px without sideways scrolling, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      for (const width of [360, 420]) {
        await panel.setViewportSize({ width, height: 900 });
        const { scroll, client } = await panel.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(scroll, `${width} px, ${scheme}`).toBeLessThanOrEqual(client);
      }
    }
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.setViewportSize({ width: 420, height: 900 });
  });

  it('axe: no serious or critical violation in the side panel, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await seriousViolations(panel), scheme).toEqual([]);
    }
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  it('axe: no serious or critical violation in the popover, light and dark', async () => {
    await zapad.bringToFront();
    for (const scheme of ['light', 'dark'] as const) {
      await zapad.emulateMedia({ colorScheme: scheme });
      // The centre of these words falls on "2017" of the lede's exercise name.
      const at = (await zapad.evaluate(pointOfText('Zapad-2017 exercise'))) as { x: number; y: number };
      await zapad.mouse.move(2, 2);
      await expect.poll(() => chromiumPopoverText(zapad), { timeout: 5000 }).toBe('');
      await zapad.mouse.move(at.x, at.y);
      await expect.poll(() => chromiumPopoverText(zapad), { timeout: 5000 }).not.toBe('');
      const markup = await popoverMarkup(zapad);
      expect(markup?.dark).toBe(scheme === 'dark');
      expect(markup!.html).toContain('Zapad 2017');
      expect(await popoverViolations(session.context, markup!), scheme).toEqual([]);
    }
    await zapad.emulateMedia({ colorScheme: 'light' });
    await zapad.mouse.move(2, 2);
  });

  it('axe: no serious or critical violation in the popup, light and dark', async () => {
    const tabId = await chromiumTabId(session.worker, zapad.url());
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 340, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByTestId('digest-line').waitFor({ timeout: 15000 });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(popup), scheme).toEqual([]);
    }
    await popup.close();
  });

  it('axe: no serious or critical violation in the options page, light and dark', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('choose-files').waitFor({ timeout: 15000 });
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await options.emulateMedia({ colorScheme: scheme });
        expect(await seriousViolations(options), scheme).toEqual([]);
      }
    } finally {
      await options.close();
    }
  });

  it('"Add this page": a stored page says so and offers to remove it; a bundled one says where it is', async () => {
    const own = await session.context.newPage();
    await own.goto(`${server.origin}/own.html`);
    await waitForChromiumState(own);
    const tabId = await chromiumTabId(session.worker, own.url());
    let p = await openChromiumPanel(session.context, session.extensionId, tabId);
    await p.getByTestId('add-page-save').click();
    await p.getByTestId('add-page-done').waitFor({ timeout: 15000 });
    await p.close();
    // Opened again later: the panel knows the page is stored.
    p = await openChromiumPanel(session.context, session.extensionId, tabId);
    await expect.poll(() => p.getByTestId('add-page-stored').innerText(), { timeout: 15000 }).toContain('You added this page to your sources.');
    await p.getByTestId('add-page-remove').click();
    await p.getByTestId('add-page-removed').waitFor({ timeout: 15000 });
    await p.close();
    p = await openChromiumPanel(session.context, session.extensionId, tabId);
    await p.getByTestId('add-page-save').waitFor({ timeout: 15000 });
    expect(await p.getByTestId('add-page-stored').count()).toBe(0);
    await p.close();
    await own.close();

    const seed = await session.context.newPage();
    await seed.goto(`${server.origin}/seed-000.html`);
    await waitForChromiumState(seed);
    p = await openChromiumPanel(session.context, session.extensionId, await chromiumTabId(session.worker, seed.url()));
    expect(await p.getByTestId('add-page-stored').innerText()).toContain('This page is in the bundled dataset.');
    expect(await p.getByTestId('add-page-remove').count()).toBe(0);
    await p.close();
    await seed.close();
  });
});
