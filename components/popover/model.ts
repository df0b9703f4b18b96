/**
 * What a popover shows for one mention, computed from the page's annotation: pure, so it is
 * unit-tested without a browser and shared by every way a popover opens (hover, focus).
 */
import { combinedVerdict, sentenceBounds } from '../../lib/page/sentences';
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
