/**
 * The options page's report table as a view model (components/options/report.ts): each record a
 * file did not give as written becomes a row with its outcome, where it sits (zip entry, line or
 * record) and why, in words; problems come first; long reports show their first rows until
 * "Show all". The broken-file table (test/fixtures/import/broken/) is run through the real
 * parser and report, so the rows are the ones the page shows for those files.
 */
import { describe, expect, it } from 'vitest';
import { fileReport, type FileReport, type ReportLine } from '../../lib/background/import';
import { parseImportFile } from '../../lib/import';
import type { IngestReport } from '../../lib/kb/ingest';
import { FIRST_ROWS, reportRows, reportTableView, whereText, type ReportRow } from '../../components/options/report';
import { BROKEN_ROWS } from '../fixtures/import/broken-rows';
import { fixtureBytes } from '../fixtures/import/load';

function report(lines: Partial<Pick<FileReport, 'rejected' | 'changed' | 'duplicates'>>): FileReport {
  return { fileName: 'f.jsonl', setName: 'f', format: 'jsonl', imported: 1, duplicates: [], rejected: [], changed: [], cancelled: false, quotaExceeded: false, ...lines };
}

const skipped = (line: number, reason: string): ReportLine => ({ action: 'skipped', record: line, line, reason });
const shown = (rows: ReportRow[]) => rows.map((r) => [r.outcomeLabel, r.where, r.reason]);

describe('where a record sits', () => {
  it('names the zip entry, then the line an editor shows, else the record, else the whole file', () => {
    expect(whereText({ file: 'reports/b.jsonl', record: 2, line: 2 })).toBe('reports/b.jsonl, line 2');
    expect(whereText({ record: 2, line: 3 })).toBe('line 3');
    expect(whereText({ record: 4 })).toBe('record 4');
    expect(whereText({ file: '../escape.json' })).toBe('../escape.json');
    expect(whereText({})).toBe('whole file');
  });
});

describe('report rows', () => {
  it('lists rejected, changed, guessed and duplicate records, problems first, each group in file order', () => {
    const rows = reportRows(
      report({
        duplicates: [{ action: 'skipped', record: 1, line: 1, title: 'Bridge laid', reason: 'same text already stored' }],
        changed: [
          { action: 'assumed', record: 2, line: 2, reason: "date '03/04/2021' read day first" },
          { action: 'changed', record: 5, line: 5, reason: 'markup removed from the text, its text kept' },
        ],
        rejected: [skipped(3, 'invalid JSON at line 3'), { action: 'skipped', record: 6, title: 'Air cover', reason: 'storage is full' }],
      }),
    );
    expect(shown(rows)).toEqual([
      ['Rejected', 'line 3', 'Invalid JSON at line 3'],
      ['Rejected', 'record 6', 'Storage is full'],
      ['Imported, changed', 'line 5', 'Markup removed from the text, its text kept'],
      ['Imported, guessed', 'line 2', "Date '03/04/2021' read day first"],
      ['Skipped as duplicate', 'line 1', 'Same text already stored'],
    ]);
    expect(rows.map((r) => r.outcome)).toEqual(['skipped', 'skipped', 'changed', 'assumed', 'duplicate']);
    expect(rows.map((r) => r.title)).toEqual([undefined, 'Air cover', undefined, undefined, 'Bridge laid']);
  });

  it('gives a file with nothing to report no rows', () => {
    expect(reportRows(report({}))).toEqual([]);
    expect(reportTableView(report({}), false)).toMatchObject({ rows: [], total: 0, toggle: null });
  });
});

describe('a long report', () => {
  const many = report({ rejected: Array.from({ length: 45 }, (_, i) => skipped(i + 1, 'no text')), changed: [{ action: 'changed', record: 50, reason: 'title cut from 468 to 300 characters' }] });

  it(`shows the first ${FIRST_ROWS} rows and offers the rest`, () => {
    const view = reportTableView(many, false);
    expect(view.rows).toHaveLength(FIRST_ROWS);
    expect(view.rows[0]!.where).toBe('line 1');
    expect(view.total).toBe(46);
    expect(view.caption).toBe(`Records of f.jsonl not taken as written: 45 rejected, 1 changed; the first ${FIRST_ROWS} of 46 are shown`);
    expect(view.toggle).toBe('Show all 46 records');
  });

  it('shows every row after "Show all", and offers to shorten the table again', () => {
    const view = reportTableView(many, true);
    expect(view.rows).toHaveLength(46);
    expect(view.rows.at(-1)!.outcome).toBe('changed');
    expect(view.caption).toBe('Records of f.jsonl not taken as written: 45 rejected, 1 changed');
    expect(view.toggle).toBe(`Show the first ${FIRST_ROWS} only`);
  });

  it('offers no button when every row fits', () => {
    const view = reportTableView(report({ rejected: Array.from({ length: FIRST_ROWS }, (_, i) => skipped(i + 1, 'no text')) }), false);
    expect(view.rows).toHaveLength(FIRST_ROWS);
    expect(view.toggle).toBeNull();
    expect(view.caption).toBe(`Records of f.jsonl not taken as written: ${FIRST_ROWS} rejected`);
  });
});

/** What the options page shows for one broken file: every record stored, so only the parser's reports make rows. */
function rowsOf(name: string): ReportRow[] {
  const parsed = parseImportFile(name, fixtureBytes(`broken/${name}`));
  const ingest: IngestReport = { imported: parsed.articles.map((_, i) => `imp:${i}`), duplicates: [], failed: [], cancelled: false, quotaExceeded: false };
  return reportRows(fileReport(name, name, parsed.format, parsed.articles, parsed.rejected, ingest, { notes: parsed }));
}

describe('the broken-file table, as the options page shows it', () => {
  it.each(BROKEN_ROWS)('%s', (file, expected) => {
    const rows = rowsOf(file);
    expect(rows.map((r) => [r.outcomeLabel, r.where])).toEqual(expected.map(([outcome, where]) => [outcome, where]));
    rows.forEach((r, i) => expect(r.reason).toMatch(expected[i]![2]));
  });

  it('says why in words, never with the parsers\' issue names', () => {
    for (const [file] of BROKEN_ROWS) {
      const parsed = parseImportFile(file, fixtureBytes(`broken/${file}`));
      const codes = new Set(parsed.reports.map((r) => r.issue));
      for (const row of rowsOf(file)) for (const code of codes) expect(`${row.outcomeLabel} ${row.where} ${row.reason}`).not.toContain(code);
    }
  });
});
