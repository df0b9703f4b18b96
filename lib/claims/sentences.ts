/**
 * Sentence splitting by hand: compromise's splitter is accurate but costs ~20x more, and
 * extraction must keep up with long pages in the background (> 50,000 words/s).
 */
import type { Sentence } from './types';

// A period after these does not end a sentence ("Gen. Smith", "Dec. 3", "No. 5").
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr gen lt col maj capt cpt sgt adm cmdr gov sen rep st no nos vs etc inc co corp ltd jr sr ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec approx est fig vol rev prof mt ft'
  ).split(' '),
);

const END = /[.!?]+["”’»)\]]*(?=\s)|[。！？]+[」』”’）)]*/g;

/** Splits `text` into sentences; lines are always boundaries (titles, bullets, paragraphs). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
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
  if (/[。！？]/.test(line[dot]!)) return true;
  // Chinese and Japanese full stops end a sentence whatever follows.
  if (!/["“‘«„(\p{Lu}0-9]/u.test(line[next]!)) return false;
  if (line[dot] !== '.') return true;
  const word = /([A-Za-z.]+)$/.exec(line.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // Initials and dotted acronyms: "U.S.", "J. Smith".
  return !/(^|\.)[A-Z]$/.test(word);
}

function push(text: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}
