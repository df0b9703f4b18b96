/**
 * What a reader sees on the page, in real Chromium (issue 17, items 3, 4, 6 and 7): one neutral
 * highlight for entities, whose `CSS.highlights` names say nothing of types or verdicts; verdict
 * marks drawn at the claims' words inside the closed shadow root; a page about no exercise left
 * alone until the reader asks in the popup; the keyboard flow (the next-highlight command, Tab kept
 * in the card, Escape back to the highlight); a tap opening and closing the card; "Compare
 * sources" opening the side panel; and the popup's summary of the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { focusAnchor, shadowPoint, tap, verdictMarks } from './display-inspect';
import { chromiumPopoverText, HIGHLIGHT_TEXTS, pointOfText } from './inspect';
import { chromiumPageState, waitForChromiumState } from './page-state';
import { articleHtml, screenshotPath, seedPageHtml, serve, type LocalServer } from './pages';
import { chromiumTabId } from './ui';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

/** A synthetic page about trade and diplomacy (invented outlet, our own sentences): countries and NATO, no exercise. */
const OFF_TOPIC = {
  title: 'Ministers agree a new trade framework',
  outlet: 'Harbour Street Ledger',
  published: '2024-03-02',
  paragraphs: [
    'Japan and Germany agreed on Friday to cut tariffs on machine parts, officials in Berlin said.',
    'The deal follows talks in which France and Italy asked for a slower timetable.',
    'NATO foreign ministers, meeting the same week in Brussels, discussed budgets rather than trade.',
    'Poland welcomed the agreement; Canada said it would study the text before commenting.',
  ],
};

const painted = async (page: Page) => (await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>;

describe.skipIf(!available)('the page as the reader sees it, in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;
  let seed: Page;

  beforeAll(async () => {
    server = await serve({ '/seed-000.html': seedPageHtml('000'), '/trade.html': articleHtml(OFF_TOPIC) });
    session = await launchChromium();
    seed = await session.context.newPage();
    await seed.goto(`${server.origin}/seed-000.html`);
    await waitForChromiumState(seed);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('gives entities one neutral highlight and claims a neutral underline: the names a page can read reveal no type or verdict', async () => {
    const p = await painted(seed);
    expect(Object.keys(p).sort()).toEqual(['claim', 'entity']);
    for (const name of ['Japan', 'NATO', 'Cyber Coalition', 'Estonia']) expect(p.entity).toContain(name);
    // Every name registered by Triangulate, as any page script can list them.
    const names = (await seed.evaluate('[...CSS.highlights.keys()].filter((n) => n.startsWith(\'triangulate\'))')) as string[];
    expect(names.sort()).toEqual(['triangulate-claim', 'triangulate-entity']);
    // Nor does the stylesheet the page can read: no verdict colours, no wavy or dotted lines.
    const css = (await seed.evaluate('[...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join(\'\\n\')')) as string;
    expect(css).not.toMatch(/corroborat|conflict|unverified|disputed|wavy|dotted/);
  });

  it('marks each claim’s words with its verdict inside the closed shadow root, by shape and symbol', async () => {
    const state = await chromiumPageState(seed);
    const marks = await verdictMarks(seed);
    // Seed 000 against the bundled dataset: 9 claims (3 corroborated, 3 only in retellings, 3 unverified).
    expect(marks).toHaveLength(9);
    expect(marks.filter((m) => m.verdict === 'corroborated').every((m) => m.shape === 'round')).toBe(true);
    expect(marks.filter((m) => m.verdict === 'unverified' || m.verdict === 'retold-only').every((m) => m.shape === 'dashed')).toBe(true);
    expect(marks.filter((m) => !m.hidden).length).toBe(9);
    expect(state?.painted).toBeGreaterThanOrEqual(15);
    await seed.screenshot({ path: screenshotPath('display-marks-seed-000.png') });
  });

  it('keyboard: the next-highlight command opens a card with focus in it, Tab stays in the card, Escape returns focus to the highlight', async () => {
    const tabId = await chromiumTabId(session.worker, seed.url());
    // What the background does when the command's keys are pressed (the browser, not the page, sees them).
    const moved = await session.worker.evaluate(`chrome.tabs.sendMessage(${tabId}, { type: 'move-focus', step: 1 })`);
    expect(moved).toBe(true);
    await expect.poll(() => chromiumPopoverText(seed), { timeout: 5000 }).not.toBe('');
    expect(await seed.evaluate(() => document.activeElement?.localName)).toBe('triangulate-ui');
    for (let i = 0; i < 14; i++) {
      await seed.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(await seed.evaluate(() => document.activeElement?.localName), `after ${i + 1} presses`).toBe('triangulate-ui');
    }
    await seed.keyboard.press('Escape');
    await expect.poll(() => chromiumPopoverText(seed), { timeout: 5000 }).toBe('');
    // Focus rests on the highlight: the anchor over it is shown (it hides on losing focus) and named.
    expect(await seed.evaluate(() => document.activeElement?.localName)).toBe('triangulate-ui');
    const anchor = await focusAnchor(seed);
    expect(anchor?.shown).toBe(true);
    expect(anchor?.label).toMatch(/, (exercise|country|organization)\b.*Enter shows what other sources say\.$/);
    await seed.keyboard.press('Enter');
    await expect.poll(() => chromiumPopoverText(seed), { timeout: 5000 }).not.toBe('');
    await seed.keyboard.press('Escape');
    await seed.keyboard.press('Alt+Shift+N');
    await expect.poll(() => chromiumPopoverText(seed), { timeout: 5000 }).not.toBe('');
    await seed.keyboard.press('Escape');
  });

  it('declares the shortcuts as commands the reader can see and change', async () => {
    const commands = (await session.worker.evaluate('chrome.commands.getAll()')) as { name: string; description: string }[];
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['next-highlight', 'previous-highlight']));
  });

  it('touch: a tap on a highlight opens its card, a tap elsewhere closes it', async () => {
    await seed.mouse.move(2, 2);
    const at = (await seed.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await tap(seed, at.x, at.y);
    await expect.poll(() => chromiumPopoverText(seed), { timeout: 5000 }).toContain('Cyber Coalition');
    await tap(seed, 4, at.y);
    await expect.poll(() => chromiumPopoverText(seed), { timeout: 5000 }).toBe('');
  });

  it('"Compare sources" in the card opens the side panel', async () => {
    const at = (await seed.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await seed.mouse.move(at.x, at.y);
    await expect.poll(() => chromiumPopoverText(seed), { timeout: 5000 }).toContain('Compare sources');
    const button = await shadowPoint(seed, 'open-panel');
    expect(button).not.toBeNull();
    await seed.mouse.move(button!.x, button!.y, { steps: 4 });
    await seed.mouse.click(button!.x, button!.y);
    const panels = () => session.worker.evaluate('chrome.runtime.getContexts({ contextTypes: [\'SIDE_PANEL\'] }).then((cs) => cs.map((c) => c.documentUrl))') as Promise<string[]>;
    await expect.poll(panels, { timeout: 10000 }).toHaveLength(1);
    expect((await panels())[0]).toMatch(/\/sidepanel\.html\?tabId=\d+&entity=ex%3Acyber-coalition$/);
    expect(await chromiumPopoverText(seed)).not.toMatch(/Triangulate’s sidebar|one more click/);
    await seed.mouse.move(2, 2);
  });

  it('leaves a page about no exercise unhighlighted until the reader asks in the popup', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/trade.html`);
    const state = await waitForChromiumState(page);
    expect(state.mentions).toBeGreaterThanOrEqual(6);
    expect(state.painted).toBe(0);
    expect(Object.values(await painted(page)).flat()).toEqual([]);
    expect(await verdictMarks(page)).toEqual([]);

    const tabId = await chromiumTabId(session.worker, page.url());
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 340, height: 560 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.getByTestId('page-status').innerText(), { timeout: 10000 }).toContain('names no exercise, so nothing is highlighted');
    await expect.poll(() => popup.getByTestId('digest-line').innerText(), { timeout: 10000 }).toContain('No checkable claims');
    await popup.screenshot({ path: screenshotPath('display-popup-off-topic.png') });
    await popup.getByTestId('off-topic').check();
    await expect.poll(async () => (await painted(page)).entity?.length ?? 0, { timeout: 10000 }).toBe(state.mentions);
    for (const name of ['Japan', 'Germany', 'NATO', 'Canada']) expect((await painted(page)).entity).toContain(name);
    await popup.getByTestId('off-topic').uncheck();
    await expect.poll(async () => Object.values(await painted(page)).flat().length, { timeout: 10000 }).toBe(0);
    await popup.close();
    await page.close();
  });

  it('popup: the page’s exercises and how its claims fare', async () => {
    const tabId = await chromiumTabId(session.worker, seed.url());
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 340, height: 560 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.getByTestId('digest-line').innerText(), { timeout: 10000 }).toBe('9 claims: 3 corroborated, 0 disputed or contradicted, 6 unverified');
    expect(await popup.getByTestId('page-digest').innerText()).toContain('Cyber Coalition 2019');
    await popup.screenshot({ path: screenshotPath('display-popup-seed-000.png') });
    await popup.close();
  });
});
