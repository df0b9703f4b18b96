/**
 * Which mentions to paint, in which order, and which claims get a verdict mark. Linear in the
 * text, the mentions and the claims: sentence bounds come from one SentenceIndex, blocks from
 * one pass over the text.
 *
 * Every entity gets the same quiet highlight (its type and any verdict are in the card, not on
 * the page); verdicts are marked on the claim's own words (the figure, date or place), drawn by
 * the UI inside its closed shadow root so page scripts never see them.
 *
 * Quiet off-topic: a page that names no exercise gets no highlight at all unless the reader asks
 * ("Highlight pages without an exercise" in the popup); on an exercise page, countries and
 * organizations are painted only in or beside a paragraph that names an exercise or holds a claim.
 *
 * Order is by value to the reader, so the first chunks painted (and the ones kept under the
 * cap) are the ones worth a hover: exercise mentions, then mentions in a sentence with a claim,
 * then organizations, then country names; document order within each rank.
 */
import type { AnnotatedClaim, Annotation, Mention, Verdict } from '../types';
import { SentenceIndex } from './sentences';

/** Highlights painted on a page before the reader asks for all of them ("Show all" in the popup). */
export const HIGHLIGHT_CAP = 300;

export interface PlannedMention {
  /** Index in `annotation.mentions`. */
  index: number;
  mention: Mention;
}

/** A claim's own words on the page and its verdict. */
export interface PlannedClaim {
  /** Index in `annotation.claims`. */
  index: number;
  claim: AnnotatedClaim;
  start: number;
  end: number;
  verdict: Verdict;
}

export interface PaintOptions {
  /** Paint a page that names no exercise, and entities far from exercise content (the reader asked). */
  offTopic?: boolean;
}

/** Blocks of the text (paragraphs: cut at line breaks), as start offsets; `blockOf` is a binary search. */
class BlockIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
  }

  blockOf(offset: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Whether the page speaks of an exercise at all: one exercise mention is enough. */
export function namesAnExercise(annotation: Pick<Annotation, 'mentions'>): boolean {
  return annotation.mentions.some((m) => m.type === 'exercise');
}

/**
 * The blocks that count as exercise content: those naming an exercise or holding a claim, and
 * the blocks right before and after them (a country named in the next paragraph is still the
 * exercise's story).
 */
function exerciseBlocks(annotation: Pick<Annotation, 'text' | 'mentions' | 'claims'>, blocks: BlockIndex): Set<number> {
  const near = new Set<number>();
  const anchor = (offset: number) => {
    const b = blocks.blockOf(offset);
    near.add(b - 1).add(b).add(b + 1);
  };
  for (const m of annotation.mentions) if (m.type === 'exercise') anchor(m.start);
  for (const c of annotation.claims) anchor(c.start);
  return near;
}

/** Every mention to paint, most valuable first. Empty on a page that names no exercise, unless `offTopic`. */
export function planPaint(annotation: Pick<Annotation, 'text' | 'mentions' | 'claims'>, options: PaintOptions = {}): PlannedMention[] {
  if (!options.offTopic && !namesAnExercise(annotation)) return [];
  const sentences = new SentenceIndex(annotation.text);
  const blocks = new BlockIndex(annotation.text);
  const near = options.offTopic ? null : exerciseBlocks(annotation, blocks);
  const withClaims = new Set(annotation.claims.map((c) => sentences.startOf(c.start)));
  const ranks: PlannedMention[][] = [[], [], [], []];
  annotation.mentions.forEach((mention, index) => {
    if (mention.type !== 'exercise' && near && !near.has(blocks.blockOf(mention.start))) return;
    const claimed = withClaims.has(sentences.startOf(mention.start));
    const rank = mention.type === 'exercise' ? 0 : claimed ? 1 : mention.type === 'organization' ? 2 : 3;
    ranks[rank]!.push({ index, mention });
  });
  return ranks.flat();
}

/** The claims whose words get a verdict mark, in document order (none where nothing is painted). */
export function planClaimMarks(annotation: Pick<Annotation, 'text' | 'mentions' | 'claims'>, options: PaintOptions = {}): PlannedClaim[] {
  if (!options.offTopic && !namesAnExercise(annotation)) return [];
  return annotation.claims
    .map((claim, index) => ({ index, claim, start: claim.start, end: claim.end, verdict: claim.verdict }))
    .filter((p) => Number.isInteger(p.start) && Number.isInteger(p.end) && p.end > p.start && p.end <= annotation.text.length)
    .sort((a, b) => a.start - b.start);
}
