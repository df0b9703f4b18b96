/**
 * Russian, Ukrainian, Chinese and Japanese patterns seen on the development articles of the real set
 * (session 6). Every sentence here is our own, written for these tests; the outlets are invented
 * (Полярный листок, Причорноморська хвиля, 东岸时报, 北浜通信).
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../lib/claims';
import { readSeeds } from '../../lib/dataset/seeds-fs';
import { createDetector } from '../../lib/detect';
import type { Claim, Entity } from '../../lib/types';

const entities: Entity[] = readSeeds('seeds').entities;
const byId = new Map(entities.map((e) => [e.id, e]));
const detector = createDetector(entities);

function claims(text: string, published: string | null): Claim[] {
  return extractClaims({ text, published, sourceId: 'page', mentions: detector.detect(text), entity: (id) => byId.get(id) });
}
const counts = (text: string, published: string | null) =>
  claims(text, published).flatMap((c) => (c.value.type === 'count' ? [{ kind: c.kind, stated: c.value.stated, scope: c.scope ?? null }] : []));

describe('a share of a list of another kind is that kind\'s whole count', () => {
  it('"5 тысяч единиц техники, в том числе 140 самолетов": the aircraft are all the aircraft', () => {
    const r = counts('По данным «Полярного листка», в учениях «Восток-2022» задействованы свыше 5 тыс. единиц техники, в том числе 140 самолетов и 60 кораблей.', '2022-09-01');
    expect(r).toEqual([
      { kind: 'vehicles', stated: [5000], scope: null },
      { kind: 'aircraft', stated: [140], scope: null },
      { kind: 'vessels', stated: [60], scope: null },
    ]);
  });
  it('"500 единиц техники, в том числе около 200 танков": a type of equipment, counted as others count it', () => {
    const r = counts('В учениях «Запад-2017» участвуют 500 единиц боевой техники, в том числе около 200 танков.', '2017-09-10');
    expect(r.map((c) => [c.stated[0], c.scope])).toEqual([[500, null], [200, null]]);
  });
  it('"2000多件装备,包括100多架飞机": Chinese too', () => {
    const r = counts('“东方-2022”演习共有3000多辆装备参演,包括100多架飞机和50多艘舰船。', '2022-09-01');
    expect(r.map((c) => [c.kind, c.stated[0], c.scope])).toEqual([['vehicles', 3000, null], ['aircraft', 100, null], ['vessels', 50, null]]);
  });
  it('people among people stay a part: "20 тысяч военных, в том числе 2 тысячи десантников"', () => {
    const r = counts('В учениях «Запад-2017» участвуют 20 тысяч военных, в том числе 2 тысячи десантников.', '2017-09-10');
    expect(r[1]).toMatchObject({ stated: [2000], scope: { kind: 'contingent', label: 'part of a larger figure' } });
  });
});
