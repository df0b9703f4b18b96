/**
 * Import entry point: a user's file in, articles and reasons out. Pure and synchronous, so the
 * options page and the CLI share it; it never throws on what a file contains.
 *
 * The format comes from the extension, refined by the content (a `.json` holding JSON Lines, an
 * `.xml` holding Atom, a zip under any name); files with an unknown extension are sniffed.
 */
import { gunzipSync } from 'fflate';
import { t } from '../i18n/messages';
import { decodeText } from './decode';
import { parseHtmlFile, parseTextFile } from './document';
import { parseCsv } from './csv';
import { feedFormatOf, parseFeed } from './feed';
import { isJsonLines, parseJson, parseJsonLines } from './json';
import type { ImportFormat, ImportIssue, ImportResult } from './types';
import { failedFile } from './validate';
import { isZip, parseZip } from './zip';

export type { DateReading, ImportedArticle, ImportFormat, ImportIssue, ImportResult, NamedParsedFile, ParsedFile, RecordReport, Rejection } from './types';
export { isValidArticle } from './validate';
export { normalizeDate } from './dates';
export { IMPORT_LIMITS } from './limits';

type Family = 'json' | 'csv' | 'feed' | 'html' | 'text' | 'zip' | 'gzip';

const FAMILY_OF_EXTENSION: Record<string, Family> = {
  json: 'json', jsonl: 'json', ndjson: 'json',
  csv: 'csv', tsv: 'csv',
  rss: 'feed', atom: 'feed', xml: 'feed',
  html: 'html', htm: 'html', xhtml: 'html',
  txt: 'text', text: 'text', md: 'text', markdown: 'text',
  zip: 'zip', gz: 'gzip',
};

// Zip containers that are documents, not archives of articles.
const ZIPPED_DOCUMENTS = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'epub', 'jar', 'apk']);

// Nested archives are followed one level deep (a zip inside the zip, a .gz inside it), no further.
const MAX_ARCHIVE_DEPTH = 1;
const MAX_GUNZIP_BYTES = 256 * 1024 * 1024;

export function parseImportFile(name: string, bytes: Uint8Array): ImportResult {
  try {
    return parseAt(name, bytes, 0);
  } catch (error) {
    // Every reader handles bad input itself; this catches the unforeseen so one file cannot stop an import.
    return failed('unknown', t('importUnreadable', { error: error instanceof Error ? error.message : String(error) }), 'unreadable-file');
  }
}

function parseAt(name: string, bytes: Uint8Array, depth: number): ImportResult {
  const extension = extensionOf(name);
  if (bytes.length === 0) return failed(formatOfExtension(extension), t('importWhyEmptyFile'), 'empty-file');
  if (ZIPPED_DOCUMENTS.has(extension)) return unsupported(extension);
  if (isZip(bytes) || FAMILY_OF_EXTENSION[extension] === 'zip') {
    if (depth > MAX_ARCHIVE_DEPTH) return failed('zip', t('importWhyZipTooDeep'), 'archive-too-deep');
    return parseZip(bytes, (inner, content) => parseAt(inner, content, depth + 1));
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    if (depth > MAX_ARCHIVE_DEPTH) return failed('unknown', t('importWhyArchiveTooDeep'), 'archive-too-deep');
    return parseGzip(name, bytes, depth);
  }
  const text = decodeText(bytes);
  const family = FAMILY_OF_EXTENSION[extension] ?? sniffFamily(text);
  switch (family) {
    case 'json':
      return parseJsonFamily(text, extension);
    case 'csv':
      return parseCsv(text);
    case 'feed':
      return parseFeed(text);
    case 'html':
      return parseHtmlFile(text);
    case 'text':
      return parseTextFile(text, baseName(name));
    case 'gzip':
      return failed('unknown', t('importWhyNotGzip'), 'corrupt-archive');
    default:
      return unsupported(extension);
  }
}

/** `article.json.gz` is read as `article.json`. */
function parseGzip(name: string, bytes: Uint8Array, depth: number): ImportResult {
  // The trailer's ISIZE (size mod 4 GiB) is checked before inflating, against gzip bombs.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 18 || view.getUint32(bytes.length - 4, true) > MAX_GUNZIP_BYTES) return failed('unknown', t('importWhyGzipTooLarge'), 'corrupt-archive');
  let inner: Uint8Array;
  try {
    inner = gunzipSync(bytes);
  } catch (error) {
    return failed('unknown', t('importWhyCorruptGzip', { error: error instanceof Error ? error.message : String(error) }), 'corrupt-archive');
  }
  return parseAt(name.replace(/\.gz$/i, ''), inner, depth + 1);
}

function parseJsonFamily(text: string, extension: string): ImportResult {
  if (extension === 'jsonl' || extension === 'ndjson') {
    // A pretty-printed JSON document saved as .jsonl is still one document.
    return isSingleJsonDocument(text) ? parseJson(text) : parseJsonLines(text);
  }
  return isJsonLines(text) ? parseJsonLines(text) : parseJson(text);
}

function isSingleJsonDocument(text: string): boolean {
  if (!text.trim().includes('\n')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The family of a file whose extension says nothing, from its first characters. */
function sniffFamily(text: string): Family | undefined {
  const start = text.trimStart();
  if (/^[[{]/.test(start)) return 'json';
  if (feedFormatOf(start)) return 'feed';
  if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(start)) return 'html';
  return undefined;
}

function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

function formatOfExtension(extension: string): ImportFormat {
  switch (FAMILY_OF_EXTENSION[extension]) {
    case 'json':
      return extension === 'json' ? 'json' : 'jsonl';
    case 'csv':
      return 'csv';
    case 'feed':
      return extension === 'atom' ? 'atom' : 'rss';
    case 'html':
      return 'html';
    case 'text':
      return 'text';
    case 'zip':
      return 'zip';
    default:
      return 'unknown';
  }
}

function unsupported(extension: string): ImportResult {
  return failed('unknown', t('importWhyUnsupported', { extension: extension ? `.${extension}` : t('importWhyNoExtension') }), 'unsupported-format');
}

function failed(format: ImportFormat, reason: string, issue: ImportIssue): ImportResult {
  return failedFile(format, issue, reason);
}
