/**
 * What the import parsers hand to the options page and the CLI: the articles they could read and,
 * for everything else, a reason a user can act on. Parsers never throw on bad input.
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

export interface Rejection {
  record?: number;
  line?: number;
  /** Path inside the zip. */
  file?: string;
  reason: string;
}

export interface ParsedFile {
  format: ImportFormat;
  articles: ImportedArticle[];
  rejected: Rejection[];
  /** Zip only: the result for each inner file; `articles` and `rejected` hold them all, flattened. */
  files?: NamedParsedFile[];
}

export type NamedParsedFile = ParsedFile & { name: string };

/**
 * A record as a format reader found it, before validation: every field a string or absent.
 * Readers map their own shapes onto this; `validate.ts` alone turns it into an article.
 */
export interface RawArticle {
  title?: string;
  text?: string;
  url?: string;
  outlet?: string;
  published?: string;
  language?: string;
  id?: string;
}

/** Where a raw record sits in its file, carried into the article or its rejection. */
export interface RecordPosition {
  record: number;
  line?: number;
}
