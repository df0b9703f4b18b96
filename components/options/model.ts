/**
 * The options page's wording without a DOM: default set names, progress figures and a file's
 * one-line outcome. Pure, so it is unit-tested. The import itself runs in the background
 * (lib/background/import.ts).
 */
import type { FileReport } from '@/lib/background/import';
import { formatByteSize } from '@/lib/i18n/intl';
import { t, tPlural } from '@/lib/i18n/messages';

/** "reports/Nov 2019.articles.csv.gz" → "Nov 2019.articles": the name without folders and file extensions. */
export function defaultSetName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const stripped = base.replace(/(\.(gz|zip))$/i, '').replace(/\.[a-z0-9]{1,8}$/i, '');
  return stripped.trim() || base || t('optionsDefaultSetName');
}

export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return '…';
  return tPlural('optionsImportRate', perSecond >= 10 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10);
}

export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null) return t('timeLeftEstimating');
  if (seconds < 1) return t('timeLeftAlmostDone');
  if (seconds < 60) return tPlural('timeLeftSeconds', Math.ceil(seconds));
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? t('timeLeftMinutes', { minutes }) : t('timeLeftHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

export function formatBytes(bytes: number | null): string {
  return bytes === null ? t('sizeUnknown') : formatByteSize(bytes);
}

/** A one-line outcome for a file, for the report's heading and the live region. */
export function reportSummary(r: FileReport): string {
  if (r.error) return t('optionsFileNotImported', { file: r.fileName, error: r.error });
  const summary = t('optionsFileSummary', {
    file: r.fileName,
    set: r.setName,
    imported: tPlural('optionsSummaryImported', r.imported),
    duplicates: tPlural('optionsSummaryDuplicates', r.duplicates.length),
    rejected: tPlural('optionsSummaryRejected', r.rejected.length),
  });
  const tail = r.quotaExceeded ? t('optionsStorageFullStopped') : r.cancelled ? t('optionsCancelledKept') : '';
  return tail ? `${summary} ${tail}` : summary;
}
