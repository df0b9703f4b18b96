/**
 * Abbreviations a page defines for itself: "the Armed Forces of the Philippines (AFP)" makes every later
 * "AFP" of that page the armed forces, not the French news agency the gazetteer knows by those letters.
 * A definition is a detected name followed by its letters in brackets; the page's own meaning wins over
 * the gazetteer's for every mention written with exactly those letters, and the letters are found where
 * the gazetteer did not know them ("the Western Command (Wescom)" is not in it; the name is).
 */
import { spellsAbbreviation } from '../text/abbreviation';
import type { Entity, Mention } from '../types';

const DEFINED = /^\s*\(\s*([A-Z][A-Za-z&]{1,9})\s*\)/;

export function applyDefinedAbbreviations(text: string, mentions: Mention[], entities: ReadonlyMap<string, Entity>): Mention[] {
  const defined = new Map<string, { entity: Entity; at: number }>();
  for (const m of mentions) {
    if (m.type === 'exercise' || m.form === 'acronym') continue;
    const d = DEFINED.exec(text.slice(m.end, m.end + 16));
    const entity = d ? entities.get(m.id) : undefined;
    // Letters that could spell the name: every letter of the abbreviation starts a word of it, in order.
    if (!d || !entity || defined.has(d[1]!) || !spellsAbbreviation(d[1]!, m.text)) continue;
    defined.set(d[1]!, { entity, at: m.end });
  }
  if (!defined.size) return mentions;
  const out = mentions.map((m) => {
    const d = defined.get(m.text);
    if (!d || d.entity.id === m.id) return m;
    return { ...m, id: d.entity.id, type: d.entity.type, name: d.entity.name, form: 'acronym' as const };
  });
  for (const [letters, d] of defined) {
    const word = new RegExp(`(?<![\\p{L}\\p{N}])${letters}(?![\\p{L}\\p{N}])`, 'gu');
    for (let w = word.exec(text); w; w = word.exec(text)) {
      if (w.index < d.at || out.some((m) => m.start < w.index + letters.length && m.end > w.index)) continue;
      out.push({ type: d.entity.type, id: d.entity.id, name: d.entity.name, text: letters, start: w.index, end: w.index + letters.length, confidence: 0.9, form: 'acronym' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
