/**
 * The single gate between what a file says and what the pipeline receives. Every format reader
 * produces raw fields; only `validateRecord` turns them into an `ImportedArticle`, so every
 * article satisfies `isValidArticle` whichever format it came from.
 */
import { isIsoDate, normalizeDate } from './dates';
import { stripControl, tidyLine, tidyText } from './text';
import type { ImportedArticle, RawArticle, RecordPosition, Rejection } from './types';

const TITLE_MAX = 120;
const WORD = /[\p{L}\p{N}]/u;
// BCP 47 in the shape files actually use: "en", "en-GB", "zh-Hant-TW"; "en_US" is repaired first.
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export type Validated = { article: ImportedArticle } | { rejection: Rejection };

export function validateRecord(raw: RawArticle, at: RecordPosition): Validated {
  const reject = (reason: string): Validated => ({ rejection: { ...at, reason } });
  const text = tidyText(raw.text ?? '');
  if (!WORD.test(text)) return reject('no text');

  let published: string | null = null;
  const rawDate = tidyLine(raw.published ?? '');
  if (rawDate) {
    published = normalizeDate(rawDate);
    if (published === null) return reject(`unparseable date '${rawDate.slice(0, 60)}'`);
  }

  const article: ImportedArticle = {
    title: tidyLine(raw.title ?? '') || titleFromText(text),
    published,
    url: httpUrl(raw.url),
    text,
    record: at.record,
  };
  if (at.line !== undefined) article.line = at.line;
  const outlet = tidyLine(raw.outlet ?? '');
  if (outlet) article.outlet = outlet;
  const language = tidyLine(raw.language ?? '').replace(/_/g, '-');
  if (LANGUAGE.test(language)) article.language = language;
  const id = tidyLine(raw.id ?? '');
  if (id) article.id = id;
  return { article };
}

/** First line of the text, cut at a word boundary so it stays within TITLE_MAX characters. */
function titleFromText(text: string): string {
  const line = tidyLine(text.split('\n', 1)[0] ?? '');
  if (line.length <= TITLE_MAX) return line;
  const cut = line.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
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
