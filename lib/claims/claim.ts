/** The one place a claim found in a sentence becomes a `Claim` (English and the other languages alike). */
import type { Claim, ClaimKind, ClaimValue, EntityId } from '../types';
import type { Sentence, Span } from './types';

export interface FoundInSentence {
  kind: ClaimKind;
  value: ClaimValue;
  /** Offsets in the sentence. */
  span: Span;
}

export function claimFromSentence(sourceId: string, index: number, subject: EntityId, edition: number | null, f: FoundInSentence, s: Sentence, attribution: string | null): Claim {
  return {
    id: `${sourceId}#${index}`,
    source: sourceId,
    subject,
    edition,
    kind: f.kind,
    value: f.value,
    sentence: s.text,
    text: s.text.slice(f.span.start, f.span.end),
    start: s.start + f.span.start,
    end: s.start + f.span.end,
    attribution,
  };
}
