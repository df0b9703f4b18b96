/**
 * The import report's table without a DOM: one row per record of a file that was not imported
 * as written (rejected, skipped as a duplicate, changed, or read under a guess), where it sits and why, in
 * the words the options page shows. Pure, so it is unit-tested (test/unit/options-report.test.ts);
 * ReportView.tsx only lays it out.
 */
import type { FileReport, ReportLine } from '@/lib/background/import';
import { t, tPlural, type MessageKey, type PluralKey } from '@/lib/i18n/messages';

/** A row's outcome: the parser's three actions, with "skipped because already stored" told apart from a problem in the file. */
export type RowOutcome = 'skipped' | 'changed' | 'assumed' | 'duplicate';

export interface ReportRow {
  outcome: RowOutcome;
  /** The outcome in words: "Rejected", "Imported, changed"... */
  outcomeLabel: string;
  /** "reports/b.jsonl, line 2", "line 3", "record 2", "../escape.json" (a zip entry), or "whole file". */
  where: string;
  /** The record's title, when the import got that far. */
  title?: string;
  /** The reason as a sentence, starting with a capital. */
  reason: string;
}

/** The same words as the counts above the table and the file's one-line summary (model.ts). */
export const OUTCOME_LABELS: Record<RowOutcome, MessageKey> = {
  skipped: 'outcomeRejected',
  changed: 'outcomeChanged',
  assumed: 'outcomeGuessed',
  duplicate: 'outcomeDuplicate',
};

/** What each outcome counts as in the caption ("2 rejected, 1 changed"). */
const CAPTION_WORDS: Record<RowOutcome, PluralKey> = {
  skipped: 'captionRejected',
  changed: 'captionChanged',
  assumed: 'captionGuessed',
  duplicate: 'captionDuplicate',
};

/**
 * Problems first: what was lost, then what was altered, then what was guessed; records already
 * stored last, since a second import of a big file makes them the many and they lose nothing.
 */
const OUTCOME_ORDER: readonly RowOutcome[] = ['skipped', 'changed', 'assumed', 'duplicate'];

/** Rows shown before "Show all": enough for the usual few problems, short enough for a file with thousands. */
export const FIRST_ROWS = 20;

/** Where a record sits: the zip entry it came from, then its line (what an editor shows), else its index in the file. */
export function whereText(at: Pick<ReportLine, 'file' | 'record' | 'line'>): string {
  // Line and record numbers are positions, written as digits without grouping.
  const within = at.line !== undefined ? t('whereLine', { line: String(at.line) }) : at.record !== undefined ? t('whereRecord', { record: String(at.record) }) : '';
  if (at.file) return within ? t('whereInEntry', { entry: at.file, within }) : at.file;
  return within || t('whereWholeFile');
}

/** Reasons come from the parsers as clauses ("no text", "invalid JSON at line 3"); a table cell reads better as a sentence start. */
function sentence(reason: string): string {
  const text = reason.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function row(outcome: RowOutcome, line: ReportLine): ReportRow {
  return {
    outcome,
    outcomeLabel: t(OUTCOME_LABELS[outcome]),
    where: whereText(line),
    ...(line.title ? { title: line.title } : {}),
    reason: sentence(line.reason),
  };
}

/** Every record of the file not imported as written, problems first, each group in file order. */
export function reportRows(report: FileReport): ReportRow[] {
  const rows = [
    ...report.rejected.map((l) => row('skipped', l)),
    ...report.changed.map((l) => row(l.action === 'assumed' ? 'assumed' : 'changed', l)),
    ...report.duplicates.map((l) => row('duplicate', l)),
  ];
  // Array.prototype.sort is stable: within an outcome the parsers' file order stays.
  return rows.sort((a, b) => OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome));
}

export interface ReportTableView {
  /** The rows to render now. */
  rows: ReportRow[];
  total: number;
  /** Names the table: its file and how many records had each outcome, and how many rows are shown. */
  caption: string;
  /** The label of the button that shows all rows or only the first ones again; null when all fit. */
  toggle: string | null;
}

export function reportTableView(report: FileReport, showAll: boolean, first = FIRST_ROWS): ReportTableView {
  const all = reportRows(report);
  const counts = OUTCOME_ORDER.map((o) => [o, all.filter((r) => r.outcome === o).length] as const).filter(([, n]) => n > 0);
  const truncated = all.length > first && !showAll;
  const shown = truncated ? all.slice(0, first) : all;
  const tally = counts.map(([o, n]) => tPlural(CAPTION_WORDS[o], n)).join(t('listSeparator'));
  return {
    rows: shown,
    total: all.length,
    caption: truncated ? t('reportCaptionFirst', { file: report.fileName, tally, shown: first, total: all.length }) : t('reportCaption', { file: report.fileName, tally }),
    toggle: all.length <= first ? null : showAll ? t('reportShowFirst', { count: first }) : tPlural('reportShowAll', all.length),
  };
}
