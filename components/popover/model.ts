/**
 * What a popover shows for one mention, computed from the page's annotation: pure, so it is
 * unit-tested without a browser and shared by every way a popover opens (hover, focus).
 */
import { combinedVerdict, sentenceBounds } from '../../lib/page/sentences';
import { claimCard, wordingContext, type ClaimCardModel } from '../../lib/report/claims';
import { sameGovernmentNotes } from '../../lib/report/sources';
import { allEvidence } from '../../lib/report/table';
import type { AnnotatedClaim, Annotation, EntityInfo, Mention, SourceSummary, Verdict } from '../../lib/types';

export interface PopoverModel {
  mention: Mention;
  entity: EntityInfo;
  /** The card's title: the entity's name, with the edition for an exercise ("Zapad 2017"). */
  title: string;
  /** Other sources that name the entity (for an exercise, also those that speak to its claims here). */
  sources: { independent: SourceSummary[]; derived: SourceSummary[] };
  /** Claims of the sentence holding the mention, as cards. */
  sentenceClaims: ClaimCardModel[];
  /** Other claims about this exercise elsewhere in the article. */
  otherClaims: ClaimCardModel[];
  verdict: Verdict | null;
  /** The page's language, so a source in another one says so. */
  pageLanguage: string | null;
  /** Sources that speak for the same government as another listed (a ministry and its state media), by id. */
  ties: Map<string, string>;
}

export function claimsInSentence(annotation: Annotation, mention: Mention): AnnotatedClaim[] {
  const { start, end } = sentenceBounds(annotation.text, mention.start);
  return annotation.claims.filter((c) => c.start >= start && c.start < end);
}

/** The edition the mention names, else the one edition the article's claims about it share. */
function editionOf(annotation: Annotation, mention: Mention): number | null {
  if (mention.edition) return mention.edition;
  const editions = new Set(annotation.claims.filter((c) => c.subject === mention.id && c.edition !== null).map((c) => c.edition));
  return editions.size === 1 ? [...editions][0]! : null;
}

export function buildPopoverModel(annotation: Annotation, mention: Mention, pageLanguage: string | null = null): PopoverModel {
  const entity = annotation.entities?.find((e) => e.id === mention.id) ?? {
    id: mention.id,
    type: mention.type,
    name: mention.name,
    description: '',
    aliases: [],
  };
  const sentence = claimsInSentence(annotation, mention);
  const others = mention.type === 'exercise' ? annotation.claims.filter((c) => c.subject === mention.id && !sentence.includes(c)) : [];
  const ctx = wordingContext(annotation, pageLanguage);
  const related = new Map(annotation.sources.filter((s) => s.entities.includes(mention.id)).map((s) => [s.id, s]));
  if (mention.type === 'exercise') {
    for (const c of [...sentence, ...others]) for (const e of allEvidence(c)) if (!related.has(e.source.id)) related.set(e.source.id, ctx.sources.get(e.source.id)!);
  }
  const list = [...related.values()].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'));
  const edition = mention.type === 'exercise' ? editionOf(annotation, mention) : null;
  return {
    mention,
    entity,
    title: edition ? `${entity.name} ${edition}` : entity.name,
    sources: { independent: list.filter((s) => !s.derivedFrom), derived: list.filter((s) => !!s.derivedFrom) },
    sentenceClaims: sentence.map((c) => claimCard(c, ctx, annotation.claims)),
    otherClaims: others.map((c) => claimCard(c, ctx, annotation.claims)),
    verdict: combinedVerdict(sentence),
    pageLanguage,
    ties: sameGovernmentNotes(list),
  };
}
