/**
 * What the import parsers hand to the options page and the CLI: the articles they could read and,
 * for every record they skipped or changed, a report a user can act on. Parsers never throw on bad input.
 */
import type { ArticleInput } from '../types';

export type ImportFormat = 'json' | 'jsonl' | 'csv' | 'rss' | 'atom' | 'html' | 'text' | 'zip' | 'unknown';

export interface ImportedArticle extends ArticleInput {
  /** The record's own id (`id`, `guid`, Atom `<id>`), when it has one. */
  id?: string;
  /** 1-based index of the record in its file (array element, line, row, feed item). */
  record: number;
  /** Physical line where the record starts, for line-based formats. */
  line?: number;
  /** Path inside the zip the article came from, for articles read out of a zip. */
  file?: string;
}

/**
 * Why a record (or a whole file, when it has no record or line) was skipped, changed or read
 * under an assumption. Stable names, for code and tests; `reason` is the sentence for people.
 */
export type ImportIssue =
  // the whole file or zip entry
  | 'empty-file'
  | 'unsupported-format'
  | 'unreadable-file'
  | 'corrupt-archive'
  | 'archive-too-deep'
  | 'entry-too-large'
  | 'unsafe-path'
  | 'no-records'
  | 'csv-header'
  // one record, skipped
  | 'invalid-json'
  | 'not-an-object'
  | 'csv-quote'
  | 'csv-fields'
  | 'no-text'
  | 'bad-date'
  | 'duplicate-id'
  // one record, kept but changed or read under an assumption
  | 'markup-removed'
  | 'text-too-long'
  | 'title-too-long'
  | 'outlet-too-long'
  | 'ambiguous-date';

/** A record the import did not take as written. */
export interface RecordReport {
  /** Skipped: not imported. Changed: imported, with the change `reason` names. Assumed: imported, read one of two possible ways. */
  action: 'skipped' | 'changed' | 'assumed';
  issue: ImportIssue;
  reason: string;
  /** Path inside the zip (`inner.zip/feed.xml` when nested). */
  file?: string;
  /** 1-based index of the record in its file. */
  record?: number;
  /** Physical line the record (or the problem) starts on, for line-based formats and JSON syntax errors. */
  line?: number;
}

/**
 * A skipped record or file. Every rejection a parser makes is a `RecordReport` with action
 * 'skipped'; the looser shape remains for callers that build their own (restoring an export).
 */
export interface Rejection {
  record?: number;
  line?: number;
  file?: string;
  reason: string;
  issue?: ImportIssue;
}

/** How numeric dates such as 03/04/2019 were read in one file. */
export interface DateReading {
  order: 'day-first' | 'month-first';
  /** What decided it: a date in the file that can only be read one way, the records' language, or the default. */
  basis: 'file' | 'language' | 'default';
  /** Dates in the file that could be read either way (each also has an 'assumed' report). */
  ambiguous: number;
}

export interface ParsedFile {
  format: ImportFormat;
  articles: ImportedArticle[];
  /** The skipped records and files: the `reports` whose action is 'skipped'. */
  rejected: Rejection[];
  /**
   * Every record skipped, changed or read under an assumption, in file order. Always set by the
   * parsers (see `ImportResult`); optional only so callers can build a ParsedFile by hand.
   */
  reports?: RecordReport[];
  /** Set when the file holds numeric day/month dates. */
  dates?: DateReading;
  /** Zip only: the result for each inner file; `articles`, `rejected` and `reports` hold them all, flattened. */
  files?: (ParsedFile & { name: string })[];
}

/** What `parseImportFile` returns: a ParsedFile whose reports are always there. */
export type ImportResult = ParsedFile & { reports: RecordReport[]; files?: (ImportResult & { name: string })[] };

export type NamedParsedFile = ImportResult & { name: string };

/**
 * A record as a format reader found it, before validation: every field a string or absent.
 * Readers map their own shapes onto this; `validate.ts` alone turns it into an article.
 */
export type MarkupField = 'title' | 'text' | 'outlet';

export interface RawArticle {
  title?: string;
  text?: string;
  url?: string;
  outlet?: string;
  published?: string;
  language?: string;
  id?: string;
  /** Fields from which the reader removed markup (tags, not entities), to be reported. */
  markup?: MarkupField[];
}

/** Where a raw record sits in its file, carried into the article or its reports. */
export interface RecordPosition {
  record: number;
  line?: number;
}

/** A raw record with its position, as readers hand them to `finishFile`. */
export interface RawRecord {
  raw: RawArticle;
  at: RecordPosition;
}
