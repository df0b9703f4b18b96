/**
 * A large import from the options page runs in the background (issue 15): 1,000 synthetic
 * articles (scripts/lib/synthetic.ts, invented outlets) stream over the import port, the page
 * shows progress as the background reports it, and Cancel stops a second import part-way,
 * keeping what was stored. The options page's own scripts hold no engine: no IndexedDB, no
 * detector, no parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { syntheticArticle } from '../../scripts/lib/synthetic';
import { browsersAvailable, CHROME_BUILD, launchChromium, type ChromiumSession } from './browsers';
import { screenshotPath } from './pages';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

const COUNT = 1000;

/** `count` synthetic articles from number `from` on, as JSON Lines. */
function jsonl(from: number, count: number): Buffer {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) lines.push(JSON.stringify(syntheticArticle(i, 120)));
  return Buffer.from(lines.join('\n'));
}

async function openOptions(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByTestId('drop-zone').waitFor({ timeout: 15000 });
  return page;
}

/** The progress bar's value and maximum while the import runs (null once it is gone). */
async function progressNow(page: Page): Promise<{ value: number; max: number } | null> {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress');
    return bar ? { value: bar.value, max: bar.max } : null;
  });
}

async function setCount(page: Page, name: string): Promise<number> {
  await page.getByTestId('sets-list').waitFor({ timeout: 15000 });
  const row = page.getByTestId('set-row').filter({ has: page.getByTestId('set-name').getByText(name, { exact: true }) });
  return Number((await row.getByTestId('set-count').innerText()).replace(/\D/g, ''));
}

describe.skipIf(!available)('a 1,000-article import from the options page', () => {
  let session: ChromiumSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchChromium();
    options = await openOptions(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('runs in the background with progress, and reports every article', async () => {
    await options.getByTestId('file-input').setInputFiles([{ name: 'thousand.jsonl', mimeType: 'application/x-ndjson', buffer: jsonl(0, COUNT) }]);
    await options.getByTestId('start-import').click();
    // Progress comes from the background while it stores: sample it until the report shows.
    const seen: number[] = [];
    while (!(await options.getByTestId('import-reports').count())) {
      const p = await progressNow(options);
      if (p && p.max === COUNT) seen.push(p.value);
      await options.waitForTimeout(100);
    }
    const partial = seen.filter((v) => v > 0 && v < COUNT);
    expect(partial.length, `progress values seen: ${seen.join(',')}`).toBeGreaterThan(0);
    expect([...partial].sort((a, b) => a - b)).toEqual(partial);
    expect(await options.getByTestId('report-imported').innerText()).toBe(String(COUNT));
    // Numbers in the browser's locale (Debian's Chromium: en-US).
    expect(await options.getByTestId('import-status').innerText()).toBe(`${COUNT.toLocaleString('en-US')} articles imported.`);
    expect(await setCount(options, 'thousand')).toBe(COUNT);
  });

  it('stops on Cancel, keeps what was stored and says so', async () => {
    await options.getByTestId('file-input').setInputFiles([{ name: 'cancelled.jsonl', mimeType: 'application/x-ndjson', buffer: jsonl(COUNT, COUNT) }]);
    await options.getByTestId('start-import').click();
    await expect.poll(async () => (await progressNow(options))?.value ?? 0, { timeout: 60000, interval: 50 }).toBeGreaterThan(0);
    await options.screenshot({ path: screenshotPath('options-import-progress.png'), fullPage: true });
    await options.getByTestId('cancel-import').click();
    await options.getByTestId('import-reports').waitFor({ timeout: 60000 });
    const report = options.getByTestId('import-report');
    expect(await report.locator('.report-summary').innerText()).toMatch(/Cancelled: articles stored before stay\./);
    const imported = Number(await report.getByTestId('report-imported').innerText());
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(COUNT);
    expect(await setCount(options, 'cancelled')).toBe(imported);
  });

  it('ships an options page without the engine', () => {
    const html = readFileSync(join(CHROME_BUILD, 'options.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/?(chunks\/[^"]+\.js|[^"/]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const code = scripts.map((s) => readFileSync(join(CHROME_BUILD, s), 'utf8')).join('\n');
    // IndexedDB, the gazetteer's compiled detector, compromise's lexicon and linkedom stay in the background.
    expect(code).not.toMatch(/indexedDB|IDBKeyRange/);
    expect(code).not.toMatch(/compromise|linkedom|Readability/);
    expect(readdirSync(join(CHROME_BUILD, 'chunks')).some((f) => f.startsWith('options-'))).toBe(true);
  });
});
