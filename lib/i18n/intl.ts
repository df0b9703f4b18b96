/**
 * Numbers and dates in the user's locale (the browser's interface language, i18n.getUILanguage()),
 * through Intl; names of countries and languages and plural forms in the language of the words
 * around them (the catalogue's, `catalogueLanguage` in messages.json), so an English sentence never
 * carries a German country name. Formatters are built once per locale and options.
 */
import { messageSource, sourceGeneration } from './source';

const cache = new Map<string, unknown>();
let cachedFor = -1;

function cached<T>(key: string, make: () => T): T {
  if (cachedFor !== sourceGeneration()) {
    cache.clear();
    cachedFor = sourceGeneration();
  }
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A tag Intl accepts, else English. */
function usable(tag: string | null | undefined): string {
  try {
    return Intl.getCanonicalLocales(tag?.replace(/_/g, '-') || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The locale numbers and dates are formatted for. */
export function uiLocale(): string {
  return cached('ui', () => usable(messageSource().getUILanguage()));
}

/** The language of the words shown (English when the user's language has no catalogue). */
export function wordsLanguage(): string {
  return cached('words', () => usable(messageSource().getMessage('catalogueLanguage', [])));
}

export function formatNumber(n: number): string {
  return cached('number', () => new Intl.NumberFormat(uiLocale())).format(n);
}

/** "12,000–15,000" in English, "12 000–15 000" in Russian. */
export function formatNumberRange(lo: number, hi: number): string {
  const format = cached('number', () => new Intl.NumberFormat(uiLocale()));
  // formatRange says "~5" for equal ends, and older engines refuse a range that runs backwards.
  if (lo === hi) return format.format(lo);
  try {
    return format.formatRange(lo, hi);
  } catch {
    return `${format.format(lo)}–${format.format(hi)}`;
  }
}

/** A calendar date known to the day, the month or the year. */
export interface CalendarDate {
  y: number;
  m?: number;
  d?: number;
}

type Precision = 'day' | 'month' | 'year';

const DATE_OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'short', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

function precisionOf(c: CalendarDate): Precision {
  return c.m === undefined ? 'year' : c.d === undefined ? 'month' : 'day';
}

function dateFormat(p: Precision): Intl.DateTimeFormat {
  return cached(`date:${p}`, () => new Intl.DateTimeFormat(uiLocale(), DATE_OPTIONS[p]));
}

function toDate(c: CalendarDate): Date {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are.
  date.setUTCFullYear(c.y, (c.m ?? 1) - 1, c.d ?? 1);
  return date;
}

/** "3 Dec 2019", "Dec 2019", "2019" (en-GB): at the precision the date has. */
export function formatCalendarDate(c: CalendarDate): string {
  return dateFormat(precisionOf(c)).format(toDate(c));
}

/** "3 April 2019" (en-GB): a day with its month spelled out, where a sentence names it. */
export function formatLongDate(c: Required<CalendarDate>): string {
  return cached('date:long', () => new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(toDate(c));
}

/** "2–6 Dec 2019", "28 Nov – 6 Dec 2019" (en-GB); null when the two ends are not known to the same precision. */
export function formatCalendarRange(a: CalendarDate, b: CalendarDate): string | null {
  const p = precisionOf(a);
  if (p !== precisionOf(b)) return null;
  return dateFormat(p).formatRange(toDate(a), toDate(b));
}

/** A country's name ("NO" → "Norway" in English), or undefined when unknown. */
export function regionName(code: string): string | undefined {
  const names = cached('regions', () => displayNames('region'));
  try {
    return names?.of(code.toUpperCase()) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A language's name ("ru" → "Russian" in English), or undefined when unknown. */
export function languageName(code: string): string | undefined {
  const names = cached('languages', () => displayNames('language'));
  try {
    return names?.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

function displayNames(type: 'region' | 'language'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([wordsLanguage()], { type, fallback: 'none' });
  } catch {
    return null;
  }
}

/** The plural form a count takes in the words' language: "one", "few", "many", "other"… */
export function pluralCategory(n: number, type: Intl.PluralRuleType = 'cardinal'): Intl.LDMLPluralRule {
  return cached(`plural:${type}`, () => new Intl.PluralRules(wordsLanguage(), { type })).select(n);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "1.5 kB", "512 MB" in the user's locale: binary multiples (as file managers count), named by Intl's units. */
export function formatByteSize(bytes: number): string {
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < BYTE_UNITS.length - 1) {
    value /= 1024;
    i++;
  }
  const unit = BYTE_UNITS[i]!;
  const digits = i === 0 || value >= 100 ? 0 : 1;
  return cached(`bytes:${unit}:${digits}`, () => new Intl.NumberFormat(uiLocale(), { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: digits, minimumFractionDigits: digits })).format(value);
}
