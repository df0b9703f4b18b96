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

/** What detection finds before the claims are read: the KB lookups of a page need only this. */
export type Detected = Pick<Analysis, 'mentions' | 'fingerprint' | 'signature'>;

export function analyzeArticle(article: ArticleInput, sourceId: string, detector: Detector): Analysis {
  const detected = runSteps(detectArticleInSteps(article, detector));
  return runSteps(articleClaimsInSteps(article, sourceId, detector, detected));
}

/**
 * The first half of `analyzeArticle` in steps (lib/steps.ts): the mentions (the detector's own
 * steps, block by block), then the text's fingerprint in one step. It finds every mention whatever
 * it is sent: only the claims may stop early.
 */
export function* detectArticleInSteps(article: ArticleInput, detector: Detector): Steps<Detected> {
  const mentions = yield* detector.detectInSteps(article.text);
  yield article.text.length;
  return { mentions, ...textDigest(article.text) };
}

/**
 * The second half of `analyzeArticle` in steps: the claims, one sentence per step. Told to stop,
 * it keeps the claims of the sentences read so far.
 */
export function* articleClaimsInSteps(article: ArticleInput, sourceId: string, detector: Detector, detected: Detected): Steps<Analysis> {
  const { mentions } = detected;
  const claims = yield* extractClaimsInSteps({
    text: article.text,
    published: article.published,
    url: article.url,
    sourceId,
    mentions,
    entity: (id) => detector.gazetteer.entities.get(id),
  });
  const entities = [...new Set(mentions.map((m) => m.id).filter(isKnownEntity))];
  return { mentions, claims, entities, fingerprint: detected.fingerprint, signature: detected.signature };
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
