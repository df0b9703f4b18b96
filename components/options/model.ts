/**
 * The options page's logic without a DOM: default set names, progress figures, per-file import
 * reports, and reading back a Triangulate export. Pure, so it is unit-tested.
 */
import type { IngestItem, IngestProgress, IngestReport } from '@/lib/kb/ingest';
import { isUserExport, type UserExport } from '@/lib/kb/sets';
import type { ImportedArticle, ImportFormat, ParsedFile, Rejection } from '@/lib/import';
import type { SourceOrigin } from '@/lib/types';

/** "reports/Nov 2019.articles.csv.gz" → "Nov 2019.articles": the name without folders and file extensions. */
export function defaultSetName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const stripped = base.replace(/(\.(gz|zip))$/i, '').replace(/\.[a-z0-9]{1,8}$/i, '');
  return stripped.trim() || base || 'Imported articles';
}

export function newSetId(): string {
  return `set:${crypto.randomUUID()}`;
}

export interface Rate {
  /** Articles per second, null until there is something to measure. */
  perSecond: number | null;
  secondsLeft: number | null;
}

export function importRate(p: Pick<IngestProgress, 'done' | 'total'>, elapsedMs: number): Rate {
  if (p.done <= 0 || elapsedMs <= 0) return { perSecond: null, secondsLeft: null };
  const perSecond = (p.done * 1000) / elapsedMs;
  return { perSecond, secondsLeft: Math.max(0, (p.total - p.done) / perSecond) };
}

export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return '…';
  return `${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)} articles/s`;
}

export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null) return 'estimating time left';
  if (seconds < 1) return 'almost done';
  if (seconds < 60) return `about ${Math.ceil(seconds)} s left`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `about ${minutes} min left` : `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} bytes` : `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** Where a problem sits in a file: "record 3, line 7 in feeds/a.xml". */
export function locationOf(r: { record?: number; line?: number; file?: string }): string {
  const parts: string[] = [];
  if (r.record !== undefined) parts.push(`record ${r.record}`);
  if (r.line !== undefined) parts.push(`line ${r.line}`);
  const where = parts.join(', ');
  if (r.file) return where ? `${where} in ${r.file}` : r.file;
  return where || 'whole file';
}

export interface ReportLine {
  where: string;
  title?: string;
  reason: string;
}

export interface FileReport {
  fileName: string;
  setName: string;
  format: ImportFormat | 'triangulate-export';
  imported: number;
  duplicates: ReportLine[];
  rejected: ReportLine[];
  cancelled: boolean;
  quotaExceeded: boolean;
  /** A failure of the whole file (unreadable, database closed). */
  error?: string;
}

/**
 * Ingest numbers records across the whole parsed file (zips hold many inner files); each item's
 * `record` is its index + 1 in `articles`, so reports can point back at the inner file and line.
 */
export function ingestItems(articles: ImportedArticle[]): IngestItem[] {
  return articles.map((a, i) => ({
    title: a.title,
    published: a.published,
    url: a.url,
    text: a.text,
    ...(a.outlet !== undefined ? { outlet: a.outlet } : {}),
    ...(a.language !== undefined ? { language: a.language } : {}),
    record: i + 1,
  }));
}

function positionOf(articles: ImportedArticle[], record: number | undefined): { record?: number; line?: number; file?: string } {
  const a = record !== undefined ? articles[record - 1] : undefined;
  if (!a) return record !== undefined ? { record } : {};
  return { record: a.record, ...(a.line !== undefined ? { line: a.line } : {}), ...(a.file !== undefined ? { file: a.file } : {}) };
}

export function fileReport(
  fileName: string,
  setName: string,
  format: FileReport['format'],
  articles: ImportedArticle[],
  rejected: Rejection[],
  ingest: IngestReport | null,
  error?: string,
): FileReport {
  const lines: ReportLine[] = rejected.map((r) => ({ where: locationOf(r), reason: r.reason }));
  for (const f of ingest?.failed ?? []) lines.push({ where: locationOf(positionOf(articles, f.record)), title: f.title, reason: f.reason });
  return {
    fileName,
    setName,
    format,
    imported: ingest?.imported.length ?? 0,
    duplicates: (ingest?.duplicates ?? []).map((d) => ({ where: locationOf(positionOf(articles, d.record)), title: d.title, reason: d.reason })),
    rejected: lines,
    cancelled: ingest?.cancelled ?? false,
    quotaExceeded: ingest?.quotaExceeded ?? false,
    ...(error ? { error } : {}),
  };
}

/** Total articles a parsed file offers, for the progress bar before ingest starts. */
export function articleCount(parsed: Pick<ParsedFile, 'articles'>): number {
  return parsed.articles.length;
}

const EXPORT_MARKER = 'triangulate-user-data';

/**
 * A Triangulate export, recognised before the generic importer sees it, so each set comes back
 * under its own name and origin. Only files that name the format near their start are parsed
 * twice; anything else returns null.
 */
export function readUserExport(bytes: Uint8Array): UserExport | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 512));
  if (!head.trimStart().startsWith('{') || !head.includes(EXPORT_MARKER)) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return isUserExport(value) ? value : null;
  } catch {
    return null;
  }
}

export interface ExportedSetJob {
  setId: string;
  setName: string;
  origin: SourceOrigin;
  articles: ImportedArticle[];
  rejected: Rejection[];
}

/** Each exported set back as an import job under its original id, name and origin. */
export function exportJobs(data: UserExport): ExportedSetJob[] {
  return data.sets
    .filter((s) => s.origin !== 'bundled')
    .map((s) => {
      const articles: ImportedArticle[] = [];
      const rejected: Rejection[] = [];
      (Array.isArray(s.articles) ? s.articles : []).forEach((a, i) => {
        const record = i + 1;
        if (!a || typeof a.title !== 'string' || typeof a.text !== 'string' || !a.text.trim()) {
          rejected.push({ record, reason: 'missing title or text' });
          return;
        }
        articles.push({
          title: a.title,
          text: a.text,
          outlet: typeof a.outlet === 'string' ? a.outlet : '',
          published: typeof a.published === 'string' ? a.published : null,
          url: typeof a.url === 'string' ? a.url : null,
          language: typeof a.language === 'string' ? a.language : 'und',
          record,
        });
      });
      return { setId: s.id, setName: s.name, origin: s.origin === 'page' ? 'page' : 'imported', articles, rejected };
    });
}

/** A one-line outcome for a file, for the report's heading and the live region. */
export function reportSummary(r: FileReport): string {
  if (r.error) return `${r.fileName}: not imported (${r.error}).`;
  const parts = [`${r.imported} imported`, `${r.duplicates.length} skipped as duplicate${r.duplicates.length === 1 ? '' : 's'}`, `${r.rejected.length} rejected`];
  const tail = r.quotaExceeded ? ' Storage is full: the import stopped.' : r.cancelled ? ' Cancelled: articles stored before stay.' : '';
  return `${r.fileName} → “${r.setName}”: ${parts.join(', ')}.${tail}`;
}
