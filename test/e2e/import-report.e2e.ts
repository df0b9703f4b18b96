/**
 * The options page's import report in real Chromium (issue 19, item 4): the broken-file table
 * (a zip with `..` and absolute paths, markup in text, duplicate ids, an unclosed CSV quote,
 * over-size text and title, a bad JSON Lines line, unreadable and ambiguous dates) imported
 * through the page, each named problem shown in its file's table with its outcome, line (or zip
 * entry, or record) and reason. The table is a table for assistive technology (caption, column
 * and row headers) at 1000 and at 360 px, where its rows stack; nothing scrolls sideways; a long
 * report shows its first rows until "Show all". Pictures light and dark; `npm run screenshots`
 * refreshes the committed copies in docs/screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BROKEN_ROWS } from '../fixtures/import/broken-rows';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { seriousViolations } from './display-axe';
import { ROOT, screenshotPath } from './pages';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const brokenFiles = (): UploadFile[] =>
  BROKEN_ROWS.map(([name]) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(ROOT, 'test/fixtures/import/broken', name)) }));

/** Five good records of an invented outlet, then `bad` lines that are not JSON: a report longer than its first page of rows. */
function manyBadLines(bad: number): UploadFile {
  const good = Array.from({ length: 5 }, (_, i) =>
    JSON.stringify({ title: `Kestrel Courier brief ${i + 1}`, text: `Engineers of the invented Kestrel brigade laid bridge number ${i + 1} across the river at dawn.`, outlet: 'Kestrel Courier' }),
  );
  const broken = Array.from({ length: bad }, (_, i) => `{"title":"Cut off ${i + 1}","text":"this line stops`);
  return { name: 'kestrel-courier.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from([...good, ...broken].join('\n')) };
}

/** Picks files, starts the import and waits until the page shows the new reports (never a previous run's). */
async function runImport(page: Page, files: UploadFile[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(files);
  await expect.poll(() => page.getByTestId('pending-file').count()).toBe(files.length);
  // Picking files clears the last import's reports; they must be gone before the new ones are awaited.
  await expect.poll(() => page.getByTestId('import-reports').count()).toBe(0);
  await page.getByTestId('start-import').click();
  await page.getByTestId('import-reports').waitFor({ timeout: 60000 });
}

/** A file's table rows as shown: where (without the record's title), outcome, reason. */
async function rowsShown(page: Page, file: string): Promise<string[][]> {
  return page.locator(`[data-testid="import-report"][data-file="${file}"] [data-testid="report-row"]`).evaluateAll((rows) =>
    rows.map((tr) => {
      const where = tr.querySelector('th')!;
      const title = where.querySelector('.row-title')?.textContent ?? '';
      return [where.textContent!.slice(0, where.textContent!.length - title.length).trim(), tr.querySelector('.outcome')!.textContent!.trim(), tr.querySelector('[data-testid="report-reason"]')!.textContent!.trim()];
    }),
  );
}

/** The report tables as the browser's accessibility tree has them: each table's name and its header and cell counts. */
async function accessibleTables(page: Page): Promise<{ name: string; columnheaders: number; rowheaders: number; cells: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    type AXNode = { nodeId: string; ignored: boolean; role?: { value: string }; name?: { value: string }; childIds?: string[] };
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const count = (root: AXNode, role: string): number => {
      let n = 0;
      const walk = (node: AXNode | undefined) => {
        if (!node) return;
        if (!node.ignored && node.role?.value === role) n++;
        for (const id of node.childIds ?? []) walk(byId.get(id));
      };
      walk(root);
      return n;
    };
    return nodes
      .filter((n) => !n.ignored && n.role?.value === 'table' && n.name?.value.startsWith('Records of '))
      .map((t) => ({ name: t.name!.value, columnheaders: count(t, 'columnheader'), rowheaders: count(t, 'rowheader'), cells: count(t, 'cell') }));
  } finally {
    await cdp.detach();
  }
}

describe.skipIf(!available)('the import report in the options page', () => {
  let session: ChromiumSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchChromium();
    options = await session.context.newPage();
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('drop-zone').waitFor({ timeout: 15000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('names every broken record of the broken-file table with its outcome, line or zip entry, and reason', async () => {
    await runImport(options, brokenFiles());
    for (const [file, expected] of BROKEN_ROWS) {
      const rows = await rowsShown(options, file);
      expect(rows.map(([where, outcome]) => [outcome, where]), file).toEqual(expected.map(([outcome, where]) => [outcome, where]));
      rows.forEach(([, , reason], i) => expect(reason, `${file} row ${i + 1}`).toMatch(expected[i]![2]));
    }
    // The rest of each file is imported: 2 + 4 + 2 + 3 + 2 + 3 + 4 articles.
    expect(await options.getByTestId('import-status').innerText()).toBe('20 articles imported.');
  });

  it('is an accessible table: a caption naming its file, column and row headers, no serious axe finding, light or dark', async () => {
    const tables = await accessibleTables(options);
    expect(tables.map((t) => t.name)).toEqual(BROKEN_ROWS.map(([file]) => expect.stringMatching(new RegExp(`^Records of ${file.replace(/\./g, '\\.')} not taken as written: `)) as unknown as string));
    for (const [t, [, rows]] of tables.map((t, i) => [t, BROKEN_ROWS[i]!] as const)) {
      expect(t, t.name).toMatchObject({ columnheaders: 3, rowheaders: rows.length, cells: rows.length * 2 });
    }
    await options.getByTestId('import-reports').scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(options), scheme).toEqual([]);
      await options.screenshot({ path: screenshotPath(`options-report-${scheme}.png`), fullPage: true });
    }
  });

  it('at 360 px stacks the rows as cards, scrolls nothing sideways, and stays a table for screen readers', async () => {
    // The sets table is part of the page's width too; it loads after the import.
    await options.getByTestId('sets-list').waitFor({ timeout: 15000 });
    await options.setViewportSize({ width: 360, height: 800 });
    const layout = await options.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      display: getComputedStyle(document.querySelector('[data-testid="report-row"]')!).display,
    }));
    expect(layout.scroll).toBeLessThanOrEqual(layout.client);
    expect(layout.display).toBe('block');
    const tables = await accessibleTables(options);
    expect(tables).toHaveLength(BROKEN_ROWS.length);
    for (const [t, [, rows]] of tables.map((t, i) => [t, BROKEN_ROWS[i]!] as const)) {
      expect(t, t.name).toMatchObject({ columnheaders: 3, rowheaders: rows.length, cells: rows.length * 2 });
    }
    // The window as a phone shows it, from the report's heading down: its first file's rows as cards.
    await options.getByTestId('import-reports').evaluate((el) => el.scrollIntoView());
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(options), scheme).toEqual([]);
      await options.screenshot({ path: screenshotPath(`options-report-360-${scheme}.png`) });
    }
    await options.emulateMedia({ colorScheme: 'light' });
    await options.setViewportSize({ width: 1000, height: 900 });
  });

  it('shows the first 20 rows of a long report, all of them after "Show all", and the first 20 again', async () => {
    await runImport(options, [manyBadLines(45)]);
    const report = options.locator('[data-testid="import-report"][data-file="kestrel-courier.jsonl"]');
    const rows = report.getByTestId('report-row');
    const toggle = report.getByTestId('report-show-all');
    expect(await rows.count()).toBe(20);
    expect(await report.locator('caption').innerText()).toBe('Records of kestrel-courier.jsonl not taken as written: 45 rejected; the first 20 of 45 are shown');
    expect(await toggle.innerText()).toBe('Show all 45 records');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await toggle.click();
    await expect.poll(() => rows.count()).toBe(45);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.innerText()).toBe('Show the first 20 only');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('report-show-all');
    expect((await rowsShown(options, 'kestrel-courier.jsonl')).at(-1)).toEqual(['line 50', 'Rejected', 'Invalid JSON at line 50']);

    await toggle.click();
    await expect.poll(() => rows.count()).toBe(20);
    expect(await report.getByTestId('report-imported').innerText()).toBe('5');
  });
});
