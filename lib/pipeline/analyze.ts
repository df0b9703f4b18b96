/**
 * The one analysis every article goes through, whether it is a page, an import, a seed
 * document or a CLI argument: detect mentions, extract claims, fingerprint the text.
 */
import { extractClaims, textDigest } from '../claims';
import type { Detector } from '../detect';
import type { ArticleInput, Claim, Mention } from '../types';

export interface Analysis {
  mentions: Mention[];
  claims: Claim[];
  /** Known entity ids the article mentions (context-found exercises excluded: they are not in the KB). */
  entities: string[];
  fingerprint: string;
  signature: number[];
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
  const mentions = detector.detect(article.text);
  const digest = textDigest(article.text);
  onDetected?.({ mentions, ...digest });
  const claims = extractClaims({
    text: article.text,
    published: article.published,
    sourceId,
    mentions,
    entity: (id) => detector.gazetteer.entities.get(id),
  });
  const entities = [...new Set(mentions.map((m) => m.id).filter(isKnownEntity))];
  return { mentions, claims, entities, ...digest };
}
