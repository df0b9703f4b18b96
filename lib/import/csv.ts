/**
 * CSV after RFC 4180, with what spreadsheets add to it: `;` or tab delimiters (sniffed from the
 * header), Excel's `sep=;` first line, CRLF or LF, quoted fields spanning lines. The header names
 * the columns; `fields.ts` maps them onto article fields.
 */
import { t } from '../i18n/messages';
import { fieldOfKey, rawArticleOf } from './fields';
import type { ImportResult, RawRecord, RecordReport } from './types';
import { failedFile, finishFile } from './validate';

const DELIMITERS = [',', ';', '\t'] as const;

interface CsvRow {
  fields: string[];
  /** Physical line the row starts on. */
  line: number;
  /** Set when a quoted field in the row is malformed: the row is dropped and reading resumes on the next line. */
  quoteError?: { line: number; reason: string };
}

export function parseCsv(text: string): ImportResult {
  let body = text;
  let delimiter: string | undefined;
  let lineOffset = 0;
  const hint = /^sep=(.)\r?\n/i.exec(body);
  if (hint) {
    delimiter = hint[1]!;
    body = body.slice(hint[0].length);
    lineOffset = 1;
  }
  delimiter ??= sniffDelimiter(body);
  const rows = csvRows(body, delimiter).map((row) => ({
    ...row,
    line: row.line + lineOffset,
    ...(row.quoteError ? { quoteError: { ...row.quoteError, line: row.quoteError.line + lineOffset } } : {}),
  }));
  const header = rows.shift();
  if (!header) return failedFile('csv', 'no-records', t('importWhyEmptyCsv'));
  if (header.quoteError) return failedFile('csv', 'csv-quote', t('importWhyCsvHeader', { problem: header.quoteError.reason }), { line: header.quoteError.line });
  const columns = header.fields.map((name) => fieldOfKey(name.trim()));
  if (!columns.includes('text')) {
    return failedFile('csv', 'csv-header', t('importWhyCsvNoText'), { line: header.line });
  }
  const textColumn = columns.indexOf('text');
  const raws: RawRecord[] = [];
  const problems: RecordReport[] = [];
  rows.forEach((row, i) => {
    const at = { record: i + 1, line: row.line };
    if (row.quoteError) {
      problems.push({ action: 'skipped', issue: 'csv-quote', reason: t('importWhyCsvRow', { row: String(at.record), problem: row.quoteError.reason }), record: at.record, line: row.quoteError.line });
      return;
    }
    // No prototype: a column named "constructor" or "__proto__" is just a column.
    const record = Object.create(null) as Record<string, string>;
    header.fields.forEach((name, c) => {
      const value = row.fields[c];
      // Two columns with one name: the first non-empty value counts.
      if (value !== undefined && !record[name]?.trim()) record[name] = value;
    });
    const raw = rawArticleOf(record);
    if (row.fields.length <= textColumn && raw.text === undefined) {
      problems.push({ action: 'skipped', issue: 'csv-fields', reason: t('importWhyCsvFields', { row: String(at.record), expected: columns.length, found: row.fields.length }), ...at });
      return;
    }
    raws.push({ raw, at });
  });
  return finishFile('csv', raws, problems);
}

/** The delimiter that splits the header row most often, outside quotes; `,` when none does. */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/**
 * Split text into rows of fields; blank lines are skipped. Runs of ordinary characters are copied in one slice.
 * A quoted field that is never closed, or whose closing quote is followed by more text, makes its
 * row an error at the line where the quote opened; reading resumes on the line after that one, so
 * one stray quote cannot swallow the rows that follow.
 */
function csvRows(text: string, delimiter: string): CsvRow[] {
  const rows: CsvRow[] = [];
  // Inside a character class only \ ] ^ - are special; a raw tab is fine as it is.
  const plainRun = new RegExp(`[^"\r\n${delimiter.replace(/[\\\]^-]/g, '\\$&')}]+`, 'y');
  let fields: string[] = [];
  let field = '';
  let fieldStart = true;
  let line = 1;
  let rowLine = 1;

  const endRow = (): void => {
    fields.push(field);
    if (fields.length > 1 || field !== '' || !fieldStart) rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
    fieldStart = true;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && fieldStart) {
      // A quoted field: up to the next quote that is not doubled, which must end the field.
      const openedAt = i;
      const openLine = line;
      fieldStart = false;
      i++;
      let problem: string | null = null;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          problem = t('importWhyQuoteNeverClosed', { line: String(openLine) });
          break;
        }
        const chunk = text.slice(i, close);
        field += chunk;
        line += newlineCount(chunk);
        i = close + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
          continue;
        }
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          problem =
            line > openLine
              ? t('importWhyQuoteRunsOn', { line: String(openLine), to: String(line) })
              : t('importWhyTextAfterQuote', { line: String(openLine) });
        }
        break;
      }
      if (problem !== null) {
        rows.push({ fields: [], line: rowLine, quoteError: { line: openLine, reason: problem } });
        // Resume on the line after the opening quote's.
        const lineEnd = text.slice(openedAt).search(/\r\n?|\n/);
        if (lineEnd === -1) return rows;
        i = openedAt + lineEnd + (text[openedAt + lineEnd] === '\r' && text[openedAt + lineEnd + 1] === '\n' ? 2 : 1);
        line = openLine + 1;
        rowLine = line;
        fields = [];
        field = '';
        fieldStart = true;
      }
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
      line++;
      rowLine = line;
    } else {
      // Ordinary text; a stray quote inside an unquoted field is kept as text, as spreadsheets do.
      plainRun.lastIndex = i;
      const run = plainRun.exec(text)?.[0] ?? ch;
      field += run;
      fieldStart = false;
      i += run.length;
    }
  }
  if (fields.length > 0 || field !== '' || !fieldStart) endRow();
  return rows;
}

/** Line breaks in a chunk, counting CRLF once. */
function newlineCount(chunk: string): number {
  let count = 0;
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] === '\n' || (chunk[i] === '\r' && chunk[i + 1] !== '\n')) count++;
  }
  return count;
}
