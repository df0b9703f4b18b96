/**
 * Detection speed and quality: the gazetteer pass alone, full detection, and compromise's own
 * `.places()`/`.organizations()` on the same text and the same gold set, in one run.
 */
import nlp from 'compromise';
import { join } from 'node:path';
import { readSeeds } from '../lib/dataset/seeds-fs';
import { createDetector, scanGazetteer, tokenize } from '../lib/detect';
import { loadGold } from '../lib/detect/gold';
import { goldSpans, scoreMentions } from '../lib/detect/score';
import { extractClaims } from '../lib/claims';
import type { Mention } from '../lib/types';
import { cachedText, loadRealSet } from './lib/real-set';

const ROOT = join(new URL('.', import.meta.url).pathname, '..');

function wordsOf(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Runs `fn` over `text` for at least `ms`, returning characters per second. */
function charsPerSecond(text: string, fn: (t: string) => unknown, ms = 1500): number {
  fn(text);
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    fn(text);
    runs++;
  }
  return Math.round((text.length * runs) / ((performance.now() - start) / 1000));
}

/**
 * About 60,000 characters of real reporting per language, from the real-reporting cache (test/real/README.md);
 * null when the cache has none in that language.
 */
function realText(language: string): string | null {
  const texts = loadRealSet().filter((a) => a.language === language).map((a) => cachedText(a.id)).filter((t): t is string => !!t);
  if (!texts.length) return null;
  const joined = texts.join('\n\n');
  return Array.from({ length: Math.ceil(60_000 / joined.length) }, () => joined).join('\n\n').slice(0, 60_000);
}

/** Runs `fn` over `text` for at least `ms`, returning words per second. */
function throughput(text: string, fn: (t: string) => unknown, ms = 1500): number {
  fn(text);
  const words = wordsOf(text);
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    fn(text);
    runs++;
  }
  return Math.round((words * runs) / ((performance.now() - start) / 1000));
}

export async function benchDetect(): Promise<Record<string, number | string>> {
  const detector = createDetector(readSeeds(join(ROOT, 'seeds')).entities);
  const gold = loadGold(ROOT);
  // A long article: the gold documents repeated to about 20,000 words.
  const base = gold.map((g) => g.text).join('\n\n');
  const long = Array.from({ length: Math.ceil(20000 / wordsOf(base)) }, () => base).join('\n\n');

  // compromise names places and organisations; map its spans to our ids through the same gazetteer.
  const viaCompromise = (text: string): Mention[] => {
    const doc = nlp(text);
    const spans = [...doc.places().json({ offset: true }), ...doc.organizations().json({ offset: true })] as { offset: { start: number; length: number } }[];
    const out: Mention[] = [];
    for (const s of spans) {
      const surface = text.slice(s.offset.start, s.offset.start + s.offset.length);
      const hit = detector.detect(surface)[0];
      if (hit) out.push({ ...hit, start: s.offset.start + hit.start, end: s.offset.start + hit.end });
    }
    return out;
  };
  const score = (detect: (t: string) => Mention[]) =>
    scoreMentions(gold.map(({ file, text, doc }) => ({ file, text, gold: goldSpans(text, doc), predicted: detect(text) }))).byType;
  const ours = score((t) => detector.detect(t));
  const theirs = score(viaCompromise);
  const fmt = (n: number) => n.toFixed(3);
  return {
    'long article words': wordsOf(long),
    'gazetteer path words/s': throughput(long, (t) => scanGazetteer(t, tokenize(t), detector.gazetteer)),
    'full detection words/s': throughput(long, (t) => detector.detect(t)),
    'compromise places+organizations words/s': throughput(long, (t) => {
      const d = nlp(t);
      d.places().out('array');
      d.organizations().out('array');
    }, 3000),
    ...byLanguage(detector),
    'triangulate P/R exercise': `${fmt(ours.exercise.precision)}/${fmt(ours.exercise.recall)}`,
    'triangulate P/R country': `${fmt(ours.country.precision)}/${fmt(ours.country.recall)}`,
    'triangulate P/R organization': `${fmt(ours.organization.precision)}/${fmt(ours.organization.recall)}`,
    'compromise P/R country': `${fmt(theirs.country.precision)}/${fmt(theirs.country.recall)}`,
    'compromise P/R organization': `${fmt(theirs.organization.precision)}/${fmt(theirs.organization.recall)}`,
  };
}

/** Detection and claim extraction, characters per second, on real text in English, Russian, Chinese and Japanese. */
function byLanguage(detector: ReturnType<typeof createDetector>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  const entity = (id: string) => detector.gazetteer.entities.get(id);
  for (const language of ['en', 'ru', 'uk', 'zh', 'ja']) {
    const text = realText(language);
    if (!text) {
      out[`${language}: detection chars/s`] = 'skipped (no cached real texts; see test/real/README.md)';
      continue;
    }
    out[`${language}: detection chars/s`] = charsPerSecond(text, (t) => detector.detect(t));
    out[`${language}: detection + claims chars/s`] = charsPerSecond(text, (t) =>
      extractClaims({ text: t, published: null, sourceId: 'bench', mentions: detector.detect(t), entity }));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of Object.entries(await benchDetect())) console.log(`${k.padEnd(42)} ${v}`);
}
