/**
 * Exercise dates in a sentence, resolved against the publication date: "until Friday",
 * "from 2 to 6 this month", "kicked off on Monday", "on 14 September", "a five-day exercise".
 * Words that name a day without a year take the year that puts them closest to the publication
 * date on the side the tense points to, so "3 January" in a late-December article is next year.
 */
import type { DatesValue } from '../types';
import type { Span } from './types';

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8,
  sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30,
};

const MON = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4}))?';
const TO = '\\s*(?:to|until|till|through|and|-|–)\\s*';
const WD = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

// Each pattern names which groups hold what (fields of `WrittenDate`); `capital`: the month is written with a capital ("May", not "may").
const PATTERNS: { re: RegExp; groups: string; capital?: boolean }[] = [
  // 28 December 2019 to 3 January 2020 / 2 to 6 December 2019 / 14-20 September
  { re: new RegExp(`\\b${DAY}(?:\\s+${MON}${YEAR})?${TO}${DAY}\\s+(?:of\\s+)?${MON}${YEAR}`, 'gi'), groups: 'd1 m1 y1 d2 m2 y2' },
  // December 2-6, 2019 / September 14 to September 20
  { re: new RegExp(`\\b${MON}\\s+${DAY}${YEAR}${TO}(?:${MON}\\s+)?${DAY}\\b${YEAR}`, 'gi'), groups: 'm1 d1 y1 m2 d2 y2' },
  // 2 to 6 this month
  { re: new RegExp(`\\b${DAY}${TO}${DAY}\\s+(?:of\\s+)?(this|next|last) month`, 'gi'), groups: 'd1 d2 rel' },
  // 14 September 2017
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MON}${YEAR}`, 'gi'), groups: 'd1 m1 y1' },
  // September 14, 2017
  { re: new RegExp(`\\b${MON}\\s+${DAY}\\b${YEAR}`, 'gi'), groups: 'm1 d1 y1' },
  // the 6th of this month
  { re: new RegExp(`\\b(?:the\\s+)?${DAY}\\s+of\\s+(this|next|last) month`, 'gi'), groups: 'd1 rel' },
  // Monday
  { re: new RegExp(`\\b${WD}\\b`, 'gi'), groups: 'wd' },
  // in September (2017)
  { re: new RegExp(`\\b(?:in|during|for)\\s+(?:early\\s+|mid-|late\\s+)?${MON}${YEAR}\\b`, 'gi'), groups: 'm1 y1' },
  // (until) the end of June, (through) May
  { re: new RegExp(`\\b(?:(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+)?${MON}${YEAR}\\b`, 'gi'), groups: 'm1 y1', capital: true },
  // (scheduled for) early next month
  { re: /\b(?:(?:early|mid-|late|the\s+(?:end|beginning|start|middle)\s+of)\s*)?(this|next|last)\s+month\b/gi, groups: 'rel' },
  // (began) today
  { re: /\b(today|tomorrow|yesterday)\b(?!['’]s)/gi, groups: 'days' },
];

/** A date as written, before its sentence says what it means: the parts it states, and where it is. */
export interface WrittenDate extends Span {
  /** Day, month (1-12) and year of the date, or of a range's first day; each only when written. */
  d1?: number;
  m1?: number;
  y1?: number;
  /** A range's last day. */
  d2?: number;
  m2?: number;
  y2?: number;
  /** "this month" 0, "next month" 1, "last month" -1: the month counted from the publication date. */
  rel?: number;
  /** A weekday named alone, 0 for Sunday. */
  wd?: number;
  /** "today" 0, "tomorrow" 1, "yesterday" -1: the day counted from the publication date. */
  days?: number;
}

/** The dates written in a sentence, best readings first; they may overlap (the first one read wins). */
export type DateReader = (sentence: string) => WrittenDate[];

const RELATIVE: Record<string, number> = { this: 0, next: 1, last: -1 };
const DAYS_FROM_PUBLICATION: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };

const writtenDates: DateReader = (sentence) => {
  const out: WrittenDate[] = [];
  for (const { re, groups, capital } of PATTERNS) {
    const names = groups.split(' ') as Exclude<keyof WrittenDate, keyof Span>[];
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      if (capital && !/^\p{Lu}/u.test(m[1] ?? '')) continue;
      const written: WrittenDate = { start: m.index, end: m.index + m[0].length };
      names.forEach((name, k) => {
        const word = m[k + 1]?.toLowerCase();
        if (word === undefined) return;
        if (name === 'wd') written.wd = WEEKDAYS[word];
        else if (name === 'rel') written.rel = RELATIVE[word];
        else if (name === 'days') written.days = DAYS_FROM_PUBLICATION[word];
        else written[name] = name.startsWith('m') ? MONTHS[word.replace('.', '')] : Number(word);
      });
      out.push(written);
    }
  }
  return out;
};

// "42 days in advance of the exercise" is a notice period, not how long it runs.
const DURATION = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty)[- ](day|week)s?(?:-long)?\b(?!\s+(?:in advance|before|ahead|prior|earlier|later|after|ago|notice|beforehand))|\bweek-long\b|\bweeklong\b|\bfor\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen)\s+(day|week)s\b/i;

const START_WORDS = /\b(?:began|begin|begins|beginning|started|start|starts|starting|kicked off|kicks off|kick off|kicking off|launched|launches|launch|opened|opens|commenced|commences|got under way|gets under way|got underway|gets underway|get underway|from|since)\s+(?:(?:in earnest|officially|formally|fully)\s+)?(?:on\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*[,(]?\s*)?(?:the\s+)?$/i;
const END_WORDS = /\b(?:until|till|through|to|ended|ends|end|ending|concluded|concludes|conclude|wrapped up|wraps up|closed|closes|finished|finishes|finish)\s+(?:on\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*)?(?:the\s+)?$/i;
const HELD_WORDS = /\b(?:held|hold|holds|take place|takes place|took place|taking place|conducted|staged|scheduled|planned|set|due|run|runs|ran|will be)\s+(?:\w+\s+)?(?:on|in|for|from)?\s*(?:the\s+)?$/i;
// A date a report was published or a statement made is not the exercise's date.
const SPEECH_BEFORE = /\b(?:reported|said|announced|told|stated|published|wrote|added|posted|reports|says)\s+(?:on\s+)?(?:the\s+)?$/i;
const PAST = /\b(?:was|were|had|began|started|kicked|launched|opened|ended|concluded|wrapped|closed|finished|held|took|lasted|ran|got|commenced)\b/gi;
const FUTURE = /\b(?:will|is|are|lasts|runs|ends|begins|starts|kicks|opens|closes|scheduled|due|expected|set|planned|until|till|through|continues)\b/gi;

type Tense = 'past' | 'future' | null;

export interface DateContext {
  /** Publication date as a UTC Date at midnight; null when unknown. */
  published: Date | null;
}

export function parsePublished(published: string | null): Date | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

export interface DatesMatch extends Span {
  value: DatesValue;
}

interface Piece extends Span {
  role: 'start' | 'end' | 'both' | 'held';
  from: string;
  to: string;
  precision: 'day' | 'month';
}

/**
 * Dates and durations in one sentence, merged into one value; null when there are none.
 * `editionYear`, the edition the sentence speaks of, dates a day written without its year: "September 10-16"
 * in a sentence on Zapad-2021 is in 2021, whatever the tense; on an undated page it is the only clue.
 * Weekdays and "this month" still need the publication date. `read` finds the dates as written (our
 * patterns; scripts/measure-dates.ts passes chrono-node's parser to compare the two on real text).
 */
export function findDates(sentence: string, published: Date | null, editionYear: number | null = null, read: DateReader = writtenDates): DatesMatch | null {
  const pieces: Piece[] = [];
  const taken: Span[] = [];
  for (const written of read(sentence)) {
    const { start, end } = written;
    if (taken.some((t) => start < t.end && end > t.start)) continue;
    const piece = readWritten(sentence, written, published, editionYear);
    if (!piece) continue;
    taken.push({ start, end });
    pieces.push(piece);
  }
  const dur = DURATION.exec(sentence);
  let durationDays: number | undefined;
  if (dur) {
    const amount = dur[1] ?? dur[3];
    const unit = (dur[2] ?? dur[4] ?? 'week').toLowerCase();
    const n = amount ? (SMALL[amount.toLowerCase()] ?? Number(amount)) : 1;
    durationDays = unit === 'week' ? n * 7 : n;
  }
  if (!pieces.length && durationDays === undefined) return null;

  let start: string | null = null;
  let endDate: string | null = null;
  let precision: 'day' | 'month' = 'day';
  for (const p of pieces) {
    if (p.role === 'both') {
      start = p.from;
      endDate = p.to;
    } else if (p.role === 'start' || p.role === 'held') start ??= p.from;
    else endDate = p.to;
    if (p.precision === 'month') precision = 'month';
  }
  // The claim's text is where the dates are; a length said elsewhere in the sentence ("drills lasting two
  // weeks") does not stretch it over the figures in between.
  const spans: Span[] = pieces.slice();
  if (dur && (!pieces.length || pieces.some((p) => Math.abs(p.end - dur.index) <= 40 || Math.abs(dur.index + dur[0].length - p.start) <= 40))) spans.push({ start: dur.index, end: dur.index + dur[0].length });
  const value: DatesValue = { type: 'dates', start, end: endDate, precision };
  if (durationDays !== undefined) value.durationDays = durationDays;
  let end = Math.max(...spans.map((s) => s.end));
  // A sentence's full stop is not part of "7 November".
  if (sentence[end - 1] === '.' && !/\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i.test(sentence.slice(0, end))) end--;
  return { value, start: Math.min(...spans.map((s) => s.start)), end };
}

/** What a date as written means in its sentence: which end of the exercise it gives, in which year. */
function readWritten(sentence: string, g: WrittenDate, published: Date | null, editionYear: number | null): Piece | null {
  const before = sentence.slice(Math.max(0, g.start - 90), g.start);
  if (SPEECH_BEFORE.test(before)) return null;
  const tense = tenseBefore(before);
  const span = { start: triggerStart(before, g.start), end: g.end };

  if (g.wd !== undefined) {
    // "Thursday, 1 December": the date that follows says more than the weekday.
    if (new RegExp(`^,?\\s*(?:${DAY}\\s+${MON}|${MON}\\s+\\d)`, 'i').test(sentence.slice(span.end))) return null;
    const role = roleOf(before, sentence.slice(g.end, g.end + 100));
    if (!role || !published) return null;
    const day = iso(resolveWeekday(g.wd, role === 'end' && !tense ? 'future' : tense, published));
    return { ...span, role, from: day, to: day, precision: 'day' };
  }
  if (g.days !== undefined) {
    // "began today", "ends tomorrow": the publication date says which day.
    const role = roleOf(before);
    if (!role || !published) return null;
    const day = iso(new Date(published.getTime() + g.days * DAY_MS));
    return { ...span, role, from: day, to: day, precision: 'day' };
  }
  if (g.d1 === undefined) {
    // Month only: "held in September" (the whole exercise), "until the end of June" (one end of it), "early next month".
    const role = roleOf(before) ?? (HELD_WORDS.test(before) ? 'both' : null);
    if (!role) return null;
    let ym: string;
    if (g.rel !== undefined) {
      if (!published) return null;
      const month = new Date(Date.UTC(published.getUTCFullYear(), published.getUTCMonth() + g.rel, 1));
      ym = iso(month).slice(0, 7);
    } else {
      if (g.m1 === undefined) return null;
      const year = g.y1 ?? editionYear ?? (published ? resolveYear(g.m1, 15, role === 'end' && !tense ? 'future' : tense, published) : null);
      if (year === null) return null;
      ym = `${year}-${pad(g.m1)}`;
    }
    return { ...span, role, from: ym, to: ym, precision: 'month' };
  }

  const d1 = g.d1;
  if (g.rel !== undefined || g.m1 !== undefined || g.m2 !== undefined) {
    let m1: number;
    let m2: number;
    let y1: number | null = g.y1 ?? null;
    let y2: number | null = g.y2 ?? null;
    if (g.rel !== undefined) {
      if (!published) return null;
      const base = new Date(Date.UTC(published.getUTCFullYear(), published.getUTCMonth() + g.rel, 1));
      m1 = m2 = base.getUTCMonth() + 1;
      y1 = y2 = base.getUTCFullYear();
    } else {
      m1 = (g.m1 ?? g.m2)!;
      m2 = g.m2 ?? m1;
      if (g.m1 === undefined && g.d2 !== undefined && g.d2 < d1) m1 = m2 - 1 || 12;
    }
    if (g.d2 === undefined) {
      const role = roleOf(before, sentence.slice(g.end, g.end + 100)) ?? (HELD_WORDS.test(before) ? 'held' : null);
      if (!role) return null;
      const year = y1 ?? editionYear ?? (published ? resolveYear(m1, d1, role === 'end' && !tense ? 'future' : tense, published) : null);
      if (year === null || !valid(year, m1, d1)) return null;
      const day = `${year}-${pad(m1)}-${pad(d1)}`;
      return { ...span, role, from: day, to: day, precision: 'day' };
    }
    const d2 = g.d2;
    y2 ??= y1;
    y1 ??= y2 !== null ? (m1 > m2 ? y2 - 1 : y2) : null;
    if (y1 === null) {
      if (editionYear !== null) y1 = editionYear;
      else if (published) y1 = resolveYear(m1, d1, tense, published);
      else return null;
    }
    if (y2 === null) y2 = m2 < m1 ? y1 + 1 : y1;
    if (!valid(y1, m1, d1) || !valid(y2, m2, d2)) return null;
    return { ...span, role: 'both', from: `${y1}-${pad(m1)}-${pad(d1)}`, to: `${y2}-${pad(m2)}-${pad(d2)}`, precision: 'day' };
  }
  return null;
}

/** "opened annual Cobra Gold multinational military exercises on Tuesday": the verb, its object, then the day. */
// "began its main phase on", "begins in Estonia on Wednesday", "concluded the exercise in Kiel, Germany, on 16 June":
// the verb's own clause, a place's apposition (", Germany,") the only comma allowed in it.
const FAR_GAP = String.raw`(?:[^.,;:]|,\s+[A-Z][\w’'-]*(?:\s+[A-Z\d][\w’'-]*)*,|,\s+(?=(?:[\w’'-]+\s+){0,2}(?:naval\s+|military\s+|joint\s+)?(?:exercises?|drills?|manoeuvres|maneuvers|war ?games)\b))`;
const START_FAR = new RegExp(String.raw`\b(?:began|begun|begins|started|starts|kicked off|kicks off|launched|launches|opened|opens|commenced|commences)\b${FAR_GAP}{1,90}?\bon\s+(?:the\s+)?$`, 'i');
const END_FAR = new RegExp(String.raw`\b(?:ended|ends|concluded|concludes|wrapped up|wraps up|closed|closes|finished|finishes)\b${FAR_GAP}{1,90}?\bon\s+(?:the\s+)?$`, 'i');

/** "On September 12, the joint exercise began": a date that opens the sentence, its verb after it. */
const OPENING_ON = /(?:^|[.;:"“«]\s*)On\s+$/;
const START_AFTER = /^,?\s+(?:the\s+)?[^.;:,]{0,80}?\b(?:began|started|kicked off|opened|commenced|got under ?way|was launched|were launched)\b/i;
const END_AFTER = /^,?\s+(?:the\s+)?[^.;:,]{0,80}?\b(?:ended|concluded|wrapped up|closed|finished|came to an end)\b/i;

function roleOf(before: string, after = ''): Piece['role'] | null {
  if (OPENING_ON.test(before)) {
    if (START_AFTER.test(after)) return 'start';
    if (END_AFTER.test(after)) return 'end';
  }
  if (START_WORDS.test(before)) return 'start';
  // "half of the field drills were postponed to September": a part moved, not the exercise's end.
  if (MOVED_TO.test(before)) return null;
  if (END_WORDS.test(before)) return 'end';
  if (START_FAR.test(before)) return 'start';
  if (END_FAR.test(before)) return 'end';
  return null;
}

/** Where the trigger words before a date begin, so "until Friday" is the claim's text, not "Friday". */
function triggerStart(before: string, at: number): number {
  const m = START_WORDS.exec(before) ?? END_WORDS.exec(before) ?? HELD_WORDS.exec(before);
  return m ? at - before.length + m.index + (/^\s*/.exec(m[0])?.[0].length ?? 0) : at;
}

const MOVED_TO = /\b(?:postponed|delayed|deferred|moved|pushed back|rescheduled|put off)\s+(?:un)?(?:to|till|until)\s+$/i;
const FUTURE_MARKER = /\b(?:will|to be|is due|are due|is set|are set|scheduled)\b/gi;

/** The tense of the verb nearest before a date. */
function tenseBefore(before: string): Tense {
  let past = -1;
  let future = -1;
  PAST.lastIndex = 0;
  FUTURE.lastIndex = 0;
  for (let m = PAST.exec(before); m; m = PAST.exec(before)) past = m.index;
  for (let m = FUTURE.exec(before); m; m = FUTURE.exec(before)) future = m.index;
  if (past < 0 && future < 0) return null;
  // "will be held", "to be held", "due to be held" are future though "held" is a past form; in "ships will
  // take part in the exercise that began Monday" the past verb nearest the date decides.
  let marker = -1;
  FUTURE_MARKER.lastIndex = 0;
  for (let m = FUTURE_MARKER.exec(before); m; m = FUTURE_MARKER.exec(before)) marker = m.index;
  if (marker >= 0 && (past < 0 || marker > past || past - marker <= 20)) return 'future';
  // "are held", "is being staged": the present says nothing of which side of the publication date.
  if (/\b(?:is|are)\s+(?:being\s+)?(?:held|conducted|staged|hosted)\s+\S*\s*$/i.test(before)) return null;
  return past > future ? 'past' : 'future';
}

const DAY_MS = 86_400_000;

function resolveWeekday(wd: number, tense: Tense, published: Date): Date {
  const today = published.getUTCDay();
  const back = new Date(published.getTime() - ((today - wd + 7) % 7) * DAY_MS);
  const ahead = new Date(published.getTime() + ((wd - today + 7) % 7) * DAY_MS);
  if (tense === 'past') return back;
  if (tense === 'future') return ahead;
  return published.getTime() - back.getTime() < ahead.getTime() - published.getTime() ? back : ahead;
}

/** The year that puts month/day closest to the publication date, on the side the tense allows. */
function resolveYear(month: number, day: number, tense: Tense, published: Date): number {
  const y = published.getUTCFullYear();
  const slack = 7 * DAY_MS;
  let best = y;
  let bestDist = Infinity;
  for (const year of [y - 1, y, y + 1]) {
    const diff = Date.UTC(year, month - 1, day) - published.getTime();
    if (tense === 'past' && diff > slack) continue;
    if (tense === 'future' && diff < -slack) continue;
    if (Math.abs(diff) < bestDist) {
      bestDist = Math.abs(diff);
      best = year;
    }
  }
  return best;
}

function valid(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
