/**
 * Zip archives: each entry read by the ordinary rules, results kept per file and flattened.
 * Sizes are checked from the central directory before anything is inflated, so a zip bomb
 * is refused instead of filling memory.
 */
import { unzipSync } from 'fflate';
import { t } from '../i18n/messages';
import { tidyLine } from './text';
import type { ImportResult, NamedParsedFile, RecordReport } from './types';

const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
// Files operating systems drop into folders; never articles.
const JUNK_NAMES = new Set(['thumbs.db', 'desktop.ini']);

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** `parseEntry` reads one inner file; it is passed in because it is the whole import dispatcher. */
export function parseZip(bytes: Uint8Array, parseEntry: (name: string, bytes: Uint8Array) => ImportResult): ImportResult {
  const result: ImportResult = { format: 'zip', articles: [], rejected: [], reports: [], files: [] };
  const refused: RecordReport[] = [];
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        // Checked before the hidden-file rule, which would otherwise drop `../x.json` without a word.
        const unsafe = unsafePath(file.name);
        if (unsafe) {
          refused.push({ action: 'skipped', issue: 'unsafe-path', file: entryName(file.name), reason: t('importWhyUnsafePath', { why: unsafe }) });
          return false;
        }
        if (isSkipped(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
          refused.push({ action: 'skipped', issue: 'entry-too-large', file: entryName(file.name), reason: t('importWhyZipEntryTooLarge') });
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    const report: RecordReport = { action: 'skipped', issue: 'corrupt-archive', reason: t('importWhyCorruptZip', { error: error instanceof Error ? error.message : String(error) }) };
    return { ...result, rejected: [report], reports: [report] };
  }
  result.reports.push(...refused);
  // Ids are unique across the archive, as within one file: the first entry's record wins.
  const firstWithId = new Map<string, string>();
  for (const [rawName, content] of Object.entries(entries)) {
    const name = entryName(rawName);
    const parsed: NamedParsedFile = { ...parseEntry(name, content), name };
    result.files!.push(parsed);
    const duplicates = new Set<number>();
    for (const article of parsed.articles) {
      if (article.id === undefined) continue;
      const at = `${join(name, article.file)}${article.line !== undefined ? ` line ${article.line}` : ` record ${article.record}`}`;
      const first = firstWithId.get(article.id);
      if (first === undefined) {
        firstWithId.set(article.id, at);
        continue;
      }
      duplicates.add(article.record);
      parsed.reports.push({
        action: 'skipped',
        issue: 'duplicate-id',
        reason: t('importWhyDuplicateIdInZip', { id: article.id.slice(0, 60), file: first }),
        record: article.record,
        ...(article.line !== undefined ? { line: article.line } : {}),
        ...(article.file !== undefined ? { file: article.file } : {}),
      });
    }
    if (duplicates.size) {
      parsed.articles = parsed.articles.filter((a) => !duplicates.has(a.record));
      parsed.rejected = parsed.reports.filter((r) => r.action === 'skipped');
    }
    result.articles.push(...parsed.articles.map((article) => ({ ...article, file: join(name, article.file) })));
    result.reports.push(...parsed.reports.map((report) => ({ ...report, file: join(name, report.file) })));
  }
  if (result.files!.length === 0 && refused.length === 0) result.reports.push({ action: 'skipped', issue: 'no-records', reason: t('importWhyZipEmpty') });
  result.rejected = result.reports.filter((r) => r.action === 'skipped');
  return result;
}

/** Entry names are untrusted text like the rest; a damaged zip can hold control characters in them. */
function entryName(raw: string): string {
  return tidyLine(raw) || '(unnamed)';
}

/** Why a path would leave the folder it is unpacked into (absolute, a drive, `..`), or null. */
function unsafePath(path: string): string | null {
  if (/^[/\\]/.test(path)) return t('importWhyPathAbsolute');
  if (/^[a-z]:/i.test(path)) return t('importWhyPathDrive');
  if (path.split(/[/\\]/).includes('..')) return t('importWhyPathClimbs');
  return null;
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
