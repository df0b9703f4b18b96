import fc from 'fast-check';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParsedFile } from '../../lib/import';
import { isValidArticle } from '../../lib/import/validate';
import { fixtureBytes, utf8 } from '../fixtures/import/load';

const EXTENSIONS = ['json', 'jsonl', 'ndjson', 'csv', 'tsv', 'rss', 'atom', 'xml', 'html', 'htm', 'txt', 'md', 'zip', 'gz', 'xyz', ''];
const RUNS = { numRuns: 200 };

const FIXTURES = [
  'articles.json', 'newsapi.json', 'articles.jsonl', 'articles.csv', 'articles-semicolon.csv',
  'feed.rss', 'feed.atom', 'feed-rdf.xml', 'saved-page.html', 'notes.txt',
].map((name) => ({ name, bytes: fixtureBytes(name) }));
FIXTURES.push({ name: 'set.zip', bytes: zipSync(Object.fromEntries(FIXTURES.slice(0, 4).map((f) => [f.name, f.bytes]))) });

/** Parse and hold the result to the import contract: no throw, only valid articles, zip parts consistent. */
function checkContract(name: string, bytes: Uint8Array): ParsedFile {
  const parsed = parseImportFile(name, bytes);
  for (const article of parsed.articles) {
    if (!isValidArticle(article)) throw new Error(`invalid article from ${name}: ${JSON.stringify(article)}`);
  }
  for (const rejection of parsed.rejected) expect(typeof rejection.reason).toBe('string');
  if (parsed.files) {
    expect(parsed.articles.length).toBe(parsed.files.reduce((n, f) => n + f.articles.length, 0));
  }
  return parsed;
}

const fileName = (extension: string) => (extension ? `file.${extension}` : 'file');

type Mutation = { kind: 'truncate'; at: number } | { kind: 'insert'; at: number; text: string } | { kind: 'flip'; at: number; mask: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 8 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
);

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'truncate') out = out.slice(0, at);
    else if (m.kind === 'insert') out = new Uint8Array([...out.slice(0, at), ...utf8(m.text), ...out.slice(at)]);
    else if (out.length > 0) {
      out = out.slice();
      out[at] = out[at]! ^ m.mask;
    }
  }
  return out;
}

describe.each(EXTENSIONS)('parseImportFile under .%s', (extension) => {
  it('never throws on random text and returns only valid articles', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void checkContract(fileName(extension), utf8(text))), RUNS);
  });

  it('never throws on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void checkContract(fileName(extension), bytes)), RUNS);
  });

  it('never throws on mutated fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (fixture, mutations) => {
        checkContract(fileName(extension), mutate(fixture.bytes, mutations));
      }),
      RUNS,
    );
  });
});

describe('mutated fixtures under their own names', () => {
  it('keep the contract, also inside zips and gzip', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (fixture, mutations) => {
        const bytes = mutate(fixture.bytes, mutations);
        checkContract(fixture.name, bytes);
        checkContract('set.zip', zipSync({ [fixture.name]: bytes }));
        checkContract(`${fixture.name}.gz`, gzipSync(bytes));
      }),
      RUNS,
    );
  });
});

const articleRecord = fc.record(
  {
    title: fc.string({ unit: 'grapheme', maxLength: 40 }),
    text: fc.string({ unit: 'grapheme', maxLength: 200 }),
    url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 })),
    outlet: fc.string({ maxLength: 20 }),
    published: fc.oneof(
      fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toUTCString()),
      fc.string({ maxLength: 12 }),
    ),
  },
  { requiredKeys: [] },
);

function csvOf(records: Record<string, string>[]): string {
  const columns = ['title', 'text', 'url', 'outlet', 'published'];
  const quote = (value: string | undefined) => `"${(value ?? '').replace(/"/g, '""')}"`;
  return [columns.join(','), ...records.map((r) => columns.map((c) => quote(r[c])).join(','))].join('\r\n');
}

describe('every record is accounted for', () => {
  it('JSON, JSON Lines and CSV: each record is imported or rejected, once, in order', () => {
    fc.assert(
      fc.property(fc.array(articleRecord, { minLength: 1, maxLength: 15 }), (records) => {
        const files: [string, string][] = [
          ['a.json', JSON.stringify(records)],
          ['a.jsonl', records.map((r) => JSON.stringify(r)).join('\n')],
          ['a.csv', csvOf(records)],
        ];
        for (const [name, content] of files) {
          const parsed = checkContract(name, utf8(content));
          const seen = [...parsed.articles.map((a) => a.record), ...parsed.rejected.map((r) => r.record)].sort((x, y) => x! - y!);
          expect(seen, name).toEqual(records.map((_, i) => i + 1));
        }
      }),
      RUNS,
    );
  });

  it('JSON, JSON Lines and CSV agree on the articles of the same records', () => {
    fc.assert(
      fc.property(fc.array(articleRecord, { minLength: 1, maxLength: 10 }), (records) => {
        const withoutLine = (p: ParsedFile) => p.articles.map(({ line: _line, ...article }) => article);
        const json = withoutLine(checkContract('a.json', utf8(JSON.stringify(records))));
        expect(withoutLine(checkContract('a.jsonl', utf8(records.map((r) => JSON.stringify(r)).join('\n'))))).toEqual(json);
        expect(withoutLine(checkContract('a.csv', utf8(csvOf(records))))).toEqual(json);
      }),
      RUNS,
    );
  });

  it('a record with a word of text and a real date is always imported with that date', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        (noise, date) => {
          const record = { text: `Exercise ${noise}`, published: date.toUTCString() };
          for (const [name, content] of [['a.json', JSON.stringify(record)], ['a.csv', csvOf([record])]] as const) {
            const [article] = checkContract(name, utf8(content)).articles;
            expect(article?.published).toBe(new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString());
          }
        },
      ),
      RUNS,
    );
  });
});
