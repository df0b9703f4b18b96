import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../lib/import';
import { savedFromUrl } from '../../lib/import/document';
import { fixtureBytes, utf8 } from '../fixtures/import/load';

describe('saved HTML pages', () => {
  it('reads one article, with the address the browser recorded when saving', () => {
    const parsed = parseImportFile('Long read.html', fixtureBytes('saved-page.html'));
    expect(parsed.format).toBe('html');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.articles).toHaveLength(1);
    const [article] = parsed.articles;
    expect(article?.url).toBe('https://northwind-gazette.example/2019/12/long-read');
    expect(article?.record).toBe(1);
    expect(article?.text).toContain('The northern drill brought together forces from twelve nations');
    expect(article?.text).not.toContain('Home');
  });

  it('finds the address in Chrome and SingleFile save comments', () => {
    expect(savedFromUrl('<!-- saved from url=(0025)https://a.example/path -->\n<html>')).toBe('https://a.example/path');
    expect(savedFromUrl('<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://b.example/x \n saved date: Tue Dec 03 2019\n--><head>')).toBe(
      'https://b.example/x',
    );
    expect(savedFromUrl('<html><body>no comment</body></html>')).toBeNull();
  });

  it('rejects a page without article text', () => {
    expect(parseImportFile('empty.htm', utf8('<html><body><script>x()</script></body></html>')).rejected).toEqual([
      { action: 'skipped', issue: 'no-text', record: 1, reason: 'no text' },
    ]);
  });
});

describe('text files', () => {
  it('reads a .txt file with CRLF line ends as one article', () => {
    const parsed = parseImportFile('notes.txt', fixtureBytes('notes.txt'));
    expect(parsed.format).toBe('text');
    expect(parsed.articles).toEqual([
      {
        title: 'Exercise notes',
        text: 'Exercise notes\n\nThe drill began on 3 December 2019 with 500 troops.\nIt ended five days later.',
        url: null,
        published: null,
        record: 1,
      },
    ]);
  });

  it('reads a Markdown file', () => {
    const [article] = parseImportFile('brief.md', utf8('# Cyber drill\n\nTeams defended **networks**.\n')).articles;
    expect(article?.title).toBe('Cyber drill');
    expect(article?.text).toContain('Teams defended');
  });

  it('rejects a text file with no words', () => {
    expect(parseImportFile('blank.txt', utf8(' \n\t\n')).rejected).toEqual([{ action: 'skipped', issue: 'no-text', record: 1, reason: 'no text' }]);
  });
});
