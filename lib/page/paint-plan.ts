/**
 * Which mentions to paint, in which order, with which styles. Linear in the text and the
 * mentions: sentence bounds come from one SentenceIndex, verdicts from one pass over the claims.
 *
 * Order is by value to the reader, so the first chunks painted (and the ones kept under the
 * cap) are the ones worth a hover: exercise mentions, then mentions in a sentence whose claims
 * have a verdict, then organizations, then country names; document order within each rank.
 */
import type { Annotation, Mention, Verdict } from '../types';
import type { HighlightStyle } from './highlighter';
import { SentenceIndex, verdictsBySentence } from './sentences';

/** Highlights painted on a page before the reader asks for all of them ("Show all" in the popup). */
export const HIGHLIGHT_CAP = 300;

export interface PlannedMention {
  /** Index in `annotation.mentions`. */
  index: number;
  mention: Mention;
  styles: HighlightStyle[];
}

function verdictStyle(verdict: Verdict | undefined): HighlightStyle | null {
  if (verdict === 'corroborated') return 'corroborated';
  if (verdict === 'conflicting' || verdict === 'mixed') return 'conflicting';
  if (verdict === 'unverified') return 'unverified';
  return null;
}

/** Every mention of the annotation, most valuable first, each with its highlight styles. */
export function planPaint(annotation: Pick<Annotation, 'text' | 'mentions' | 'claims'>): PlannedMention[] {
  const sentences = new SentenceIndex(annotation.text);
  const verdicts = verdictsBySentence(annotation.claims, sentences);
  const ranks: PlannedMention[][] = [[], [], [], []];
  annotation.mentions.forEach((mention, index) => {
    const verdict = verdictStyle(verdicts.get(sentences.startOf(mention.start)));
    const styles: HighlightStyle[] = verdict ? [mention.type, verdict] : [mention.type];
    const rank = mention.type === 'exercise' ? 0 : verdict ? 1 : mention.type === 'organization' ? 2 : 3;
    ranks[rank]!.push({ index, mention, styles });
  });
  return ranks.flat();
}
