/**
 * Zip archives: each entry read by the ordinary rules, results kept per file and flattened.
 * Sizes are checked from the central directory before anything is inflated, so a zip bomb
 * is refused instead of filling memory.
 */
import { unzipSync } from 'fflate';
import { tidyLine } from './text';
import type { NamedParsedFile, ParsedFile, Rejection } from './types';

const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
// Files operating systems drop into folders; never articles.
const JUNK_NAMES = new Set(['thumbs.db', 'desktop.ini']);

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** `parseEntry` reads one inner file; it is passed in because it is the whole import dispatcher. */
export function parseZip(bytes: Uint8Array, parseEntry: (name: string, bytes: Uint8Array) => ParsedFile): ParsedFile {
  const result: ParsedFile = { format: 'zip', articles: [], rejected: [], files: [] };
  const tooLarge: Rejection[] = [];
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (isSkipped(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
          tooLarge.push({ file: file.name, reason: 'file too large to import from a zip' });
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    result.rejected.push({ reason: `corrupt zip: ${error instanceof Error ? error.message : String(error)}` });
    return result;
  }
  result.rejected.push(...tooLarge);
  for (const [rawName, content] of Object.entries(entries)) {
    // Entry names are untrusted text like the rest; a damaged zip can hold control characters in them.
    const name = tidyLine(rawName) || '(unnamed)';
    const parsed: NamedParsedFile = { ...parseEntry(name, content), name };
    result.files!.push(parsed);
    result.articles.push(...parsed.articles.map((article) => ({ ...article, file: join(name, article.file) })));
    result.rejected.push(...parsed.rejected.map((rejection) => ({ ...rejection, file: join(name, rejection.file) })));
  }
  if (result.files!.length === 0 && tooLarge.length === 0) result.rejected.push({ reason: 'zip holds no files to import' });
  return result;
}

/** Directories, macOS resource forks and hidden files. */
function isSkipped(path: string): boolean {
  if (path.endsWith('/')) return true;
  const parts = path.split('/');
  return parts[0] === '__MACOSX' || parts.some((part) => part.startsWith('.')) || JUNK_NAMES.has(parts[parts.length - 1]!.toLowerCase());
}

/** A path inside a nested zip is written `inner.zip/article.json`. */
function join(name: string, inner: string | undefined): string {
  return inner === undefined ? name : `${name}/${inner}`;
}
