/**
 * Imports the user's files one after another: parse, then ingest into its set, reporting
 * progress and a report per file. Parsing and storing are injected (the page passes
 * parseImportFile and ingestArticles bound to its database and detector), so the flow —
 * cancellation, storage exhaustion, Triangulate exports — is tested without a browser.
 */
import type { IngestItem, IngestProgress, IngestReport } from '@/lib/kb/ingest';
import type { ParsedFile } from '@/lib/import';
import type { SourceOrigin } from '@/lib/types';
import { exportJobs, fileReport, importRate, ingestItems, newSetId, readUserExport, type FileReport, type Rate } from './model';

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
  { signal, onProgress }: { signal: AbortSignal; onProgress: (p: ImportProgress) => void },
): Promise<FileReport[]> {
  const now = deps.now ?? (() => performance.now());
  const reports: FileReport[] = [];
  let storageFull = false;

  const run = async (fileIndex: number, fileName: string, setName: string, setId: string, origin: SourceOrigin, parsed: Pick<ParsedFile, 'articles' | 'rejected'>, format: FileReport['format']) => {
    const started = now();
    const total = parsed.articles.length;
    onProgress({ fileIndex, fileCount: jobs.length, fileName, setName, done: 0, total, imported: 0, duplicates: 0, failed: 0, rate: importRate({ done: 0, total }, 0) });
    if (total === 0) {
      reports.push(fileReport(fileName, setName, format, [], parsed.rejected, null, parsed.rejected.length ? undefined : 'no articles found in it'));
      return;
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
      reports.push(fileReport(fileName, setName, format, parsed.articles, parsed.rejected, ingest));
    } catch (e) {
      reports.push(fileReport(fileName, setName, format, parsed.articles, parsed.rejected, null, message(e)));
    }
  };

  for (const [fileIndex, job] of jobs.entries()) {
    if (storageFull || signal.aborted) {
      const report = fileReport(job.name, job.setName, 'unknown', [], [], null, storageFull ? 'storage is full' : 'import cancelled before this file');
      reports.push({ ...report, cancelled: signal.aborted, quotaExceeded: storageFull });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await job.read();
    } catch (e) {
      reports.push(fileReport(job.name, job.setName, 'unknown', [], [], null, `could not read the file: ${message(e)}`));
      continue;
    }
    const exported = readUserExport(bytes);
    if (exported) {
      // A Triangulate export: each set returns under its own id and name, so re-importing it
      // restores the same sets and skips what is already there.
      for (const set of exportJobs(exported)) {
        if (storageFull || signal.aborted) break;
        await run(fileIndex, job.name, set.setName, set.setId, set.origin, set, 'triangulate-export');
      }
      continue;
    }
    const parsed = deps.parse(job.name, bytes);
    await run(fileIndex, job.name, job.setName, (deps.newSetId ?? newSetId)(), 'imported', parsed, parsed.format);
  }
  return reports;
}
