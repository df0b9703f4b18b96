/**
 * Sentences as the reader sees them on the page (cut at ., !, ? or a line break), and the
 * verdict a sentence's claims add up to. The popover uses the bounds around one mention; painting
 * a page uses `SentenceIndex`, built once per annotation in one pass over the text, so ranking
 * thousands of mentions never rescans the text around each one.
 */
import type { AnnotatedClaim, Verdict } from '../types';

const isBoundary = (c: number) => c === 46 || c === 33 || c === 63 || c === 10;

/** Sentence bounds around an offset: the same cut the reader sees (., !, ? or a line break). */
export function sentenceBounds(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !isBoundary(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && !isBoundary(text.charCodeAt(end))) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

/** Every sentence start of a text, so the sentence of any offset is a binary search away. */
export class SentenceIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (isBoundary(text.charCodeAt(i))) this.starts.push(i + 1);
  }

  /** Start of the sentence holding `offset`; equals `sentenceBounds(text, offset).start`. */
  startOf(offset: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]!;
  }
}

/**
 * One verdict for a sentence's claims, for the mark on the page. Contradiction first, then a
 * disputed figure, then independent support; a sentence whose claims only retellings or near
 * figures touch is not "unverified": that word is kept for claims no other source speaks to.
 */
export function combinedVerdict(claims: AnnotatedClaim[]): Verdict | null {
  if (claims.length === 0) return null;
  const has = (v: Verdict) => claims.some((c) => c.verdict === v);
  if (has('conflicting') || has('mixed')) return has('corroborated') || has('mixed') ? 'mixed' : 'conflicting';
  const order: Verdict[] = ['disputed', 'corroborated', 'as-original', 'close', 'other-figures', 'retold-only'];
  return order.find(has) ?? 'unverified';
}
