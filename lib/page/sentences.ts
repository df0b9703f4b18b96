/**
 * Sentences of the page's text, cut by the same splitter as the claims (lib/text/sentences.ts), so "The
 * U.S. Navy said..." is one sentence on the page as in the claims; and the verdict a sentence's claims
 * add up to. The popover uses the bounds around one mention; painting a page uses `SentenceIndex`,
 * built once per annotation, so ranking thousands of mentions never rescans the text around each one.
 */
import { splitSentences } from '../text/sentences';
import type { AnnotatedClaim, Verdict } from '../types';

/** Every sentence of a text, so the sentence of any offset is a binary search away. */
export class SentenceIndex {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(text: string) {
    for (const s of splitSentences(text)) {
      this.starts.push(s.start);
      this.ends.push(s.end);
    }
  }

  /** Start of the sentence holding `offset` (the one before, between two sentences); 0 before the first. */
  startOf(offset: number): number {
    const k = this.indexOf(offset);
    return k < 0 ? 0 : this.starts[k]!;
  }

  /** Start and end of the sentence holding `offset`. */
  boundsOf(offset: number): { start: number; end: number } {
    const k = this.indexOf(offset);
    return k < 0 ? { start: 0, end: this.starts[0] ?? 0 } : { start: this.starts[k]!, end: this.ends[k]! };
  }

  private indexOf(offset: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || starts[0]! > offset) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

// The popover asks for one mention's sentence at a time, on the same page text: split it once.
let last: { text: string; index: SentenceIndex } | null = null;

/** Sentence bounds around an offset; `start` equals `new SentenceIndex(text).startOf(at)`. */
export function sentenceBounds(text: string, at: number): { start: number; end: number } {
  if (last?.text !== text) last = { text, index: new SentenceIndex(text) };
  return last.index.boundsOf(at);
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
