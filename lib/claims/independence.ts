/**
 * Whether a page retells another source: the same article under another URL, near-identical text
 * (wire copy: shingle Jaccard >= 0.8 on word 5-grams, estimated with MinHash), or an explicit
 * citation of another outlet ("X reported", "according to X", "citing X", "told X"). The credit
 * lines and citation cues are in credits.ts.
 */
import { runSteps, type Steps } from '../steps';
import { canonicalUrl } from '../text/url';
import type { Mention, Source } from '../types';
import { citedOutlets, creditedOutlet, inBackground, inCitation, ledeEnd, registryOutlets, type OutletDirectory } from './credits';

export type Derivation = 'citation' | 'translation' | 'wire-copy' | 'same-article';

export interface DerivationResult {
  derivedFrom: string | null;
  derivation: Derivation | null;
  /** Outlet names the page cites, as written. */
  cited: string[];
  /** The outlet the page's lede credits for its story ("…, TASS reported"), when it does: its origin even when not in the KB. */
  retells?: string;
}

export interface PageForDerivation {
  text: string;
  url: string | null;
  title: string;
  outlet?: string | null;
  mentions: Mention[];
  /** The text's fingerprint and signature when the caller already has them (analyzeArticle computes both). */
  fingerprint?: string;
  signature?: number[];
}

const WIRE_THRESHOLD = 0.8;
const SIGNATURE_SIZE = 128;
const SHINGLE = 5;

// NFKC leaves ASCII unchanged; most English articles are ASCII and skip it.
const NON_ASCII = /[^\x00-\x7f]/;

function normaliseWords(text: string): string[] {
  const lower = text.toLowerCase();
  return (NON_ASCII.test(lower) ? lower.normalize('NFKC') : lower).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvAdd(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/**
 * FNV-1a (32 bits) of `words.slice(from, to).join(' ')`, without building the string; two seeds
 * give a 64-bit fingerprint. Stored signatures depend on these exact values: do not change them.
 */
function fnvWords(words: string[], from: number, to: number, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    if (i > from) h = Math.imul(h ^ 32, FNV_PRIME) >>> 0;
    h = fnvAdd(h, words[i]!);
  }
  return h;
}

function fingerprintOf(words: string[]): string {
  const hex = (seed: number) => fnvWords(words, 0, words.length, seed).toString(16).padStart(8, '0');
  return hex(0) + hex(0x9e3779b9);
}

/** A fingerprint of the normalised text: equal for the same words in the same order. */
export function textFingerprint(text: string): string {
  return fingerprintOf(normaliseWords(text));
}

/** Murmur3's finaliser: spreads a 32-bit value so each seed acts as its own hash function. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(i * 0x9e3779b9 + 1));

function shingleSet(words: string[]): Set<number> {
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(fnvWords(words, 0, words.length, 0));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnvWords(words, i, i + SHINGLE, 0));
  return out;
}

/** Shingle sets of the texts compared lately, most recent last: an import batch compares each text with dozens of others. */
const recentShingles = new Map<string, Set<number>>();
const RECENT_SHINGLES = 256;

function shingleHashes(text: string): Set<number> {
  let set = recentShingles.get(text);
  if (set) recentShingles.delete(text);
  else {
    set = shingleSet(normaliseWords(text));
    if (recentShingles.size >= RECENT_SHINGLES) recentShingles.delete(recentShingles.keys().next().value!);
  }
  recentShingles.set(text, set);
  return set;
}

/** The page's 5-word shingles in text order, for finding long passages another text repeats. */
function shingleSequence(text: string): number[] {
  const words = normaliseWords(text);
  const out: number[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) out.push(fnvWords(words, i, i + SHINGLE, 0));
  return out;
}

/** A passage in quotation marks, within a paragraph: “…”, "…", «…», „…“, 「…」. */
const QUOTED = /“[^”\n]*”|"[^"\n]*"|«[^»\n]*»|„[^“”\n]*[“”]|「[^」\n]*」/u;
const QUOTED_ALL = new RegExp(QUOTED.source, 'gu');
/** Marks the end of a passage in a shingle sequence: no shared run goes across it. */
const BREAK = -1;

/**
 * The page's shingles outside quotation marks, in text order, passages apart: two stories quoting
 * one statement share the quote, not their text. A copy carries the words as its own somewhere.
 */
function ownShingleSequence(text: string): number[] {
  if (!QUOTED.test(text)) return shingleSequence(text);
  const out: number[] = [];
  for (const part of text.split(QUOTED_ALL)) {
    const shingles = shingleSequence(part);
    if (!shingles.length) continue;
    if (out.length) out.push(BREAK);
    out.push(...shingles);
  }
  return out;
}

/** How many distinct shingles of `sequence` appear in `other`. */
function sharedCount(sequence: number[], other: Set<number>): number {
  const seen = new Set<number>();
  for (const h of sequence) if (h !== BREAK && other.has(h)) seen.add(h);
  return seen.size;
}

/** Length, in shingles, of the longest passage of `sequence` whose shingles all appear in `other`. */
function longestSharedRun(sequence: number[], other: Set<number>): number {
  let best = 0;
  let run = 0;
  for (const h of sequence) {
    run = other.has(h) ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** MinHash signature over word 5-grams; the share of equal slots estimates Jaccard similarity. */
export function shingleSignature(text: string): number[] {
  return signatureOf(normaliseWords(text));
}

/** Fingerprint and signature of a text, normalising it once. */
export function textDigest(text: string): { fingerprint: string; signature: number[] } {
  const words = normaliseWords(text);
  return { fingerprint: fingerprintOf(words), signature: signatureOf(words) };
}

function signatureOf(words: string[]): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingleSet(words)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two texts from their signatures. */
export function signatureSimilarity(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  if (!n) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

const SHARED_RUNS = 12;
/**
 * Shingles in a row: 12 five-word shingles are a 16-word passage. An organiser's boilerplate (the
 * list of an exercise's warfare areas) runs to 14 words in stories that do not copy one another.
 */
const LONG_RUN = 12;

/** How two shingle sets overlap, counted in one pass over the smaller. */
function overlapOf(a: Set<number>, b: Set<number>): { shared: number; smaller: number; union: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return { shared, smaller: small.size, union: a.size + b.size - shared };
}

/** Jaccard similarity, or the share of the smaller set found in the larger if higher (0 below 30 shingles, too short to call a copy). */
function similarityOf({ shared, smaller, union }: ReturnType<typeof overlapOf>): number {
  return Math.max(union ? shared / union : 0, smaller < 30 ? 0 : shared / smaller);
}

const TRANSLATION = /\b(?:translated from|translation of|machine[- ]translat\w*|translated by|this is a translation)\b/i;

const keys = new Map<string, string>();

/** An outlet name reduced for comparison; the same few outlet names come back for every candidate, so they are kept. */
function key(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    if (keys.size > 4096) keys.clear();
    k = normaliseWords(name.replace(/\(.*?\)/g, ' ')).filter((w) => w !== 'the').join(' ');
    keys.set(name, k);
  }
  return k;
}

/** Names an outlet string stands for: "Reference News (Cankao Xiaoxi)" -> itself, "Reference News", "Cankao Xiaoxi". */
function outletNames(outlet: string): string[] {
  const inner = /\(([^)]+)\)/.exec(outlet)?.[1];
  const outer = outlet.replace(/\(.*?\)/g, '').trim();
  return [outlet, outer, ...(inner ? [inner] : [])].filter((n) => n.length >= 3);
}

function sameOutlet(a: string, names: string[]): boolean {
  const ka = key(a);
  if (!ka) return false;
  return names.some((n) => {
    const kn = key(n);
    return !!kn && (ka === kn || ` ${ka} `.includes(` ${kn} `) || ` ${kn} `.includes(` ${ka} `));
  });
}

/** A letter or digit: a name cited must not run into one on either side. */
const WORD_CHAR = /[\p{L}\d]/u;
const WORD_RUN = /[\p{L}\d]+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Where each word of a text starts, a word being a run of the characters `WORD_CHAR` accepts, taken
 * one UTF-16 unit at a time as citedAt reads them (so an astral letter ends a word). Built once per
 * page: finding each candidate outlet's names through it replaces a search of the whole text per
 * name (a page with a hundred stored sources around it has some 400 names to look for).
 */
function wordStarts(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (word: string, at: number): void => {
    const list = out.get(word);
    if (list) list.push(at);
    else out.set(word, [at]);
  };
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(text); m; m = WORD_RUN.exec(text)) {
    const run = m[0];
    if (!SURROGATE.test(run)) {
      add(run, m.index);
      continue;
    }
    // Split on the surrogates (kept by the group, so the offsets add up): each half ends a word.
    let at = m.index;
    for (const part of run.split(/([\uD800-\uDFFF])/)) {
      if (part && !SURROGATE.test(part)) add(part, at);
      at += part.length;
    }
  }
  return out;
}

/** Whether some proper prefix of `name` is also its suffix: only then can two occurrences overlap. */
function overlapsItself(name: string): boolean {
  for (let k = 1; k < name.length; k++) if (name.endsWith(name.slice(0, k))) return true;
  return false;
}

/** Stored outlets whose names are looked for in the page per step of findDerivationInSteps. */
const OUTLETS_PER_STEP = 32;

/** The first occurrence of a name in the text, bounded by no letter or digit, that sits in a citation. */
function citedAt(text: string, name: string, words: () => Map<string, number[]>): { at: number; end: number } | null {
  const first = /^[\p{L}\d]+/u.exec(name)?.[0];
  // A bounded occurrence starts a word equal to the name's first word: those words' starts are all
  // there is to look at (unless the name can overlap itself, where a search from each end skips some).
  if (first && !SURROGATE.test(first) && !overlapsItself(name)) {
    for (const at of words().get(first) ?? []) {
      const end = at + name.length;
      if (!text.startsWith(name, at) || WORD_CHAR.test(text[end] ?? '')) continue;
      if (inCitation(text, at, end)) return { at, end };
    }
    return null;
  }
  let from = 0;
  for (let at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, from)) {
    const end = at + name.length;
    from = end;
    if (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) continue;
    if (inCitation(text, at, end)) return { at, end };
  }
  return null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const CITED_DATE = new RegExp(`^[^.]{0,40}?\\bon\\s+(?:(${MONTHS.join('|')})\\s+(\\d{1,2})|(\\d{1,2})\\s+(${MONTHS.join('|')}))`, 'i');

/** `f` answering each name once: a page asks the outlet directory about the same few names for each of its citations. */
function remembered<T>(f: (name: string) => T): (name: string) => T {
  const answers = new Map<string, T>();
  return (name) => {
    if (answers.has(name)) return answers.get(name) as T;
    const answer = f(name);
    answers.set(name, answer);
    return answer;
  };
}

export function findDerivation(
  page: PageForDerivation,
  candidates: Source[],
  outletOf: (entityId: string) => string[],
  outlets: OutletDirectory = registryOutlets(),
): DerivationResult {
  return runSteps(findDerivationInSteps(page, candidates, outletOf, outlets));
}

/**
 * `findDerivation` in steps (lib/steps.ts), for the service worker's slices: it yields between its
 * readings of the page (the citations of its mentions, the outlet names written in it, the names
 * of the stored outlets, the credit line) and before each candidate whose text it compares. It
 * always runs to the end: told to stop, it goes on.
 */
export function* findDerivationInSteps(
  page: PageForDerivation,
  candidates: Source[],
  outletOf: (entityId: string) => string[],
  directory: OutletDirectory = registryOutlets(),
): Steps<DerivationResult> {
  const outlets: OutletDirectory = {
    ...directory,
    canonical: remembered((name) => directory.canonical(name)),
    lookup: remembered((name) => directory.lookup(name)),
    isPress: remembered((name) => directory.isPress(name)),
  };
  const none: DerivationResult = { derivedFrom: null, derivation: null, cited: [] };
  const pageUrl = canonicalUrl(page.url);
  if (pageUrl) {
    const same = candidates.find((c) => canonicalUrl(c.url) === pageUrl);
    if (same) return { ...none, derivedFrom: same.id, derivation: 'same-article' };
  }
  const fingerprint = page.fingerprint ?? textFingerprint(page.text);
  const copy = candidates.find((c) => (c.fingerprint ?? (c.text ? textFingerprint(c.text) : null)) === fingerprint);
  if (copy) return { ...none, derivedFrom: copy.id, derivation: 'same-article' };

  const own = page.outlet ? [...outletNames(page.outlet), outlets.canonical(page.outlet)] : [];
  const isOwn = (name: string): boolean => own.length > 0 && sameOutlet(outlets.canonical(name), own);
  const cited = yield* findCitations(page, candidates, outletOf, outlets, isOwn);
  // A credit line names the story's origin more surely than a citation in the lede.
  const credit = creditedOutlet(page.text, { isOwn, outlets }) ?? cited.lede;
  const retells = credit ? { retells: outlets.canonical(credit) } : {};
  yield page.text.length;
  const near = yield* nearCopy(page, candidates);
  if (near) {
    const wire = near.source;
    const sameOwner = !!page.outlet && sameOutlet(wire.outlet, outletNames(page.outlet));
    // The same text under the same headline is this article (a stored copy seen again under another address).
    // Known under another outlet's name, the same text is a syndicated copy (wire-copy), not the page.
    const sameHeadline = near.sim >= 0.9 && !page.outlet && !!page.title && key(page.title) === key(wire.title);
    return { derivedFrom: wire.id, derivation: sameOwner || sameHeadline ? 'same-article' : 'wire-copy', cited: cited.names, ...retells };
  }
  if (!cited.sources.length) return { ...none, cited: cited.names, ...retells };
  const entities = new Set(page.mentions.map((m) => m.id));
  let best: { source: Source; score: number } | null = null;
  for (const { source, date, credited } of cited.sources) {
    // Quoting an outlet (or a ministry) on one point is reporting: a citation links the page to a
    // stored story of that outlet only when it credits the page's story or gives that story's day.
    if (!credited && !date) continue;
    const shared = source.entities.filter((e) => entities.has(e)).length;
    // The origin covers the same story: shared entities, and the date the citation gives if any.
    if (!shared && source.entities.length && entities.size) continue;
    let score = shared;
    if (date && source.published) {
      const off = Math.abs(Date.parse(source.published.slice(0, 4) + date) - Date.parse(source.published.slice(0, 10)));
      if (off > 86_400_000) continue;
      score += 10;
    }
    if (!best || score > best.score) best = { source, score };
  }
  if (!best) return { ...none, cited: cited.names, ...retells };
  return { derivedFrom: best.source.id, derivation: TRANSLATION.test(page.text) ? 'translation' : 'citation', cited: cited.names, ...retells };
}

interface CitationGroup {
  written: string;
  aliases: string[];
  start: number;
  end: number;
  /** A news outlet's name; a body that speaks for itself (a ministry, an alliance) credits a story only from its first sentence. */
  press: boolean;
}

/**
 * Outlets the page cites, and the candidate sources published by them with the date cited. `lede`
 * is the outlet credited for the story: the first cited in the lede, unless the sentence tells what
 * it reported earlier; a body that speaks for itself only when the story opens with it.
 */
function* findCitations(
  page: PageForDerivation,
  candidates: Source[],
  outletOf: (entityId: string) => string[],
  outlets: OutletDirectory,
  isOwn: (name: string) => boolean,
): Steps<{
  names: string[];
  sources: { source: Source; date: string | null; credited: boolean }[];
  lede?: string;
}> {
  const text = page.text;
  const names: string[] = [];
  const groups: CitationGroup[] = [];
  const consider = (group: CitationGroup): void => {
    if (group.aliases.some(isOwn)) return;
    if (!names.includes(group.written)) names.push(group.written);
    groups.push(group);
  };
  for (const m of page.mentions) {
    if (m.type !== 'organization') continue;
    const aliases = outletOf(m.id);
    if (!aliases.length || !inCitation(text, m.start, m.end)) continue;
    // A citation written in another script is named by the outlet's usual name ("УНІАН" as UNIAN).
    const all = [...aliases, m.name, m.text];
    consider({ written: /[A-Za-z]/.test(m.text) ? m.text : m.name, aliases: all, start: m.start, end: m.end, press: all.some((a) => outlets.isPress(a)) });
  }
  yield text.length;
  // Outlets the entities do not hold ("Maaleht", "俄罗斯卫星网"), by the registry's names.
  for (const c of citedOutlets(text, outlets)) {
    const name = outlets.canonical(c.written);
    consider({ written: /[A-Za-z]/.test(c.written) ? c.written : name, aliases: [name, c.written], start: c.start, end: c.end, press: outlets.isPress(name) });
  }
  yield text.length;
  const tried = new Set<string>();
  let index: Map<string, number[]> | undefined;
  const words = () => (index ??= wordStarts(text));
  for (const c of candidates) {
    if (tried.has(c.outlet)) continue;
    if (tried.size > 0 && tried.size % OUTLETS_PER_STEP === 0) yield text.length;
    tried.add(c.outlet);
    for (const name of outletNames(c.outlet)) {
      const hit = citedAt(text, name, words);
      if (hit) {
        // A stored source's publisher is taken for a news outlet unless the registry knows it as a body.
        consider({ written: name, aliases: outletNames(c.outlet), start: hit.at, end: hit.end, press: !outlets.lookup(c.outlet) || outlets.isPress(c.outlet) });
        break;
      }
    }
  }
  const sources: { source: Source; date: string | null; credited: boolean }[] = [];
  if (!groups.length) return { names, sources };
  // A citation in the first lines credits the whole story, not one quote.
  const lede = ledeEnd(text);
  const opening = ledeEnd(text, 1);
  const credits = groups.filter((g) => g.end <= lede && (g.press || g.end <= opening) && !inBackground(text, g.start));
  const first = credits.length ? credits.reduce((a, b) => (b.end < a.end ? b : a)) : undefined;
  const credited = first ? (first.aliases[0] ?? first.written) : undefined;
  // Groups of the same names match the same outlets: the first group of each set of names stands for the rest.
  const seen = new Set<string>();
  const distinct = groups.filter((g) => {
    const names = g.aliases.join('\u0000');
    if (seen.has(names)) return false;
    seen.add(names);
    return true;
  });
  const groupOf = new Map<string, CitationGroup | undefined>();
  for (const c of candidates) {
    if (!groupOf.has(c.outlet)) {
      const names = outletNames(c.outlet);
      groupOf.set(c.outlet, distinct.find((g) => names.some((n) => sameOutlet(n, g.aliases))));
    }
    const group = groupOf.get(c.outlet);
    if (!group) continue;
    const d = CITED_DATE.exec(text.slice(group.end, group.end + 80));
    let date: string | null = null;
    if (d) {
      const month = MONTHS.indexOf((d[1] ?? d[4])!.toLowerCase()) + 1;
      date = `-${String(month).padStart(2, '0')}-${(d[2] ?? d[3])!.padStart(2, '0')}`;
    }
    sources.push({ source: c, date, credited: !!first && outletNames(c.outlet).some((n) => sameOutlet(n, first.aliases)) });
  }
  return { names, sources, ...(credited ? { lede: credited } : {}) };
}

/** The candidate whose text is near-identical to the page's, if any (a step before each text it reads). */
function* nearCopy(page: PageForDerivation, candidates: Source[]): Steps<{ source: Source; sim: number } | null> {
  const sig = page.signature ?? shingleSignature(page.text);
  let pageSet: Set<number> | null = null;
  let pageSequence: number[] | null = null;
  let pageOwn: number[] | null = null;
  let best: { source: Source; sim: number } | null = null;
  for (const c of candidates) {
    const other = c.signature ?? (c.text ? shingleSignature(c.text) : null);
    if (!other) continue;
    let sim = signatureSimilarity(sig, other);
    if (sim < WIRE_THRESHOLD - 0.15 && !(c.text && page.text)) continue;
    // The estimate is within a few points; settle the close calls on the exact shingle sets. A copy
    // that is cut shorter (an excerpt, a wire story trimmed by its client) is contained in the other.
    if (c.text) {
      yield page.text.length;
      // One pass over the page's words gives both its shingles in order and their set.
      pageSequence ??= shingleSequence(page.text);
      pageSet ??= pageSequence.length ? new Set(pageSequence) : shingleHashes(page.text);
      const other = shingleHashes(c.text);
      const overlap = overlapOf(pageSet, other);
      sim = similarityOf(overlap);
      // Passages shared outside the page's quotation marks: the words it carries as its own.
      pageOwn ??= ownShingleSequence(page.text);
      const shared = pageOwn === pageSequence ? overlap.shared : sharedCount(pageOwn, other);
      // Two rewrites of one wire story still share whole sentences: a dozen shared 5-word runs
      // (a 16-word passage or more) and a quarter of the shorter text is one story, retold.
      if (shared >= SHARED_RUNS && shared / overlap.smaller >= 0.25) sim = Math.max(sim, WIRE_THRESHOLD);
      // One unbroken passage of 16 words or more, word for word, is one story edited by two clients.
      if (longestSharedRun(pageOwn, other) >= LONG_RUN) sim = Math.max(sim, WIRE_THRESHOLD);
    }
    if (sim >= WIRE_THRESHOLD && (!best || sim > best.sim)) best = { source: c, sim };
  }
  return best;
}

/**
 * Of two sources found to be one story (a wire copy, the same article, a citation), the one that
 * retells the other: the one crediting the other's outlet; the later one; an undated copy retells a dated original; otherwise the first
 * argument, as detected. Text similarity is symmetric, so import order alone must not decide.
 */
export function retellerOf(
  a: Pick<Source, 'id' | 'published' | 'outlet' | 'retells'>,
  b: Pick<Source, 'id' | 'published' | 'outlet' | 'retells'>,
  citedBy: (id: string) => string[] = () => [],
): string {
  // The one that credits the other's outlet ("…, TASS reported") retells it.
  const credits = (x: typeof a, y: typeof a): boolean => citedBy(x.id).some((n) => sameOutlet(n, outletNames(y.outlet)));
  if (credits(a, b) && !credits(b, a)) return a.id;
  if (credits(b, a) && !credits(a, b)) return b.id;
  const da = a.published?.slice(0, 10) ?? null;
  const db = b.published?.slice(0, 10) ?? null;
  if (da && db && da !== db) return da > db ? a.id : b.id;
  if (da && !db) return b.id;
  if (db && !da) return a.id;
  // The copy that keeps the wire's dateline ("QINGDAO (Xinhua) --") is nearer the original than one that dropped it.
  if (b.retells && !a.retells) return a.id;
  if (a.retells && !b.retells) return b.id;
  return a.id;
}
