/**
 * The journalist's side panel in real Chromium (issue 6): the overview of seed 000, the claim by
 * claim comparison with the retelling seed (002) grouped under the page it retells, the Markdown
 * export, "Add this page" (with Undo) from a second, synthetic article, and revealing a claim.
 * The panel page is opened as `sidepanel.html?tabId=N` in a tab of the same browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { articleHtml, screenshotPath, serve, seedPageHtml, type LocalServer } from './pages';
import english from '../../public/_locales/en/messages.json';
import { catalogueSource } from '../../lib/i18n/catalogue';
import { useMessageSource } from '../../lib/i18n/source';
import { formatDate, verdictLabel } from '../../lib/report/format';
import type { Verdict } from '../../lib/types';
import { chromiumTabId, downloadedText, openChromiumPanel, OVERVIEW_AS_SHOWN, SEED_000_OVERVIEW } from './ui';
import { waitForChromiumState } from './page-state';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

/** Screenshots for review, in an ignored folder so test runs never rewrite committed files. */

const CANKAO = 'src:cankao-2019-12-03-japan-first-nato-cyber-exercise';

/** Synthetic article (invented outlet) whose claims overlap seed 000's: more than 30 nations, Estonia, 2–6 December. */
const SECOND = {
  title: 'Cyber Coalition 2019 wraps up in Estonia',
  outlet: 'Northwind Gazette',
  published: '2019-12-07',
  url: 'https://northwind-gazette.example/2019/12/07/cyber-coalition-wraps-up',
  paragraphs: [
    'TALLINN — NATO’s Cyber Coalition 2019 exercise ended on Friday in Estonia after five days of simulated attacks on allied networks.',
    'Cyber Coalition 2019 ran from 2 to 6 December, with its command centre in Tartu, Estonia.',
    'More than 30 nations took part in the exercise, organisers said.',
    'Japan joined as a full participant for the first time, after serving as an observer between 2015 and 2018.',
  ],
};

describe.skipIf(!available)('side panel in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;
  let seed: Page;
  let seedTab: number;
  let panel: Page;

  const seedUrl = () => `${server.origin}/seed-000.html`;
  const secondUrl = () => `${server.origin}/cyber-coalition-2019.html`;
  const texts = (p: Page, testId: string) => p.getByTestId(testId).allInnerTexts();
  const attrs = (p: Page, testId: string, attr: string) => p.getByTestId(testId).evaluateAll((els, a) => els.map((e) => e.getAttribute(a) ?? ''), attr);

  beforeAll(async () => {
    server = await serve({ '/seed-000.html': seedPageHtml('000'), '/cyber-coalition-2019.html': articleHtml(SECOND) });
    session = await launchChromium();
    seed = await session.context.newPage();
    await seed.goto(seedUrl());
    await waitForChromiumState(seed);
    seedTab = await chromiumTabId(session.worker, seedUrl());
    panel = await openChromiumPanel(session.context, session.extensionId, seedTab);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('shows the overview: the page, its entities with counts and the summary line', async () => {
    const overview = panel.getByTestId('overview');
    await expect.poll(() => overview.innerText()).toContain('Japan joins NATO cybersecurity drills to counter Chinese hackers');
    const chip = (group: string, name: string) => panel.getByTestId(`entities-${group}`).getByTestId('entity-chip').filter({ hasText: name });
    expect(await chip('exercise', 'Cyber Coalition').innerText()).toMatch(/Cyber Coalition\s*×2/);
    expect(await chip('country', 'Japan').innerText()).toMatch(/Japan\s*×\d+/);
    expect(await chip('country', 'Estonia').innerText()).toMatch(/Estonia\s*×1/);
    expect(await chip('country', 'China').innerText()).toMatch(/China\s*×\d+/);
    expect(await chip('organization', 'NATO').innerText()).toMatch(/NATO\s*×\d+/);
    // Every chip carries a count of at least one.
    for (const t of await texts(panel, 'entity-chip')) expect(t).toMatch(/×[1-9]\d*$/);
    const summary = await panel.getByTestId('summary-line').innerText();
    expect(summary).toMatch(/^9 claims: \d+ corroborated \(\d+ independent sources?\)/);
    expect(summary).toContain('only in retellings of this page');
    // The whole overview, the same in Firefox (firefox-sidebar.e2e.ts).
    expect(await panel.evaluate(OVERVIEW_AS_SHOWN)).toEqual(SEED_000_OVERVIEW);
    await panel.screenshot({ path: screenshotPath('panel-overview.png') });
  });

  it('compares the page claim by claim, with the retelling seed 002 grouped under the page', async () => {
    const rows = panel.getByTestId('claim-row');
    expect(await rows.count()).toBe(9);
    const kinds = await attrs(panel, 'claim-row', 'data-kind');
    for (const k of ['dates', 'location', 'nations', 'participants', 'role']) expect(kinds).toContain(k);
    const nations = panel.locator('[data-testid="claim-row"][data-kind="nations"]');
    expect(await nations.getAttribute('data-verdict')).toBe('corroborated');
    expect(await nations.getByTestId('claim-value').innerText()).toContain('more than 30');
    expect(await nations.getByTestId('claim-finding').innerText()).toContain('2 independent sources agree, 1 retelling of this page not counted');

    // Seed 002 says the same as the page about the nations, but only because it retells this page.
    const cankaoCell = nations.locator(`[data-testid="claim-cell"][data-source-id="${CANKAO}"]`);
    expect(await cankaoCell.getAttribute('data-state')).toBe('agree');
    expect(await cankaoCell.getAttribute('data-relation')).toBe('retelling');
    expect(await cankaoCell.innerText()).toContain('retells this page, not counted');
    const cankaoColumn = panel.locator(`[data-testid="source-column"][data-source-id="${CANKAO}"]`);
    expect(await cankaoColumn.textContent()).toContain('Reference News (Cankao Xiaoxi)');
    expect(await cankaoColumn.textContent()).toMatch(/translation of this page/);
    // A fact only seed 002 repeats is unverified, never green.
    const retold = panel.locator('[data-testid="claim-row"][data-verdict="retold-only"]');
    expect(await retold.count()).toBeGreaterThan(0);
    for (const f of await retold.getByTestId('claim-finding').allInnerTexts()) expect(f).toContain('unverified — only retellings of this page');

    await panel.getByTestId('claim-cards').scrollIntoViewIfNeeded();
    await panel.screenshot({ path: screenshotPath('panel-table.png') });

    // Its entry sits in the page's own origin group, not in an origin of its own counted as independent.
    const cankaoGroup = panel.getByTestId('origin-group').filter({ has: cankaoColumn });
    expect(await cankaoGroup.getAttribute('data-origin-id')).toBe('page');
    for (const g of await panel.getByTestId('origin-group').allTextContents()) expect.soft(g).not.toContain('a source not stored');
    // Two independent origins (Teller Report, The Baltic Times), not three.
    expect.soft(await panel.getByTestId('table-count').innerText()).toContain('2 origins independent of this page');
    // The sources table says the same.
    const cankaoRow = panel.locator(`[data-testid="source-row"][data-source-id="${CANKAO}"]`);
    expect.soft(await cankaoRow.innerText()).toMatch(/translation/);
    expect.soft(await cankaoRow.innerText()).not.toContain('a source not stored');
  });

  it('exports a Markdown report with every claim, its verdict and its sources', async () => {
    const { name, text } = await downloadedText(panel, () => panel.getByTestId('export-md').click());
    // Dates are written for the browser's locale: word the expectations the same way.
    useMessageSource(catalogueSource([english], (await session.worker.evaluate('chrome.i18n.getUILanguage()')) as string));
    const dec3 = formatDate('2019-12-03');
    expect(name).toMatch(/\.md$/);
    expect(text).toContain('# Source check: Japan joins NATO cybersecurity drills to counter Chinese hackers');
    const headings = text.split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toHaveLength(9);
    // As many headings per verdict as cards, and each card's verdict in the same words.
    const cards = await panel.getByTestId('claim-row').evaluateAll((els) =>
      els.map((e) => ({ verdict: e.getAttribute('data-verdict')!, finding: e.querySelector('[data-testid="claim-finding"]')!.textContent!.replace(/^ · /, '') })),
    );
    for (const verdict of new Set(cards.map((c) => c.verdict))) {
      const label = verdictLabel(verdict as Verdict);
      expect(headings.filter((h) => h.endsWith(`(${label})`)), label).toHaveLength(cards.filter((c) => c.verdict === verdict).length);
    }
    for (const c of cards) expect(text).toContain(` · ${c.finding}\n`);
    // The sources: every outlet shown, its link where it has one, and numbered citations.
    for (const outlet of ['Teller Report', 'The Baltic Times', 'Reference News (Cankao Xiaoxi)']) expect(text).toContain(outlet);
    const links = await panel.locator('[data-testid="source-column"] a[href]').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(text).toContain(href);
    expect(text).toContain('https://jmh.usembassy.gov/20191203133687/');
    expect(text).toContain(`- Agrees: **more than 30**, Reference News (Cankao Xiaoxi), ${dec3} [`);
    expect(text).toMatch(/- Agrees: \*\*more than 30\*\*, Reference News \(Cankao Xiaoxi\), [^[]+ \[\d+\] \(retells this page, not counted/);
    // Every citation points at a numbered source (seed 002 retells the page, [1]).
    expect.soft(text).not.toMatch(/\[0\]/);
    expect(text).toContain(`, ${dec3} (retells [1], translation)`);
    expect(text).toMatch(/\d+\. Reference News \(Cankao Xiaoxi\): .* \(retells \[1\], translation\)/);
  });

  it('reveals a claim on the page when its button is clicked', async () => {
    await seed.evaluate(() => window.scrollTo(0, 0));
    const last = panel.locator('[data-testid="claim-row"][data-kind="participants"]');
    await last.getByTestId('reveal-claim').click();
    await expect.poll(() => seed.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await panel.getByTestId('panel-status').innerText()).toContain('Shown on the page');
  });

  it('adds a second article with "Add this page"; it then corroborates seed 000; Undo removes it', async () => {
    const article = await session.context.newPage();
    await article.goto(secondUrl());
    await waitForChromiumState(article);
    const articlePanel = await openChromiumPanel(session.context, session.extensionId, await chromiumTabId(session.worker, secondUrl()));
    // The form is prefilled from the page's metadata.
    expect(await articlePanel.getByTestId('add-page-title').inputValue()).toBe(SECOND.title);
    expect(await articlePanel.getByTestId('add-page-outlet').inputValue()).toBe(SECOND.outlet);
    expect(await articlePanel.getByTestId('add-page-published').inputValue()).toBe(SECOND.published);
    expect(await articlePanel.getByTestId('add-page-url').inputValue()).toBe(SECOND.url);
    expect(await articlePanel.getByTestId('add-page-language').inputValue()).toBe('en');
    await articlePanel.getByTestId('add-page-save').click();
    await articlePanel.getByTestId('add-page-done').waitFor({ timeout: 15000 });

    // Seed 000, reloaded, now lists the Northwind Gazette article as a source that agrees.
    await seed.reload();
    await waitForChromiumState(seed);
    await panel.reload();
    await panel.getByTestId('sources-table').waitFor({ timeout: 30000 });
    await expect.poll(() => texts(panel, 'source-row'), { timeout: 10000 }).toContainEqual(expect.stringContaining('Northwind Gazette'));
    const added = panel.getByTestId('source-column').filter({ hasText: 'Northwind Gazette' });
    expect(await added.count()).toBe(1);
    const addedId = (await added.getAttribute('data-source-id'))!;
    const addedStates = await panel.locator(`[data-testid="claim-cell"][data-source-id="${addedId}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(addedStates).toContain('agree');
    expect(await panel.getByTestId('table-count').innerText()).toMatch(/[3-9] origins independent of this page/);

    // Undo in the article's panel removes it; seed 000's panel no longer lists it.
    await articlePanel.getByTestId('add-page-undo').click();
    await articlePanel.getByTestId('add-page-removed').waitFor({ timeout: 10000 });
    await panel.reload();
    await panel.getByTestId('sources-table').waitFor({ timeout: 30000 });
    expect((await texts(panel, 'source-row')).join('\n')).not.toContain('Northwind Gazette');
    expect(await panel.getByTestId('source-column').filter({ hasText: 'Northwind Gazette' }).count()).toBe(0);
    await articlePanel.close();
    await article.close();
  });
});
