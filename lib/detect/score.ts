/**
 * Scores detected mentions against gold annotations: per entity type, a prediction is right
 * when it names the same entity and overlaps the gold span.
 */
import type { EntityType, Mention } from '../types';

export interface GoldDocument {
  file: string;
  /** [surface, entity id] in order of appearance. */
  mentions: [string, string][];
}

export interface GoldSpan {
  id: string;
  type: EntityType;
  start: number;
  end: number;
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export function typeOfId(id: string): EntityType {
  if (id.startsWith('ex:')) return 'exercise';
  if (id.startsWith('country:')) return 'country';
  return 'organization';
}

/** Locates each gold surface in order; throws when the gold file does not fit its text. */
export function goldSpans(text: string, doc: GoldDocument): GoldSpan[] {
  let cursor = 0;
  return doc.mentions.map(([surface, id]) => {
    const at = text.indexOf(surface, cursor);
    if (at < 0) throw new Error(`${doc.file}: gold mention "${surface}" not found after offset ${cursor}`);
    cursor = at + surface.length;
    return { id, type: typeOfId(id), start: at, end: at + surface.length };
  });
}

export interface ScoreSheet {
  byType: Record<EntityType, TypeScore>;
  errors: { file: string; kind: 'missed' | 'spurious'; id: string; text: string }[];
}

export function scoreMentions(docs: { file: string; text: string; gold: GoldSpan[]; predicted: Mention[] }[]): ScoreSheet {
  const counts: Record<EntityType, { tp: number; fp: number; fn: number }> = {
    exercise: { tp: 0, fp: 0, fn: 0 },
    country: { tp: 0, fp: 0, fn: 0 },
    organization: { tp: 0, fp: 0, fn: 0 },
  };
  const errors: ScoreSheet['errors'] = [];
  for (const { file, text, gold, predicted } of docs) {
    const used = new Set<number>();
    for (const g of gold) {
      // Context-found exercises get provisional ids: any `ex:x-` hit on the span counts.
      const k = predicted.findIndex(
        (p, i) => !used.has(i) && p.start < g.end && p.end > g.start && (p.id === g.id || (g.id.startsWith('ex:x-') && p.id.startsWith('ex:x-'))),
      );
      if (k >= 0) {
        used.add(k);
        counts[g.type].tp++;
      } else {
        counts[g.type].fn++;
        errors.push({ file, kind: 'missed', id: g.id, text: text.slice(g.start, g.end) });
      }
    }
    predicted.forEach((p, i) => {
      if (used.has(i)) return;
      counts[p.type].fp++;
      errors.push({ file, kind: 'spurious', id: p.id, text: p.text });
    });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const byType = Object.fromEntries(
    Object.entries(counts).map(([type, c]) => [type, { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) }]),
  ) as Record<EntityType, TypeScore>;
  return { byType, errors };
}
