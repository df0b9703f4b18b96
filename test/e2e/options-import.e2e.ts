/**
 * Importing the user's own articles through the options page in real Chromium (issue 7): JSON,
 * CSV, RSS and a zip (JSON Lines + an HTML page) of synthetic articles, a file with exactly two
 * bad records, re-import as duplicates, the imported articles showing up as sources on seed 000
 * (popover and side panel), and export → import into a fresh profile restoring the same sets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { chromiumPopoverText, pointOfText } from './inspect';
import { ROOT, screenshotPath, serve, seedPageHtml, type LocalServer } from './pages';
import { chromiumTabId, downloadedText, openChromiumPanel } from './ui';
import { waitForChromiumState } from './page-state';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

const FIXTURES = join(ROOT, 'test/fixtures/import-e2e');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The five files, the zip built here from test/fixtures/import-e2e/zip. */
function importFiles(): UploadFile[] {
  const zip = zipSync({ 'southgate/wire.jsonl': new Uint8Array(fixture('zip/wire.jsonl')), 'southgate/page.html': new Uint8Array(fixture('zip/page.html')) });
  return [
    { name: 'northwind.json', mimeType: 'application/json', buffer: fixture('northwind.json') },
    { name: 'harbour.csv', mimeType: 'text/csv', buffer: fixture('harbour.csv') },
    { name: 'eastmarch.rss', mimeType: 'application/rss+xml', buffer: fixture('eastmarch.rss') },
    { name: 'southgate.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) },
    { name: 'two-bad-records.jsonl', mimeType: 'application/x-ndjson', buffer: fixture('two-bad-records.jsonl') },
  ];
}

/** Imported / duplicates / rejected per file, as the report shows them. */
const GOOD = { imported: 3, duplicates: 0, rejected: 0 };
const FIRST_IMPORT: Record<string, typeof GOOD> = {
  'northwind.json': GOOD,
  'harbour.csv': GOOD,
  'eastmarch.rss': GOOD,
  'southgate.zip': GOOD,
  'two-bad-records.jsonl': { imported: 3, duplicates: 0, rejected: 2 },
};
const EXPECTED_SETS = [
  ['eastmarch', '3'],
  ['harbour', '3'],
  ['northwind', '3'],
  ['southgate', '3'],
  ['two-bad-records', '3'],
];

async function openOptions(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByTestId('drop-zone').waitFor({ timeout: 15000 });
  return page;
}

/** Picks files with the file input, starts the import and waits for the reports. */
async function runImport(page: Page, files: UploadFile[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(files);
  await expect.poll(() => page.getByTestId('pending-file').count()).toBe(files.length);
  await page.getByTestId('start-import').click();
  await page.getByTestId('import-reports').waitFor({ timeout: 60000 });
}

async function reportCounts(page: Page): Promise<Record<string, typeof GOOD>> {
  return page.getByTestId('import-report').evaluateAll((els) => {
    const out: Record<string, { imported: number; duplicates: number; rejected: number }> = {};
    for (const el of els) {
      const n = (id: string) => Number(el.querySelector(`[data-testid="${id}"]`)?.textContent);
      // A Triangulate export reports once per set it restores; sum them per file.
      const prev = out[el.getAttribute('data-file')!] ?? { imported: 0, duplicates: 0, rejected: 0 };
      out[el.getAttribute('data-file')!] = { imported: prev.imported + n('report-imported'), duplicates: prev.duplicates + n('report-duplicates'), rejected: prev.rejected + n('report-rejected') };
    }
    return out;
  });
}

/** The sets list as [name, count] rows, sorted by name. */
async function setsShown(page: Page): Promise<string[][]> {
  await page.getByTestId('sets-list').waitFor({ timeout: 15000 });
  const rows = await page.getByTestId('set-row').evaluateAll((els) =>
    els.map((el) => [el.querySelector('[data-testid="set-name"]')!.textContent!.trim(), el.querySelector('[data-testid="set-count"]')!.textContent!.trim()]),
  );
  return rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe.skipIf(!available)('importing article sets in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;
  let options: Page;
  let setsAfterFirstImport: string[][];

  beforeAll(async () => {
    server = await serve({ '/seed-000.html': seedPageHtml('000') });
    session = await launchChromium();
    options = await openOptions(session);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('imports JSON, CSV, RSS and a zip, and names the two bad records of a JSON Lines file', async () => {
    await runImport(options, importFiles());
    expect(await reportCounts(options)).toEqual(FIRST_IMPORT);
    const bad = options.locator('[data-testid="import-report"][data-file="two-bad-records.jsonl"]');
    const reasons = await bad.locator('[data-testid="report-row"][data-outcome="skipped"]').allInnerTexts();
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/line 2/);
    expect(reasons[0]).toMatch(/invalid JSON/i);
    expect(reasons[1]).toMatch(/line 4/);
    expect(reasons[1]).toMatch(/no text/i);
    expect(await options.getByTestId('import-status').innerText()).toBe('15 articles imported.');
    setsAfterFirstImport = await setsShown(options);
    expect(setsAfterFirstImport).toEqual(EXPECTED_SETS);
    await options.getByTestId('import-reports').scrollIntoViewIfNeeded();
    await options.screenshot({ path: screenshotPath('options-import.png'), fullPage: true });
  });

  it('skips everything as duplicates when the same files are imported again, leaving the sets as they were', async () => {
    await runImport(options, importFiles());
    const again = await reportCounts(options);
    for (const [file, first] of Object.entries(FIRST_IMPORT)) {
      expect(again[file], file).toEqual({ imported: 0, duplicates: first.imported, rejected: first.rejected });
    }
    expect(await options.getByTestId('import-status').innerText()).toBe('0 articles imported.');
    expect(await setsShown(options)).toEqual(setsAfterFirstImport);
  });

  it('shows an imported article as a source in the popover and the side panel of seed 000', async () => {
    const seed = await session.context.newPage();
    await seed.goto(`${server.origin}/seed-000.html`);
    await waitForChromiumState(seed);
    const at = (await seed.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
    await seed.mouse.move(at.x, at.y);
    await expect.poll(() => chromiumPopoverText(seed), { timeout: 5000 }).toContain('Cyber Coalition');
    expect(await chromiumPopoverText(seed)).toContain('Northwind Gazette');
    await seed.mouse.move(5, 5);

    const panel = await openChromiumPanel(session.context, session.extensionId, await chromiumTabId(session.worker, `${server.origin}/seed-000.html`));
    await panel.getByTestId('sources-table').waitFor();
    const sources = (await panel.getByTestId('source-row').allInnerTexts()).join('\n');
    expect(sources).toContain('Northwind Gazette');
    expect(sources).toContain('Cyber Coalition 2019 opens in Estonia');
    // It agrees with the page on the nations (more than 30) and the dates (2–6 December).
    const column = panel.getByTestId('source-column').filter({ hasText: 'Northwind Gazette' });
    const id = (await column.getAttribute('data-source-id'))!;
    const nations = panel.locator(`[data-testid="claim-row"][data-kind="nations"] [data-testid="claim-cell"][data-source-id="${id}"]`);
    expect(await nations.getAttribute('data-state')).toBe('agree');
    await panel.close();
    await seed.close();
  });

  it('exports everything, and the export restores the same sets in a fresh profile', async () => {
    const { name, text } = await downloadedText(options, () => options.getByTestId('export-user-data').click());
    expect(name).toMatch(/^triangulate-my-sources-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(text) as { format: string; sets: { name: string; articles: unknown[] }[] };
    expect(data.format).toBe('triangulate-user-data');
    expect.soft(data.sets.map((s) => [s.name, String(s.articles.length)]).sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual(EXPECTED_SETS);

    const fresh = await launchChromium();
    try {
      const page = await openOptions(fresh);
      await expect.poll(() => page.getByTestId('sets-empty').count(), { timeout: 15000 }).toBe(1);
      await runImport(page, [{ name, mimeType: 'application/json', buffer: Buffer.from(text) }]);
      expect(await reportCounts(page)).toEqual({ [name]: { imported: 15, duplicates: 0, rejected: 0 } });
      expect(await setsShown(page)).toEqual(setsAfterFirstImport);
    } finally {
      await fresh.close();
    }
  });
});
