import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { catalogueSource, type Catalogue } from '../../lib/i18n/catalogue';
import { environmentLocale, sourceForLocale } from '../../lib/i18n/environment';
import { useMessageSource } from '../../lib/i18n/source';
import { CliError, main, run } from '../../lib/cli/main';
import { datasetFromSeeds } from '../../lib/cli/seeds';
import type { Annotation } from '../../lib/types';
import { articleHtml } from '../e2e/pages';

const ROOT = join(__dirname, '..', '..');
const SEED_000 = join(ROOT, 'seeds/documents/000_8bf4eb82250f4ca7.txt');
const dir = mkdtempSync(join(tmpdir(), 'triangulate-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('triangulate extract', () => {
  it('prints the article body of an HTML page with its metadata', async () => {
    const page = file(
      'page.html',
      articleHtml({ title: 'Drills begin', outlet: 'Harbor Ledger', published: '2019-12-02', url: 'https://harbor.test/drills', paragraphs: ['Estonia hosted the Cyber Coalition exercise this week with partners.', 'More than 30 nations joined the drills, organisers said.'] }),
    );
    const out = JSON.parse(await run(['extract', page]));
    expect(Object.keys(out)).toEqual(['title', 'published', 'url', 'text']);
    expect(out).toMatchObject({ title: 'Drills begin', published: '2019-12-02', url: 'https://harbor.test/drills' });
    expect(out.text).toContain('More than 30 nations joined the drills');
    expect(out.text).not.toContain('Markets');
    expect(out.text).not.toContain('Privacy');
  });

  it('reads a text file with a metadata header', async () => {
    const out = JSON.parse(await run(['extract', file('a.md', 'Title: Quiet week\nPublished: 3 December 2019\nURL: https://x.test/q\n\nNothing happened.\n')]));
    expect(out).toEqual({ title: 'Quiet week', published: '2019-12-03', url: 'https://x.test/q', text: 'Nothing happened.' });
  });
});

describe('triangulate annotate', () => {
  it('prints the JSON contract for seed 000 with exact offsets', async () => {
    const a = JSON.parse(await run(['annotate', SEED_000, '--json'])) as Annotation;
    expect(Object.keys(a)).toEqual(['title', 'published', 'url', 'text', 'mentions', 'claims', 'sources']);
    expect(a.published).toBe('2019-12-03');
    for (const m of a.mentions) {
      expect(a.text.slice(m.start, m.end)).toBe(m.text);
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['type', 'id', 'name', 'text', 'start', 'end']));
    }
    for (const c of a.claims) expect(a.text.slice(c.start, c.end)).toBe(c.text);
    const names = new Set(a.mentions.map((m) => m.name));
    for (const n of ['Japan', 'China', 'Estonia', 'Cyber Coalition', 'NATO']) expect(names).toContain(n);
    const seed002 = a.sources.find((s) => s.outlet.startsWith('Reference News'));
    expect(seed002?.derivedFrom).toBe('src:nikkei-2019-12-03-japan-joins-nato-cyber-drills');
    const nations = a.claims.find((c) => c.kind === 'nations' || (c.kind === 'participants' && c.text.includes('30')));
    expect(nations?.verdict).toBe('corroborated');
    const fromSeed002 = nations?.corroborating.find((e) => e.source.id === seed002?.id);
    expect(fromSeed002?.independent).toBe(false);
    expect(a.claims.flatMap((c) => c.conflicting).filter((e) => e.source.id === seed002?.id)).toEqual([]);
  });

  it('adds the articles of --sources files as sources', async () => {
    const sources = file(
      'mine.json',
      JSON.stringify([{ title: 'Cyber drills in Tartu', outlet: 'Northwind Gazette', published: '2019-12-04', url: 'https://northwind.test/cc', text: 'NATO ran Cyber Coalition 2019 in Tartu, Estonia, with more than 30 nations taking part.' }]),
    );
    const a = JSON.parse(await run(['annotate', SEED_000, '--sources', sources, '--json'])) as Annotation;
    expect(a.sources.map((s) => s.outlet)).toContain('Northwind Gazette');
  });

  it('fails naming the file and the problem, with exit status 1, when a --sources file adds nothing', async () => {
    const bad = file('bad.json', '[{"title": "x", "text": ');
    const warnings: string[] = [];
    const env = { dataset: datasetFromSeeds, warn: (line: string) => warnings.push(line) };
    await expect(run(['annotate', SEED_000, '--sources', bad], env)).rejects.toThrow(CliError);
    await expect(run(['annotate', SEED_000, '--sources', bad], env)).rejects.toThrow(/bad\.json: nothing imported \(1 problem above\)/);
    expect(warnings[0]).toBe(`${bad}:1: skipped: invalid JSON at line 1`);
    await expect(run(['annotate', join(dir, 'missing.html')])).rejects.toThrow(/missing\.html: no such file/);
    await expect(run(['annotate', file('empty.html', '<html><body><nav>Home</nav></body></html>')])).rejects.toThrow(/no article text/);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['annotate', SEED_000, '--sources', bad])).toBe(1);
    expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([`${bad}:1: skipped: invalid JSON at line 1\n`, `triangulate: ${bad}: nothing imported (1 problem above)\n`]);
    stderr.mockRestore();
  });

  it('reads its arguments with parseArgs: several files after one --sources, or --sources repeated; unknown options refused', async () => {
    const a = file('a.json', JSON.stringify([{ title: 'Drills in Tartu', outlet: 'Northwind Gazette', text: 'NATO ran Cyber Coalition 2019 in Tartu, Estonia, with allies.' }]));
    const b = file('b.json', JSON.stringify([{ title: 'Drills end', outlet: 'Harbour Ledger', text: 'Cyber Coalition 2019 ended in Tartu, Estonia, on Friday.' }]));
    for (const args of [['--sources', a, b], ['--sources', a, '--sources', b], ['--sources', a, '--json', '--sources', b]]) {
      const out = JSON.parse(await run(['annotate', SEED_000, ...args, '--json'])) as Annotation;
      expect(out.sources.map((s) => s.outlet)).toEqual(expect.arrayContaining(['Northwind Gazette', 'Harbour Ledger']));
    }
    await expect(run(['annotate', SEED_000, '--verbose'])).rejects.toThrow(/Unknown option '--verbose'/);
    await expect(run(['annotate'])).rejects.toThrow(/annotate needs a PAGE/);
    await expect(run(['annotate', SEED_000, 'extra.txt'])).rejects.toThrow(/unexpected argument extra\.txt/);
    await expect(run(['--help'])).rejects.toThrow(/^Usage:/);
  });

  it('applies the page caps of the extension and says what they left out', async () => {
    const long = file('long.txt', `Title: Long page\n\nCyber Coalition 2019 opened in Tartu, Estonia. ${'y'.repeat(300)} ${'The drills went on through the week in the forest near the border. '.repeat(4_000)}`);
    const warnings: string[] = [];
    const out = JSON.parse(await run(['annotate', long, '--json'], { dataset: datasetFromSeeds, warn: (l) => warnings.push(l) })) as Annotation;
    expect(out.text.length).toBeLessThanOrEqual(200_000);
    expect(out.mentions.map((m) => m.name)).toContain('Cyber Coalition');
    expect(warnings).toEqual([expect.stringMatching(/long\.txt: Analysed the first 200,000 characters of 268,347\. Skipped one 300-character word\.$/)]);
  });
});

describe('the CLI in the environment\'s language', () => {
  const catalogues: Record<string, Catalogue> = { en: english as Catalogue, ru: JSON.parse(readFileSync(join(ROOT, 'test/fixtures/locales/ru/messages.json'), 'utf8')) as Catalogue };
  // As the bundle does (lib/cli/bundle.ts), from a Russian environment and the test's partial Russian catalogue.
  const messages = () => sourceForLocale(catalogues, environmentLocale({ LANG: 'ru_RU.UTF-8' }));

  afterEach(() => {
    useMessageSource(catalogueSource([english as Catalogue], 'en-GB'));
    vi.restoreAllMocks();
  });

  it('prints its report and its errors from the catalogue, English where the catalogue is silent', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['annotate', SEED_000], { dataset: datasetFromSeeds, messages })).toBe(0);
    const report = stdout.mock.calls.map((c) => String(c[0])).join('');
    expect(report).toMatch(/^Упоминания: \d+$/m);
    expect(report).toMatch(/^Утверждения: \d+$/m);
    expect(report).toMatch(/^Sources sharing this article's entities: \d+$/m);
    // Dates in the environment's locale.
    expect(report).toContain(new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date('2019-12-03')));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['annotate', join(dir, 'missing.html')], { dataset: datasetFromSeeds, messages })).toBe(1);
    expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([`triangulate: ${join(dir, 'missing.html')}: файл не найден\n`]);
  });
});
