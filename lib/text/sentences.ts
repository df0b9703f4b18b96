/**
 * Sentences, the one splitter every path uses (claims, the page's sentence marks and popover, import
 * cuts, the dataset's one-sentence summaries). By hand, because it was right more often than
 * Intl.Segmenter (even with an abbreviation list) and compromise's splitter on 181 real pages and the
 * real set's dev articles, and is several times faster: docs/decisions/sentences.md,
 * `npx tsx scripts/measure-sentences.ts`.
 */
export interface Sentence {
  text: string;
  /** Offsets into the text split. */
  start: number;
  end: number;
}

// A period after these does not end a sentence ("Gen. Smith", "Dec. 3", "St. Petersburg").
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr gen lt col maj capt cpt sgt adm cmdr cdr brig gov sen rep st vs inc co corp ltd jr sr ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec approx est fig vol rev prof mt ft'
  ).split(' '),
);
// These shorten a word only before a number: "No. 2", but "Oh, no. It was".
const BEFORE_NUMBER = new Set(['no', 'nos']);
// "12 тыс. 700 военных" is one figure (12,700); "тыс." before a word ends nothing either (a small letter follows).
const THOUSANDS = new Set(['тыс', 'тис']);
// "at 10 a.m. Friday", "5:45 p.m. ET": the time goes on.
const AFTER_TIME =
  /^(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|[A-Z]{2,4})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)/;

/** A line break, blank lines included, before a word in small letters. */
const SOFT_WRAP = /^\n(?:[ \t]*\n){0,2}[ \t]*(?=[\p{Ll}])/u;

const END = /[.!?]+["”’»)\]]*(?=\s)|[。！？]+[」』”’）)]*/g;

/** Splits `text` into sentences; lines are always boundaries (titles, bullets, paragraphs). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // A line cut in mid-sentence ("…a military exercise\n\ninvolving 18,000 soldiers from 19 nations,\n\nkicked
    // off…"): no end mark before the break, a small letter after it. One sentence goes on.
    for (let wrap = SOFT_WRAP.exec(text.slice(lineEnd, lineEnd + 8)); wrap && lineEnd < text.length && /[\p{L}\p{N},]$/u.test(text.slice(lineStart, lineEnd).trimEnd()); wrap = SOFT_WRAP.exec(text.slice(lineEnd, lineEnd + 8))) {
      const next = text.indexOf('\n', lineEnd + wrap[0].length);
      lineEnd = next < 0 ? text.length : next;
    }
    splitLine(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

function splitLine(text: string, from: number, to: number, out: Sentence[]): void {
  const line = text.slice(from, to);
  let begin = 0;
  END.lastIndex = 0;
  for (let m = END.exec(line); m; m = END.exec(line)) {
    const stop = m.index + m[0].length;
    if (!isBoundary(line, m.index, stop)) continue;
    push(text, from + begin, from + stop, out);
    begin = stop;
  }
  push(text, from + begin, to, out);
}

function isBoundary(line: string, dot: number, stop: number): boolean {
  // The next sentence starts with a capital, a digit or an opening quote.
  let next = stop;
  while (next < line.length && /\s/.test(line[next]!)) next++;
  if (next >= line.length) return true;
  // Chinese and Japanese full stops end a sentence whatever follows.
  if (/[。！？]/.test(line[dot]!)) return true;
  if (!/["“‘«„(\p{Lu}\p{Lo}0-9]/u.test(line[next]!)) return false;
  if (line[dot] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(line.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  const after = line.slice(next, next + 12);
  if (BEFORE_NUMBER.has(lower)) return !/^\d/.test(after);
  if (THOUSANDS.has(lower)) return !/^\d{3}(?!\d)/.test(after);
  if (word === 'a.m' || word === 'p.m') return !AFTER_TIME.test(after);
  // Initials and dotted acronyms, in any script: "U.S.", "J. Smith", "В. Герасимов".
  return !/(^|\.)\p{Lu}$/u.test(word);
}

function push(text: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}
