/**
 * The one place that knows which keys name which article field, for every record-shaped format
 * (JSON, JSON Lines, CSV). Keys match case-insensitively and without punctuation, so `published_at`,
 * `publishedAt` and a CSV header "Published At" are the same key.
 */
import { plainTextOf, tidyLine } from './text';
import type { RawArticle } from './types';

type Field = Exclude<keyof RawArticle, 'markup'>;

// In order of preference within a field, except `text`, where the longest candidate wins.
const KEYS: Record<Field, string[]> = {
  title: ['title', 'headline'],
  text: ['text', 'body', 'content', 'articlebody', 'contentencoded', 'contenthtml', 'contenttext', 'description', 'summary'],
  url: ['url', 'link', 'href', 'permalink'],
  outlet: ['outlet', 'source', 'publisher', 'site', 'sitename'],
  published: ['published', 'datepublished', 'pubdate', 'publishedat', 'date', 'created', 'dc:date'],
  language: ['language', 'lang', 'inlanguage'],
  id: ['id', 'guid'],
};

const FIELD_OF_KEY = new Map<string, Field>(
  (Object.entries(KEYS) as [Field, string[]][]).flatMap(([field, keys]) => keys.map((key) => [normalizeKey(key), field] as const)),
);

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The article field a key (a JSON key, a CSV header) stands for, if any. */
export function fieldOfKey(key: string): Field | undefined {
  return FIELD_OF_KEY.get(normalizeKey(key));
}

/** Map one record onto raw article fields. Values of the wrong shape are ignored, not coerced blindly. */
export function rawArticleOf(record: Record<string, unknown>): RawArticle {
  const byKey = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    const norm = normalizeKey(key);
    // Duplicate keys (CSV columns, "Title" and "title"): the first non-empty one wins.
    if (!byKey.has(norm) || isBlank(byKey.get(norm))) byKey.set(norm, value);
  }
  const raw: RawArticle = {};
  const first = (field: Field, read: (value: unknown) => string | undefined): void => {
    for (const key of KEYS[field]) {
      const value = read(byKey.get(normalizeKey(key)));
      if (value !== undefined && value.trim() !== '') {
        raw[field] = value;
        return;
      }
    }
  };
  let titleMarkup = false;
  first('title', (v) => {
    const value = scalarText(v);
    if (value === undefined) return value;
    const plain = plainTextOf(value);
    if (plain.text.trim()) titleMarkup = plain.markup;
    return plain.text;
  });
  first('url', linkOf);
  first('outlet', nameOf);
  first('published', dateOf);
  first('language', scalarText);
  first('id', scalarText);
  const text = longestText(KEYS.text.map((key) => ({ value: byKey.get(normalizeKey(key)), html: HTML_KEYS.has(key) })));
  if (text !== undefined) raw.text = text.text;
  const markup: NonNullable<RawArticle['markup']> = [];
  if (titleMarkup && raw.title !== undefined) markup.push('title');
  if (text?.markup) markup.push('text');
  if (markup.length) raw.markup = markup;
  return raw;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * A string or number as text. CMS exports wrap strings in objects (`{"rendered": "..."}` from
 * WordPress, `{"value": ...}`, `{"#text": ...}` from XML-to-JSON tools), so those are unwrapped too.
 */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const inner = value as Record<string, unknown>;
    for (const key of ['rendered', 'value', '#text', 'text']) if (key in inner) return scalarText(inner[key]);
  }
  return undefined;
}

function linkOf(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    // Atom-as-JSON: a list of links, the alternate one being the article.
    const links = value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object');
    const alternate = links.find((l) => l.rel === 'alternate') ?? links.find((l) => l.rel === undefined) ?? links[0];
    return alternate ? linkOf(alternate) : scalarText(value[0]);
  }
  if (value && typeof value === 'object') {
    const inner = value as Record<string, unknown>;
    return scalarText(inner.href ?? inner.url ?? inner['@id']);
  }
  return scalarText(value);
}

/** Outlets come as strings or as objects (`{"source": {"id": "x", "name": "Northwind Gazette"}}`). */
function nameOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const inner = value as Record<string, unknown>;
    return scalarText(inner.name ?? inner.title);
  }
  const text = scalarText(value);
  return text === undefined ? undefined : tidyLine(text);
}

function dateOf(value: unknown): string | undefined {
  // Some exporters write `{"$date": ...}` (MongoDB) around the date.
  if (value && typeof value === 'object' && !Array.isArray(value) && '$date' in value) {
    return scalarText((value as Record<string, unknown>).$date);
  }
  return scalarText(value);
}

/** NewsAPI truncates `content` and appends this marker; it is not part of the article. */
const TRUNCATION_MARKER = /\s*\[\+\d+ chars\]\s*$/;

// Keys whose value is HTML by name: tags there are the expected format, not a problem to report.
const HTML_KEYS = new Set(['contentencoded', 'contenthtml']);

/**
 * The longest candidate once HTML is stripped (`description` is often a teaser of `content`), and
 * whether tags had to be removed from a field that should have held plain text.
 */
function longestText(values: { value: unknown; html: boolean }[]): { text: string; markup: boolean } | undefined {
  let best: { text: string; markup: boolean } | undefined;
  for (const { value, html } of values) {
    const raw = Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string').join('\n\n')
      : scalarText(value);
    if (raw === undefined) continue;
    const plain = plainTextOf(raw.replace(TRUNCATION_MARKER, ''));
    if (plain.text && (best === undefined || plain.text.length > best.text.length)) best = { text: plain.text, markup: plain.markup && !html };
  }
  return best;
}
