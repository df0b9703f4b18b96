/** The CLI's human-readable report of an annotation, in the side panel's words (lib/report/claims.ts) and the catalogue's. */
import { t, type MessageKey } from '../i18n/messages';
import { claimCard, summaryLabel, wordingContext, type EvidenceItem } from '../report/claims';
import { formatDate, verdictLabel } from '../report/format';
import type { Annotation } from '../types';

const MARK = { agree: '✓', conflict: '✗', disputed: '⇄', close: '≈', other: '≠' } as const;

const TYPE_WORD: Record<string, MessageKey> = { exercise: 'typeWordExercise', country: 'typeWordCountry', organization: 'typeWordOrganization' };

function sourceLabel(item: EvidenceItem): string {
  const s = item.evidence.source;
  const name = s.outlet || s.title;
  const dated = s.published ? t('outletAndDate', { outlet: name, date: formatDate(s.published) }) : name;
  const details = [item.note, item.speaker ? t('evidencePer', { speaker: item.speaker }) : '', item.scope ?? ''].filter(Boolean).join('; ');
  return `${dated}${details ? ` (${details})` : ''}${s.url ? ` <${s.url}>` : ''}`;
}

/** A source's own sentence in quotation marks; Triangulate's summary labelled, never quoted. */
function wordsLine(item: EvidenceItem): string {
  if (!item.words) return '';
  return `\n        ${item.words.kind === 'quote' ? t('quoted', { text: item.words.text }) : t('labelAndText', { label: summaryLabel(), text: item.words.text })}`;
}

export function formatReport(a: Annotation): string {
  const ctx = wordingContext(a);
  const lines: string[] = [];
  lines.push(a.title || t('untitledPage'));
  if (a.published || a.url) lines.push([a.published ? formatDate(a.published) : null, a.url].filter(Boolean).join('  '));
  lines.push('');
  const byType = new Map<string, Map<string, number>>();
  for (const m of a.mentions) {
    const counts = byType.get(m.type) ?? new Map<string, number>();
    counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    byType.set(m.type, counts);
  }
  lines.push(t('cliMentions', { count: a.mentions.length }));
  for (const [type, word] of Object.entries(TYPE_WORD)) {
    const counts = byType.get(type);
    if (!counts) continue;
    lines.push(`  ${t('labelAndText', { label: t(word), text: [...counts].map(([name, count]) => (count > 1 ? t('cliMentionTimes', { name, count }) : name)).join(t('listSeparator')) })}`);
  }
  lines.push('');
  lines.push(t('cliClaims', { count: a.claims.length }));
  for (const c of a.claims) {
    const card = claimCard(c, ctx, a.claims);
    lines.push(`  [${verdictLabel(c.verdict)}] ${card.subject} · ${card.line}`);
    lines.push(`      ${t('cliThisArticle', { text: t('quoted', { text: c.text }) })}`);
    for (const also of card.alsoInArticle) lines.push(`      ${also}`);
    for (const g of card.groups) for (const item of g.items) lines.push(`      ${MARK[g.kind]} ${item.value} — ${sourceLabel(item)}${wordsLine(item)}`);
  }
  lines.push('');
  lines.push(t('cliSources', { count: a.sources.length }));
  const outletOf = new Map(a.sources.map((s) => [s.id, s.outlet]));
  const copies = new Set(a.pageSourceIds ?? []);
  for (const s of a.sources) {
    const derived = !s.derivedFrom ? '' : ` (${copies.has(s.derivedFrom) ? t('cliRetellsThisArticle') : t('retellsSource', { source: outletOf.get(s.derivedFrom) ?? t('anotherSource') })})`;
    const outlet = s.outlet || t('unknownOutlet');
    const dated = s.published ? t('outletAndDate', { outlet, date: formatDate(s.published) }) : outlet;
    lines.push(`  ${t('labelAndText', { label: dated, text: s.title || t('untitled') })}${derived}${s.url ? ` <${s.url}>` : ''}`);
  }
  return lines.join('\n');
}
