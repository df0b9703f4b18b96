/**
 * The single gate between what a file says and what the pipeline receives. Every format reader
 * produces raw fields; only `validateRecord` turns them into an `ImportedArticle`, so every
 * article satisfies `isValidArticle` whichever format it came from.
 */
import { DEFAULT_DATE_ORDER, isIsoDate, normalizeDate, numericDateOrder, type DateOrder } from './dates';
import { formatLongDate } from '../i18n/intl';
import { t, type MessageKey } from '../i18n/messages';
import { cutText, IMPORT_LIMITS } from './limits';
import { stripControl, tidyLine, tidyText } from './text';
import type { DateReading, ImportedArticle, ImportFormat, ImportResult, MarkupField, RawArticle, RawRecord, RecordPosition, RecordReport } from './types';

const WORD = /[\p{L}\p{N}]/u;
// BCP 47 in the shape files actually use: "en", "en-GB", "zh-Hant-TW"; "en_US" is repaired first.
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export type Validated = { article: ImportedArticle; reports: RecordReport[] } | { rejection: RecordReport };

const BASIS_WORDS = {
  file: 'importWhyBasisFile',
  language: 'importWhyBasisLanguage',
  default: 'importWhyBasisDefault',
} as const satisfies Record<DateReading['basis'], MessageKey>;

const MARKUP_WORDS = {
  title: 'importWhyMarkupTitle',
  text: 'importWhyMarkupText',
  outlet: 'importWhyMarkupOutlet',
} as const satisfies Record<MarkupField, MessageKey>;

/** "3 April 2019" (in the reader's language) for an ISO day or timestamp. */
function spelledDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return formatLongDate({ y: y!, m: m!, d: d! });
}

export function validateRecord(raw: RawArticle, at: RecordPosition, order: DateOrder = DEFAULT_DATE_ORDER, orderBasis = t(BASIS_WORDS.default)): Validated {
  const report = (action: RecordReport['action'], issue: RecordReport['issue'], reason: string): RecordReport => ({ action, issue, reason, ...at });
  const reports: RecordReport[] = [];
  let text = tidyText(raw.text ?? '');
  if (!WORD.test(text)) return { rejection: report('skipped', 'no-text', t('importWhyNoText')) };

  let published: string | null = null;
  const rawDate = tidyLine(raw.published ?? '');
  if (rawDate) {
    published = normalizeDate(rawDate, order);
    if (published === null) return { rejection: report('skipped', 'bad-date', t('importWhyBadDate', { date: rawDate.slice(0, 60) })) };
    if (numericDateOrder(rawDate) === 'either') {
      const other = normalizeDate(rawDate, order === 'day-first' ? 'month-first' : 'day-first');
      reports.push(
        report(
          'assumed',
          'ambiguous-date',
          t('importWhyAmbiguousDate', {
            date: rawDate.slice(0, 60),
            order: t(order === 'day-first' ? 'importWhyOrderDayFirst' : 'importWhyOrderMonthFirst'),
            basis: orderBasis,
            read: spelledDate(published),
            other: spelledDate(other ?? published),
          }),
        ),
      );
    }
  }

  for (const field of raw.markup ?? []) reports.push(report('changed', 'markup-removed', t(MARKUP_WORDS[field])));

  if (text.length > IMPORT_LIMITS.maxTextChars) {
    const full = text.length;
    text = cutText(text, IMPORT_LIMITS.maxTextChars);
    reports.push(report('changed', 'text-too-long', t('importWhyTextCut', { kept: text.length, full, limit: IMPORT_LIMITS.maxTextChars })));
  }
  let title = tidyLine(raw.title ?? '');
  if (title.length > IMPORT_LIMITS.maxTitleChars) {
    reports.push(report('changed', 'title-too-long', t('importWhyTitleCut', { from: title.length, to: IMPORT_LIMITS.maxTitleChars })));
    title = cutText(title, IMPORT_LIMITS.maxTitleChars, true);
  }

  const article: ImportedArticle = {
    title: title || titleFromText(text),
    published,
    url: httpUrl(raw.url),
    text,
    record: at.record,
  };
  if (at.line !== undefined) article.line = at.line;
  let outlet = tidyLine(raw.outlet ?? '');
  if (outlet.length > IMPORT_LIMITS.maxOutletChars) {
    reports.push(report('changed', 'outlet-too-long', t('importWhyOutletCut', { from: outlet.length, to: IMPORT_LIMITS.maxOutletChars })));
    outlet = cutText(outlet, IMPORT_LIMITS.maxOutletChars, true);
  }
  if (outlet) article.outlet = outlet;
  const language = tidyLine(raw.language ?? '').replace(/_/g, '-');
  if (LANGUAGE.test(language)) article.language = language;
  const id = tidyLine(raw.id ?? '');
  if (id) article.id = id;
  return { article, reports };
}

/**
 * How this file's numeric dates read: the order its unambiguous dates show (31/12/2019 is day
 * first), else month first when the records are in US English, else the default (day first).
 * A file that shows both orders is read with the default, each ambiguous date reported.
 */
export function dateReadingOf(records: RawRecord[]): DateReading | undefined {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = 0;
  let american = 0;
  for (const { raw } of records) {
    const order = raw.published ? numericDateOrder(tidyLine(raw.published)) : null;
    if (order === null) continue;
    if (order === 'day-first') dayFirst++;
    else if (order === 'month-first') monthFirst++;
    else ambiguous++;
    if (/^en[-_]us$/i.test(tidyLine(raw.language ?? ''))) american++;
  }
  if (dayFirst + monthFirst + ambiguous === 0) return undefined;
  if (dayFirst > 0 && monthFirst === 0) return { order: 'day-first', basis: 'file', ambiguous };
  if (monthFirst > 0 && dayFirst === 0) return { order: 'month-first', basis: 'file', ambiguous };
  if (dayFirst === 0 && american > 0 && american * 2 >= ambiguous) return { order: 'month-first', basis: 'language', ambiguous };
  return { order: DEFAULT_DATE_ORDER, basis: 'default', ambiguous };
}

/**
 * The one way a reader's records become an `ImportResult`: every record validated under the file's
 * date order, ids kept unique (the first record with an id wins, later ones are skipped), and the
 * reader's own problems merged with validation's, in file order.
 */
export function finishFile(format: ImportFormat, records: RawRecord[], problems: RecordReport[] = []): ImportResult {
  const dates = dateReadingOf(records);
  const order = dates?.order ?? DEFAULT_DATE_ORDER;
  const basis = t(BASIS_WORDS[dates?.basis ?? 'default']);
  const result: ImportResult = { format, articles: [], rejected: [], reports: [...problems] };
  if (dates) result.dates = dates;
  const firstWithId = new Map<string, RecordPosition>();
  for (const { raw, at } of records) {
    const outcome = validateRecord(raw, at, order, basis);
    if ('rejection' in outcome) {
      result.reports.push(outcome.rejection);
      continue;
    }
    const id = outcome.article.id;
    const first = id === undefined ? undefined : firstWithId.get(id);
    if (first) {
      const where = first.line !== undefined ? t('importWhereLine', { line: String(first.line) }) : t('importWhereRecord', { record: String(first.record) });
      result.reports.push({ action: 'skipped', issue: 'duplicate-id', reason: t('importWhyDuplicateId', { id: id!.slice(0, 60), where }), ...at });
      continue;
    }
    if (id !== undefined) firstWithId.set(id, at);
    result.articles.push(outcome.article);
    result.reports.push(...outcome.reports);
  }
  result.reports.sort((a, b) => (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0));
  result.rejected = result.reports.filter((r) => r.action === 'skipped');
  return result;
}

/** A file that gave nothing but one problem. */
export function failedFile(format: ImportFormat, issue: RecordReport['issue'], reason: string, at: Partial<RecordPosition> = {}): ImportResult {
  const report: RecordReport = { action: 'skipped', issue, reason, ...at };
  return { format, articles: [], rejected: [report], reports: [report] };
}

/** First line of the text, cut at a word boundary so it stays within the derived-title limit. */
function titleFromText(text: string): string {
  const line = tidyLine(text.split('\n', 1)[0] ?? '');
  const max = IMPORT_LIMITS.derivedTitleChars;
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Only http(s) links are kept: a `javascript:` or `file:` URL from a file must never become clickable. */
export function httpUrl(value: string | undefined): string | null {
  const trimmed = stripControl(value ?? '').trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// Strings that reach the pipeline carry no control characters (tab and newline aside, in text).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function isCleanString(value: unknown, multiline = false): value is string {
  if (typeof value !== 'string' || value !== value.trim() || value === '') return false;
  return !CONTROL.test(multiline ? value.replace(/\n/g, '') : value) && (multiline || !/[\n\t]/.test(value));
}

function isOptionalCleanString(value: unknown): boolean {
  return value === undefined || isCleanString(value);
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** What every imported article guarantees; the property tests hold all parsers to it. */
export function isValidArticle(value: unknown): value is ImportedArticle {
  if (!value || typeof value !== 'object') return false;
  const a = value as Record<string, unknown>;
  return (
    isCleanString(a.text, true) &&
    WORD.test(a.text) &&
    isCleanString(a.title) &&
    (a.published === null || (typeof a.published === 'string' && isIsoDate(a.published))) &&
    (a.url === null || (typeof a.url === 'string' && httpUrl(a.url) === a.url)) &&
    isOptionalCleanString(a.outlet) &&
    (a.language === undefined || (typeof a.language === 'string' && LANGUAGE.test(a.language))) &&
    isOptionalCleanString(a.id) &&
    isOptionalCleanString(a.file) &&
    isPositiveInteger(a.record) &&
    (a.line === undefined || isPositiveInteger(a.line))
  );
}
