/**
 * The options page's wording without a DOM: default set names, progress figures and a file's
 * one-line outcome. Pure, so it is unit-tested. The import itself runs in the background
 * (lib/background/import.ts).
 */
import type { FileReport } from '@/lib/background/import';

/** "reports/Nov 2019.articles.csv.gz" → "Nov 2019.articles": the name without folders and file extensions. */
export function defaultSetName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const stripped = base.replace(/(\.(gz|zip))$/i, '').replace(/\.[a-z0-9]{1,8}$/i, '');
  return stripped.trim() || base || 'Imported articles';
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

/** A one-line outcome for a file, for the report's heading and the live region. */
export function reportSummary(r: FileReport): string {
  if (r.error) return `${r.fileName}: not imported (${r.error}).`;
  const parts = [`${r.imported} imported`, `${r.duplicates.length} skipped as duplicate${r.duplicates.length === 1 ? '' : 's'}`, `${r.rejected.length} rejected`];
  const tail = r.quotaExceeded ? ' Storage is full: the import stopped.' : r.cancelled ? ' Cancelled: articles stored before stay.' : '';
  return `${r.fileName} → “${r.setName}”: ${parts.join(', ')}.${tail}`;
}
