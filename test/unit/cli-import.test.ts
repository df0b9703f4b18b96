/**
 * The broken import files on the command line: every skipped, changed or assumed record on stderr
 * as `FILE[:ENTRY][:LINE]: action: reason`, the rest imported; a file that adds nothing fails the
 * run. The last test runs the real `bin/triangulate.mjs` (the bundle) as a user would.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../lib/cli/main';
import { datasetFromSeeds } from '../../lib/cli/seeds';
import type { Annotation } from '../../lib/types';
import { AMBIGUOUS_NAMES_ARTICLE } from '../e2e/pages';

const ROOT = join(__dirname, '..', '..');
const SEED_000 = join(ROOT, 'seeds/documents/000_8bf4eb82250f4ca7.txt');
const BROKEN = join(ROOT, 'test/fixtures/import/broken');
const broken = (name: string) => join(BROKEN, name);

// What stderr must say for each broken file, line by line (the reason's start is enough).
const EXPECTED: [string, string[]][] = [
  ['unclosed-quote.csv', ['unclosed-quote.csv:3: skipped: row 2: quoted field opened on line 3 is never properly closed (it runs on to line 5)']],
  ['junk-after-quote.csv', ['junk-after-quote.csv:3: skipped: row 2: text after the closing quote of the field opened on line 3']],
  ['bad-line.jsonl', ['bad-line.jsonl:3: skipped: invalid JSON at line 3']],
  ['duplicate-ids.jsonl', ["duplicate-ids.jsonl:3: skipped: duplicate id 'story-7' (first at line 1)", "duplicate-ids.jsonl:4: skipped: duplicate id 'story-7' (first at line 1)"]],
  [
    'markup-in-text.json',
    [
      'markup-in-text.json (record 2): changed: markup removed from the text',
      'markup-in-text.json (record 3): changed: markup removed from the title',
      'markup-in-text.json (record 3): changed: markup removed from the text',
      'markup-in-text.json (record 4): changed: markup removed from the text',
    ],
  ],
  ['oversize.json.gz', ['oversize.json.gz (record 1): changed: text cut to its first 199,', 'oversize.json.gz (record 2): changed: title cut from 468 to 300 characters']],
  ['bad-dates.csv', ["bad-dates.csv:4: assumed: date '03/04/2021' read day first", "bad-dates.csv:5: skipped: unparseable date 'next Tuesday'"]],
  [
    'unsafe-paths.zip',
    [
      "unsafe-paths.zip:../escape.json: skipped: not read: its path climbs out of the archive ('..')",
      'unsafe-paths.zip:/etc/absolute.json: skipped: not read: its path is absolute',
      "unsafe-paths.zip:reports/b.jsonl:2: skipped: duplicate id 'z1'",
    ],
  ],
];

describe('triangulate annotate --sources with broken files', () => {
  it('lists every problem with its file and line on stderr and imports the rest', async () => {
    const warnings: string[] = [];
    const files = EXPECTED.map(([name]) => broken(name));
    const out = JSON.parse(await run(['annotate', SEED_000, '--sources', ...files, '--json'], { dataset: datasetFromSeeds, warn: (l) => warnings.push(l) })) as Annotation;
    const expected = EXPECTED.flatMap(([, lines]) => lines);
    expect(warnings).toHaveLength(expected.length);
    warnings.forEach((line, i) => expect(line.startsWith(`${BROKEN}/${expected[i]}`), `${line}\n  should start with ${expected[i]}`).toBe(true));
    expect(out.claims.length).toBeGreaterThan(0);
  });
});

describe('bin/triangulate.mjs', () => {
  const exec = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-bin-'));

  it('runs the bundle: problems on stderr, exit 0 when something was imported, exit 1 when nothing was', async () => {
    const ok = await exec(process.execPath, [join(ROOT, 'bin/triangulate.mjs'), 'annotate', SEED_000, '--sources', broken('bad-line.jsonl')], { cwd: ROOT });
    const stderr = ok.stderr.split('\n').filter((l) => l && !l.includes('building the command-line bundle'));
    expect(stderr).toEqual([`${broken('bad-line.jsonl')}:3: skipped: invalid JSON at line 3`]);
    expect(ok.stdout).toContain('Japan joins NATO cybersecurity drills');

    const nothing = join(dir, 'nothing.jsonl');
    writeFileSync(nothing, '{"title": "no text here"}\n{"broken"\n');
    const failed = await exec(process.execPath, [join(ROOT, 'bin/triangulate.mjs'), 'annotate', SEED_000, '--sources', nothing], { cwd: ROOT }).then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe('');
    expect(failed?.stderr.split('\n').filter((l) => l && !l.includes('building the command-line bundle'))).toEqual([
      `${nothing}:1: skipped: no text`,
      `${nothing}:2: skipped: invalid JSON at line 2`,
      `triangulate: ${nothing}: nothing imported (2 problems above)`,
    ]);
  }, 120_000);

  it('reads the environment\'s locale: English words where no catalogue has the language, its dates and numbers', async () => {
    const viaBin = await exec(process.execPath, [join(ROOT, 'bin/triangulate.mjs'), 'annotate', SEED_000], { cwd: ROOT, env: { ...process.env, LC_ALL: 'de_DE.UTF-8' } });
    expect(viaBin.stdout).toMatch(/^Mentions: \d+$/m);
    expect(viaBin.stdout).toContain(new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date('2019-12-03')));
    const plain = await exec(process.execPath, [join(ROOT, 'bin/dist/triangulate.mjs'), 'annotate', SEED_000], { cwd: ROOT, env: { ...process.env, LC_ALL: 'C' } });
    expect(plain.stdout).toContain('3 Dec 2019');
  }, 120_000);

  it('gives the same report from the start-up snapshot (when this Node built one) and from the plain bundle', async () => {
    const args = ['annotate', SEED_000, '--sources', broken('duplicate-ids.jsonl'), '--json'];
    const viaBin = await exec(process.execPath, [join(ROOT, 'bin/triangulate.mjs'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const viaBundle = await exec(process.execPath, [join(ROOT, 'bin/dist/triangulate.mjs'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(viaBin.stdout).toBe(viaBundle.stdout);
    expect(viaBin.stderr.split('\n').filter((l) => l && !l.includes('building the command-line bundle'))).toEqual(viaBundle.stderr.split('\n').filter(Boolean));
    expect(viaBundle.stderr).toContain(`${broken('duplicate-ids.jsonl')}:3: skipped: duplicate id 'story-7' (first at line 1)`);
    expect((JSON.parse(viaBin.stdout) as Annotation).claims.length).toBeGreaterThan(0);
  }, 120_000);

  it('tells a person named like a country from the country in the plain bundle too, where compromise loads at the first question', async () => {
    const page = join(dir, 'ambiguous.txt');
    writeFileSync(page, `Title: ${AMBIGUOUS_NAMES_ARTICLE.title}\n\n${AMBIGUOUS_NAMES_ARTICLE.paragraphs.join('\n\n')}\n`);
    const args = ['annotate', page, '--json'];
    const viaBin = await exec(process.execPath, [join(ROOT, 'bin/triangulate.mjs'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const viaBundle = await exec(process.execPath, [join(ROOT, 'bin/dist/triangulate.mjs'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(viaBundle.stdout).toBe(viaBin.stdout);
    const a = JSON.parse(viaBundle.stdout) as Annotation;
    const countries = a.mentions.filter((m) => m.id === 'country:TD' || m.id === 'country:JO').map((m) => [m.text, m.start]);
    // "Chad Bennett" and "Jordan Keller" are people.
    expect(countries).toEqual([
      ['Chad', a.text.indexOf('Chad and')],
      ['Jordan', a.text.indexOf('Jordan joined')],
    ]);
  }, 120_000);
});
