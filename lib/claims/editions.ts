/**
 * Which edition of an exercise a sentence speaks of: the year on the mention ("Cyber Coalition
 * 2019", "TRJE18"), a year the sentence names ("this year's", "in 2016"), or, failing those, the
 * caller's context (an earlier mention, the publication year). Also the ordinal edition claims:
 * "the 12th edition", "its twelfth iteration".
 */
import type { Mention } from '../types';
import type { Span } from './types';

// "Zapad-2017", "RIMPAC 2018", "Rim of the Pacific (RIMPAC) 2018".
const YEAR_AFTER = /^(?:\s*\([^()]{1,24}\))?\)?\s*[-–]?\s*((?:19|20)\d\d)\b/;
const YEAR_BEFORE = /\b((?:19|20)\d\d)(?:[’']s)?\s+$/;

/** The edition year a mention carries, or that is written right next to it. */
export function editionOfMention(text: string, m: Mention): number | null {
  if (m.edition) return m.edition;
  const after = YEAR_AFTER.exec(text.slice(m.end, m.end + 34));
  if (after) return Number(after[1]);
  const before = YEAR_BEFORE.exec(text.slice(Math.max(0, m.start - 9), m.start));
  if (before) return Number(before[1]);
  // "the 2023 iteration of its annual BALTOPS exercise".
  const of = EDITION_OF.exec(text.slice(Math.max(0, m.start - 60), m.start));
  return of ? Number(of[1]) : null;
}

const EDITION_OF = /\b((?:19|20)\d\d)\s+(?:edition|iteration|instalment|installment|round|version|exercise)\s+of\s+(?:(?:the|its|their|this|NATO[’']s|annual|biennial|yearly|multinational|joint|naval|military|large-scale)\s+){0,3}$/i;
const RELATIVE_YEAR = /\b(this|last|next) year(?:[’']s)?\b/i;
// Year spans and the series' own history ("started in 1972") are not an edition.
const YEAR_SPANS = /\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|and|until|till)\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)?\d\d)\b|\bsince\s+(?:19|20)\d\d\b|\b(?:started|begun|began|first held|first staged|founded|established|launched|inaugurated|created|dating back to|dates back to|held every year since)\s+(?:in\s+)?(?:19|20)\d\d\b|\bfirst\b[^.]{0,50}?\b(?:took place|was held|was staged|was conducted|ran)\s+in\s+(?:19|20)\d\d\b/gi;
const YEAR = /\b(?:19|20)\d\d\b/g;

/** The one edition year a sentence points to, or null when it names none or several. */
export function sentenceYear(sentence: string, publishedYear: number | null): number | null {
  const rel = RELATIVE_YEAR.exec(sentence);
  if (rel && publishedYear !== null) {
    const word = rel[1]!.toLowerCase();
    return publishedYear + (word === 'last' ? -1 : word === 'next' ? 1 : 0);
  }
  const years = new Set(sentence.replace(YEAR_SPANS, ' ').match(YEAR) ?? []);
  return years.size === 1 ? Number([...years][0]) : null;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty-second': 22, 'twenty-third': 23,
  'twenty-fourth': 24, 'twenty-fifth': 25, thirtieth: 30,
};
const ORDINAL = new RegExp(
  `\\b(?:the|its|this year[’']s|this|for the)\\s+(\\d{1,3}(?:st|nd|rd|th)|${Object.keys(ORDINAL_WORDS).join('|')})\\s+` +
    '(?:annual\\s+|consecutive\\s+)?(edition|iteration|instalment|installment|round|version|time|exercise|drills?|event|annual)\\b',
  'gi',
);

export interface OrdinalMatch extends Span {
  ordinal: number;
}

/** Ordinal editions in a sentence. "For the first time" and "the first exercise" are news, not an edition number. */
export function findOrdinals(sentence: string): OrdinalMatch[] {
  const out: OrdinalMatch[] = [];
  ORDINAL.lastIndex = 0;
  for (let m = ORDINAL.exec(sentence); m; m = ORDINAL.exec(sentence)) {
    const word = m[1]!.toLowerCase();
    const ordinal = ORDINAL_WORDS[word] ?? parseInt(word, 10);
    if (ordinal === 1 && !/^(edition|iteration|instalment|installment)$/i.test(m[2]!)) continue;
    // "for the fifteenth time" counts editions only when it is the exercise being held, not "the fourth time it was hosted by Estonia".
    if (/^time$/i.test(m[2]!)) {
      const around = sentence.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30);
      if (!/\b(?:held|taking place|takes place|took place|organi[sz]ed|conducted|staged|run)\b/i.test(around) || /\bhosted by\b/i.test(around)) continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, ordinal });
  }
  return out;
}
