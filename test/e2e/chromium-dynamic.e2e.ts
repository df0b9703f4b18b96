/**
 * Pages that change after load, and pages with strict CSPs: later content is annotated, an SPA
 * route change re-annotates, and a page that forbids inline styles and scripts still gets
 * highlights and a styled popover.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { chromiumPopoverStyle, chromiumPopoverText, HIGHLIGHT_TEXTS, pointOfText } from './inspect';
import { articleHtml, seedPageHtml, serve, type LocalServer } from './pages';
import { waitForChromiumState } from './page-state';

const available = browsersAvailable().chromium;

const SPA = articleHtml({
  title: 'Exercise roundup',
  outlet: 'Harbor Ledger (synthetic fixture)',
  published: '2019-04-12',
  paragraphs: [
    'Estonia hosted Locked Shields 2019 in Tallinn this week, with more than 1,000 experts from 30 nations taking part in the drills.',
    'The exercise is run each spring, and organisers said the French team won.',
  ],
}).replace(
  '</body>',
  `<script>
  // A single-page app: "Read more" appends a paragraph; the nav link swaps the article in place.
  document.querySelector('nav a[href="/world"]').addEventListener('click', (e) => {
    e.preventDefault();
    history.pushState({}, '', '/world');
    const article = document.querySelector('article');
    article.innerHTML = '<h1>Allies gather in Norway</h1><p>Norway hosted Trident Juncture 2018, with Sweden and Finland joining NATO allies for the exercise that autumn.</p><p>About 50,000 personnel from 31 nations took part in the exercise, NATO said.</p>';
  });
  window.readMore = () => {
    const p = document.createElement('p');
    p.textContent = 'Separately, Japan and Australia sent observers to the Cyber Coalition exercise later that year, officials in Canberra said.';
    document.querySelector('article').append(p);
  };
</script></body>`,
);

describe.skipIf(!available)('dynamic and locked-down pages in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await serve({
      '/spa': SPA,
      '/world': SPA,
      '/dark': seedPageHtml('000').replace('<style>', '<style>body{background:#121417!important;color:#ddd}'),
      '/strict': {
        body: seedPageHtml('000'),
        headers: { 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'" },
      },
    });
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const painted = async (page: import('playwright-core').Page) => Object.values((await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>).flat();

  it('annotates content that arrives later and re-annotates after an in-page navigation', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/spa`);
    await waitForChromiumState(page);
    expect(await painted(page)).toContain('Locked Shields 2019');
    expect(await painted(page)).not.toContain('Cyber Coalition');

    await page.evaluate('window.readMore()');
    await expect.poll(() => painted(page), { timeout: 8000 }).toContain('Cyber Coalition');
    expect(await painted(page)).toContain('Australia');

    await page.click('nav a[href="/world"]');
    await expect.poll(() => painted(page), { timeout: 8000 }).toContain('Trident Juncture 2018');
    expect(await painted(page)).not.toContain('Locked Shields 2019');
    await page.close();
  });

  it('works under a strict page CSP: highlights and a styled popover', async () => {
    const page = await session.context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text()) && /chrome-extension|triangulate/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.origin}/strict`);
    await waitForChromiumState(page);
    expect(await painted(page)).toContain('Cyber Coalition');
    const at = (await page.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => chromiumPopoverText(page), { timeout: 5000 }).toContain('Reference News (Cankao Xiaoxi)');
    // The card is styled (a fixed, opaque box), which needs the stylesheet the CSP would block if it were inline.
    const below = await page.evaluate(({ x, y }) => document.elementFromPoint(x + 20, y + 60)?.localName, at);
    expect(below).toBe('triangulate-ui');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('gives a dark page a dark popover, and a light page a light one, whatever the system says', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    const cardBackground = async (path: string) => {
      await page.goto(`${server.origin}${path}`);
      await waitForChromiumState(page);
      const at = (await page.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => chromiumPopoverText(page), { timeout: 5000 }).toContain('Cyber Coalition');
      return chromiumPopoverStyle(page, 'background-color');
    };
    expect(await cardBackground('/dark')).toBe('rgb(30, 34, 40)');
    expect(await cardBackground('/strict')).toBe('rgb(255, 255, 255)');
    await page.close();
  });
});
