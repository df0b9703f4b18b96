/**
 * Finds mentions of exercises, countries and organisations in article text.
 *
 * Pass 1 walks the compiled gazetteer over the tokens (leftmost-longest, so "Japan" inside
 * "Japan Self-Defense Forces" is not a second hit) and reads edition years ("Zapad-2017",
 * "Zapad '17", "TRJE18"). Pass 2 drops ambiguous names whose context says they are something
 * else (a person, a river, a US state, food). Pass 3 resolves generic phrases ("the Defense
 * Ministry", "the ministry") through the country the sentence or article is about. Pass 4 finds
 * exercises missing from the data through their context ("drills code-named X").
 */
import { applyDefinedAbbreviations } from './abbreviations';
import { runSteps, type Steps } from '../steps';
import type { Entity, Mention } from '../types';
import { buildGazetteer, buildGazetteerInSteps, type Gazetteer, type GazetteerEntry, type RawHit } from './gazetteer';
import { findContextExercises } from './context-exercises';
import { rejectedByContext } from './ambiguity';
import { resolveGenericPhrases } from './generic';
import { isAllCaps, isCapitalised, joinableGap, tokenizeInSteps, type Token } from './tokens';

export interface Detector {
  detect(text: string): Mention[];
  /**
   * `detect` in steps (lib/steps.ts), for the service worker's time slices: it yields after the
   * tokens are read, every TOKENS_PER_STEP tokens scanned and HITS_PER_STEP hits judged, and
   * between its later passes, each time where in the text it got. It finds every mention
   * whatever it is sent: a page's mentions are never cut short.
   */
  detectInSteps(text: string): Steps<Mention[]>;
  gazetteer: Gazetteer;
}

/**
 * Tokens walked through the gazetteer per step, and hits judged by their context per step: a
 * fraction of a millisecond each on a plain page (a judgement may ask compromise, whose first
 * answer is one indivisible step).
 */
const TOKENS_PER_STEP = 500;
const HITS_PER_STEP = 100;

const CONFIDENCE: Record<string, number> = {
  name: 1,
  alias: 1,
  acronym: 0.95,
  edition: 1,
  demonym: 0.9,
  variant: 0.85,
};

/** An exercise edition written after the name: 4-digit year, "'17", or "-17"/" 17". */
function editionAfter(text: string, tokens: Token[], last: number): { year: number; end: number } | null {
  const next = tokens[last + 1];
  const prev = tokens[last];
  if (!next || !prev) return null;
  const gap = text.slice(prev.end, next.start);
  if (/^\d{4}$/.test(next.raw) && /^[\s\-–—－]{0,2}$/.test(gap)) {
    const year = Number(next.raw);
    if (year >= 1990 && year <= 2039) return { year, end: last + 1 };
  }
  // "Balikatan 39-2024", "BK 39-24": the edition's number, then its year.
  const numbered = /^[-–](\d{4}|\d{2})\b/.exec(text.slice(next.end, next.end + 6));
  if (/^\d{2}$/.test(next.raw) && /^\s$/.test(gap) && numbered) {
    const year = numbered[1]!.length === 4 ? Number(numbered[1]) : 2000 + Number(numbered[1]);
    const end = tokens.findIndex((t, k) => k > last + 1 && t.end >= next.end + numbered[0].length);
    if (year >= 1990 && year <= 2039 && end > 0) return { year, end };
  }
  if (/^\d{2}$/.test(next.raw) && /^(\s?['’‘]|-|\s)$/.test(gap)) {
    const year = 2000 + Number(next.raw);
    if (year <= 2039) return { year, end: last + 1 };
  }
  return null;
}

function caseMatches(entry: GazetteerEntry, tokens: Token[], from: number): boolean {
  if (entry.caseRule === 'any') return true;
  if (entry.caseRule === 'capital') {
    if (!isCapitalised(tokens[from]!.raw)) return false;
    // Names led by an article ("The Times") need every capitalised word capitalised: "The times".
    if (!/^(the|a|an|la|le|el|die|der)$/i.test(entry.raw[0] ?? '')) return true;
    return entry.raw.every((raw, k) => !isCapitalised(raw) || isCapitalised(tokens[from + k]?.raw ?? ''));
  }
  return entry.raw.every((raw, k) => tokens[from + k]?.raw === raw);
}

/** "US" in a shouted headline ("TELL US MORE") is a pronoun. */
function inShoutedText(tokens: Token[], at: number, length: number): boolean {
  const before = tokens[at - 1];
  const after = tokens[at + length];
  const loud = (t: Token | undefined) => !!t && t.raw.length > 1 && isAllCaps(t.raw) && !/\d/.test(t.raw);
  return loud(before) && loud(after);
}

/**
 * Machine translation often drops the apostrophe ("Japans first participation"): a capitalised
 * one-word country or organisation name plus "s" is that name, highlighted without the "s".
 */
function possessiveWithoutApostrophe(tokens: Token[], i: number, gz: Gazetteer): RawHit | null {
  const token = tokens[i]!;
  if (token.key.length < 4 || !token.key.endsWith('s') || !isCapitalised(token.raw)) return null;
  const entries = gz.root.next.get(token.key.slice(0, -1))?.entries ?? [];
  const entry = entries.find((e) => (e.form === 'name' || e.form === 'alias') && e.caseRule === 'capital' && e.type !== 'exercise');
  return entry ? { entry, first: i, last: i, trimEnd: 1 } : null;
}

/** Quotes around a name, or a word for exercise beside it, in the languages with native names. */
const OPEN_QUOTE = /[«"“„「『‘]\s*$/;
const CLOSE_QUOTE = /^\s*[»"”“」』’]/;
const EXERCISE_BEFORE = /(?:учени[еяйюями]*|маневр\w*|навчан\w*|навчань|стратегическо\w* учени\w*|演习|演習|军演|軍演|演练|演練)\s*[«"“„「『]?\s*$/i;
const EXERCISE_AFTER = /^\s*[»"”」』]?\s*(?:учени\w*|навчан\w*|演习|演習|军演|軍演|演练|演練|联合演习|訓練|训练)/i;

function namedAsExercise(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 12);
  return (OPEN_QUOTE.test(before) && CLOSE_QUOTE.test(after)) || EXERCISE_BEFORE.test(before) || EXERCISE_AFTER.test(after);
}

const CJK_FEATURE_AFTER = /^(?:海(?!军|軍|警|上|事|空|兵|自|域|外|岸)|半岛|半島)/u;
const SEA_AFTER = /^\s+(?:мор[яеюмі]|море|залив|затока|затоц|океан)/iu;
const CJK_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30FC]/u;
const KATAKANA = /[\p{sc=Katakana}\u30FC]/u;

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Where the word holding a character starts and ends, by `Intl.Segmenter` (dictionary-based in both
 * engines) run over a short window around it: segmenting a whole Chinese page costs a second, a window
 * per candidate name costs nothing, and the words near a name come out the same.
 */
function wordAround(text: string, at: number): { start: number; end: number } | null {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return null;
  const from = Math.max(0, at - 8);
  const window = text.slice(from, Math.min(text.length, at + 9));
  const lang = /[\p{sc=Hiragana}\p{sc=Katakana}]/u.test(window) ? 'ja' : 'zh';
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'word' })));
  const s = segmenter.segment(window).containing(at - from);
  return s ? { start: from + s.index, end: from + s.index + s.segment.length } : null;
}

/**
 * A Chinese or Japanese name must not sit inside a longer word: "日本" inside "日本海" (the Sea of Japan)
 * is not Japan. Segmenters split names as often as not ("俄罗|斯"), so a name may span several segments.
 */
function cjkBounded(text: string, start: number, end: number): boolean {
  if (!CJK_CHAR.test(text.charAt(start))) return true;
  // A katakana name inside a longer katakana word ("タイ" in "リアルタイム") is part of that word.
  if (KATAKANA.test(text.charAt(start))) return !KATAKANA.test(text.charAt(start - 1)) && !KATAKANA.test(text.charAt(end));
  // Crossing the end edge is the telling case ("日本|海" would be "日本海"); at the start the segmenter
  // often glues a name's first character to the word before ("和白|俄罗斯"), so only a name wholly inside
  // an earlier-starting word is refused there.
  const last = wordAround(text, end - 1);
  if (last && last.end > end) return false;
  const first = wordAround(text, start);
  return !(first && first.start < start && first.end >= end);
}

/**
 * "“马拉巴尔”海上联合军演": words right after another exercise's quoted name describe it (a joint naval
 * exercise); they are not the name of a second exercise (Joint Sea), unless a year makes them one.
 */
function describesNamedExercise(text: string, start: number, hits: RawHit[], tokens: Token[]): boolean {
  const before = hits[hits.length - 1];
  if (!before || before.entry.type !== 'exercise') return false;
  return /^\s*[”"」』》]\s*$/u.test(text.slice(tokens[before.last]!.end, start)) && CJK_CHAR.test(text.charAt(start));
}

export function scanGazetteer(text: string, tokens: Token[], gz: Gazetteer): RawHit[] {
  return runSteps(scanGazetteerInSteps(text, tokens, gz));
}

/** `scanGazetteer` yielding every TOKENS_PER_STEP tokens (the character it reached). */
function* scanGazetteerInSteps(text: string, tokens: Token[], gz: Gazetteer): Steps<RawHit[]> {
  const hits: RawHit[] = [];
  const n = tokens.length;
  let i = 0;
  let pauseAt = TOKENS_PER_STEP;
  while (i < n) {
    const token = tokens[i]!;
    if (i >= pauseAt) {
      yield token.start;
      pauseAt = i + TOKENS_PER_STEP;
    }
    const code = /^([a-z]{2,6})(\d{2})$/.exec(token.key);
    const codeSeries = code ? gz.codes.get(code[1]!) : undefined;
    if (code && codeSeries && isAllCaps(token.raw.slice(0, code[1]!.length))) {
      const entity = gz.entities.get(codeSeries)!;
      hits.push({
        entry: { id: entity.id, type: entity.type, form: 'edition', caseRule: 'exact', raw: [token.raw], needsYear: false },
        first: i,
        last: i,
        edition: 2000 + Number(code[2]),
      });
      i++;
      continue;
    }
    let node = gz.root;
    let best: RawHit | null = null;
    for (let j = i; j < n; j++) {
      const tj = tokens[j]!;
      if (j > i && !joinableGap(text.slice(tokens[j - 1]!.end, tj.start), tokens[j - 1]!)) break;
      let child = node.next.get(tj.key);
      for (const alt of tj.alts ?? []) child ??= node.next.get(alt);
      if (!child) break;
      node = child;
      if (!node.entries) continue;
      for (const entry of node.entries) {
        if (!caseMatches(entry, tokens, i)) continue;
        if (entry.caseRule === 'exact' && inShoutedText(tokens, i, j - i + 1)) continue;
        const edition = entry.type === 'exercise' ? editionAfter(text, tokens, j) : null;
        if (entry.needsYear && !edition && !(entry.inContext && namedAsExercise(text, tokens[i]!.start, tj.end))) continue;
        if (!cjkBounded(text, tokens[i]!.start, tj.end)) continue;
        if (entry.type === 'exercise' && !edition && describesNamedExercise(text, tokens[i]!.start, hits, tokens)) continue;
        // "Японского моря", "Балтийского моря": a sea's name, not the country's.
        if (entry.form === 'demonym' && SEA_AFTER.test(text.slice(tj.end, tj.end + 12))) continue;
        // "フィリピン海", "菲律宾海", "朝鲜半岛": a sea or a peninsula named after the country (its navy, 海军, is the country's).
        if (entry.type === 'country' && CJK_CHAR.test(text.charAt(tokens[i]!.start)) && CJK_FEATURE_AFTER.test(text.slice(tj.end, tj.end + 3))) continue;
        best = { entry, first: i, last: edition ? edition.end : j, ...(edition ? { edition: edition.year } : {}) };
        break;
      }
    }
    best ??= possessiveWithoutApostrophe(tokens, i, gz);
    if (best) {
      hits.push(best);
      i = best.last + 1;
    } else {
      i++;
    }
  }
  return hits;
}

/** Web and e-mail addresses: words inside them ("/us-vietnam-talks") are not mentions. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+\.[\w.-]+/gi;

function insideAddresses(text: string): (start: number, end: number) => boolean {
  const spans: [number, number][] = [];
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(text); m; m = ADDRESS.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return (start, end) => spans.some(([a, b]) => start >= a && end <= b);
}

export function createDetector(entities: Iterable<Entity>): Detector {
  return detectorOver(buildGazetteer(entities));
}

/** `createDetector` in steps: the gazetteer is compiled fifty entities per step (the service worker's wake). */
export function* createDetectorInSteps(entities: Iterable<Entity>): Steps<Detector> {
  return detectorOver(yield* buildGazetteerInSteps(entities));
}

function detectorOver(gazetteer: Gazetteer): Detector {
  function* detectInSteps(text: string): Steps<Mention[]> {
    const tokens = yield* tokenizeInSteps(text);
    const inAddress = insideAddresses(text);
    yield 0;
    const found = yield* scanGazetteerInSteps(text, tokens, gazetteer);
    // Judged in the order found, as before: a judgement may remember what it read of the text.
    const hits: RawHit[] = [];
    for (let k = 0; k < found.length; k++) {
      const hit = found[k]!;
      if (k > 0 && k % HITS_PER_STEP === 0) yield tokens[hit.first]!.start;
      if (!rejectedByContext(hit, text, tokens) && !inAddress(tokens[hit.first]!.start, tokens[hit.last]!.end)) hits.push(hit);
    }
    yield text.length;
    const mentions: Mention[] = hits.map((hit) => {
      const entity = gazetteer.entities.get(hit.entry.id)!;
      const start = tokens[hit.first]!.start;
      // "U.S." keeps its last full stop: the abbreviation is the name.
      const dotted = hit.entry.caseRule === 'exact' && hit.entry.raw.length > 1 && hit.entry.raw.every((r) => r.length === 1);
      const end = tokens[hit.last]!.end + (dotted && text.charAt(tokens[hit.last]!.end) === '.' ? 1 : 0) - (hit.trimEnd ?? 0);
      const form = hit.edition !== undefined ? 'edition' : hit.entry.form;
      return {
        type: entity.type,
        id: entity.id,
        name: entity.name,
        text: text.slice(start, end),
        start,
        end,
        confidence: CONFIDENCE[hit.entry.form] ?? 0.8,
        form,
        ...(hit.edition !== undefined ? { edition: hit.edition } : {}),
      };
    });
    yield text.length;
    const generic = resolveGenericPhrases(text, tokens, mentions, gazetteer);
    yield text.length;
    const context = findContextExercises(text, tokens, [...mentions, ...generic]);
    return applyDefinedAbbreviations(text, [...mentions, ...generic, ...context].sort((a, b) => a.start - b.start), gazetteer.entities);
  }
  return {
    gazetteer,
    detect: (text) => runSteps(detectInSteps(text)),
    detectInSteps,
  };
}
