/** The CLI's human-readable report of an annotation, in the side panel's words (lib/report/claims.ts). */
import { claimCard, summaryLabel, wordingContext, type EvidenceItem } from '../report/claims';
import { formatDate, verdictLabel } from '../report/format';
import type { Annotation } from '../types';

const MARK = { agree: '✓', conflict: '✗', disputed: '⇄', close: '≈', other: '≠' } as const;

function sourceLabel(item: EvidenceItem): string {
  const s = item.evidence.source;
  const date = s.published ? `, ${formatDate(s.published)}` : '';
  const details = [item.note, item.speaker ? `per ${item.speaker}` : '', item.scope ?? ''].filter(Boolean).join('; ');
  return `${s.outlet || s.title}${date}${details ? ` (${details})` : ''}${s.url ? ` <${s.url}>` : ''}`;
}

/** A source's own sentence in quotation marks; Triangulate's summary labelled, never quoted. */
function wordsLine(item: EvidenceItem): string {
  if (!item.words) return '';
  return item.words.kind === 'quote' ? `\n        “${item.words.text}”` : `\n        ${summaryLabel()}: ${item.words.text}`;
}

export function formatReport(a: Annotation): string {
  const ctx = wordingContext(a);
  const lines: string[] = [];
  lines.push(a.title || '(untitled)');
  if (a.published || a.url) lines.push([a.published ? formatDate(a.published) : null, a.url].filter(Boolean).join('  '));
  lines.push('');
  const byType = new Map<string, Map<string, number>>();
  for (const m of a.mentions) {
    const counts = byType.get(m.type) ?? new Map<string, number>();
    counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    byType.set(m.type, counts);
  }
  lines.push(`Mentions: ${a.mentions.length}`);
  for (const type of ['exercise', 'country', 'organization']) {
    const counts = byType.get(type);
    if (!counts) continue;
    lines.push(`  ${type}: ${[...counts].map(([n, c]) => (c > 1 ? `${n} ×${c}` : n)).join(', ')}`);
  }
  lines.push('');
  lines.push(`Claims: ${a.claims.length}`);
  for (const c of a.claims) {
    const card = claimCard(c, ctx, a.claims);
    lines.push(`  [${verdictLabel(c.verdict)}] ${card.subject} · ${card.line}`);
    lines.push(`      this article: “${c.text}”`);
    for (const also of card.alsoInArticle) lines.push(`      ${also}`);
    for (const g of card.groups) for (const item of g.items) lines.push(`      ${MARK[g.kind]} ${item.value} — ${sourceLabel(item)}${wordsLine(item)}`);
  }
  lines.push('');
  lines.push(`Sources sharing this article's entities: ${a.sources.length}`);
  const outletOf = new Map(a.sources.map((s) => [s.id, s.outlet]));
  const copies = new Set(a.pageSourceIds ?? []);
  for (const s of a.sources) {
    const origin = s.derivedFrom && (copies.has(s.derivedFrom) ? 'this article' : (outletOf.get(s.derivedFrom) ?? s.derivedFrom));
    const derived = origin ? ` (retells ${origin})` : '';
    lines.push(`  ${s.outlet}${s.published ? `, ${formatDate(s.published)}` : ''}: ${s.title}${derived}${s.url ? ` <${s.url}>` : ''}`);
  }
  return lines.join('\n');
}
