import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareClaims, extractClaims, findDerivation } from '../../lib/claims';
import { createDetector } from '../../lib/detect';
import type { AnnotatedClaim, Entity, Mention, Source } from '../../lib/types';
import { scoreGold } from '../../scripts/claims-score';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const entities: Entity[] = [
  ...JSON.parse(read('seeds/entities/countries.json')),
  ...JSON.parse(read('seeds/entities/exercises.json')),
  ...JSON.parse(read('seeds/entities/organizations.json')),
];
const byId = new Map(entities.map((e) => [e.id, e]));
const detector = createDetector(entities);

const NIKKEI = 'src:nikkei-2019-12-03-japan-joins-nato-cyber-drills';
const CANKAO = 'src:cankao-2019-12-03-japan-first-nato-cyber-exercise';
const docs = [
  { id: NIKKEI, file: '000_8bf4eb82250f4ca7.txt', outlet: 'Nikkei Asian Review' },
  { id: CANKAO, file: '002_4de12a9a1f9c8cde.txt', outlet: 'Reference News (Cankao Xiaoxi)' },
].map((d) => {
  const text = read(`seeds/documents/${d.file}`);
  const mentions = detector.detect(text);
  const claims = extractClaims({ text, published: '2019-12-03', sourceId: d.id, mentions, entity: (id) => byId.get(id) });
  const source: Source = {
    id: d.id, title: d.file, outlet: d.outlet, published: '2019-12-03', language: 'en', url: null, origin: 'bundled', set: 'bundled',
    entities: [...new Set(mentions.map((m) => m.id))], text,
  };
  return { ...d, text, mentions, claims, source };
});
const [nikkei, cankao] = docs as [(typeof docs)[0], (typeof docs)[0]];
const sources = new Map(docs.map((d) => [d.id, d.source]));

describe('seed 000 (Nikkei) against seed 002 (its Chinese retelling), with the real detector', () => {
  // The detector's outlet entities may not be loaded here; the Nikkei variant is given as the outlet entity would be.
  const at = cankao.text.indexOf('Japan Economic News');
  const cited: Mention = { type: 'organization', id: 'org:nikkei', name: 'Nikkei', text: 'Japan Economic News', start: at, end: at + 19, confidence: 0.85, form: 'variant' };
  const derivation = findDerivation(
    { text: cankao.text, url: null, title: '', outlet: cankao.outlet, mentions: [...cankao.mentions, cited] },
    [nikkei.source],
    (id) => (id === 'org:nikkei' ? ['Nikkei', 'Nikkei Asian Review', 'Japan Economic News'] : []),
  );
  const annotated = compareClaims(nikkei.claims, cankao.claims, sources, { pageSourceId: NIKKEI, derivation: new Map([[CANKAO, derivation.derivedFrom]]) });
  const find = (kind: AnnotatedClaim['kind'], text: string): AnnotatedClaim | undefined =>
    annotated.find((a) => a.kind === kind && a.text.replace(/\s+/g, ' ').includes(text));

  it('finds 002 derived from the Nikkei report by citation', () => {
    expect(derivation).toMatchObject({ derivedFrom: NIKKEI, derivation: 'citation', cited: ['Japan Economic News'] });
  });

  it.each([
    ['nations', 'more than 30'],
    ['participants', 'roughly 20'],
    ['role', 'observer status'],
    ['dates', 'until Friday'],
  ] as const)('%s "%s" is only retold by 002: listed as a retelling, never corroboration', (kind, text) => {
    const claim = find(kind, text);
    expect(claim?.verdict).toBe('retold-only');
    expect(claim?.origins).toBe(0);
    expect(claim?.corroborating.map((e) => [e.source.id, e.relation, e.independent])).toEqual([[CANKAO, 'retelling', false]]);
  });

  it('reads the values as the articles state them', () => {
    expect(find('role', 'observer status')?.value).toEqual({ type: 'role', entity: 'country:JP', role: 'observer', from: 2015, to: 2018 });
    expect(find('dates', 'until Friday')?.value).toMatchObject({ end: '2019-12-06' });
    expect(find('dates', 'until Friday')?.corroborating[0]?.value).toMatchObject({ start: '2019-12-02', end: '2019-12-06' });
  });

  it('reports no conflict either way', () => {
    const back = compareClaims(cankao.claims, nikkei.claims, sources, { pageSourceId: CANKAO, derivation: new Map([[CANKAO, NIKKEI]]) });
    expect([...annotated, ...back].filter((a) => a.conflicting.length)).toEqual([]);
    expect(back.every((a) => a.corroborating.every((e) => !e.independent && e.relation === 'origin'))).toBe(true);
    // On 002, the facts it shares with Nikkei are "as in the original".
    expect(back.filter((a) => a.corroborating.length).every((a) => a.verdict === 'as-original')).toBe(true);
    expect(back.some((a) => a.verdict === 'as-original')).toBe(true);
  });
});

describe('annotated claim set', () => {
  it('scores at least 0.85 recall and 0.9 verdict accuracy', () => {
    const s = scoreGold();
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.verdictAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.derivationAccuracy).toBe(1);
  });
});
