/**
 * Imports the user's files one after another, in the background: parse, then ingest into its
 * set, reporting progress and a report per file (each rejected or skipped record with its file,
 * record, line and reason). Reading the bytes, parsing and storing are injected (the import port
 * reads bytes from the options page; the background passes parseImportFile and ingestArticles
 * bound to its database and detector), so the flow — cancellation, storage exhaustion,
 * Triangulate exports — is tested without a browser.
 */
import { t, tPlural } from '../i18n/messages';
import type { IngestItem, IngestProgress, IngestReport } from '../kb/ingest';
import { exportedLinks, isUserExport, type ExportedLink, type UserExport } from '../kb/sets';
import type { ImportedArticle, ImportFormat, ParsedFile, Rejection } from '../import';
import type { SourceOrigin } from '../types';

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

/** What happened to a record: not imported, imported with a change, imported under an assumption (lib/import's RecordReport actions). */
export type ReportAction = 'skipped' | 'changed' | 'assumed';

/**
 * One record the import did not take as written, with where it sits (any of: path inside a zip,
 * record index, physical line; none for the whole file). Kept structured so the options page can
 * lay it out as a table row; the wording of a position is the page's (components/options/report.ts).
 */
export interface ReportLine {
  action: ReportAction;
  /** Path inside the zip (`inner.zip/feed.xml` when nested). */
  file?: string;
  record?: number;
  line?: number;
  title?: string;
  reason: string;
}

/**
 * What a parser may say beyond its rejections: each record it changed or read under an
 * assumption, and how it read numeric dates. Declared by shape, so any parser result carrying
 * them (lib/import's reports) fits.
 */
export interface ReadNotes {
  reports?: readonly { action: ReportAction; reason: string; record?: number; line?: number; file?: string }[];
  dates?: { order: string; basis: string; ambiguous: number };
}

function datesSentence(d: NonNullable<ReadNotes['dates']>): string {
  const order = t(d.order === 'month-first' ? 'importOrderMonthFirst' : 'importOrderDayFirst');
  const basis = t(d.basis === 'file' ? 'importBasisFile' : d.basis === 'language' ? 'importBasisLanguage' : 'importBasisDefault');
  return tPlural('importDates', d.ambiguous, { order, basis });
}

export interface FileReport {
  fileName: string;
  setName: string;
  format: ImportFormat | 'triangulate-export';
  imported: number;
  duplicates: ReportLine[];
  rejected: ReportLine[];
  /** Records imported with a change (markup removed, text shortened) or read under an assumption (an ambiguous date), when the parser says so; `action` tells which. */
  changed: ReportLine[];
  /** How the file's numeric dates were read ("03/04/2019" as 3 April), when it has any. */
  dates?: string;
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

type Position = Pick<ReportLine, 'file' | 'record' | 'line'>;

/** Only the position fields that are set, so reports stay small on the port and compare cleanly in tests. */
function position(r: Position): Position {
  return { ...(r.file !== undefined ? { file: r.file } : {}), ...(r.record !== undefined ? { record: r.record } : {}), ...(r.line !== undefined ? { line: r.line } : {}) };
}

function positionOf(articles: ImportedArticle[], record: number | undefined): Position {
  const a = record !== undefined ? articles[record - 1] : undefined;
  if (!a) return record !== undefined ? { record } : {};
  return position(a);
}

export function fileReport(
  fileName: string,
  setName: string,
  format: FileReport['format'],
  articles: ImportedArticle[],
  rejected: Rejection[],
  ingest: IngestReport | null,
  { error, notes }: { error?: string; notes?: ReadNotes } = {},
): FileReport {
  const lines: ReportLine[] = rejected.map((r) => ({ action: 'skipped', ...position(r), reason: r.reason }));
  for (const f of ingest?.failed ?? []) lines.push({ action: 'skipped', ...positionOf(articles, f.record), title: f.title, reason: f.reason });
  return {
    fileName,
    setName,
    format,
    imported: ingest?.imported.length ?? 0,
    duplicates: (ingest?.duplicates ?? []).map((d) => ({ action: 'skipped', ...positionOf(articles, d.record), title: d.title, reason: d.reason })),
    rejected: lines,
    changed: (notes?.reports ?? []).flatMap((r) => (r.action === 'changed' || r.action === 'assumed' ? [{ action: r.action, ...position(r), reason: r.reason }] : [])),
    ...(notes?.dates ? { dates: datesSentence(notes.dates) } : {}),
    cancelled: ingest?.cancelled ?? false,
    quotaExceeded: ingest?.quotaExceeded ?? false,
    ...(error ? { error } : {}),
  };
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
          rejected.push({ record, reason: t('importMissingTitleOrText') });
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

export interface IngestRequest {
  setId: string;
  setName: string;
  /** The file the articles come from, recorded on the set. */
  file: string;
  origin: SourceOrigin;
  signal: AbortSignal;
  onProgress: (p: IngestProgress) => void;
}

export interface ImportDeps {
  parse: (name: string, bytes: Uint8Array) => ParsedFile;
  ingest: (items: IngestItem[], request: IngestRequest) => Promise<IngestReport>;
  /** Sets the links a restored export gives the articles it stored, once all its records are in (lib/kb/sets.ts). */
  restoreLinks?: (links: ExportedLink[]) => Promise<unknown>;
  now?: () => number;
  newSetId?: () => string;
}

export interface FileJob {
  name: string;
  setName: string;
  read: () => Promise<Uint8Array>;
}

export interface ImportProgress extends IngestProgress {
  fileIndex: number;
  fileCount: number;
  fileName: string;
  setName: string;
  rate: Rate;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function importFiles(
  jobs: FileJob[],
  deps: ImportDeps,
  { signal, onProgress, onReport }: { signal: AbortSignal; onProgress: (p: ImportProgress) => void; onReport?: (r: FileReport) => void },
): Promise<FileReport[]> {
  const now = deps.now ?? (() => performance.now());
  const reports: FileReport[] = [];
  const add = (report: FileReport) => {
    reports.push(report);
    onReport?.(report);
  };
  let storageFull = false;

  const run = async (fileIndex: number, fileName: string, setName: string, setId: string, origin: SourceOrigin, parsed: Pick<ParsedFile, 'articles' | 'rejected'> & ReadNotes, format: FileReport['format']): Promise<string[]> => {
    const started = now();
    const total = parsed.articles.length;
    onProgress({ fileIndex, fileCount: jobs.length, fileName, setName, done: 0, total, imported: 0, duplicates: 0, failed: 0, rate: importRate({ done: 0, total }, 0) });
    if (total === 0) {
      add(fileReport(fileName, setName, format, [], parsed.rejected, null, { notes: parsed, ...(parsed.rejected.length ? {} : { error: t('importNoArticles') }) }));
      return [];
    }
    try {
      const ingest = await deps.ingest(ingestItems(parsed.articles), {
        setId,
        setName,
        file: fileName,
        origin,
        signal,
        onProgress: (p) => onProgress({ ...p, fileIndex, fileCount: jobs.length, fileName, setName, rate: importRate(p, now() - started) }),
      });
      storageFull ||= ingest.quotaExceeded;
      add(fileReport(fileName, setName, format, parsed.articles, parsed.rejected, ingest, { notes: parsed }));
      return ingest.imported;
    } catch (e) {
      add(fileReport(fileName, setName, format, parsed.articles, parsed.rejected, null, { error: message(e), notes: parsed }));
      return [];
    }
  };

  for (const [fileIndex, job] of jobs.entries()) {
    if (storageFull || signal.aborted) {
      const report = fileReport(job.name, job.setName, 'unknown', [], [], null, { error: t(storageFull ? 'importStorageFull' : 'importCancelledFile') });
      add({ ...report, cancelled: signal.aborted, quotaExceeded: storageFull });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await job.read();
    } catch (e) {
      add(fileReport(job.name, job.setName, 'unknown', [], [], null, { error: t('importUnreadable', { error: message(e) }) }));
      continue;
    }
    const exported = readUserExport(bytes);
    if (exported) {
      // A Triangulate export: each set returns under its own id and name, so re-importing it
      // restores the same sets and skips what is already there. Once all its records are in, the
      // articles it stored get the links the export gives them, whatever order they came in.
      const stored = new Set<string>();
      for (const set of exportJobs(exported)) {
        if (storageFull || signal.aborted) break;
        for (const id of await run(fileIndex, job.name, set.setName, set.setId, set.origin, set, 'triangulate-export')) stored.add(id);
      }
      const links = exportedLinks(exported).filter((l) => stored.has(l.id));
      if (links.length && deps.restoreLinks && !signal.aborted) {
        try {
          await deps.restoreLinks(links);
        } catch {
          // The articles are stored with the links their import found; only the export's own are missing.
        }
      }
      continue;
    }
    const parsed = deps.parse(job.name, bytes);
    await run(fileIndex, job.name, job.setName, (deps.newSetId ?? newSetId)(), 'imported', parsed, parsed.format);
  }
  return reports;
}
