/**
 * Counts in text: a number (digits or words), the hedge around it and the noun it counts, kept as
 * stated (CountValue): "more than 30 countries" -> nations { stated: [30], hedge: 'more-than' }.
 * The interval used for comparison comes from lib/text/interval.ts, nowhere else.
 */
import type { CountKind, CountValue, Hedge } from '../types';
import type { Token } from './tokens';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/** A parsed number: [lo, hi] is the span the words allow ("several hundred" = [300, 900]). */
export interface NumberMatch {
  lo: number;
  hi: number;
  /** Index one past the last token. */
  next: number;
  /** Given in words that are themselves approximate ("two dozen", "tens of thousands"). */
  words: boolean;
}

/** Value of a word number token such as "twenty-five" or "seven". */
function unitValue(t: string): number | undefined {
  if (t in UNITS) return UNITS[t];
  const parts = t.split('-');
  if (parts.length !== 2) return undefined;
  const tens = UNITS[parts[0]!];
  const unit = UNITS[parts[1]!];
  return tens !== undefined && unit !== undefined && tens >= 20 && unit < 10 ? tens + unit : undefined;
}

function digits(raw: string): number {
  // "8.600 troops": thousands grouped with full stops, as in much of Europe (a count has no three decimals).
  if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) return Number(raw.replace(/\./g, ''));
  return Number(raw.replace(/[,+]/g, ''));
}

// Vague quantities and the interval a reader would take from them.
const VAGUE: { words: string[]; lo: number; hi: number }[] = [
  { words: ['tens', 'of', 'thousands'], lo: 20_000, hi: 99_999 },
  { words: ['hundreds', 'of', 'thousands'], lo: 200_000, hi: 999_999 },
  { words: ['several', 'hundred'], lo: 300, hi: 900 },
  { words: ['several', 'thousand'], lo: 3000, hi: 9000 },
  { words: ['a', 'few', 'hundred'], lo: 200, hi: 500 },
  { words: ['a', 'few', 'thousand'], lo: 2000, hi: 5000 },
  { words: ['a', 'couple', 'of', 'hundred'], lo: 200, hi: 300 },
  { words: ['a', 'couple', 'of', 'dozen'], lo: 20, hi: 30 },
  { words: ['half', 'a', 'dozen'], lo: 6, hi: 6 },
  { words: ['dozens'], lo: 24, hi: 99 },
  { words: ['hundreds'], lo: 200, hi: 999 },
  { words: ['thousands'], lo: 2000, hi: 9999 },
  { words: ['a', 'dozen'], lo: 12, hi: 12 },
  { words: ['a', 'hundred'], lo: 100, hi: 100 },
  { words: ['a', 'thousand'], lo: 1000, hi: 1000 },
];

/** VAGUE by first word, in the same order: most tokens start none of them. */
const VAGUE_BY_FIRST = new Map<string, typeof VAGUE>();
for (const v of VAGUE) VAGUE_BY_FIRST.set(v.words[0]!, [...(VAGUE_BY_FIRST.get(v.words[0]!) ?? []), v]);

export function parseNumber(tokens: Token[], i: number): NumberMatch | null {
  const tok = tokens[i];
  if (!tok) return null;
  if (/^\d/.test(tok.t)) {
    let n = digits(tok.t);
    let next = i + 1;
    // "200 000 servicemen": thousands grouped with a space, as many outlets write them.
    if (/^\d{1,3}$/.test(tok.t)) {
      for (let g = tokens[next]; g && /^\d{3}$/.test(g.t) && g.start - tokens[next - 1]!.end === 1; g = tokens[next]) {
        n = n * 1000 + Number(g.t);
        next++;
      }
    }
    const mult = MULTIPLIERS[tokens[next]?.t ?? ''];
    if (mult && mult >= 1000) {
      n *= mult;
      next++;
    }
    return { lo: n, hi: n, next, words: false };
  }
  for (const v of VAGUE_BY_FIRST.get(tok.t) ?? []) {
    if (v.words.every((w, k) => tokens[i + k]?.t === w)) {
      let next = i + v.words.length;
      // "dozens of", "hundreds of": the "of" belongs to the quantity.
      if (tokens[next]?.t === 'of' && /s$/.test(v.words[v.words.length - 1]!)) next++;
      return { lo: v.lo, hi: v.hi, next, words: true };
    }
  }
  // Word numbers: "twenty-five", "two hundred", "three thousand", "two dozen".
  let total = 0;
  let current = 0;
  let j = i;
  let words = false;
  let any = false;
  for (; j < tokens.length; j++) {
    const t = tokens[j]!.t;
    const u = unitValue(t);
    if (u !== undefined) {
      current += u;
      any = true;
    } else if (any && t === 'dozen') {
      current *= 12;
      words = true;
    } else if (any && t === 'hundred') {
      current *= 100;
      words = true;
    } else if (any && (t === 'thousand' || t === 'million')) {
      total += current * MULTIPLIERS[t]!;
      current = 0;
      words = true;
    } else if (any && t === 'and' && unitValue(tokens[j + 1]?.t ?? '') !== undefined) {
      continue;
    } else break;
  }
  if (!any) return null;
  const n = total + current;
  return { lo: n, hi: n, next: j, words };
}

const HEDGES: { words: string[]; hedge: Hedge }[] = [
  { words: ['no', 'more', 'than'], hedge: 'up-to' },
  { words: ['not', 'more', 'than'], hedge: 'up-to' },
  { words: ['no', 'fewer', 'than'], hedge: 'at-least' },
  { words: ['no', 'less', 'than'], hedge: 'at-least' },
  { words: ['a', 'minimum', 'of'], hedge: 'at-least' },
  { words: ['a', 'maximum', 'of'], hedge: 'up-to' },
  { words: ['more', 'than'], hedge: 'more-than' },
  { words: ['in', 'excess', 'of'], hedge: 'more-than' },
  { words: ['upwards', 'of'], hedge: 'more-than' },
  { words: ['just', 'over'], hedge: 'more-than' },
  { words: ['well', 'over'], hedge: 'more-than' },
  { words: ['over'], hedge: 'more-than' },
  { words: ['at', 'least'], hedge: 'at-least' },
  { words: ['fewer', 'than'], hedge: 'fewer-than' },
  { words: ['less', 'than'], hedge: 'fewer-than' },
  { words: ['just', 'under'], hedge: 'fewer-than' },
  { words: ['under'], hedge: 'fewer-than' },
  { words: ['up', 'to'], hedge: 'up-to' },
  { words: ['as', 'many', 'as'], hedge: 'up-to' },
  { words: ['at', 'most'], hedge: 'up-to' },
  { words: ['an', 'estimated'], hedge: 'about' },
  { words: ['about'], hedge: 'about' },
  { words: ['around'], hedge: 'about' },
  { words: ['roughly'], hedge: 'about' },
  { words: ['some'], hedge: 'about' },
  { words: ['approximately'], hedge: 'about' },
  { words: ['approx'], hedge: 'about' },
  { words: ['circa'], hedge: 'about' },
  { words: ['close', 'to'], hedge: 'about' },
  { words: ['closer', 'to'], hedge: 'about' },
  { words: ['nearly'], hedge: 'almost' },
  { words: ['almost'], hedge: 'almost' },
  { words: ['just', 'shy', 'of'], hedge: 'almost' },
];

/** The hedge right before token i, with the index of its first token. */
function hedgeBefore(tokens: Token[], i: number): { hedge: Hedge; first: number } | null {
  for (const h of HEDGES) {
    const first = i - h.words.length;
    if (first < 0) continue;
    if (h.words.every((w, k) => tokens[first + k]!.t === w)) return { hedge: h.hedge, first };
  }
  return null;
}

/** The stated form of a hedged number: the number(s) as written, never widened. */
export function countValue(hedge: Hedge, lo: number, hi: number, hedgeText?: string): CountValue {
  const v: CountValue = { type: 'count', stated: lo === hi ? [lo] : [lo, hi], hedge };
  if (hedgeText) v.hedgeText = hedgeText;
  return v;
}

const KIND_NOUNS: Record<string, CountKind> = {};
function nouns(kind: CountKind, list: string): void {
  for (const w of list.split(' ')) KIND_NOUNS[w] = kind;
}
nouns(
  'participants',
  'participants participant people persons personnel troops troop soldiers servicemen servicemembers ' +
    'servicewomen members experts specialists officers sailors airmen marines paratroopers cadets staff ' +
    'reservists delegates trainees defenders operators engineers commandos men women ' +
    'conscripts players students analysts officials',
);
nouns('nations', 'countries country nations nation states allies partners');
nouns(
  'aircraft',
  'aircraft planes airplanes aeroplanes jets helicopters choppers bombers drones uavs warplanes fighters airframes',
);
nouns('vessels', 'ships vessels warships boats submarines frigates destroyers corvettes minesweepers carriers');
nouns('vehicles', 'vehicles tanks trucks launchers apcs ifvs howitzers');
nouns('teams', 'teams team squads');

// Words that may sit between a number and its noun: "12,000 Russian and Belarusian troops",
// "40 fighter jets". Anything else ends the search, so "One scenario involves participants" is no count.
const MODIFIERS = new Set(
  (
    'and foreign allied partner member service military armed naval army air combat fighter support other more cybersecurity ' +
    'airborne infantry mechanized mechanised motorized motorised artillery logistics medical ' +
    'cyber international additional active armoured armored main battle modern new total police civilian reserve ' +
    'special elite border coast guard sea land security defense defence rescue unmanned attack transport strategic ' +
    'tactical heavy light nuclear missile surface patrol landing expert crew participating contributing ' +
    'visiting regional local national multinational joint warplane rotary fixed-wing amphibious ground marine'
  ).split(' '),
);
const ADJECTIVE_ENDING = /(?:ian|ese|ish|ean|ern)$/;

const INVOLVED = /^(?:(?:could|would|will|may|might|were|are) )?(?:be )?(?:involved|take part|taking part|took part|participate|participated|participating)\b/;

/** Nouns for the group of people a count may refer to ("the team of roughly 20"). */
const GROUP_NOUNS = new Set(['team', 'contingent', 'delegation', 'group', 'force', 'unit', 'detachment', 'crew']);

export interface CountMatch {
  kind: CountKind;
  value: CountValue;
  /** Offsets relative to the scanned text. */
  start: number;
  end: number;
  noun: string;
  /** Token indexes: the first token of the count (hedge included), one past the number, the noun (-1 when none). */
  first: number;
  next: number;
  nounIndex: number;
  /** A share of a figure given before it: "of whom 3,000", "including 2,000", "among them 150". */
  part?: boolean;
  /** Joined to the count before it by a list separator: "1,000 Russian aircraft and 36,000 tanks". */
  listed?: boolean;
  /** Joined by a bare "and" (a pair), not a comma. */
  paired?: boolean;
}

/** Only a list separator (",", "and", ", and") between two counts. */
function listJoins(tokens: Token[], from: number, to: number): boolean {
  const between = wordsBetween(tokens, from, to);
  return between === ',' || between === 'and' || between === ', and';
}

function wordsBetween(tokens: Token[], from: number, to: number): string {
  return tokens.filter((t) => t.start >= from && t.end <= to).map((t) => t.t).join(' ');
}

/** Words that open a share of a figure just given. */
function opensShare(tokens: Token[], start: number): boolean {
  // "of which a mere 2,500", "of whom only 3,000": words that belittle the share stand between.
  let first = start;
  while (first > 0 && /^(?:a|mere|merely|only|just)$/.test(tokens[first - 1]!.t)) first--;
  const a = tokens[first - 1]?.t;
  const b = tokens[first - 2]?.t;
  if (a === 'including' || a === 'incl' || a === 'among' || (a === 'them' && b === 'among')) return true;
  return (a === 'whom' || a === 'which' || a === 'them' || a === 'those') && b === 'of';
}

/**
 * Designations, not counts: "Su-24M", "S-400", "Tu-22M3", "F-35", "MiG-29", "Type 055".
 * The number is glued to letters by a hyphen or followed by a letter suffix.
 */
function isModelNumber(tokens: Token[], i: number): boolean {
  const tok = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // "09" in "2018-09-13": a date, not a count; counts are not written with a leading zero.
  if (/^0\d/.test(tok.t)) return true;
  // "13" in "09-13": the tail of a date (a true range would have taken it with its first number).
  const before = tokens[i - 2];
  if (prev?.t === '-' && prev.end === tok.start && before && before.end === prev.start && /^\d/.test(before.t)) return true;
  if (prev?.t === '-' && prev.end === tok.start) {
    const before = tokens[i - 2];
    if (before && before.end === prev.start && /^[A-Za-z]{1,4}$/.test(before.raw)) return true;
  }
  if (next && next.start === tok.end && /^[A-Za-z]/.test(next.raw)) return true;
  // "Tu-22M3": a digit glued to letters before it.
  if (prev && prev.end === tok.start && /[A-Za-z]$/.test(prev.raw)) return true;
  if (prev && /^(?:type|project|model|no|number)$/.test(prev.t)) return true;
  // "16 Air Assault Brigade", "the 82nd Airborne Division": a unit's number, not a count.
  return UNIT_NAME.test(tokens.slice(i + 1, i + 5).map((t) => t.raw).join(' '));
}

const UNIT_NAME = /^(?:[A-Z][\w-]*\s+){0,3}(?:Brigade|Division|Regiment|Battalion|Squadron|Wing|Corps|Fleet|Army|Group|Flotilla|Commando)\b/;

/** Every count of a known kind in the tokens of one sentence. */
export function findCounts(tokens: Token[]): CountMatch[] {
  const out: CountMatch[] = [];
  let previousKind: CountKind | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const num = parseNumber(tokens, i);
    if (!num) continue;
    const tok = tokens[i]!;
    // Years and clock times are not counts.
    if (!num.words && /^(19|20)\d\d$/.test(tok.t)) continue;
    let hedge: Hedge = num.words ? 'words' : 'exact';
    let first = i;
    const before = hedgeBefore(tokens, i);
    if (before) {
      hedge = before.hedge;
      first = before.first;
    }
    const hedgeFirst = first;
    const lo = num.lo;
    let hi = num.hi;
    let next = num.next;
    if (tok.t.endsWith('+')) hedge = 'at-least';
    // Ranges: "12,000 to 15,000", "12,000-15,000", "between 12,000 and 15,000".
    const sep = tokens[next]?.t;
    if (sep === 'to' || sep === '-' || sep === '–' || (sep === 'and' && tokens[first - 1]?.t === 'between')) {
      const upper = parseNumber(tokens, next + 1);
      if (upper && upper.hi > hi) {
        hi = upper.hi;
        next = upper.next;
        hedge = 'range';
        if (sep === 'and') first--;
      }
    }
    // "30 or more", "30-plus".
    if (tokens[next]?.t === 'or' && tokens[next + 1]?.t === 'more') {
      hedge = 'at-least';
      next += 2;
    }
    const noun = nounAfter(tokens, next);
    let kind: CountKind | undefined = noun ? kindOf(tokens, noun.index) : undefined;
    let end = noun ? tokens[noun.index]!.end : tokens[next - 1]!.end;
    if (!kind && /^(?:pieces|units|items)$/.test(tokens[next]?.t ?? '') && tokens[next + 1]?.t === 'of') {
      // "680 pieces of equipment", "5,000 units of military hardware": hardware, counted with vehicles.
      kind = 'vehicles';
      end = tokens[Math.min(next + 2, tokens.length - 1)]!.end;
    }
    if (!kind && /^(?:could|would|will|may|might|were|are)?$/.test(tokens[next]?.t ?? '') && INVOLVED.test(tokens.slice(next, next + 4).map((t) => t.t).join(' '))) {
      // "as many as 100,000 could be involved": people, though the noun is left out.
      kind = 'participants';
    }
    const shareAfter = tokens[next]?.t === 'of' && /^(?:them|those|these|whom)$/.test(tokens[next + 1]?.t ?? '');
    // A share counts what its whole counted ("12,700 troops, of whom 3,000 Russian"), or hardware inside
    // hardware ("up to 10,000 vehicles, including 150 aircraft"); "50,000 participants, including 10,000
    // vehicles" lists another kind, not a part of the people.
    const whole = out[out.length - 1];
    const shareKind = (k: CountKind | undefined): boolean => !whole || !k || k === whole.kind || whole.kind === 'vehicles';
    const part = (opensShare(tokens, first) || shareAfter) && out.length > 0 && shareKind(kind);
    if (!kind && part && previousKind) {
      // "12,700 troops, of whom 3,000 Russian": the share counts what the whole counted.
      kind = previousKind;
      end = tokens[Math.min(next, tokens.length) - 1]!.end;
      if (tokens[next] && /(?:ian|ese|ish|ean|ern|an)$/.test(tokens[next]!.t) && /^[A-Z]/.test(tokens[next]!.raw)) end = tokens[next]!.end;
    }
    const clauseEnds = !tokens[next] || /^[,.;:)]$/.test(tokens[next]!.t) || /^(?:could|would|will|were|are|was|took|take|troops)$/.test(tokens[next]!.t);
    if (!kind && previousKind === 'participants' && before && lo >= 100 && out.length > 0 && clauseEnds) {
      // "12,700 troops, while Western officials expect closer to 100,000": a hedged figure with no
      // noun of its own counts what the sentence's previous figure counted.
      kind = previousKind;
    }
    if (!kind && (tokens[next]?.t === 'and' || tokens[next]?.t === ',')) {
      // "700 and 200 soldiers respectively": the first figure of a pair counts what the second counts.
      const second = parseNumber(tokens, next + 1);
      const secondNoun = second ? nounAfter(tokens, second.next) : null;
      const secondKind = secondNoun && second!.next === secondNoun.index ? kindOf(tokens, secondNoun.index) : undefined;
      if (secondKind) {
        kind = secondKind;
        end = tokens[next - 1]!.end;
      }
    }
    // "28,000 U.S., allied and partner forces", "about 14,000 ground forces": people; "17 land forces" are units.
    if (!kind && noun && tokens[noun.index]!.t === 'forces' && lo >= 500) kind = 'participants';
    if (!kind) {
      // "the actual number of participants will be closer to 200,000", "the number of soldiers has been lowered to 30,000".
      const counted = numberOf(tokens, first);
      if (counted) {
        kind = counted;
        end = tokens[next - 1]!.end;
      }
    }
    if (!kind) {
      // "the team of roughly 20", "a contingent of 150".
      const g = tokens[first - 1]?.t === 'of' ? tokens[first - 2]?.t : undefined;
      if (!g || !GROUP_NOUNS.has(g)) continue;
      kind = 'participants';
      first -= 2;
      end = tokens[next - 1]!.end;
    }
    if (isModelNumber(tokens, i)) continue;
    // Number words are as vague as "about": "about two dozen" reads like "two dozen", shown as written.
    if (num.words && hedge === 'about') hedge = 'words';
    const words = hedge === 'words' ? tokens.slice(hedgeFirst, num.next).map((t) => t.t).join(' ') : hedgeFirst < i ? tokens.slice(hedgeFirst, i).map((t) => t.t).join(' ') : undefined;
    const prev = out[out.length - 1];
    const listed = !!prev && listJoins(tokens, prev.end, tokens[first]!.start);
    const match: CountMatch = { kind, value: countValue(hedge, lo, hi, words), start: tokens[first]!.start, end, noun: noun ? tokens[noun.index]!.t : '', first, next, nounIndex: noun?.index ?? -1 };
    // "11,000 personnel, including 3,700 Marines, 1,200 soldiers and 400 airmen": every item of the list is a share.
    if (part || (listed && prev?.part && prev.kind === kind)) match.part = true;
    if (listed) match.listed = true;
    if (listed && wordsBetween(tokens, prev.end, tokens[first]!.start) === 'and') match.paired = true;
    out.push(match);
    previousKind = kind;
    i = next - 1;
  }
  distributeHedges(out);
  return out;
}

// Quantifiers readers take over a whole list; "about 70 aircraft and 680 pieces" keeps its "about" to itself.
const SPREADING: ReadonlySet<Hedge> = new Set(['more-than', 'at-least', 'up-to']);

/**
 * "More than 250 aircraft, 65 ships and 10,000 vehicles": a hedge on the first item of a list covers
 * the items that carry none. Not when another item has its own ("about 250 aircraft, 65 vessels and
 * up to 10,000 vehicles") or the hedge is not on the first item: then each keeps what it says.
 */
function distributeHedges(counts: CountMatch[]): void {
  for (let i = 0; i < counts.length; i++) {
    let j = i + 1;
    while (j < counts.length && counts[j]!.listed) j++;
    const head = counts[i]!;
    const rest = counts.slice(i + 1, j);
    // Only across kinds ("aircraft, ships and vehicles"); two shares of one kind ("3,800 U.S. troops and 3,000 Thai personnel") each say their own.
    const kinds = new Set([head, ...rest].map((c) => c.kind));
    if (rest.length && kinds.size === rest.length + 1 && SPREADING.has(head.value.hedge) && rest.every((c) => c.value.hedge === 'exact')) {
      for (const c of rest) {
        c.value.hedge = head.value.hedge;
        if (head.value.hedgeText) c.value.hedgeText = head.value.hedgeText;
      }
    }
    i = j - 1;
  }
}

/** The kind of "the number of <noun>" a few words before a bare figure, with no other figure between. */
function numberOf(tokens: Token[], first: number): CountKind | undefined {
  for (let j = first - 1; j >= Math.max(2, first - 10); j--) {
    const t = tokens[j]!.t;
    if (/^\d/.test(t) || t === '.' || t === ';') return undefined;
    if (tokens[j - 2]?.t === 'number' && tokens[j - 1]?.t === 'of' && KIND_NOUNS[t] && KIND_NOUNS[t] !== 'nations') return KIND_NOUNS[t];
  }
  return undefined;
}

function nounAfter(tokens: Token[], from: number): { index: number } | null {
  // Dotted initials ("U.S.", "U.K.") are one word spread over four tokens: they do not use up the reach.
  let reach = from + 6;
  for (let j = from; j < tokens.length && j < reach; j++) {
    const t = tokens[j]!.t;
    // "forces" counts people only in large figures (see findCounts): "17 land forces" are units.
    if (t in KIND_NOUNS || t === 'forces') {
      return { index: j };
    }
    const raw = tokens[j]!.raw;
    if (t === '.' && /^[A-Z]$/.test(tokens[j - 1]?.raw ?? '') && tokens[j - 1]!.end === tokens[j]!.start) {
      reach++;
      continue;
    }
    if (t === '-' || MODIFIERS.has(t) || ADJECTIVE_ENDING.test(t) || /^[A-Z]/.test(raw)) continue;
    // "U.S., allied and partner forces": a comma inside a list of qualifiers.
    if (t === ',' && MODIFIERS.has(tokens[j + 1]?.t ?? '')) {
      reach++;
      continue;
    }
    return null;
  }
  return null;
}

function kindOf(tokens: Token[], index: number): CountKind | undefined {
  const t = tokens[index]!.t;
  const prev = tokens[index - 1]?.t;
  if (t === 'members') return prev === 'service' || prev === 'crew' || prev === 'staff' ? 'participants' : 'nations';
  // "United States" is a country name, not a count of states.
  if (t === 'states' && prev === 'united') return undefined;
  return KIND_NOUNS[t];
}
