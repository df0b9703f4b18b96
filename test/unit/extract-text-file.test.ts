import { describe, expect, it } from 'vitest';
import { extractArticleFromTextFile } from '../../lib/extract/text-file.ts';

describe('extractArticleFromTextFile', () => {
  it('reads a header, case-insensitively, and keeps it out of the text', () => {
    const file = '\uFEFFtitle: Drill opens\r\nOUTLET: Fjord Courier\r\nPublished: 2021-03-04\r\nURL: https://fjord.example/a\r\nLanguage: en\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n';
    expect(extractArticleFromTextFile(file, 'a.txt')).toEqual({
      title: 'Drill opens',
      outlet: 'Fjord Courier',
      published: '2021-03-04',
      url: 'https://fjord.example/a',
      language: 'en',
      text: 'First paragraph.\n\nSecond paragraph.',
    });
  });

  it('takes the title from the first line when the header has none, and drops bad URLs', () => {
    const article = extractArticleFromTextFile('Outlet: Hill Tribune\nURL: ftp://x\n\nNavies meet\nText here.', 'b.txt');
    expect(article).toEqual({ title: 'Navies meet', outlet: 'Hill Tribune', published: null, url: null, text: 'Navies meet\nText here.' });
  });

  it('without a header uses the first non-empty line as title and keeps the whole content', () => {
    const md = '\n\n# Cold Current drill #\n\nShips sailed on Monday.\n';
    expect(extractArticleFromTextFile(md, 'c.md')).toEqual({
      title: 'Cold Current drill',
      published: null,
      url: null,
      text: '# Cold Current drill #\n\nShips sailed on Monday.',
    });
  });

  it('treats a first paragraph that only starts like a header as text', () => {
    const article = extractArticleFromTextFile('Title: a film review\nThe film opens with a drill.\n\nMore.', 'd.txt');
    expect(article.title).toBe('Title: a film review');
    expect(article.text).toBe('Title: a film review\nThe film opens with a drill.\n\nMore.');
  });

  it('names an empty file after the file', () => {
    expect(extractArticleFromTextFile('', 'notes.txt')).toEqual({ title: 'notes', published: null, url: null, text: '' });
  });
});
