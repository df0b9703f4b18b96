/**
 * What a reader sees about each claim, in real Chromium: on the Zapad 2017 fixture the official
 * 12,700 and the Western estimate are one disputed figure with their speakers (not a conflict
 * between outlets), and no bundled source's summary, written by Triangulate, is ever shown as a
 * quotation (no <q>, no quotation marks) in the popover, the side panel or the Markdown export.
 * Screenshots for review go to .output/screens/ (ignored by git), light and dark, 360 and 420 px.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { waitForChromiumState } from './page-state';
import { chromiumPopoverText, pointOfText } from './inspect';
import { articleHtml, ROOT, seedPageHtml, serve, type LocalServer } from './pages';
import { chromiumTabId, downloadedText, openChromiumPanel } from './ui';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

const SCREENS = join(ROOT, '.output/screens');

/** A synthetic article fixture (`Title:`/`Outlet:`/`Published:`/`URL:` lines, a blank line, paragraphs) as a news page. */
function fixturePageHtml(file: string): string {
  const text = readFileSync(join(ROOT, 'test/fixtures/articles', file), 'utf8');
  const [head, ...body] = text.split(/\n\s*\n/);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(head!)?.[1]?.trim() ?? null;
  return articleHtml({
    title: field('Title')!,
    outlet: field('Outlet')!,
    published: field('Published'),
    url: field('URL'),
    paragraphs: body.join('\n').split('\n').map((p) => p.trim()).filter(Boolean),
  });
}

interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const attr = (n: CdpNode, name: string) => {
  const a = n.attributes ?? [];
  const i = a.indexOf(name);
  return i >= 0 && i % 2 === 0 ? a[i + 1] : undefined;
};
const kids = (n: CdpNode) => [...(n.shadowRoots ?? []), ...(n.children ?? [])];
const textOf = (n: CdpNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : n.localName === 'style' ? '' : kids(n).map(textOf).join(''));

/** Every element inside the closed shadow root, with its `<q>` ancestry, read through DevTools' DOM domain. */
async function popoverElements(page: Page): Promise<{ name: string; testId?: string; text: string; inQ: boolean }[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const out: { name: string; testId?: string; text: string; inQ: boolean }[] = [];
    let inside = false;
    const walk = (n: CdpNode, inQ: boolean) => {
      const host = n.localName === 'triangulate-ui';
      if (host) inside = true;
      if (inside && n.nodeType === 1) out.push({ name: n.localName!, testId: attr(n, 'data-testid'), text: textOf(n), inQ });
      for (const k of kids(n)) walk(k, inQ || n.localName === 'q');
      if (host) inside = false;
    };
    walk(root, false);
    return out;
  } finally {
    await cdp.detach();
  }
}

const QUOTE_MARKS = /["“”„«»]/;

/** Occurrences of "Zapad-2017" before the sentence with the ministry's figure: the <title> is not in the body; the h1 and the lede are. */
const ZAPAD_IN_FIGURES = 2;

/** In an extension page: every bundled summary, whether a <q> wraps it and what surrounds it. */
const SUMMARIES_AS_SHOWN = `(() => [...document.querySelectorAll('[data-testid="source-summary"]')].map((el) => {
  const text = el.querySelector('.summary-text').textContent;
  const pseudo = (p) => getComputedStyle(el, p).content;
  return { label: el.querySelector('.summary-label').textContent, text, inQ: !!el.closest('q'), before: pseudo('::before'), after: pseudo('::after'), around: el.textContent.replace(text, '') };
}))()`;

/** Centre of the `nth` (0-based) occurrence of `text` in the page's text nodes. */
const pointOfNth = (text: string, nth: number) => `(() => {
  let seen = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = n.data.indexOf(${JSON.stringify(text)}); i >= 0; i = n.data.indexOf(${JSON.stringify(text)}, i + 1)) {
      if (seen++ < ${nth}) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + ${text.length});
      n.parentElement.scrollIntoView({ block: 'center' });
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
  }
  return null;
})()`;

/** Hovers an occurrence of `text` (a highlighted mention) and returns the popover's text once it shows. */
async function hoverText(page: Page, text: string, nth = 0): Promise<string> {
  const at = (await page.evaluate(nth ? pointOfNth(text, nth) : pointOfText(text))) as { x: number; y: number };
  await page.mouse.move(5, 5);
  await expect.poll(() => chromiumPopoverText(page), { timeout: 5000 }).toBe('');
  await page.mouse.move(at.x, at.y);
  await expect.poll(() => chromiumPopoverText(page), { timeout: 5000 }).not.toBe('');
  return chromiumPopoverText(page);
}

describe.skipIf(!available)('claim wording in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;
  let zapad: Page;
  let panel: Page;

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    server = await serve({ '/zapad-2017.html': fixturePageHtml('zapad-2017.md'), '/seed-000.html': seedPageHtml('000'), '/seed-002.html': seedPageHtml('002') });
    session = await launchChromium();
    zapad = await session.context.newPage();
    await zapad.goto(`${server.origin}/zapad-2017.html`);
    await waitForChromiumState(zapad);
    panel = await openChromiumPanel(session.context, session.extensionId, await chromiumTabId(session.worker, `${server.origin}/zapad-2017.html`));
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('popover: the card names the edition and shows the disputed figure with its speakers', async () => {
    // "Zapad-2017" in the sentence that gives the ministry's figure (the title, the lede, then this one).
    const text = await hoverText(zapad, 'Zapad-2017', ZAPAD_IN_FIGURES);
    expect(text).toMatch(/^Exercise Zapad 2017 /);
    expect(text).toContain('Disputed figure');
    expect(text).toContain('the Russian Defence Ministry says 12,700; Western estimates put it at 70,000–100,000');
    expect(text).not.toMatch(/Conflicting|contradicts? it/);
    await zapad.screenshot({ path: `${SCREENS}/popover-zapad-light.png` });
    await zapad.emulateMedia({ colorScheme: 'dark' });
    await hoverText(zapad, 'Zapad-2017', ZAPAD_IN_FIGURES);
    await zapad.screenshot({ path: `${SCREENS}/popover-zapad-dark.png` });
    await zapad.emulateMedia({ colorScheme: 'light' });
  });

  it('toolbar badge: the number of disputed or contradicted claims, and a title that says so', async () => {
    const tabId = await chromiumTabId(session.worker, `${server.origin}/zapad-2017.html`);
    // Runs in the extension's service worker, where `chrome.action` exists (a string, so the test's types need not know it).
    const read = () => session.worker.evaluate(`(async () => ({ text: await chrome.action.getBadgeText({ tabId: ${tabId} }), title: await chrome.action.getTitle({ tabId: ${tabId} }) }))()`) as Promise<{ text: string; title: string }>;
    await expect.poll(async () => (await read()).text, { timeout: 10000 }).toBe('1');
    expect((await read()).title).toMatch(/^Triangulate: \d+ claims, 1 disputed or contradicted by other sources$/);
  });

  it('popover: bundled summaries are labelled as Triangulate’s and never quoted', async () => {
    await hoverText(zapad, 'Zapad-2017', ZAPAD_IN_FIGURES);
    const els = await popoverElements(zapad);
    const summaries = els.filter((e) => e.testId === 'source-summary');
    expect(summaries.length).toBeGreaterThan(0);
    for (const s of summaries) {
      expect(s.inQ).toBe(false);
      // DevTools leaves out whitespace-only text nodes, so the space after the label may not show here.
      expect(s.text).toMatch(/^Summary by Triangulate:\s*\S/);
      expect(s.text).not.toMatch(QUOTE_MARKS);
    }
    // Every source of this page is bundled: nothing may be shown as a quotation.
    expect(els.filter((e) => e.name === 'q')).toEqual([]);
  });

  it('side panel: the disputed figure with speakers, sources grouped by relation, nothing quoted', async () => {
    const card = panel.locator('[data-testid="claim-row"][data-kind="participants"]').filter({ has: panel.getByTestId('claim-value').getByText('12,700 troops', { exact: true }) });
    expect(await card.getAttribute('data-verdict')).toBe('disputed');
    expect(await card.getByTestId('claim-finding').innerText()).toContain('disputed: the Russian Defence Ministry says 12,700; Western estimates put it at 70,000–100,000');
    // The estimate is another speaker's figure, not this article contradicted.
    const groups = await card.getByTestId('evidence-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(groups).toContain('disputed');
    expect(groups).not.toContain('conflict');
    expect(await card.locator('[data-testid="claim-cell"][data-state="disputed"]').innerText()).toContain('Western estimates');
    expect(await panel.locator('[data-verdict="conflicting"], [data-verdict="mixed"]').count()).toBe(0);

    const summaries = (await panel.evaluate(SUMMARIES_AS_SHOWN)) as { label: string; text: string; inQ: boolean; before: string; after: string; around: string }[];
    expect(summaries.length).toBeGreaterThan(3);
    for (const s of summaries) {
      expect(s).toMatchObject({ label: 'Summary by Triangulate:', inQ: false });
      expect([s.before, s.after].every((c) => c === 'none' || c === 'normal')).toBe(true);
      expect(s.around).not.toMatch(QUOTE_MARKS);
      expect(s.text).not.toMatch(/^["“«]|["”»]$/);
    }
    expect(await panel.locator('q').count()).toBe(0);
  });

  it('side panel fits 360 and 420 px without sideways scrolling; screenshots light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      for (const width of [360, 420]) {
        await panel.setViewportSize({ width, height: 900 });
        const { scroll, client } = await panel.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(scroll, `${width} px, ${scheme}`).toBeLessThanOrEqual(client);
        await panel.getByTestId('claim-cards').scrollIntoViewIfNeeded();
        await panel.screenshot({ path: `${SCREENS}/panel-zapad-${width}-${scheme}.png`, fullPage: true });
      }
    }
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.setViewportSize({ width: 420, height: 900 });
  });

  it('Markdown export: the disputed figure in words, summaries labelled and unquoted', async () => {
    const { text } = await downloadedText(panel, () => panel.getByTestId('export-md').click());
    expect(text).toContain('disputed: the Russian Defence Ministry says 12,700; Western estimates put it at 70,000–100,000');
    const evidence = text.split('\n').filter((l) => /^- (Agrees|Contradicts|Other speaker|Close|Other figure)/.test(l));
    expect(evidence.length).toBeGreaterThan(3);
    for (const line of evidence) {
      expect(line).toContain('Summary by Triangulate: ');
      expect(line).not.toMatch(QUOTE_MARKS);
    }
  });

  it('seed 000 and its retelling 002: retellings never corroborate; the retelling is "as in the original"', async () => {
    const seed = await session.context.newPage();
    for (const [file, name] of [['seed-000', 'seed-000'], ['seed-002', 'seed-002']] as const) {
      await seed.goto(`${server.origin}/${file}.html`);
      await waitForChromiumState(seed);
      const p = await openChromiumPanel(session.context, session.extensionId, await chromiumTabId(session.worker, `${server.origin}/${file}.html`));
      const cards = await p.getByTestId('claim-row').evaluateAll((els) =>
        els.map((e) => ({ verdict: e.getAttribute('data-verdict'), finding: e.querySelector('[data-testid="claim-finding"]')?.textContent ?? '', relations: [...e.querySelectorAll('[data-testid="claim-cell"]')].map((c) => c.getAttribute('data-relation')) })),
      );
      for (const c of cards) {
        // "No other source mentions it" only where no source relates at all.
        if (c.finding.includes('no other source mentions it')) expect(c.relations).toEqual([]);
        if (c.verdict === 'retold-only') expect(c.finding).toContain('unverified — only retellings of this page');
        if (c.verdict === 'as-original') expect(c.finding).toMatch(/as in the original \(\d+ independent origins?\)/);
      }
      if (file === 'seed-000') expect(cards.some((c) => c.verdict === 'retold-only')).toBe(true);
      if (file === 'seed-002') expect(cards.some((c) => c.verdict === 'as-original')).toBe(true);
      for (const scheme of ['light', 'dark'] as const) {
        await p.emulateMedia({ colorScheme: scheme });
        await p.getByTestId('claim-cards').scrollIntoViewIfNeeded();
        await p.screenshot({ path: `${SCREENS}/panel-${name}-420-${scheme}.png`, fullPage: true });
      }
      await p.close();
    }
    await seed.goto(`${server.origin}/seed-000.html`);
    await waitForChromiumState(seed);
    await hoverText(seed, 'Cyber Coalition');
    await seed.screenshot({ path: `${SCREENS}/popover-seed-000-light.png` });
    await seed.close();
  });
});
