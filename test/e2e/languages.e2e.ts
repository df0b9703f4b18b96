/**
 * Pages written in Russian and Japanese, in real Chromium (issue 16): the reader sees the exercise,
 * countries and bodies named in their own forms highlighted, and the side panel compares the page's
 * claims with the bundled English sources: on a Russian Zapad-2017 page the official total and the
 * dates are corroborated, the Russian share is a contingent, the estimate of 100,000 with its speaker
 * is a disputed figure, never a conflict; on a Japanese page that credits Nikkei, Nikkei's report is
 * its origin and the shared facts are not counted as independent support. Both articles are our own
 * sentences under invented outlet names.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { HIGHLIGHT_TEXTS } from './inspect';
import { waitForChromiumState } from './page-state';
import { articleHtml, serve, type LocalServer } from './pages';
import { chromiumTabId, openChromiumPanel } from './ui';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

const RU_PAGE = articleHtml({
  lang: 'ru',
  title: 'Учения «Запад-2017» начнутся через неделю',
  outlet: 'Северный вестник',
  published: '2017-09-07',
  paragraphs: [
    'Совместные учения «Запад-2017» пройдут с 14 по 20 сентября 2017 года на полигонах Белоруссии и России.',
    'По данным Минобороны Белоруссии, в них будут задействованы до 12 700 военнослужащих, из них около 3000 российских.',
    'В Литве и Польше считают, что на самом деле в маневрах могут участвовать до 100 тысяч военных.',
  ],
});

const JA_PAGE = articleHtml({
  lang: 'ja',
  title: '防衛省、NATOサイバー演習に正式参加へ',
  outlet: '湾岸タイムズ',
  published: '2019-11-29',
  paragraphs: [
    '日本経済新聞によると、防衛省はNATOのサイバー防衛演習「サイバー・コアリション」に初めて正式に参加する。',
    '演習は12月2日から6日までエストニアで行われる。日本は2015年からオブザーバーとして参加してきた。',
  ],
});

interface Row { kind: string; verdict: string; value: string; scope: string; finding: string }
const ROWS = `[...document.querySelectorAll('[data-testid="claim-row"]')].map((r) => ({
  kind: r.dataset.kind, verdict: r.dataset.verdict,
  value: r.querySelector('[data-testid="claim-value"]')?.textContent ?? '',
  scope: r.querySelector('[data-testid="claim-scope"]')?.textContent ?? '',
  finding: r.querySelector('[data-testid="claim-finding"]')?.textContent ?? '',
}))`;

describe.skipIf(!available)('Russian and Japanese pages in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await serve({ '/ru.html': RU_PAGE, '/ja.html': JA_PAGE });
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ page: Page; panel: Page }> {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}${path}`);
    await waitForChromiumState(page);
    const panel = await openChromiumPanel(session.context, session.extensionId, await chromiumTabId(session.worker, page.url()));
    await panel.getByTestId('claim-row').first().waitFor({ timeout: 15000 });
    return { page, panel };
  }

  it('Russian page: names in their own forms, the total and dates corroborated by English sources, the estimate a disputed figure', async () => {
    const { page, panel } = await open('/ru.html');
    const painted = (await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>;
    expect(painted.entity).toEqual(expect.arrayContaining(['Запад-2017', 'Белоруссии', 'России', 'Минобороны Белоруссии']));
    const rows = (await panel.evaluate(ROWS)) as Row[];
    // Dates are shown in the browser's own locale ("Sep 14 – 20, 2017" in an en-US Chromium).
    expect(rows.find((r) => r.kind === 'dates')).toMatchObject({ value: expect.stringMatching(/^(?=.*\b14\s*[–-]\s*20\b)(?=.*Sep)(?=.*2017)/), verdict: 'corroborated' });
    const total = rows.find((r) => r.kind === 'participants' && r.value.includes('12,700'))!;
    expect(total.verdict).toBe('disputed');
    expect(total.finding).toContain('disputed: Минобороны Белоруссии says до 12,700; Western estimates put it at');
    expect(total.finding).toMatch(/\d+ independent sources? agrees?/);
    expect(rows.find((r) => r.value.includes('3,000'))).toMatchObject({ kind: 'participants', scope: 'contingent of Russia' });
    // "до 100 тысяч": the multiplier is in the number; it is not shown a second time.
    expect(rows.map((r) => r.value)).toContain('до 100,000 военных');
    expect(rows.filter((r) => r.verdict === 'conflicting' || r.verdict === 'mixed')).toEqual([]);
    // Each source says its language when it is not the page's.
    expect(await panel.getByTestId('sources-table').innerText()).toContain('in English');
    await page.close();
    await panel.close();
  });

  it('Japanese page that credits Nikkei: derived from Nikkei, its shared facts not counted as independent support', async () => {
    const { page, panel } = await open('/ja.html');
    const painted = (await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>;
    expect(painted.entity).toEqual(expect.arrayContaining(['サイバー・コアリション', 'エストニア', '防衛省']));
    const pageRow = panel.locator('[data-testid="source-row"].row-page');
    expect(await pageRow.innerText()).toMatch(/Nikkei Asian Review/);
    const rows = (await panel.evaluate(ROWS)) as Row[];
    const dates = rows.find((r) => r.kind === 'dates')!;
    expect(dates).toMatchObject({ value: expect.stringMatching(/^(?=.*\b2\s*[–-]\s*6\b)(?=.*Dec)(?=.*2019)/), verdict: 'corroborated' });
    expect(dates.finding).toContain('1 independent source agrees, as in the original');
    const nikkei = panel.locator('[data-testid="claim-row"][data-kind="dates"] [data-testid="claim-cell"]').filter({ hasText: 'Nikkei Asian Review' });
    expect(await nikkei.count()).toBe(1);
    expect(await nikkei.innerText()).toContain('this page\'s origin');
    // The outlet that wrote the report, not the embassy digest that reprints it.
    expect(await nikkei.getByTestId('source-type').innerText()).toContain('Newspaper, Japan');
    await page.close();
    await panel.close();
  });
});
