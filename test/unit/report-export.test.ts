import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { catalogueSource, type Catalogue } from '../../lib/i18n/catalogue';
import { useMessageSource } from '../../lib/i18n/source';
import { CSV_COLUMNS, escapeMarkdown, reportFileName, toCsv, toJson, toMarkdown } from '../../lib/report/export';
import { formatDateRange } from '../../lib/report/format';
import { fixtureAnnotation } from './report-fixture';

const generated = '2024-03-01T12:00:00.000Z';

/** Minimal RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r') continue;
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  return rows;
}

describe('toMarkdown', () => {
  const md = toMarkdown(fixtureAnnotation(), { generated });

  it('states the page, the summary and each claim with its verdict and cited sources', () => {
    expect(md).toContain('# Source check: NATO cyber drill: Cyber Coalition 2019');
    expect(md).toContain('- Page: [https://news.example/cc2019?x=1](<https://news.example/cc2019?x=1>) [1]');
    expect(md).toContain('4 claims: 2 corroborated (2 independent sources), 1 conflicting, 1 unverified.');
    expect(md).toContain(`### 1. Cyber Coalition 2019, dates: ${escapeMarkdown(formatDateRange('2019-12-02', '2019-12-06'))} (Conflicting)`);
    expect(md).toContain('### 2. Cyber Coalition 2019, participants: more than 30 (Corroborated)');
    expect(md).toContain('### 4. Cyber Coalition 2019, role: Japan: observer 2015–2018 (Unverified)');
    // Under each heading, the claim and its verdict in the side panel's words.
    expect(md).toContain('### 2. Cyber Coalition 2019, participants: more than 30 (Corroborated)\n\nmore than 30 participants · 2 independent sources agree\n');
    // Sources are numbered by date after the page: ERR [2], Reuters [3], AFP [4], Le Monde [5].
    // Reuters and ERR are bundled: their texts are Triangulate's summaries, never quoted.
    expect(md).toContain('- Agrees: **33**, Reuters, 2 Dec 2019 [3] (independent). Summary by Triangulate: Some 33 participants took part.');
    expect(md).toContain('- Agrees: **33**, AFP (French), 3 Dec 2019 [4] (retells [3], counted once): “33 participants.”');
    expect(md).toContain(`- Contradicts: **${escapeMarkdown(formatDateRange('2019-11-25', '2019-11-29'))}**, Le Monde, 5 Dec 2019 [5] (retells [3]): “du 25 au 29 novembre”`);
    expect(md).toContain('Japan: observer 2015–2018 · no other source mentions it\n');
    expect(md).toContain('- No other source mentions it.');
    expect(md).toContain('3. Reuters: [NATO holds Cyber Coalition drill](<https://www.reuters.com/cc2019>), 2 Dec 2019');
    expect(md).toContain('4. AFP (French): [L\'OTAN organise Cyber Coalition](<https://afp.example/fr/cc>), 3 Dec 2019 (retells [3], translation)');
    // A source with no claim is not cited.
    expect(md).not.toContain('Postimees');
  });

  it('never links a non-http URL and escapes Markdown in page text', () => {
    expect(md).not.toContain('javascript:');
    expect(md).toContain('5. Le Monde: Cyberdéfense: exercice, 5 Dec 2019');
    expect(md).toContain('> It was run from Tartu, "Estonia" \\| \\*live\\*.');
    expect(escapeMarkdown('# [x](javascript:y)\nnext')).toBe('\\# \\[x\\](javascript:y) next');
  });

  it('links the page without its tracking parameters or fragment', () => {
    const tracked = toMarkdown({ ...fixtureAnnotation(), url: 'https://news.example/cc2019?x=1&utm_source=feed&fbclid=abc#comments' }, { generated });
    expect(tracked).toContain('(<https://news.example/cc2019?x=1>) [1]');
    expect(tracked).not.toContain('utm_source');
  });
});

describe('toCsv', () => {
  const rows = parseCsv(toCsv(fixtureAnnotation()));

  it('writes one row per claim and source, and one for a claim nobody else states', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(rows).toHaveLength(1 + 1 + 3 + 1 + 1);
    const col = (r: string[], name: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(name)];
    const agree = rows.find((r) => col(r, 'source_outlet') === 'Reuters')!;
    expect(agree.slice(0, 5)).toEqual(['2', 'Cyber Coalition', '2019', 'participants', 'more than 30']);
    expect(col(agree, 'verdict')).toBe('corroborated');
    expect(col(agree, 'verdict_line')).toBe('more than 30 participants · 2 independent sources agree');
    expect(agree.slice(CSV_COLUMNS.indexOf('relation'))).toEqual([
      'agree', 'Reuters', 'NATO holds Cyber Coalition drill', '2019-12-02', 'https://www.reuters.com/cc2019', '33', '', '', 'true', 'independent', '', 'Summary by Triangulate', 'Some 33 participants took part.',
    ]);
    const lemonde = rows.find((r) => col(r, 'source_outlet') === 'Le Monde')!;
    expect(col(lemonde, 'source_url')).toBe('');
    expect(col(lemonde, 'retells')).toBe('Reuters');
    expect(col(lemonde, 'source_text_is')).toBe('quote');
    expect(col(rows.find((r) => col(r, 'kind') === 'role')!, 'relation')).toBe('none');
  });

  it('keeps formulas from running in a spreadsheet', () => {
    const role = rows.find((r) => r[3] === 'role')!;
    expect(role[CSV_COLUMNS.indexOf('page_sentence')]).toBe('\'=HYPERLINK("x") Japan observed from 2015 to 2018.');
  });
});

describe('toJson', () => {
  it('carries claims with display values and no page text', () => {
    const a = fixtureAnnotation();
    a.text = 'SECRET PAGE TEXT';
    const json = JSON.parse(toJson(a, { generated }));
    expect(json).toMatchObject({ format: 'triangulate-report', version: 2, generated, page: { title: a.title, url: a.url } });
    expect(json.summary.line).toBe('4 claims: 2 corroborated (2 independent sources), 1 conflicting, 1 unverified');
    expect(json.claims[0].display).toBe('more than 30');
    expect(json.claims[0].corroborating[0].display).toBe('33');
    expect(json.claims[0].corroborating[0].words).toBe('summary');
    expect(json.claims[0].line).toBe('more than 30 participants · 2 independent sources agree');
    expect(json.claims[0].other).toEqual([]);
    expect(json.sources).toHaveLength(5);
    expect(JSON.stringify(json)).not.toContain('SECRET PAGE TEXT');
  });
});

it('names report files after the page and day', () => {
  expect(reportFileName({ title: 'Zapad-2017: Übung / “drills”' }, 'md', generated)).toBe('triangulate-zapad-2017-ubung-drills-2024-03-01.md');
  expect(reportFileName({ title: '' }, 'csv', generated)).toBe('triangulate-page-2024-03-01.csv');
});

describe('exports in another interface language', () => {
  const ru = JSON.parse(readFileSync(join(__dirname, '../fixtures/locales/ru/messages.json'), 'utf8')) as Catalogue;

  afterEach(() => useMessageSource(catalogueSource([english as Catalogue], 'en-GB')));

  it('translates headings and labels, and keeps the data and its keys as they are', () => {
    const before = { csv: parseCsv(toCsv(fixtureAnnotation())), json: JSON.parse(toJson(fixtureAnnotation(), { generated })) as Record<string, unknown> };
    useMessageSource(catalogueSource([ru, english as Catalogue], 'ru-RU'));
    const md = toMarkdown(fixtureAnnotation(), { generated });
    expect(md).toContain('# Проверка источников: NATO cyber drill: Cyber Coalition 2019');
    expect(md).toContain('\n## Утверждения\n');
    expect(md).toContain('\n## Источники\n');
    const csv = parseCsv(toCsv(fixtureAnnotation()));
    expect(csv[0]).toEqual([...CSV_COLUMNS]);
    const keep = ['claim', 'subject', 'edition', 'kind', 'verdict', 'relation', 'source_outlet', 'source_published', 'source_url', 'independent', 'source_text'].map((c) => CSV_COLUMNS.indexOf(c as (typeof CSV_COLUMNS)[number]));
    expect(csv.map((row) => keep.map((i) => row[i]))).toEqual(before.csv.map((row) => keep.map((i) => row[i])));
    const json = JSON.parse(toJson(fixtureAnnotation(), { generated })) as { claims: Record<string, unknown>[] };
    const keys = (value: unknown): string[] => (value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]) : []);
    expect(keys(json)).toEqual(keys(before.json));
    expect(json.claims.map((c) => [c.kind, c.verdict])).toEqual((before.json.claims as Record<string, unknown>[]).map((c) => [c.kind, c.verdict]));
  });
});
