/**
 * Our date patterns (lib/claims/dates.ts) against chrono-node's English parser, on hard phrases of our
 * own and on the date facts written for the English dev articles of the real set (test/real/, texts in
 * the cache; held-out articles are never read). Both go through the same reading of context (start or
 * end words, tense, a report's own date, the edition's year): only the parser differs. The whole
 * pipeline runs twice, bundled by esbuild, the second time with `findDates` reading through chrono.
 *
 *   npx tsx scripts/measure-dates.ts [--all]      (--all lists every fact, not only those the two disagree on)
 *
 * Figures and the decision: docs/decisions/dates.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { findDates, parsePublished } from '../lib/claims/dates';
import { readSeeds } from '../lib/dataset/seeds-fs';
import { createDetector } from '../lib/detect';
import type { analyzeArticle as Analyze } from '../lib/pipeline/analyze';
import type { Claim, DatesValue } from '../lib/types';
import { chronoReader } from './lib/chrono-dates';
import { cachedText, loadRealSet, type RealFact } from './lib/real-set';

const { values: args } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
const ROOT = join(import.meta.dirname, '..');

// 1. Hard phrases: what each reads, against what the sentence says (our reading).
interface Phrase {
  sentence: string;
  published: string | null;
  edition?: number;
  expect: string;
}
const PHRASES: Phrase[] = [
  { sentence: 'The drills will run from 14-20 September.', published: '2017-09-01', expect: '2017-09-14..2017-09-20' },
  { sentence: 'The exercise runs from Sept. 14 to 20.', published: '2017-09-01', expect: '2017-09-14..2017-09-20' },
  { sentence: 'The drills are held between 14 and 20 September.', published: '2017-09-01', expect: '2017-09-14..2017-09-20' },
  { sentence: 'Held from June 29 to Aug. 4, the exercise brings 25 nations together.', published: '2018-06-20', expect: '2018-06-29..2018-08-04' },
  { sentence: 'The exercise ran from Dec. 2-6.', published: '2019-12-10', expect: '2019-12-02..2019-12-06' },
  { sentence: 'The exercise began on Tuesday.', published: '2017-09-13', expect: '2017-09-12..' },
  { sentence: 'The exercise will begin on Tuesday.', published: '2017-09-13', expect: '2017-09-19..' },
  { sentence: 'The exercise, which began today, ends on Friday.', published: '2019-12-03', expect: '2019-12-03..2019-12-06' },
  { sentence: 'The drills are scheduled for early next month.', published: '2017-09-13', expect: '2017-10..2017-10' },
  { sentence: 'The drills were held in mid-September.', published: '2017-10-02', expect: '2017-09..2017-09' },
  { sentence: 'The exercise ends on the 6th of this month.', published: '2019-12-03', expect: '..2019-12-06' },
  { sentence: 'RIMPAC 2018 runs through Aug. 2.', published: '2018-06-27', expect: '..2018-08-02' },
  { sentence: 'The ministry announced on Monday that the drills would take place from 28 December to 3 January.', published: '2017-12-20', expect: '2017-12-28..2018-01-03' },
  { sentence: 'The ministry said on 12 September that the exercise begins on 14 September.', published: '2017-09-12', expect: '2017-09-14..' },
  { sentence: 'Zapad 2021 will be held September 10-16.', published: null, edition: 2021, expect: '2021-09-10..2021-09-16' },
  { sentence: 'The exercise opened on Monday, Sept. 14, at the training ground.', published: '2020-09-16', expect: '2020-09-14..' },
];

const show = (v: DatesValue | undefined) => (v && (v.start || v.end) ? `${v.start ?? ''}..${v.end ?? ''}` : '-');
console.log('Hard phrases (our sentences): expected, then each reading (✓ right, ✗ wrong)');
let phraseHand = 0;
let phraseChrono = 0;
for (const p of PHRASES) {
  const published = parsePublished(p.published);
  const hand = show(findDates(p.sentence, published, p.edition ?? null)?.value);
  const viaChrono = show(findDates(p.sentence, published, p.edition ?? null, chronoReader(published))?.value);
  if (hand === p.expect) phraseHand++;
  if (viaChrono === p.expect) phraseChrono++;
  const mark = (got: string) => `${got === p.expect ? '✓' : '✗'} ${got}`.padEnd(26);
  console.log(`  ${p.expect.padEnd(24)} patterns ${mark(hand)} chrono ${mark(viaChrono)} "${p.sentence}" (${p.published ?? 'undated'})`);
}
console.log(`  right: patterns ${phraseHand}/${PHRASES.length}, chrono ${phraseChrono}/${PHRASES.length}\n`);

// 2. The English dev articles, through the whole pipeline twice.
const ROOT_URL = (path: string) => JSON.stringify(join(ROOT, path));
const chronoDates: Plugin = {
  name: 'dates-through-chrono',
  setup(b) {
    b.onResolve({ filter: /^\.\/dates$/ }, (a) => (a.importer.endsWith(join('lib', 'claims', 'extract.ts')) ? { path: 'dates', namespace: 'chrono-dates' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'chrono-dates' }, () => ({
      resolveDir: ROOT,
      loader: 'ts',
      contents: `import { findDates as byPatterns } from ${ROOT_URL('lib/claims/dates.ts')};
import { chronoReader } from ${ROOT_URL('scripts/lib/chrono-dates.ts')};
export * from ${ROOT_URL('lib/claims/dates.ts')};
export function findDates(sentence: string, published: Date | null, editionYear: number | null = null) {
  return byPatterns(sentence, published, editionYear, chronoReader(published));
}`,
    }));
  },
};

async function pipeline(plugins: Plugin[], dir: string, name: string): Promise<typeof Analyze> {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'lib', 'pipeline', 'analyze.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', plugins,
    banner: { js: "import { createRequire as __measureRequire } from 'node:module';\nconst require = __measureRequire(import.meta.url);" },
  });
  return ((await import(pathToFileURL(outfile).href)) as { analyzeArticle: typeof Analyze }).analyzeArticle;
}

const dir = mkdtempSync(join(tmpdir(), 'triangulate-measure-dates-'));
let byPatterns: typeof Analyze;
let byChrono: typeof Analyze;
try {
  byPatterns = await pipeline([], dir, 'patterns');
  byChrono = await pipeline([chronoDates], dir, 'chrono');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The real-set scorer's rule for dates (scripts/eval-real.ts): same exercise and edition, and each end both give agrees to the coarser precision. */
function matches(c: Claim, f: RealFact): boolean {
  if (c.kind !== 'dates' || f.kind !== 'dates' || c.subject !== f.subject || c.edition !== f.edition || c.value.type !== 'dates') return false;
  let same = 0;
  for (const k of ['start', 'end'] as const) {
    const g = f.value[k] as string | null | undefined;
    const x = c.value[k];
    if (!g || !x) continue;
    const l = Math.min(g.length, x.length);
    if (g.slice(0, l) !== x.slice(0, l)) return false;
    same++;
  }
  return same > 0;
}
const datesOf = (claims: Claim[]) => claims.filter((c) => c.kind === 'dates' && c.value.type === 'dates' && (c.value.start || c.value.end));

const detector = createDetector(readSeeds(join(ROOT, 'seeds')).entities);
const articles = loadRealSet().filter((a) => a.part === 'dev' && a.language === 'en');
const totals = { facts: 0, patterns: { found: 0, right: 0, wrong: 0 }, chrono: { found: 0, right: 0, wrong: 0 } };
const factRows: string[] = [];
const wrongRows: string[] = [];
let read = 0;
for (const a of articles) {
  const text = cachedText(a.id);
  if (!text) continue;
  read++;
  const input = { title: '', outlet: a.outlet, published: a.published, url: a.url, text };
  const claims = { patterns: datesOf(byPatterns(input, a.id, detector).claims), chrono: datesOf(byChrono(input, a.id, detector).claims) };
  const facts = a.facts.filter((f) => f.kind === 'dates');
  totals.facts += facts.length;
  for (const f of facts) {
    const hit = { patterns: claims.patterns.find((c) => matches(c, f)), chrono: claims.chrono.find((c) => matches(c, f)) };
    if (hit.patterns) totals.patterns.found++;
    if (hit.chrono) totals.chrono.found++;
    if (!args.all && !!hit.patterns === !!hit.chrono) continue;
    const v = f.value as { start?: string | null; end?: string | null };
    const cell = (c: Claim | undefined) => (c ? `✓ "${c.text}"` : '✗').padEnd(44);
    factRows.push(`  ${a.id.padEnd(36)} ${f.subject} ${f.edition ?? ''} ${v.start ?? ''}..${v.end ?? ''}`.padEnd(82) + ` patterns ${cell(hit.patterns)} chrono ${cell(hit.chrono)}`);
  }
  for (const reader of ['patterns', 'chrono'] as const) {
    for (const c of claims[reader]) {
      if (facts.some((f) => matches(c, f))) totals[reader].right++;
      else {
        totals[reader].wrong++;
        const other = reader === 'patterns' ? claims.chrono : claims.patterns;
        const shared = other.some((o) => o.start === c.start && JSON.stringify(o.value) === JSON.stringify(c.value));
        if (args.all || !shared) wrongRows.push(`  ${reader.padEnd(8)} ${a.id.padEnd(36)} ${c.subject} ${c.edition ?? ''} ${show(c.value as DatesValue)} "${c.text}"`);
      }
    }
  }
}
console.log(`English dev articles read: ${read} of ${articles.length}; date facts written: ${totals.facts}`);
console.log(args.all ? 'Every date fact, and the claim that finds it:' : 'Date facts only one of them finds:');
for (const r of factRows) console.log(r);
console.log(args.all ? 'Every date claim that matches no fact:' : 'Date claims that match no fact, made by one of them only:');
for (const r of wrongRows) console.log(r);
console.log('\nreader     facts found   date claims   right   wrong   precision');
for (const reader of ['patterns', 'chrono'] as const) {
  const t = totals[reader];
  const made = t.right + t.wrong;
  console.log(`${reader.padEnd(10)} ${`${t.found}/${totals.facts}`.padStart(11)} ${String(made).padStart(13)} ${String(t.right).padStart(7)} ${String(t.wrong).padStart(7)} ${(made ? t.right / made : 0).toFixed(3).padStart(11)}`);
}
