/**
 * compromise is evaluated only when a page needs its tagger (lib/detect/tagger.ts): a person
 * named like a country ("Chad Bennett"). Pages without such a name never ask, and in the bundles
 * (lib/detect/compromise-on-first-call.ts) the library is not evaluated until the first question.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSeeds } from '../../lib/dataset/seeds-fs';
import type { Entity } from '../../lib/types';
import { AMBIGUOUS_NAMES_ARTICLE } from '../e2e/pages';

const ROOT = join(__dirname, '..', '..');
const SEED_000 = readFileSync(join(ROOT, 'seeds/documents/000_8bf4eb82250f4ca7.txt'), 'utf8');
const AMBIGUOUS = AMBIGUOUS_NAMES_ARTICLE.paragraphs.join('\n\n');
/** Country names the cheap context rules settle without the tagger: a river, porcelain, food, a sea. */
const SETTLED_WITHOUT_TAGGER = 'Boats sailed down the Jordan River. The fine China plates stayed in the cabinet. The Turkey sandwich was cold. Ships crossed the South China Sea.';

let entities: Entity[];
beforeAll(() => {
  entities = readSeeds(join(ROOT, 'seeds')).entities;
});

/** Which of `names` were found as the country, at which offsets of `text`. */
function countriesAt(mentions: { id: string; text: string; start: number }[], ...names: string[]) {
  return mentions.filter((m) => m.id.startsWith('country:') && names.includes(m.text)).map((m) => [m.text, m.start]);
}

describe('the tagger is asked only by pages that need it', () => {
  beforeEach(() => {
    // A fresh module graph per test: the tagger's state starts empty, as in a new service worker.
    vi.resetModules();
  });

  it('analysing pages without a person named like a country never asks it', async () => {
    const { createDetector, taggerFirstUse } = await import('../../lib/detect');
    const { analyzeArticle } = await import('../../lib/pipeline/analyze');
    const detector = createDetector(entities);
    const seed = analyzeArticle({ title: 'Japan joins NATO cybersecurity drills', published: '2019-12-03', url: null, text: SEED_000 }, 'seed', detector);
    expect(seed.entities).toContain('country:CN');
    const settled = detector.detect(SETTLED_WITHOUT_TAGGER);
    expect(countriesAt(settled, 'Jordan', 'China', 'Turkey')).toEqual([]);
    expect(taggerFirstUse()).toBeNull();
  });

  it('a page with one asks it, and reads the person and the country apart', async () => {
    const { createDetector, taggerFirstUse } = await import('../../lib/detect');
    const { analyzeArticle } = await import('../../lib/pipeline/analyze');
    const analysis = analyzeArticle({ title: AMBIGUOUS_NAMES_ARTICLE.title, published: null, url: null, text: AMBIGUOUS }, 'page', createDetector(entities));
    expect(countriesAt(analysis.mentions, 'Chad', 'Jordan')).toEqual([
      ['Chad', AMBIGUOUS.indexOf('Chad and')],
      ['Jordan', AMBIGUOUS.indexOf('Jordan joined')],
    ]);
    expect(taggerFirstUse()).toEqual(expect.any(Number));
  });
});

describe('in a bundle, compromise is evaluated at the first question', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-tagger-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('not when the bundle loads, nor for a page without an ambiguous name', async () => {
    const { build } = await import('esbuild');
    const out = join(dir, 'detect.mjs');
    await build({
      entryPoints: [join(ROOT, 'lib/detect/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: out,
      logLevel: 'warning',
      plugins: [
        {
          name: 'lazy-compromise-under-test',
          setup(b) {
            // As the extension's and the CLI's builds do (wxt.config.ts, scripts/build-cli.mjs).
            b.onResolve({ filter: /^compromise\/two$/ }, (args) => (args.importer.endsWith('tagger.ts') ? { path: join(ROOT, 'lib/detect/compromise-on-first-call.ts') } : undefined));
            // compromise itself, marked (its CommonJS build, or its ES entry should the redirect
            // fail): the first statement records that it was evaluated.
            b.onLoad({ filter: /compromise[\\/](builds[\\/]two[\\/]compromise-two\.cjs|src[\\/]two\.js)$/ }, (args) => ({
              contents: `globalThis.compromiseEvaluations = (globalThis.compromiseEvaluations ?? 0) + 1;\n${readFileSync(args.path, 'utf8')}`,
              loader: 'js',
              resolveDir: dirname(args.path),
            }));
          },
        },
      ],
    });
    const evaluations = () => (globalThis as { compromiseEvaluations?: number }).compromiseEvaluations ?? 0;
    const bundled = (await import(pathToFileURL(out).href)) as typeof import('../../lib/detect');
    expect(evaluations()).toBe(0);

    const detector = bundled.createDetector(entities);
    expect(detector.detect(SEED_000).length).toBeGreaterThan(10);
    expect(countriesAt(detector.detect(SETTLED_WITHOUT_TAGGER), 'Jordan', 'China', 'Turkey')).toEqual([]);
    expect(evaluations()).toBe(0);
    expect(bundled.taggerFirstUse()).toBeNull();

    expect(countriesAt(detector.detect(AMBIGUOUS), 'Chad', 'Jordan')).toEqual([
      ['Chad', AMBIGUOUS.indexOf('Chad and')],
      ['Jordan', AMBIGUOUS.indexOf('Jordan joined')],
    ]);
    expect(evaluations()).toBe(1);
    detector.detect(`${AMBIGUOUS} Chad Bennett left early.`);
    expect(evaluations()).toBe(1);
    expect(bundled.taggerFirstUse()).toEqual(expect.any(Number));
  });
});
