import { describe, expect, it } from 'vitest';
import { rawArticleOf } from '../../lib/import/fields';
import { isValidArticle, validateRecord } from '../../lib/import/validate';

describe('validateRecord', () => {
  it('cleans strings: control characters out, whitespace tidied, line ends unified', () => {
    const outcome = validateRecord(
      { title: '  Drill\u0000 \t ends\n', text: 'First\u0007 line\r\n\r\n\r\n\r\nSecond\u200b line  ', outlet: ' Northwind\u0085 Gazette ' },
      { record: 7, line: 9 },
    );
    expect(outcome).toEqual({
      article: { title: 'Drill ends', text: 'First line\n\nSecond\u200b line', outlet: 'Northwind Gazette', url: null, published: null, record: 7, line: 9 },
      reports: [],
    });
  });

  it('defaults the title to the first line of text, cut to 120 characters at a word', () => {
    const long = `${'word '.repeat(40)}end`;
    const outcome = validateRecord({ text: `${long}\nSecond line.` }, { record: 1 });
    if (!('article' in outcome)) throw new Error('expected an article');
    expect(outcome.article.title.length).toBeLessThanOrEqual(120);
    expect(outcome.article.title).toMatch(/^word( word)+…$/);
    expect(validateRecord({ text: 'Short text.' }, { record: 1 })).toMatchObject({ article: { title: 'Short text.' } });
  });

  it('keeps only http(s) urls, and well-formed language tags', () => {
    const url = (u: string) => {
      const outcome = validateRecord({ text: 'x', url: u }, { record: 1 });
      return 'article' in outcome ? outcome.article.url : 'rejected';
    };
    expect(url('https://a.example/p?q=1')).toBe('https://a.example/p?q=1');
    expect(url(' HTTP://A.example ')).toBe('http://a.example/');
    expect(url('javascript:alert(1)')).toBeNull();
    expect(url('file:///etc/passwd')).toBeNull();
    expect(url('/relative/path')).toBeNull();
    expect(validateRecord({ text: 'x', language: 'English' }, { record: 1 })).toEqual({
      article: { title: 'x', text: 'x', url: null, published: null, record: 1 },
      reports: [],
    });
  });

  it('rejects records without a word of text, and with a present but unreadable date', () => {
    expect(validateRecord({ title: 'T', text: ' \n ... — ' }, { record: 3 })).toEqual({ rejection: { action: 'skipped', issue: 'no-text', record: 3, reason: 'no text' } });
    expect(validateRecord({ text: 'ok', published: 'next Tuesday' }, { record: 2, line: 5 })).toEqual({
      rejection: { action: 'skipped', issue: 'bad-date', record: 2, line: 5, reason: "unparseable date 'next Tuesday'" },
    });
  });
});

describe('rawArticleOf', () => {
  it('maps keys case- and punctuation-insensitively and prefers the longest text', () => {
    expect(
      rawArticleOf({
        HEADLINE: 'H',
        description: 'Teaser.',
        'content:encoded': '<p>The full article text.</p>',
        Published_At: '2019-12-03',
        siteName: 'Harbour Ledger',
        GUID: 12,
        href: { href: 'https://x.example/' },
      }),
    ).toEqual({ title: 'H', text: 'The full article text.', published: '2019-12-03', outlet: 'Harbour Ledger', id: '12', url: 'https://x.example/' });
  });

  it('ignores values of shapes it cannot read', () => {
    expect(rawArticleOf({ title: ['a'], text: { nested: true }, url: 42n as unknown, date: null })).toEqual({});
  });
});

describe('isValidArticle', () => {
  const good = { title: 'T', text: 'Text.', url: null, published: null, record: 1 };
  it.each([
    ['a good article', good, true],
    ['an empty text', { ...good, text: '' }, false],
    ['a non-string outlet', { ...good, outlet: 5 }, false],
    ['a javascript url', { ...good, url: 'javascript:x' }, false],
    ['a loose date', { ...good, published: 'Dec 3 2019' }, false],
    ['a control character', { ...good, title: 'a\u0001b' }, false],
    ['a zero record', { ...good, record: 0 }, false],
  ])('%s -> %s', (_label, article, valid) => {
    expect(isValidArticle(article)).toBe(valid);
  });
});

describe('HTML in text fields', () => {
  it('strips markup and decodes entities, but leaves plain text with angle brackets alone', () => {
    expect(rawArticleOf({ text: '<div><p>One &amp; two</p><ul><li>three</li><li>four</li></ul></div>' }).text).toBe('One & two\n\nthree\n\nfour');
    expect(rawArticleOf({ text: 'If x<y and z>w then 3 < 4.' }).text).toBe('If x<y and z>w then 3 < 4.');
  });
});
