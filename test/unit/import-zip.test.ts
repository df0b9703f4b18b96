import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../lib/import';
import { isValidArticle } from '../../lib/import/validate';
import { fixtureBytes, utf8 } from '../fixtures/import/load';

function archive(): Uint8Array {
  const deeper = zipSync({ 'deep.json': utf8('[{"text":"Too deep to read."}]') });
  const nested = zipSync({ 'inner/articles.jsonl': fixtureBytes('articles.jsonl'), 'deeper.zip': deeper });
  return zipSync({
    'set/articles.json': fixtureBytes('articles.json'),
    'set/feed.rss': fixtureBytes('feed.rss'),
    'set/photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    'set/extra.csv.gz': gzipSync(fixtureBytes('articles-semicolon.csv')),
    'set/empty/': new Uint8Array(),
    '__MACOSX/set/._articles.json': utf8('resource fork'),
    'set/.DS_Store': new Uint8Array([0, 0, 0, 1]),
    'nested.zip': nested,
  });
}

describe('zip import', () => {
  const parsed = parseImportFile('my-set.zip', archive());

  it('reads each inner file by its own rules and skips directories, __MACOSX and dotfiles', () => {
    expect(parsed.format).toBe('zip');
    expect(parsed.files?.map((f) => [f.name, f.format, f.articles.length])).toEqual([
      ['set/articles.json', 'json', 3],
      ['set/feed.rss', 'rss', 3],
      ['set/photo.png', 'unknown', 0],
      ['set/extra.csv.gz', 'csv', 2],
      ['nested.zip', 'zip', 3],
    ]);
  });

  it('flattens articles and rejections, naming the inner file of each', () => {
    expect(parsed.articles).toHaveLength(11);
    expect(parsed.articles.every(isValidArticle)).toBe(true);
    expect(parsed.articles.find((a) => a.title === 'Third')).toMatchObject({ file: 'nested.zip/inner/articles.jsonl', line: 4 });
    expect(parsed.rejected).toContainEqual({ action: 'skipped', issue: 'unsupported-format', file: 'set/photo.png', reason: 'unsupported format (.png)' });
    expect(parsed.rejected).toContainEqual({ action: 'skipped', issue: 'no-text', file: 'set/feed.rss', record: 3, reason: 'no text' });
    expect(parsed.rejected).toContainEqual({ action: 'skipped', issue: 'invalid-json', file: 'nested.zip/inner/articles.jsonl', record: 2, line: 3, reason: 'invalid JSON at line 3' });
  });

  it('follows one level of nesting and no more', () => {
    expect(parsed.rejected).toContainEqual({
      action: 'skipped',
      issue: 'archive-too-deep',
      file: 'nested.zip/deeper.zip',
      reason: 'zip nested too deep (one zip inside another is the limit)',
    });
    expect(parsed.articles.some((a) => a.text === 'Too deep to read.')).toBe(false);
  });

  it('gives one rejection for a corrupt or truncated zip', () => {
    const bytes = archive();
    for (const broken of [bytes.slice(0, bytes.length / 2), utf8('PK\u0003\u0004 not really a zip'), utf8('plain text')]) {
      const result = parseImportFile('broken.zip', broken);
      expect(result.articles).toEqual([]);
      expect(result.rejected).toHaveLength(1);
      expect(result.rejected[0]?.reason).toMatch(/^corrupt zip: /);
    }
  });

  it('reports an empty archive', () => {
    expect(parseImportFile('e.zip', zipSync({ 'dir/': new Uint8Array() })).rejected).toEqual([{ action: 'skipped', issue: 'no-records', reason: 'zip holds no files to import' }]);
  });
});

describe('format detection', () => {
  it('rejects unsupported formats with one reason, never a throw', () => {
    expect(parseImportFile('report.xyz', utf8('hello'))).toMatchObject({
      format: 'unknown',
      articles: [],
      rejected: [{ action: 'skipped', issue: 'unsupported-format', reason: 'unsupported format (.xyz)' }],
    });
    expect(parseImportFile('README', utf8('hello')).rejected).toEqual([{ action: 'skipped', issue: 'unsupported-format', reason: 'unsupported format (no extension)' }]);
    // A .docx is a zip, but a document, not a set of articles.
    expect(parseImportFile('memo.docx', zipSync({ 'word/document.xml': utf8('<w/>') })).rejected).toEqual([
      { action: 'skipped', issue: 'unsupported-format', reason: 'unsupported format (.docx)' },
    ]);
  });

  it('reports an empty file', () => {
    expect(parseImportFile('a.csv', new Uint8Array())).toMatchObject({ format: 'csv', articles: [], rejected: [{ action: 'skipped', issue: 'empty-file', reason: 'empty file' }] });
  });

  it('reads a zip by its magic bytes and JSON by its content, whatever the name says', () => {
    expect(parseImportFile('download.bin', zipSync({ 'a.json': utf8('{"text":"Zipped."}') })).articles.map((a) => a.text)).toEqual([
      'Zipped.',
    ]);
    expect(parseImportFile('export.dat', utf8('  [{"text":"Sniffed JSON."}]')).format).toBe('json');
  });

  it('reads a gzipped file as the file inside', () => {
    const parsed = parseImportFile('articles.jsonl.gz', gzipSync(fixtureBytes('articles.jsonl')));
    expect(parsed.format).toBe('jsonl');
    expect(parsed.articles).toHaveLength(3);
  });
});
