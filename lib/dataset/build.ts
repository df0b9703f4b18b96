/**
 * Compiles seeds/ into the bundled dataset. Seed documents go through the same analysis as a
 * page or an import; curated sources arrive with their claims already structured.
 */
import { linkSeedDocuments } from '../claims';
import { createDetector, type Detector } from '../detect';
import { analyzeArticle, outletNames } from '../pipeline/analyze';
import type { Claim, ClaimValue, Mention, Source } from '../types';
import { contentHash } from './hash';
import type { ClaimScope, CuratedFile, CuratedValue, Dataset, DatasetInput, Stance } from './types';

const BUNDLED = 'bundled';

/** A curated source in the KB: the shared source plus its registry outlet and the outlet it relays. */
export type BundledSource = Source & { outletId: string; via?: string };

/** A curated claim in the KB: the shared claim plus what part of the exercise it covers and whose figure it is. */
export type BundledClaim = Claim & { scope: ClaimScope; stance: Stance };

/** Curated counts are already in the stated form the claim model uses (lib/types.ts CountValue). */
function claimValue(value: CuratedValue): ClaimValue {
  return value;
}

function curatedSources(file: CuratedFile): { sources: BundledSource[]; claims: BundledClaim[] } {
  const entitiesBySource = new Map<string, Set<string>>();
  const claims: BundledClaim[] = file.claims.map((c, i) => {
    const ids = entitiesBySource.get(c.source) ?? new Set<string>();
    ids.add(c.subject);
    if (c.value.type === 'role') ids.add(c.value.entity);
    if (c.value.type === 'location' && c.value.country) ids.add(c.value.country);
    entitiesBySource.set(c.source, ids);
    return {
      id: `${c.source}#${i}`,
      source: c.source,
      subject: c.subject,
      edition: c.edition,
      kind: c.kind,
      value: claimValue(c.value),
      scope: c.scope,
      stance: c.stance,
      sentence: c.summary,
      attribution: c.attribution ?? null,
    };
  });
  const sources: BundledSource[] = file.sources.map((s) => ({
    id: s.id,
    title: s.title,
    outlet: s.outlet,
    published: s.published,
    language: s.language,
    url: s.url,
    origin: 'bundled',
    set: BUNDLED,
    kind: s.kind,
    derivedFrom: s.derivedFrom ?? null,
    ...(s.derivation ? { derivation: s.derivation } : {}),
    outletId: s.outletId,
    ...(s.via ? { via: s.via } : {}),
    entities: [...(entitiesBySource.get(s.id) ?? [])],
  }));
  return { sources, claims };
}

export function buildDataset(input: DatasetInput, detector: Detector = createDetector(input.entities)): Dataset {
  const sources: Source[] = [];
  const claims: Claim[] = [];
  const mentions: Mention[][] = [];
  for (const { meta, text } of input.documents) {
    const analysis = analyzeArticle({ ...meta, text }, meta.id, detector);
    mentions.push(analysis.mentions);
    sources.push({
      id: meta.id,
      title: meta.title,
      outlet: meta.outlet,
      published: meta.published,
      language: meta.language,
      url: meta.url,
      origin: 'bundled',
      set: BUNDLED,
      ...(meta.kind ? { kind: meta.kind } : {}),
      derivedFrom: meta.derivedFrom ?? null,
      ...(meta.derivation ? { derivation: meta.derivation } : {}),
      entities: analysis.entities,
      text,
      fingerprint: analysis.fingerprint,
      signature: analysis.signature,
    });
    claims.push(...analysis.claims);
  }
  for (const file of input.curated) {
    const curated = curatedSources(file);
    sources.push(...curated.sources);
    claims.push(...curated.claims);
  }
  // Seed documents are checked for derivations as an import is (links declared in the index stay).
  const docs = sources.splice(0, mentions.length).map((source, i) => ({ source, mentions: mentions[i]! }));
  sources.unshift(...linkSeedDocuments(docs, sources, (id) => outletNames(detector, id)));
  const body = { entities: input.entities, outlets: input.outlets, sources, claims };
  return { version: contentHash(JSON.stringify(body)), ...body };
}
