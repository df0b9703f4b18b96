/**
 * The comparison as files a journalist keeps: a Markdown report with numbered citations to paste
 * into notes, a CSV (one row per claim and source) for a spreadsheet, and JSON for tools. All
 * text comes from pages and imports, so Markdown is escaped, only http(s) URLs become links and
 * CSV cells cannot start a spreadsheet formula.
 */
import type { AnnotatedClaim, Annotation, Evidence } from '../types';
import { claimSubjectLabel, entityNamesOf, formatDate, formatValue, kindLabel, verdictLabel, type NameOf } from './format';
import { originOf, PAGE_COLUMN_ID, sourceMap, sourceRows, summarizeClaims, summaryLine, type SourceRow } from './table';
import { cleanUrl } from '../text/url';

export interface ExportOptions {
  /** When the report was made (ISO); injected so output is reproducible in tests. */
  generated?: string;
}

/** Escapes Markdown syntax in untrusted text and keeps it on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^([#>+-]|\d+\.)/, '\\$1');
}

function markdownLink(label: string, url: string | null): string {
  // Tracking parameters and fragments say nothing about the article and may identify the reader.
  const href = cleanUrl(url);
  // Angle brackets keep parentheses in URLs intact; URL parsing already percent-encoded spaces and `<>`.
  return href ? `[${escapeMarkdown(label)}](<${href}>)` : escapeMarkdown(label);
}

interface Citations {
  numberOf(id: string): number;
  rows: SourceRow[];
}

/** Numbers the page [1] and every source the claims cite, plus the origins those retell. */
function citations(annotation: Annotation): Citations {
  const all = sourceRows(annotation, 'date');
  const byId = sourceMap(annotation);
  const cited = new Set<string>([PAGE_COLUMN_ID]);
  for (const c of annotation.claims) {
    for (const e of [...c.corroborating, ...c.conflicting]) {
      cited.add(e.source.id);
      cited.add(originOf(e.source.id, byId));
    }
  }
  if (annotation.pageDerivedFrom) cited.add(annotation.pageDerivedFrom);
  const rows = all.filter((r) => cited.has(r.id));
  const numbers = new Map(rows.map((r, i) => [r.id, i + 1]));
  return { rows, numberOf: (id) => numbers.get(id) ?? 0 };
}

function evidenceLine(e: Evidence, relation: string, names: NameOf, cite: Citations, byId: ReturnType<typeof sourceMap>): string {
  const source = e.source;
  const origin = originOf(source.id, byId);
  const independence = e.independent ? 'independent' : origin !== source.id ? `retells [${cite.numberOf(origin)}]` : 'not independent';
  const attribution = e.attribution ? `, attributed to ${escapeMarkdown(e.attribution)}` : '';
  return (
    `- ${relation}: **${escapeMarkdown(formatValue(e.value, names))}**, ${escapeMarkdown(source.outlet || source.title)}, ` +
    `${formatDate(source.published)} [${cite.numberOf(source.id)}] (${independence}${attribution}): “${escapeMarkdown(e.text)}”`
  );
}

function claimHeading(c: AnnotatedClaim, i: number, names: NameOf): string {
  return `### ${i + 1}. ${escapeMarkdown(claimSubjectLabel(c))}, ${kindLabel(c.kind).toLowerCase()}: ${escapeMarkdown(formatValue(c.value, names))} (${verdictLabel(c.verdict)})`;
}

export function toMarkdown(annotation: Annotation, opts: ExportOptions = {}): string {
  const names = entityNamesOf(annotation);
  const cite = citations(annotation);
  const byId = sourceMap(annotation);
  const generated = opts.generated ?? new Date().toISOString();
  const out: string[] = [];
  out.push(`# Source check: ${escapeMarkdown(annotation.title || 'Untitled page')}`, '');
  out.push(`- Page: ${markdownLink(annotation.url ?? annotation.title, annotation.url)} [1]`);
  out.push(`- Published: ${formatDate(annotation.published)}`);
  if (annotation.pageDerivedFrom) out.push(`- This page retells [${cite.numberOf(annotation.pageDerivedFrom)}]`);
  out.push(`- Checked: ${formatDate(generated)} with Triangulate, against the sources stored on this computer`, '');
  out.push(`${summaryLine(summarizeClaims(annotation))}.`, '');
  if (annotation.claims.length) {
    out.push('## Claims', '');
    const claims = [...annotation.claims].sort((a, b) => a.start - b.start);
    claims.forEach((c, i) => {
      out.push(claimHeading(c, i, names), '');
      out.push(`> ${escapeMarkdown(c.sentence ?? c.text)}`, '');
      const lines = [
        ...c.corroborating.map((e) => evidenceLine(e, 'Agrees', names, cite, byId)),
        ...c.conflicting.map((e) => evidenceLine(e, 'Conflicts', names, cite, byId)),
      ];
      out.push(...(lines.length ? lines : ['- No other source speaks to this claim.']), '');
    });
  }
  out.push('## Sources', '');
  for (const r of cite.rows) {
    const n = cite.numberOf(r.id);
    const retells = r.retells ? ` (retells [${cite.numberOf(r.retells)}]${r.derivation ? `, ${escapeMarkdown(r.derivation)}` : ''})` : '';
    const name = r.isPage ? 'This page' : escapeMarkdown(r.outlet || 'Unknown outlet');
    out.push(`${n}. ${name}: ${markdownLink(r.title || r.url || 'untitled', r.url)}, ${formatDate(r.published)}${retells}`);
  }
  return `${out.join('\n')}\n`;
}

/** Cells that begin like a formula are prefixed, so a spreadsheet shows them as text. */
function csvCell(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'claim',
  'subject',
  'edition',
  'kind',
  'page_value',
  'verdict',
  'page_sentence',
  'relation',
  'source_outlet',
  'source_title',
  'source_published',
  'source_url',
  'source_value',
  'independent',
  'retells',
  'source_sentence',
] as const;

export function toCsv(annotation: Annotation): string {
  const names = entityNamesOf(annotation);
  const byId = sourceMap(annotation);
  const lines = [CSV_COLUMNS.join(',')];
  const claims = [...annotation.claims].sort((a, b) => a.start - b.start);
  claims.forEach((c, i) => {
    const claimCells = [i + 1, c.subjectName, c.edition, c.kind, formatValue(c.value, names), c.verdict, c.sentence ?? c.text];
    const evidence: [string, Evidence][] = [...c.corroborating.map((e): [string, Evidence] => ['agrees', e]), ...c.conflicting.map((e): [string, Evidence] => ['conflicts', e])];
    if (!evidence.length) lines.push([...claimCells, 'none', '', '', '', '', '', '', '', ''].map(csvCell).join(','));
    for (const [relation, e] of evidence) {
      const origin = originOf(e.source.id, byId);
      lines.push(
        [
          ...claimCells,
          relation,
          e.source.outlet,
          e.source.title,
          e.source.published,
          cleanUrl(e.source.url) ?? '',
          formatValue(e.value, names),
          e.independent,
          origin !== e.source.id ? (byId.get(origin)?.outlet ?? origin) : '',
          e.text,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  });
  // CRLF per RFC 4180, which spreadsheet programs expect.
  return `${lines.join('\r\n')}\r\n`;
}

export interface JsonReport {
  format: 'triangulate-report';
  version: 1;
  generated: string;
  page: { title: string; url: string | null; published: string | null; retells: string | null };
  summary: ReturnType<typeof summarizeClaims> & { line: string };
  claims: (Omit<AnnotatedClaim, 'corroborating' | 'conflicting'> & {
    display: string;
    corroborating: (Evidence & { display: string })[];
    conflicting: (Evidence & { display: string })[];
  })[];
  sources: Annotation['sources'];
}

/** The annotation without the page text (the user has the page), with display strings added. */
export function toJsonReport(annotation: Annotation, opts: ExportOptions = {}): JsonReport {
  const names = entityNamesOf(annotation);
  const summary = summarizeClaims(annotation);
  const withDisplay = (e: Evidence) => ({ ...e, display: formatValue(e.value, names) });
  return {
    format: 'triangulate-report',
    version: 1,
    generated: opts.generated ?? new Date().toISOString(),
    page: { title: annotation.title, url: annotation.url, published: annotation.published, retells: annotation.pageDerivedFrom ?? null },
    summary: { ...summary, line: summaryLine(summary) },
    claims: annotation.claims.map((c) => ({
      ...c,
      display: formatValue(c.value, names),
      corroborating: c.corroborating.map(withDisplay),
      conflicting: c.conflicting.map(withDisplay),
    })),
    sources: annotation.sources,
  };
}

export function toJson(annotation: Annotation, opts: ExportOptions = {}): string {
  return `${JSON.stringify(toJsonReport(annotation, opts), null, 2)}\n`;
}

/** "triangulate-cyber-coalition-2019-2019-12-05.md": readable, safe on every file system. */
export function reportFileName(annotation: Pick<Annotation, 'title'>, extension: 'md' | 'csv' | 'json', generated = new Date().toISOString()): string {
  const slug =
    annotation.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'page';
  return `triangulate-${slug}-${generated.slice(0, 10)}.${extension}`;
}
