import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CliError, main, run } from '../../lib/cli/main';
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

  it('fails with one line naming the file and the problem, and exit status 1', async () => {
    const bad = file('bad.json', '[{"title": "x", "text": ');
    await expect(run(['annotate', SEED_000, '--sources', bad])).rejects.toThrow(CliError);
    await expect(run(['annotate', SEED_000, '--sources', bad])).rejects.toThrow(/bad\.json: invalid JSON/);
    await expect(run(['annotate', join(dir, 'missing.html')])).rejects.toThrow(/missing\.html: no such file/);
    await expect(run(['annotate', file('empty.html', '<html><body><nav>Home</nav></body></html>')])).rejects.toThrow(/no article text/);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['annotate', SEED_000, '--sources', bad])).toBe(1);
    expect(String(stderr.mock.calls[0]?.[0]).trim().split('\n')).toHaveLength(1);
    stderr.mockRestore();
  });
});
