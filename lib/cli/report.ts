/** The CLI's human-readable report of an annotation. */
import { entityNamesOf, formatDate, formatValue, kindLabel, verdictLabel } from '../report/format';
import type { Annotation, Evidence } from '../types';

function sourceLabel(e: Evidence): string {
  const date = e.source.published ? `, ${formatDate(e.source.published)}` : '';
  return `${e.source.outlet || e.source.title}${date}${e.independent ? '' : ' [derived]'}${e.source.url ? ` <${e.source.url}>` : ''}`;
}

export function formatReport(a: Annotation): string {
  const names = entityNamesOf(a);
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
    const edition = c.edition ? ` ${c.edition}` : '';
    lines.push(`  [${verdictLabel(c.verdict)}] ${c.subjectName}${edition} · ${kindLabel(c.kind)}: ${formatValue(c.value, names)}   “${c.text}”`);
    for (const e of c.corroborating) lines.push(`      ✓ ${formatValue(e.value, names)} — ${sourceLabel(e)}\n        “${e.text}”`);
    for (const e of c.conflicting) lines.push(`      ✗ ${formatValue(e.value, names)} — ${sourceLabel(e)}\n        “${e.text}”`);
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
