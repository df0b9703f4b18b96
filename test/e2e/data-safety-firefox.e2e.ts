/**
 * Importing in Firefox ESR through the options page's file input, as a user would (issue 19,
 * item 5): a JSON Lines file of 200 synthetic articles with two bad lines is stored whole, the bad
 * lines named; the knowledge base holds together; the same file again adds nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { syntheticArticle } from '../../scripts/lib/synthetic';
import { browsersAvailable, launchFirefox } from './browsers';
import { DUMP_KB, inconsistencies, type KbDump } from './kb-dump';
import { firefoxWaitFor, openFirefoxExtensionPage } from './ui';

const available = browsersAvailable().firefox;
if (!available) console.warn('Firefox e2e skipped: /usr/bin/firefox-esr is missing (apt-get install firefox-esr)');

interface Counts {
  imported: number;
  duplicates: number;
  rejected: number;
}

const REPORT_COUNTS = `(() => {
  const els = [...document.querySelectorAll('[data-testid="import-report"]')];
  if (!els.length) return null;
  const n = (el, id) => Number(el.querySelector('[data-testid="' + id + '"]')?.textContent ?? 0);
  return els.reduce((s, el) => ({ imported: s.imported + n(el, 'report-imported'), duplicates: s.duplicates + n(el, 'report-duplicates'), rejected: s.rejected + n(el, 'report-rejected') }), { imported: 0, duplicates: 0, rejected: 0 });
})()`;

describe.skipIf(!available)('importing in Firefox', () => {
  let browser: Browser;
  let options: Page;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'triangulate-ff-import-'));
    const lines = Array.from({ length: 200 }, (_, k) => {
      const a = syntheticArticle(80_000 + k, 260);
      return JSON.stringify({ title: a.title, text: a.text, url: a.url, outlet: a.outlet, published: a.published, language: 'en' });
    });
    // Two broken lines among them: one cut off, one without text.
    lines.splice(50, 0, '{"title":"Cut off","text":"this line never ends');
    lines.splice(120, 0, JSON.stringify({ title: 'No text at all', url: 'https://fenwick-review.example/empty', outlet: 'Fenwick Review' }));
    file = join(dir, 'fenwick-review.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    browser = await launchFirefox();
    options = await browser.newPage();
    await openFirefoxExtensionPage(browser, options, 'options.html');
    await firefoxWaitFor(options, '!!document.querySelector(\'[data-testid="drop-zone"]\')', 30_000);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function importFile(): Promise<Counts> {
    // A report from an earlier run stays until the next import starts: wait for a fresh one.
    await options.evaluate('document.querySelectorAll(\'[data-testid="import-report"]\').forEach((el) => el.setAttribute(\'data-seen\', \'\'))');
    const input = (await options.$('[data-testid="file-input"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await firefoxWaitFor(options, 'document.querySelectorAll(\'[data-testid="pending-file"]\').length === 1');
    await options.click('[data-testid="start-import"]');
    await firefoxWaitFor(options, '!!document.querySelector(\'[data-testid="import-report"]:not([data-seen])\')', 180_000);
    return (await options.evaluate(REPORT_COUNTS)) as Counts;
  }

  it('stores the 200 good articles, names the two bad lines, and keeps the KB whole', async () => {
    expect(await importFile()).toEqual({ imported: 200, duplicates: 0, rejected: 2 });
    const reasons = (await options.evaluate('[...document.querySelectorAll(\'[data-testid="report-row"][data-outcome="skipped"]\')].map((row) => row.textContent)')) as string[];
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/line 51/);
    expect(reasons[1]).toMatch(/line 121/);
    const dump = (await options.evaluate(DUMP_KB)) as KbDump;
    expect(inconsistencies(dump)).toEqual([]);
    expect(dump.sources.filter((s) => s.origin === 'imported')).toHaveLength(200);
  });

  it('adds nothing when the same file is imported again', async () => {
    expect(await importFile()).toEqual({ imported: 0, duplicates: 200, rejected: 2 });
    const dump = (await options.evaluate(DUMP_KB)) as KbDump;
    expect(inconsistencies(dump)).toEqual([]);
    expect(dump.sources.filter((s) => s.origin === 'imported')).toHaveLength(200);
  });
});
