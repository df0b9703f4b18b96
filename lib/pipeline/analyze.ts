/**
 * The one analysis every article goes through, whether it is a page, an import, a seed
 * document or a CLI argument: detect mentions, extract claims, fingerprint the text.
 */
import { extractClaimsInSteps, textDigest } from '../claims';
import { editionOfMention } from '../claims/editions';
import type { Detector } from '../detect';
import type { TopicQuery } from '../kb/store';
import { runSteps, type Steps } from '../steps';
import type { ArticleInput, Claim, Mention } from '../types';

export interface Analysis {
  mentions: Mention[];
  claims: Claim[];
  /** Known entity ids the article mentions (context-found exercises excluded: they are not in the KB). */
  entities: string[];
  fingerprint: string;
  signature: number[];
}

/** The names an organization entity goes by, for citations of an outlet written with another of its names. */
export function outletNames(detector: Detector, entityId: string): string[] {
  const e = detector.gazetteer.entities.get(entityId);
  return e ? [e.name, ...e.aliases, ...(e.variants ?? [])] : [];
}

export function isKnownEntity(id: string): boolean {
  return !id.startsWith('ex:x-');
}

/**
 * `onDetected` runs once the mentions and the text's fingerprint are known, before the (slower)
 * claim extraction: the annotation starts its KB reads there, so they overlap the extraction.
 */
export function analyzeArticle(
  article: ArticleInput,
  sourceId: string,
  detector: Detector,
  onDetected?: (detected: Pick<Analysis, 'mentions' | 'fingerprint' | 'signature'>) => void,
): Analysis {
  return runSteps(analyzeArticleInSteps(article, sourceId, detector, onDetected));
}

/**
 * `analyzeArticle` in steps (lib/steps.ts): detection and the fingerprint are one step each, the
 * claims one sentence per step. Told to stop, it keeps the claims of the sentences read so far.
 */
export function* analyzeArticleInSteps(
  article: ArticleInput,
  sourceId: string,
  detector: Detector,
  onDetected?: (detected: Pick<Analysis, 'mentions' | 'fingerprint' | 'signature'>) => void,
): Steps<Analysis> {
  const mentions = detector.detect(article.text);
  yield 0;
  const digest = textDigest(article.text);
  onDetected?.({ mentions, ...digest });
  yield 0;
  const claims = yield* extractClaimsInSteps({
    text: article.text,
    published: article.published,
    url: article.url,
    sourceId,
    mentions,
    entity: (id) => detector.gazetteer.entities.get(id),
  });
  const entities = [...new Set(mentions.map((m) => m.id).filter(isKnownEntity))];
  return { mentions, claims, entities, ...digest };
}

/** An article's known entities in order of first mention, each exercise with the editions written next to it: what its KB sources are looked up by. */
export function articleTopics(text: string, mentions: Mention[]): TopicQuery[] {
  const topics = new Map<string, TopicQuery & { editions: number[] }>();
  for (const m of mentions) {
    if (!isKnownEntity(m.id)) continue;
    const topic = topics.get(m.id) ?? { id: m.id, type: m.type, editions: [] as number[] };
    const edition = m.type === 'exercise' ? editionOfMention(text, m) : null;
    if (edition !== null && !topic.editions.includes(edition)) topic.editions.push(edition);
    topics.set(m.id, topic);
  }
  return [...topics.values()];
}
