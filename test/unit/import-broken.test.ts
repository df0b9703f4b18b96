/**
 * One broken file per case (test/fixtures/import/broken/, all synthetic): each gives the named
 * issue at the right line, record or zip entry, and the rest of the file is still imported.
 */
import { describe, expect, it } from 'vitest';
import { parseImportFile, type RecordReport } from '../../lib/import';
import { IMPORT_LIMITS } from '../../lib/import/limits';
import { fixtureBytes } from '../fixtures/import/load';

const parse = (name: string) => parseImportFile(name, fixtureBytes(`broken/${name}`));
const where = (r: RecordReport) => ({ action: r.action, issue: r.issue, ...(r.file ? { file: r.file } : {}), ...(r.line ? { line: r.line } : {}), ...(r.record ? { record: r.record } : {}) });

interface Case {
  file: string;
  /** What the import must say, in file order. */
  reports: ReturnType<typeof where>[];
  /** Titles of the articles still imported. */
  imported: string[];
  /** A piece of each report's reason, in the same order. */
  reasons?: RegExp[];
}

const CASES: Case[] = [
  {
    file: 'unclosed-quote.csv',
    reports: [{ action: 'skipped', issue: 'csv-quote', line: 3, record: 2 }],
    imported: ['Drills open', 'Quiet night', 'Final day'],
    reasons: [/quoted field opened on line 3 is never properly closed/],
  },
  {
    file: 'junk-after-quote.csv',
    reports: [{ action: 'skipped', issue: 'csv-quote', line: 3, record: 2 }],
    imported: ['First', 'Third'],
    reasons: [/closing quote of the field opened on line 3/],
  },
  {
    file: 'bad-line.jsonl',
    reports: [{ action: 'skipped', issue: 'invalid-json', line: 3, record: 3 }],
    imported: ['Convoy arrives', 'Range opens', 'Night march'],
    reasons: [/invalid JSON at line 3/],
  },
  {
    file: 'duplicate-ids.jsonl',
    reports: [
      { action: 'skipped', issue: 'duplicate-id', line: 3, record: 3 },
      { action: 'skipped', issue: 'duplicate-id', line: 4, record: 4 },
    ],
    imported: ['Bridge laid', 'Air cover'],
    reasons: [/'story-7' \(first at line 1\)/, /'story-7' \(first at line 1\)/],
  },
  {
    file: 'markup-in-text.json',
    reports: [
      { action: 'changed', issue: 'markup-removed', record: 2 },
      { action: 'changed', issue: 'markup-removed', record: 3 },
      { action: 'changed', issue: 'markup-removed', record: 3 },
      { action: 'changed', issue: 'markup-removed', record: 4 },
    ],
    imported: ['Clean record', 'Stray svg', 'Bold headline', 'Open script'],
    reasons: [/from the text/, /from the title/, /from the text/, /from the text/],
  },
  {
    file: 'oversize.json.gz',
    reports: [
      { action: 'changed', issue: 'text-too-long', record: 1 },
      { action: 'changed', issue: 'title-too-long', record: 2 },
    ],
    imported: ['Long text', expect.stringMatching(/^A headline that goes on and on/) as unknown as string],
    reasons: [/first 199,\d{3} characters of 228,799 \(limit 200,000\)/, /title cut from 468 to 300 characters/],
  },
  {
    file: 'bad-dates.csv',
    reports: [
      { action: 'assumed', issue: 'ambiguous-date', line: 4, record: 3 },
      { action: 'skipped', issue: 'bad-date', line: 5, record: 4 },
    ],
    imported: ['Good ISO', 'Day first', 'Ambiguous', 'Month name'],
    reasons: [/'03\/04\/2021' read day first \(as other dates in this file\) as 3 April 2021, not 4 March 2021/, /unparseable date 'next Tuesday'/],
  },
  {
    file: 'unsafe-paths.zip',
    reports: [
      { action: 'skipped', issue: 'unsafe-path', file: '../escape.json' },
      { action: 'skipped', issue: 'unsafe-path', file: '/etc/absolute.json' },
      { action: 'skipped', issue: 'duplicate-id', file: 'reports/b.jsonl', line: 2, record: 2 },
    ],
    imported: ['Inside', 'Also inside'],
    reasons: [/climbs out of the archive/, /is absolute/, /'z1' \(first in reports\/a\.jsonl line 1\)/],
  },
];

describe('broken import files: the named issue at the right place, the rest imported', () => {
  it.each(CASES)('$file', ({ file, reports, imported, reasons }) => {
    const parsed = parse(file);
    expect(parsed.reports.map(where)).toEqual(reports);
    expect(parsed.articles.map((a) => a.title)).toEqual(imported);
    if (reasons) parsed.reports.forEach((r, i) => expect(r.reason).toMatch(reasons[i]!));
    // `rejected` is exactly the skipped reports, for the options page.
    expect(parsed.rejected).toEqual(parsed.reports.filter((r) => r.action === 'skipped'));
  });

  it('keeps the text around stray or unclosed markup', () => {
    const [, svg, bold, script] = parse('markup-in-text.json').articles;
    expect(svg!.text).toBe('The exercise began at dawn. Ships left the harbour in two columns and the rest of this text must survive.');
    expect(bold!.text).toBe('Paratroopers landed near the airfield.\n\nVehicles followed by road.');
    expect(script!.text).toBe('Before the tag. steal() and everything after it is still article text.');
    for (const a of parse('markup-in-text.json').articles) expect(`${a.title} ${a.text}`).not.toMatch(/<|>/);
  });

  it('cuts over-size fields at the documented limits, at a word', () => {
    const [long, titled] = parse('oversize.json.gz').articles;
    expect(long!.text.length).toBeLessThanOrEqual(IMPORT_LIMITS.maxTextChars);
    expect(long!.text.length).toBeGreaterThan(IMPORT_LIMITS.maxTextChars * 0.9);
    expect(long!.text.endsWith('depot.')).toBe(true);
    expect(titled!.title.length).toBeLessThanOrEqual(IMPORT_LIMITS.maxTitleChars);
    expect(titled!.title.endsWith('on…')).toBe(true);
  });

  it('reads day-first and month-name dates, and says which order an ambiguous date was read in', () => {
    const csv = parse('bad-dates.csv');
    expect(csv.articles.map((a) => a.published)).toEqual(['2021-09-01', '2021-08-31', '2021-04-03', '2021-09-03']);
    expect(csv.dates).toEqual({ order: 'day-first', basis: 'file', ambiguous: 1 });
    const us = parse('ambiguous-dates-us.jsonl');
    expect(us.articles.map((a) => a.published)).toEqual(['2022-04-05', '2022-05-06']);
    expect(us.dates).toEqual({ order: 'month-first', basis: 'language', ambiguous: 2 });
    expect(us.reports.map((r) => r.reason)).toEqual([
      "date '04/05/2022' read month first (as the records are in US English) as 5 April 2022, not 4 May 2022",
      "date '05/06/2022' read month first (as the records are in US English) as 6 May 2022, not 5 June 2022",
    ]);
  });
});
