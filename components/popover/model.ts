/**
 * What a popover shows for one mention, computed from the page's annotation: pure, so it is
 * unit-tested without a browser and shared by every way a popover opens (hover, focus).
 */
import type { AnnotatedClaim, Annotation, EntityInfo, Mention, SourceSummary, Verdict } from '../../lib/types';

export interface PopoverModel {
  mention: Mention;
  entity: EntityInfo;
  sources: { independent: SourceSummary[]; derived: SourceSummary[] };
  /** Claims of the sentence holding the mention. */
  sentenceClaims: AnnotatedClaim[];
  /** Other claims about this exercise elsewhere in the article. */
  otherClaims: AnnotatedClaim[];
  verdict: Verdict | null;
  /** Entity names for values that hold ids (a location's country, a role's party). */
  names: Record<string, string>;
}

const BOUNDARY = new Set(['.', '!', '?', '\n']);

/** Sentence bounds around an offset: the same cut the reader sees (., !, ? or a line break). */
export function sentenceBounds(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !BOUNDARY.has(text.charAt(start - 1))) start--;
  let end = at;
  while (end < text.length && !BOUNDARY.has(text.charAt(end))) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

export function combinedVerdict(claims: AnnotatedClaim[]): Verdict | null {
  if (claims.length === 0) return null;
  const has = (v: Verdict) => claims.some((c) => c.verdict === v);
  if (has('conflicting') || has('mixed')) return has('corroborated') || has('mixed') ? 'mixed' : 'conflicting';
  if (has('corroborated')) return 'corroborated';
  return 'unverified';
}

/**
 * The combined verdict of each sentence's claims, keyed by sentence start: one pass over the
 * claims, so styling a page's thousand mentions does not rescan every claim for each.
 */
export function verdictsBySentence(annotation: Annotation): Map<number, Verdict> {
  const bySentence = new Map<number, AnnotatedClaim[]>();
  for (const c of annotation.claims) {
    const { start } = sentenceBounds(annotation.text, c.start);
    const list = bySentence.get(start) ?? [];
    list.push(c);
    bySentence.set(start, list);
  }
  const out = new Map<number, Verdict>();
  for (const [start, claims] of bySentence) {
    const verdict = combinedVerdict(claims);
    if (verdict) out.set(start, verdict);
  }
  return out;
}

export function claimsInSentence(annotation: Annotation, mention: Mention): AnnotatedClaim[] {
  const { start, end } = sentenceBounds(annotation.text, mention.start);
  return annotation.claims.filter((c) => c.start >= start && c.start < end);
}

export function buildPopoverModel(annotation: Annotation, mention: Mention): PopoverModel {
  const entity = annotation.entities?.find((e) => e.id === mention.id) ?? {
    id: mention.id,
    type: mention.type,
    name: mention.name,
    description: '',
    aliases: [],
  };
  const mentioning = annotation.sources.filter((s) => s.entities.includes(mention.id));
  const sentenceClaims = claimsInSentence(annotation, mention);
  const otherClaims =
    mention.type === 'exercise'
      ? annotation.claims.filter((c) => c.subject === mention.id && !sentenceClaims.includes(c))
      : [];
  return {
    mention,
    entity,
    sources: { independent: mentioning.filter((s) => !s.derivedFrom), derived: mentioning.filter((s) => !!s.derivedFrom) },
    sentenceClaims,
    otherClaims,
    verdict: combinedVerdict(sentenceClaims),
    names: Object.fromEntries((annotation.entities ?? []).map((e) => [e.id, e.name])),
  };
}
