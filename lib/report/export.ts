/**
 * The comparison as files a journalist keeps: a Markdown report with numbered citations to paste
 * into notes, a CSV (one row per claim and source) for a spreadsheet, and JSON for tools. All
 * text comes from pages and imports, so Markdown is escaped, only http(s) URLs become links and
 * CSV cells cannot start a spreadsheet formula.
 *
 * Headings and labels are in the interface's language (the message catalogue); data stays as it
 * is: the CSV's column names, the JSON's keys and the machine values in both (kind, verdict,
 * relation, `none`, `quote`) never change with the language, so scripts can read any export.
 */
import { wordsLanguage } from '../i18n/intl';
import { t, type MessageKey } from '../i18n/messages';
import type { AnnotatedClaim, Annotation, Evidence } from '../types';
import { cleanUrl } from '../text/url';
import { claimCard, summaryLabel, wordingContext, wordsOf, type EvidenceGroupKind, type EvidenceItem, type WordingContext } from './claims';
import { claimSubjectLabel, formatDate, formatValue, kindLabel, scopeLabel, verdictLabel } from './format';
import { allEvidence, originOf, PAGE_COLUMN_ID, sourceMap, sourceRows, summarizeClaims, summaryLine, type SourceRow } from './table';

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
    for (const e of allEvidence(c)) {
      cited.add(e.source.id);
      cited.add(originOf(e.source.id, byId));
    }
  }
  if (annotation.pageDerivedFrom) cited.add(annotation.pageDerivedFrom);
  const rows = all.filter((r) => cited.has(r.id));
  const numbers = new Map(rows.map((r, i) => [r.id, i + 1]));
  return { rows, numberOf: (id) => numbers.get(id) ?? 0 };
}

/** One line per group member: "Agree", "Contradict", … said as a verb on each line. */
const RELATION_WORD: Record<EvidenceGroupKind, MessageKey> = {
  agree: 'exportAgrees',
  conflict: 'exportContradicts',
  disputed: 'exportOtherSpeaker',
  close: 'groupClose',
  other: 'exportOtherFigure',
};

/** A source's own sentence in quotation marks; Triangulate's summary labelled, never quoted. */
function markdownWords(item: EvidenceItem): string {
  if (!item.words) return '';
  return item.words.kind === 'quote' ? `: ${t('quoted', { text: escapeMarkdown(item.words.text) })}` : `. ${t('labelAndText', { label: summaryLabel(), text: escapeMarkdown(item.words.text) })}`;
}

function evidenceLine(item: EvidenceItem, cite: Citations): string {
  const source = item.evidence.source;
  // The note is Triangulate's words with citation numbers; the speaker and scope come from sources.
  const details = [item.note, item.speaker ? t('evidencePer', { speaker: escapeMarkdown(item.speaker) }) : '', item.scope ? escapeMarkdown(item.scope) : ''].filter(Boolean);
  return (
    `- ${t(RELATION_WORD[item.group])}: **${escapeMarkdown(item.value)}**, ${escapeMarkdown(source.outlet || source.title)}, ` +
    `${formatDate(source.published)} [${cite.numberOf(source.id)}]${details.length ? ` (${details.join('; ')})` : ''}${markdownWords(item)}`
  );
}

function claimHeading(c: AnnotatedClaim, i: number, ctx: WordingContext): string {
  const heading = t('exportClaimHeading', { subject: escapeMarkdown(claimSubjectLabel(c)), kind: kindLabel(c.kind).toLocaleLowerCase(wordsLanguage()), value: escapeMarkdown(formatValue(c.value, ctx.names)), verdict: verdictLabel(c.verdict) });
  return `### ${i + 1}. ${heading}`;
}

export function toMarkdown(annotation: Annotation, opts: ExportOptions = {}): string {
  const cite = citations(annotation);
  const ctx: WordingContext = { ...wordingContext(annotation), sourceName: (id) => `[${cite.numberOf(id)}]` };
  const generated = opts.generated ?? new Date().toISOString();
  const out: string[] = [];
  out.push(`# ${t('exportTitle', { title: escapeMarkdown(annotation.title || t('untitledPage')) })}`, '');
  out.push(`- ${t('exportPage', { link: markdownLink(annotation.url ?? annotation.title, annotation.url) })} [1]`);
  out.push(`- ${t('exportPublished', { date: formatDate(annotation.published) })}`);
  if (annotation.pageDerivedFrom) out.push(`- ${t('exportPageRetells', { citation: `[${cite.numberOf(annotation.pageDerivedFrom)}]` })}`);
  out.push(`- ${t('exportChecked', { date: formatDate(generated) })}`);
  out.push(`- ${t('exportQuotesNote', { label: summaryLabel() })}`, '');
  out.push(`${summaryLine(summarizeClaims(annotation))}.`, '');
  if (annotation.claims.length) {
    out.push(`## ${t('exportClaimsHeading')}`, '');
    const claims = [...annotation.claims].sort((a, b) => a.start - b.start);
    claims.forEach((c, i) => {
      const card = claimCard(c, ctx, annotation.claims);
      out.push(claimHeading(c, i, ctx), '');
      out.push(escapeMarkdown(card.line), '');
      out.push(`> ${escapeMarkdown(c.sentence ?? c.text)}`, '');
      const lines = [...card.alsoInArticle.map((t) => `- ${escapeMarkdown(t)}`), ...card.groups.flatMap((g) => g.items.map((item) => evidenceLine(item, cite)))];
      out.push(...(lines.length ? lines : [`- ${t('exportNoOtherSource')}`]), '');
    });
  }
  out.push(`## ${t('sourcesHeading')}`, '');
  for (const r of cite.rows) {
    const n = cite.numberOf(r.id);
    const retells = r.retells ? ` (${t('retellsSource', { source: `[${cite.numberOf(r.retells)}]` })}${r.derivation ? `, ${escapeMarkdown(r.derivation)}` : ''})` : '';
    const name = r.isPage ? t('thisPage') : escapeMarkdown(r.outlet || t('unknownOutlet'));
    out.push(`${n}. ${name}: ${markdownLink(r.title || r.url || t('untitled'), r.url)}, ${formatDate(r.published)}${retells}`);
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
  'page_scope',
  'page_speaker',
  'verdict',
  'verdict_line',
  'page_sentence',
  'relation',
  'source_outlet',
  'source_title',
  'source_published',
  'source_url',
  'source_value',
  'source_speaker',
  'source_scope',
  'independent',
  'note',
  'retells',
  'source_text_is',
  'source_text',
] as const;

/** What `source_text` holds: the source's own sentence ("quote"), or Triangulate's summary of it. */
function csvTextKind(kind: 'quote' | 'summary'): string {
  return kind === 'quote' ? 'quote' : summaryLabel();
}

export function toCsv(annotation: Annotation): string {
  const ctx = wordingContext(annotation);
  const lines = [CSV_COLUMNS.join(',')];
  const claims = [...annotation.claims].sort((a, b) => a.start - b.start);
  claims.forEach((c, i) => {
    const card = claimCard(c, ctx, annotation.claims);
    const claimCells = [i + 1, c.subjectName, c.edition, c.kind, formatValue(c.value, ctx.names), card.scope, c.attribution ?? '', c.verdict, card.line, c.sentence ?? c.text];
    const items = card.groups.flatMap((g) => g.items);
    if (!items.length) lines.push([...claimCells, 'none', ...Array<string>(CSV_COLUMNS.length - claimCells.length - 1).fill('')].map(csvCell).join(','));
    for (const item of items) {
      const e = item.evidence;
      const origin = originOf(e.source.id, ctx.sources);
      lines.push(
        [
          ...claimCells,
          e.relation,
          e.source.outlet,
          e.source.title,
          e.source.published,
          cleanUrl(e.source.url) ?? '',
          item.value,
          item.speaker ?? '',
          item.scope ?? '',
          e.independent,
          item.note,
          origin !== e.source.id ? (origin === PAGE_COLUMN_ID ? t('thisPageInSentence') : (ctx.sources.get(origin)?.outlet ?? origin)) : '',
          item.words ? csvTextKind(item.words.kind) : '',
          item.words?.text ?? '',
        ]
          .map(csvCell)
          .join(','),
      );
    }
  });
  // CRLF per RFC 4180, which spreadsheet programs expect.
  return `${lines.join('\r\n')}\r\n`;
}

type JsonEvidence = Evidence & { display: string; words: 'quote' | 'summary' | null };

export interface JsonReport {
  format: 'triangulate-report';
  version: 2;
  generated: string;
  page: { title: string; url: string | null; published: string | null; retells: string | null };
  summary: ReturnType<typeof summarizeClaims> & { line: string };
  claims: (Omit<AnnotatedClaim, 'corroborating' | 'conflicting' | 'other'> & {
    display: string;
    /** Claim and verdict in words, as the side panel shows them. */
    line: string;
    scopeText: string | null;
    corroborating: JsonEvidence[];
    conflicting: JsonEvidence[];
    other: JsonEvidence[];
  })[];
  sources: Annotation['sources'];
}

/**
 * The annotation without the page text (the user has the page), with display strings added.
 * `words` says whether an evidence text is the source's own sentence (`quote`) or a summary by
 * Triangulate (`summary`). Version 2 added `other`, `line`, `scopeText` and `words`.
 */
export function toJsonReport(annotation: Annotation, opts: ExportOptions = {}): JsonReport {
  const ctx = wordingContext(annotation);
  const summary = summarizeClaims(annotation);
  const withDisplay = (e: Evidence): JsonEvidence => ({ ...e, display: formatValue(e.value, ctx.names), words: wordsOf(e, ctx.sources)?.kind ?? null });
  return {
    format: 'triangulate-report',
    version: 2,
    generated: opts.generated ?? new Date().toISOString(),
    page: { title: annotation.title, url: annotation.url, published: annotation.published, retells: annotation.pageDerivedFrom ?? null },
    summary: { ...summary, line: summaryLine(summary) },
    claims: annotation.claims.map((c) => ({
      ...c,
      display: formatValue(c.value, ctx.names),
      line: claimCard(c, ctx, annotation.claims).line,
      scopeText: scopeLabel(c.scope, ctx.names),
      corroborating: c.corroborating.map(withDisplay),
      conflicting: c.conflicting.map(withDisplay),
      other: (c.other ?? []).map(withDisplay),
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
