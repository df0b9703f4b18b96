import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../lib/import';
import { fixtureBytes, utf8 } from '../fixtures/import/load';

describe('CSV import', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, with BOM and CRLF', () => {
    const parsed = parseImportFile('articles.csv', fixtureBytes('articles.csv'));
    expect(parsed.format).toBe('csv');
    expect(parsed.articles[0]).toEqual({
      title: 'Northwind drill',
      text: 'The drill, held in the north, involved "Red" and "Blue" teams.\nIt lasted five days.',
      url: 'https://northwind-gazette.example/drill',
      outlet: 'Northwind Gazette',
      published: '2019-12-03',
      record: 1,
      line: 2,
    });
    // The first record spans lines 2-3, so the next one starts on line 4; a blank line 5 is skipped.
    expect(parsed.articles.slice(1).map((a) => [a.title, a.record, a.line, a.url, a.published])).toEqual([
      ['No quotes here', 2, 4, null, '2019-12-03'],
      ['Short row', 3, 6, null, null],
    ]);
    expect(parsed.rejected).toEqual([
      { action: 'skipped', issue: 'csv-fields', record: 4, line: 7, reason: 'row 4: expected 5 fields, found 1' },
      { action: 'skipped', issue: 'bad-date', record: 5, line: 8, reason: "unparseable date '31/31/2019'" },
    ]);
  });

  it('sniffs a semicolon delimiter and reads dotted dates day first', () => {
    const parsed = parseImportFile('articles-semicolon.csv', fixtureBytes('articles-semicolon.csv'));
    expect(parsed.articles.map((a) => [a.title, a.text, a.outlet, a.published])).toEqual([
      ['Übung beginnt', 'Die Übung beginnt; 20 Staaten nehmen teil.', 'Eastmarch Wire', '2019-12-03'],
      ['Zweite Meldung', 'Die Übung endet.', 'Eastmarch Wire', null],
    ]);
  });

  it('reads tab-separated files and honours an Excel sep= line', () => {
    const tsv = parseImportFile('a.tsv', utf8('headline\tbody\tdate\nTabbed, title\tBody, with commas.\t2019/12/03\n'));
    expect(tsv.articles.map((a) => [a.title, a.text, a.published])).toEqual([['Tabbed, title', 'Body, with commas.', '2019-12-03']]);
    const hinted = parseImportFile('a.csv', utf8('sep=|\ntitle|text\nA|Pipe, separated; text.\n'));
    expect(hinted.articles.map((a) => [a.title, a.text, a.line])).toEqual([['A', 'Pipe, separated; text.', 3]]);
  });

  it('uses the title column or the first line of text, and strips HTML in text cells', () => {
    const parsed = parseImportFile('a.csv', utf8('Content,Link\n"<p>First paragraph.</p><p>Second.</p>",http://x.example/a\n'));
    expect(parsed.articles).toEqual([
      { title: 'First paragraph.', text: 'First paragraph.\n\nSecond.', url: 'http://x.example/a', published: null, record: 1, line: 2 },
    ]);
  });

  it('rejects a file whose header names no text column, and an unclosed quote', () => {
    expect(parseImportFile('a.csv', utf8('name,age\nBob,4\n')).rejected).toEqual([
      { action: 'skipped', issue: 'csv-header', line: 1, reason: 'CSV header has no text column (text, body, content, articleBody or description)' },
    ]);
    const open = parseImportFile('a.csv', utf8('title,text\nA,Fine text.\nB,"never closed\nmore\n'));
    expect(open.articles.map((a) => a.title)).toEqual(['A']);
    // The broken row is reported where its quote opens; the line after it is read again on its own.
    expect(open.rejected).toEqual([
      { action: 'skipped', issue: 'csv-quote', record: 2, line: 3, reason: 'row 2: quoted field opened on line 3 never closed' },
      { action: 'skipped', issue: 'csv-fields', record: 3, line: 4, reason: 'row 3: expected 2 fields, found 1' },
    ]);
  });

  it('treats columns named like object properties as plain columns', () => {
    const parsed = parseImportFile('a.csv', utf8('constructor,__proto__,toString,text\nx,y,z,Ordinary text.\n'));
    expect(parsed.articles.map((a) => a.text)).toEqual(['Ordinary text.']);
  });

  it('decodes a Windows-1252 export from a spreadsheet', () => {
    // "Übung" in Windows-1252 is 0xDC followed by ASCII; not valid UTF-8.
    const bytes = new Uint8Array([...utf8('title,text\n'), 0xdc, ...utf8('bung,Die '), 0xdc, ...utf8('bung endet.\n')]);
    expect(parseImportFile('a.csv', bytes).articles.map((a) => a.text)).toEqual(['Die Übung endet.']);
  });
});
