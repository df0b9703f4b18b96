import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../lib/import';
import { isValidArticle } from '../../lib/import/validate';
import { fixtureBytes, utf8 } from '../fixtures/import/load';

describe('JSON import', () => {
  it('reads an export object with an articles array, mapping keys case-insensitively', () => {
    const parsed = parseImportFile('articles.json', fixtureBytes('articles.json'));
    expect(parsed.format).toBe('json');
    expect(parsed.articles).toEqual([
      {
        title: 'Northwind navy joins Baltic drill',
        // articleBody is longer than the description, so it wins; its HTML is reduced to paragraphs.
        text: 'The Northwind navy sent two frigates to the drill.\n\nOfficials said 12 nations took part & more may join.',
        url: 'https://northwind-gazette.example/2019/drill',
        outlet: 'Northwind Gazette',
        published: '2019-12-02T20:02:00.000Z',
        language: 'en',
        record: 1,
      },
      {
        title: 'Cyber exercise ends',
        text: 'The cyber exercise ended on Friday after five days.',
        url: null, // javascript: is dropped, not rejected
        outlet: 'Harbour Ledger',
        published: '2019-12-03',
        language: 'en-GB',
        record: 2,
      },
      {
        title: 'Locked exercise – day two',
        text: 'Teams from 30 countries defended simulated networks.',
        url: null,
        published: '2019-12-03T05:02:00.000Z',
        id: '4711',
        record: 3,
      },
    ]);
    expect(parsed.rejected).toEqual([
      { action: 'skipped', issue: 'no-text', record: 4, reason: 'no text' },
      { action: 'skipped', issue: 'bad-date', record: 5, reason: "unparseable date 'sometime last week'" },
      { action: 'skipped', issue: 'not-an-object', record: 6, reason: 'not a JSON object' },
    ]);
    expect(parsed.articles.every(isValidArticle)).toBe(true);
  });

  it('reads a NewsAPI response: nested source name, truncation marker removed, longest text kept', () => {
    const [article] = parseImportFile('newsapi.json', fixtureBytes('newsapi.json')).articles;
    expect(article?.outlet).toBe('Eastmarch Wire');
    expect(article?.text).toBe(
      'Drills continued on Tuesday near the border, with 3,000 troops and 40 aircraft taking part, officials said…',
    );
    expect(article?.published).toBe('2019-12-03T10:00:00.000Z');
  });

  it('reads a top-level array and a single article object', () => {
    const array = parseImportFile('a.json', utf8('[{"title":"A","text":"Alpha text."},{"title":"B","body":"Beta text."}]'));
    expect(array.articles.map((a) => a.text)).toEqual(['Alpha text.', 'Beta text.']);
    const single = parseImportFile('a.json', utf8('{"headline":"Only","content":"Single article text.","pubDate":"3 December 2019"}'));
    expect(single.articles).toEqual([
      { title: 'Only', text: 'Single article text.', url: null, published: '2019-12-03', record: 1 },
    ]);
  });

  it('follows items and nested data containers, giving a JSON Feed title as the outlet', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Harbour Ledger',
      items: [{ id: '1', url: 'https://harbour-ledger.example/1', content_html: '<p>Exercise <b>news</b>.</p>', date_published: '2019-12-03T00:00:00Z' }],
    };
    const parsed = parseImportFile('feed.json', utf8(JSON.stringify(feed)));
    expect(parsed.articles[0]).toMatchObject({ outlet: 'Harbour Ledger', text: 'Exercise news.', id: '1', url: 'https://harbour-ledger.example/1' });
    const nested = parseImportFile('x.json', utf8('{"data":{"articles":[{"text":"Nested article."}]}}'));
    expect(nested.articles.map((a) => a.text)).toEqual(['Nested article.']);
  });

  it('reports invalid JSON with the line of the error and imports nothing', () => {
    const parsed = parseImportFile('bad.json', utf8('[\n  {"title": "A",\n   "text": oops}\n]'));
    expect(parsed.articles).toEqual([]);
    expect(parsed.rejected).toEqual([{ action: 'skipped', issue: 'invalid-json', line: 3, reason: 'invalid JSON at line 3' }]);
    const truncated = parseImportFile('cut.json', utf8('[\n{"text": "a"},\n{"text": "b\\u00'));
    expect(truncated.rejected).toEqual([{ action: 'skipped', issue: 'invalid-json', line: 3, reason: 'invalid JSON at line 3' }]);
    const trailingComma = parseImportFile('comma.json', utf8('[\n  {"text": "a"},\n]'));
    expect(trailingComma.rejected).toEqual([{ action: 'skipped', issue: 'invalid-json', line: 3, reason: 'invalid JSON at line 3' }]);
  });

  it('decodes UTF-8 with BOM and UTF-16 with either BOM', () => {
    const json = '[{"title":"Übung","text":"Die Übung beginnt."}]';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(json)]);
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(json).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...Array.from(json).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    for (const bytes of [withBom, le, be]) {
      expect(parseImportFile('u.json', bytes).articles.map((a) => a.title)).toEqual(['Übung']);
    }
  });
});

describe('JSON Lines import', () => {
  it('imports the good lines and reports the bad ones by line', () => {
    const parsed = parseImportFile('articles.jsonl', fixtureBytes('articles.jsonl'));
    expect(parsed.format).toBe('jsonl');
    expect(parsed.articles.map((a) => [a.title, a.record, a.line, a.published])).toEqual([
      ['First', 1, 1, '2019-12-02'],
      ['Third', 3, 4, '2019-12-02T20:02:00.000Z'],
      ['Fifth', 5, 7, '2019-12-03'],
    ]);
    expect(parsed.rejected).toEqual([
      { action: 'skipped', issue: 'invalid-json', record: 2, line: 3, reason: 'invalid JSON at line 3' },
      { action: 'skipped', issue: 'not-an-object', record: 4, line: 6, reason: 'not a JSON object at line 6' },
    ]);
  });

  it('recognizes JSON Lines saved as .json, and a pretty-printed document saved as .ndjson', () => {
    const lines = '{"text":"One."}\r\n{"text":"Two."}\r\n';
    expect(parseImportFile('export.json', utf8(lines))).toMatchObject({ format: 'jsonl', rejected: [] });
    const pretty = '[\n  {"text": "One."},\n  {"text": "Two."}\n]\n';
    const parsed = parseImportFile('export.ndjson', utf8(pretty));
    expect(parsed.format).toBe('json');
    expect(parsed.articles.map((a) => a.text)).toEqual(['One.', 'Two.']);
  });
});
