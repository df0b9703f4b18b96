/**
 * Compiles seeds/ into the bundled dataset. Seed documents go through the same analysis as a
 * page or an import; curated sources arrive with their claims already structured.
 */
import { createDetector, type Detector } from '../detect';
import { analyzeArticle } from '../pipeline/analyze';
import type { Claim, ClaimValue, Source } from '../types';
import { contentHash } from './hash';
import type { CuratedFile, Dataset, DatasetInput, LegacyCount } from './types';

const BUNDLED = 'bundled';

/**
 * A count from a curated file in its stated form. Older files kept min/max: "more than 30" as
 * min 31, "fewer than 10" as max 9, hedged single figures as min = max; this reads them back.
 */
export function statedValue(value: ClaimValue | LegacyCount): ClaimValue {
  if (value.type !== 'count' || !('min' in value)) return value as ClaimValue;
  const { min, max, hedge } = value;
  let stated: number[];
  if (hedge === 'more-than') stated = [min! - 1];
  else if (hedge === 'fewer-than') stated = [max! + 1];
  else if (hedge === 'up-to') stated = [max!];
  else if (hedge === 'at-least') stated = [min!];
  else stated = min !== null && max !== null && min !== max ? [min, max] : [(min ?? max)!];
  return { type: 'count', stated, hedge: hedge === 'exact' && stated.length === 2 ? 'range' : hedge };
}

function curatedSources(file: CuratedFile): { sources: Source[]; claims: Claim[] } {
  const entitiesBySource = new Map<string, Set<string>>();
  const claims: Claim[] = file.claims.map((c, i) => {
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
      value: statedValue(c.value),
      sentence: c.summary,
      attribution: c.attribution ?? null,
      ...(c.scope && c.scope.kind !== 'total' ? { scope: c.scope } : {}),
      ...(c.stance ? { stance: c.stance } : {}),
    };
  });
  const sources: Source[] = file.sources.map((s) => ({
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
    entities: [...(entitiesBySource.get(s.id) ?? [])],
  }));
  return { sources, claims };
}

export function buildDataset(input: DatasetInput, detector: Detector = createDetector(input.entities)): Dataset {
  const sources: Source[] = [];
  const claims: Claim[] = [];
  for (const { meta, text } of input.documents) {
    const analysis = analyzeArticle({ ...meta, text }, meta.id, detector);
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
  const body = { entities: input.entities, sources, claims };
  return { version: contentHash(JSON.stringify(body)), ...body };
}
