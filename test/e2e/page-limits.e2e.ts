/**
 * Huge pages stay bounded (issue 19, items 2 and 3): a page made of one 600,000-character word
 * answers with a notice while a seed page opened beside it is annotated, and a 12,000-mention
 * page shows its 300 most useful highlights, with the rest one "Show all" away in the popup.
 * How fast is measured by `npm run bench` (scripts/bench-longtasks.ts); here, what the reader gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giantWordPage, rollCallPage } from './big-pages';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { HIGHLIGHT_TEXTS } from './inspect';
import { chromiumPageState, waitForChromiumState } from './page-state';
import { screenshotPath, seedPageHtml, serve, type LocalServer } from './pages';
import { chromiumTabId } from './ui';

const available = browsersAvailable().chromium;

describe.skipIf(!available)('huge pages in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await serve({ '/giant.html': giantWordPage(), '/seed-000.html': seedPageHtml('000'), '/roll.html': rollCallPage() });
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('answers a one-word 600,000-character page with a notice, and annotates the seed page opened beside it', async () => {
    const giant = await session.context.newPage();
    await giant.goto(`${server.origin}/giant.html`);
    const seed = await session.context.newPage();
    await seed.goto(`${server.origin}/seed-000.html`);
    const [g, s] = await Promise.all([waitForChromiumState(giant, 'ready', 20000), waitForChromiumState(seed, 'ready', 20000)]);
    console.log(`giant page answered ${Math.round(g.readyAt!)} ms after its navigation; the seed page beside it ${Math.round(s.readyAt!)} ms after its own`);
    expect(g.notice).toMatch(/^Analysed the first 2\d\d,\d{3} characters of 600,\d{3}\. Skipped one [\d,]+-character word\.$/);
    expect(((await giant.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>).entity?.sort()).toEqual(['Estonia', 'Locked Shields']);
    expect(s.painted).toBeGreaterThanOrEqual(20);
    expect(s.notice).toBeNull();
    await giant.close();
    await seed.close();
  });

  it('paints the 300 most useful of 12,000 mentions first, and all of them after "Show all" in the popup', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/roll.html`);
    const first = await waitForChromiumState(page);
    expect(first.painted).toBe(300);
    expect(first.painted + first.skipped).toBe(first.mentions);
    expect(first.mentions).toBeGreaterThanOrEqual(12_000);
    // Exercise mentions come first: all 2,000 of them would exceed the cap, so only exercises are painted.
    const painted = (await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>;
    expect(painted.entity?.length).toBe(300);
    expect(new Set(painted.entity)).toEqual(new Set(['Zapad 2017', 'RIMPAC 2018']));
    await page.screenshot({ path: screenshotPath('roll-call-capped.png') });

    const tabId = await chromiumTabId(session.worker, page.url());
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 320, height: 420 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.getByTestId('page-status').innerText(), { timeout: 10000 }).toContain(`Showing 300 of ${first.mentions.toLocaleString('en-US')} highlights`);
    await popup.screenshot({ path: screenshotPath('popup-show-all.png') });
    await popup.getByTestId('show-all').click();
    await expect.poll(() => popup.getByTestId('page-status').innerText(), { timeout: 20000 }).toContain(`${first.mentions.toLocaleString('en-US')} highlights on this page`);
    expect((await chromiumPageState(page))?.painted).toBe(first.mentions);
    await popup.close();
    await page.close();
  });
});
