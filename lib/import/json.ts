/**
 * JSON and JSON Lines. JSON: an array of articles, an object holding one (`articles`, `items`,
 * `data`...), or a single article. JSON Lines: one object per line, each judged on its own.
 */
import { t } from '../i18n/messages';
import { normalizeKey, rawArticleOf } from './fields';
import type { ImportResult, RawArticle, RawRecord, RecordReport } from './types';
import { failedFile, finishFile } from './validate';

type JsonRecord = Record<string, unknown>;

const CONTAINER_KEYS = ['articles', 'items', 'data', 'entries', 'posts', 'results', 'documents', 'records'];
// How deep `{ "data": { "articles": [...] } }` nesting is followed.
const CONTAINER_DEPTH = 3;

/** Is this text JSON Lines rather than one JSON document? Decided by content, whatever the extension. */
export function isJsonLines(text: string): boolean {
  if (parseOrUndefined(text) !== undefined) return false;
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.length > 1 && isObject(parseOrUndefined(lines[0]!));
}

export function parseJson(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const line = errorLine(text);
    return failedFile('json', 'invalid-json', t('importWhyInvalidJson', { line: String(line) }), { line });
  }
  const { records, defaults } = recordsOf(value);
  if (records === null) return failedFile('json', 'no-records', t('importWhyNoArticleInJson'));
  const raws: RawRecord[] = [];
  const problems: RecordReport[] = [];
  records.forEach((record, i) => {
    const at = { record: i + 1 };
    if (!isObject(record)) problems.push({ action: 'skipped', issue: 'not-an-object', reason: t('importWhyNotObject'), ...at });
    else raws.push({ raw: { ...defaults, ...rawArticleOf(record) }, at });
  });
  return finishFile('json', raws, problems);
}

export function parseJsonLines(text: string): ImportResult {
  const raws: RawRecord[] = [];
  const problems: RecordReport[] = [];
  let record = 0;
  text.split('\n').forEach((content, i) => {
    if (content.trim() === '') return;
    record++;
    const at = { record, line: i + 1 };
    const value = parseOrUndefined(content);
    if (value === undefined) problems.push({ action: 'skipped', issue: 'invalid-json', reason: t('importWhyInvalidJson', { line: String(at.line) }), ...at });
    else if (!isObject(value)) problems.push({ action: 'skipped', issue: 'not-an-object', reason: t('importWhyNotObjectAt', { line: String(at.line) }), ...at });
    else raws.push({ raw: rawArticleOf(value), at });
  });
  return finishFile('jsonl', raws, problems);
}

/**
 * The article records inside a JSON value, and fields the container gives all of them (a JSON
 * Feed's or a NewsAPI-like export's outlet and language). Null when there are none.
 */
function recordsOf(value: unknown, depth = 0): { records: unknown[] | null; defaults: RawArticle } {
  if (Array.isArray(value)) return { records: value, defaults: {} };
  if (!isObject(value)) return { records: null, defaults: {} };
  for (const [key, inner] of Object.entries(value)) {
    if (!CONTAINER_KEYS.includes(normalizeKey(key))) continue;
    if (Array.isArray(inner)) return { records: inner, defaults: containerDefaults(value) };
    if (isObject(inner) && depth < CONTAINER_DEPTH) {
      const nested = recordsOf(inner, depth + 1);
      if (nested.records) return nested;
    }
  }
  return { records: [value], defaults: {} };
}

function containerDefaults(container: JsonRecord): RawArticle {
  const fields = rawArticleOf(container);
  const defaults: RawArticle = {};
  if (fields.outlet) defaults.outlet = fields.outlet;
  // A JSON Feed names its site in the top-level `title`.
  else if (typeof container.version === 'string' && container.version.includes('jsonfeed') && fields.title) defaults.outlet = fields.title;
  if (fields.language) defaults.language = fields.language;
  return defaults;
}

function isObject(value: unknown): value is JsonRecord {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The line of a JSON syntax error. Engines word (and position) their messages differently, so the text is rescanned. */
function errorLine(text: string): number {
  return text.slice(0, jsonErrorOffset(text)).split('\n').length;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
// Past this nesting the scan stops and reports where it is, rather than exhaust the call stack.
const MAX_SCAN_DEPTH = 500;

/** Offset of the first character that makes `text` invalid JSON (called only once JSON.parse has failed). */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const matches = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return true;
      }
      if (ch === '\\') {
        if (!matches(ESCAPE)) return false;
      } else if (ch < ' ') return false;
      else i++;
    }
    return false;
  };
  const sequence = (close: string, member: () => boolean, depth: number): boolean => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return true;
    }
    for (;;) {
      if (depth > MAX_SCAN_DEPTH || !member()) return false;
      skipSpace();
      if (text[i] === close) {
        i++;
        return true;
      }
      if (text[i] !== ',') return false;
      i++;
      skipSpace();
    }
  };
  const value = (depth: number): boolean => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      return sequence('}', () => {
        if (text[i] !== '"' || !string()) return false;
        skipSpace();
        if (text[i] !== ':') return false;
        i++;
        return value(depth + 1);
      }, depth);
    }
    if (ch === '[') return sequence(']', () => value(depth + 1), depth);
    if (ch === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return true;
      }
    }
    return matches(NUMBER);
  };
  if (value(0)) skipSpace();
  return i;
}
