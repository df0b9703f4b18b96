/**
 * Our sentence splitter (lib/text/sentences.ts) against Intl.Segmenter (granularity 'sentence', alone and
 * with our abbreviations and initials suppressed) and compromise's splitter, on real text: the true
 * article bodies of the 181 pages in ../shared/pages and the English, Russian and Ukrainian dev articles
 * of the real set (held-out articles are never read). There is no gold segmentation: it counts where
 * each one cuts differently from ours, and `--list` prints every such place to judge by eye.
 *
 *   npx tsx scripts/measure-sentences.ts [--list]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { splitSentences } from '../lib/text/sentences';
import { PAGES_DIR } from './body-f1';
import { cachedText, loadRealSet } from './lib/real-set';

const { values: args } = parseArgs({ options: { list: { type: 'boolean', default: false } } });

interface Doc {
  id: string;
  corpus: string;
  lang: string;
  text: string;
}
const docs: Doc[] = [];
const truth = join(PAGES_DIR, 'ground-truth.json');
if (existsSync(truth)) {
  for (const [name, page] of Object.entries(JSON.parse(readFileSync(truth, 'utf8')) as Record<string, { articleBody: string }>)) {
    docs.push({ id: `page ${name.slice(0, 8)}`, corpus: 'pages', lang: 'en', text: page.articleBody });
  }
}
for (const a of loadRealSet()) {
  if (a.part !== 'dev' || !['en', 'ru', 'uk'].includes(a.language)) continue;
  const text = cachedText(a.id);
  if (text) docs.push({ id: a.id, corpus: `dev ${a.language}`, lang: a.language, text });
}
if (!docs.length) {
  console.log('measure-sentences: no text (../shared/pages and the real-set cache are both missing).');
  process.exit(0);
}

/** Where each sentence starts, after its leading spaces. */
type Splitter = (text: string, lang: string) => number[];

function perLine(text: string, starts: (line: string) => number[]): number[] {
  const out: number[] = [];
  let from = 0;
  for (const line of text.split('\n')) {
    for (const at of starts(line)) {
      let i = from + at;
      while (i < from + line.length && /\s/.test(text[i]!)) i++;
      if (i < from + line.length && out.at(-1) !== i) out.push(i);
    }
    from += line.length + 1;
  }
  return out;
}

const segmenters = new Map<string, Intl.Segmenter>();
const segmenter = (lang: string) => {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'sentence' })));
  return s;
};
// ICU's own suppression list is not reachable from Intl.Segmenter ("en-u-ss-standard" is ignored): a list
// like ours stands in, with initials and dotted acronyms ("U.S.", "J. Smith").
const ABBREVIATED = /(?:^|[^\p{L}.])(?:mr|mrs|ms|dr|gen|lt|col|maj|capt|sgt|adm|cmdr|gov|sen|rep|st|vs|inc|co|corp|ltd|jr|sr|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|approx|fig|vol|prof|mt|ft)\.["'”’)\]]*\s*$/iu;
const INITIAL = /(?:^|[^\p{L}.])(?:\p{Lu}\.)*\p{Lu}\.["'”’)\]]*\s*$/u;
const suppressed = (before: string) => ABBREVIATED.test(before) || INITIAL.test(before);

// Lines are boundaries for every splitter, as they are for ours.
const splitters: Record<string, Splitter> = {
  ours: (text) => splitSentences(text).map((s) => s.start),
  'Intl.Segmenter': (text, lang) => perLine(text, (line) => [...segmenter(lang).segment(line)].map((s) => s.index)),
  'Intl.Segmenter+abbr': (text, lang) =>
    perLine(text, (line) => [...segmenter(lang).segment(line)].filter((s) => s.index === 0 || !suppressed(line.slice(Math.max(0, s.index - 24), s.index))).map((s) => s.index)),
  compromise: (text) =>
    perLine(text, (line) => {
      const out: number[] = [];
      let at = 0;
      for (const s of compromiseSplit(line, world)) {
        out.push(at);
        at += s.length;
      }
      return out;
    }),
};
const world = nlp.world();
const compromiseSplit = (nlp.methods() as { one: { tokenize: { splitSentences: (text: string, world: unknown) => string[] } } }).one.tokenize.splitSentences;

const results = new Map<string, Map<string, number[]>>();
const timing = new Map<string, number>();
for (const [name, split] of Object.entries(splitters)) {
  const byDoc = new Map<string, number[]>();
  // The best of five passes: a pass is a few tens of milliseconds, so one is mostly noise.
  for (let pass = 0; pass < 5; pass++) {
    const t0 = performance.now();
    for (const d of docs) byDoc.set(d.id, split(d.text, d.lang));
    timing.set(name, Math.min(timing.get(name) ?? Infinity, performance.now() - t0));
  }
  results.set(name, byDoc);
}

const corpora = [...new Set(docs.map((d) => d.corpus))];
const chars = docs.reduce((n, d) => n + d.text.length, 0);
console.log(`${docs.length} texts (${corpora.map((c) => `${c} ${docs.filter((d) => d.corpus === c).length}`).join(', ')}), ${(chars / 1e6).toFixed(2)} M characters`);
console.log('\nsplitter               corpus   sentences   cuts where ours does not   ours cuts where it does not');
const listing: string[] = [];
for (const name of Object.keys(splitters).filter((n) => n !== 'ours')) {
  for (const corpus of corpora) {
    let count = 0;
    let onlyIt = 0;
    let onlyOurs = 0;
    for (const d of docs.filter((x) => x.corpus === corpus)) {
      const it = new Set(results.get(name)!.get(d.id));
      const ours = new Set(results.get('ours')!.get(d.id));
      count += it.size;
      const near = (at: number) => `${JSON.stringify(d.text.slice(Math.max(0, at - 45), at))} | ${JSON.stringify(d.text.slice(at, at + 30))}`;
      for (const at of it) if (!ours.has(at)) (onlyIt++, listing.push(`${name} cuts, ours does not   ${d.id}: ${near(at)}`));
      for (const at of ours) if (!it.has(at)) (onlyOurs++, listing.push(`ours cuts, ${name} does not   ${d.id}: ${near(at)}`));
    }
    console.log(`${name.padEnd(22)} ${corpus.padEnd(8)} ${String(count).padStart(9)} ${String(onlyIt).padStart(26)} ${String(onlyOurs).padStart(29)}`);
  }
}
console.log('\nspeed (all texts, warm): ' + Object.keys(splitters).map((name) => `${name} ${(chars / timing.get(name)! / 1e3).toFixed(1)} M chars/s`).join(', '));
if (args.list) for (const line of listing) console.log(line);
