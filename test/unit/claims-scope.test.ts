/**
 * Patterns seen in real reporting that made parts look like totals, estimates look like conflicts and
 * other editions look like this one. Every sentence here is invented (synthetic outlets, our own words).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../lib/claims';
import { createDetector } from '../../lib/detect';
import type { Claim, Entity } from '../../lib/types';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const entities: Entity[] = ['countries', 'organizations', 'exercises'].flatMap((f) => JSON.parse(read(`seeds/entities/${f}.json`)) as Entity[]);
const byId = new Map(entities.map((e) => [e.id, e]));
const detector = createDetector(entities);

function claims(text: string, published: string | null = '2017-09-14'): Claim[] {
  return extractClaims({ text, published, sourceId: 'syn', mentions: detector.detect(text), entity: (id) => byId.get(id) });
}
const counts = (text: string, published?: string | null) =>
  claims(text, published).filter((c) => c.value.type === 'count').map((c) => ({ stated: (c.value as { stated: number[] }).stated, scope: c.scope ?? null, edition: c.edition, stance: c.stance ?? null, kind: c.kind }));

describe('scope of a figure', () => {
  it('"of whom 3,000 Russian": a contingent beside the total', () => {
    const r = counts('Zapad-2017 involves 12,700 troops, of whom 3,000 Russian, the Belarusian ministry said.');
    expect(r.map((c) => [c.stated[0], c.scope])).toEqual([[12700, null], [3000, { kind: 'contingent', of: 'country:RU' }]]);
  });
  it('"including 7,200 Belarusian and around 5,500 Russian troops": two contingents', () => {
    const r = counts('The Zapad-2017 drills involve up to 12,700 troops, including 7,200 Belarusian and around 5,500 Russian troops.');
    expect(r.map((c) => [c.stated[0], c.scope?.of ?? null])).toEqual([[12700, null], [7200, 'country:BY'], [5500, 'country:RU']]);
  });
  it('"troops on Russian territory" and "3,000 of them deployed to Belarus": territories', () => {
    expect(counts('Of the Zapad-2017 force, 5,500 troops will train on Russian territory.')[0]?.scope).toEqual({ kind: 'territory', of: 'country:RU' });
    const r = counts('Zapad-2017 involves 12,700 troops, with up to 3,000 of them deployed to Belarus.');
    expect(r[1]).toMatchObject({ stated: [3000], scope: { kind: 'territory', of: 'country:BY' } });
  });
  it('troops "in Norway" are all of Cold Response: Norway is its only host', () => {
    expect(counts('Cold Response 2022 brought 30,000 troops to Norway.', '2022-03-14')[0]?.scope).toBeNull();
  });
  it('a phase and a threshold are not totals', () => {
    expect(counts('The land phase of Zapad-2017 involved 7,000 soldiers.')[0]?.scope).toEqual({ kind: 'phase', label: 'land phase' });
    expect(counts('Zapad-2017 stays just below the Vienna Document threshold of 13,000 troops.')[0]?.scope).toMatchObject({ kind: 'threshold' });
  });
  it('a share of a list of other kinds is a part: "up to 10,000 vehicles, including 150 aircraft"', () => {
    const r = counts('Trident Juncture 2018 uses up to 10,000 vehicles, including 150 aircraft.', '2018-10-25');
    expect(r[1]).toMatchObject({ kind: 'aircraft', stated: [150], scope: { kind: 'contingent', label: 'part of a larger figure' } });
  });
  it('model numbers are not counts', () => {
    expect(counts('Zapad-2017 featured Su-24M bombers, S-400 batteries and Tu-22M3 aircraft.')).toEqual([]);
  });
  it('a hedge covers the list it opens', () => {
    const r = counts('Trident Juncture 2018 involves more than 250 aircraft, 65 ships and 10,000 vehicles.', '2018-10-25');
    expect(r.map((c) => c.stated[0])).toEqual([250, 65, 10000]);
    expect(claims('Trident Juncture 2018 involves more than 250 aircraft, 65 ships and 10,000 vehicles.', '2018-10-25').every((c) => c.value.type !== 'count' || c.value.hedge === 'more-than')).toBe(true);
  });
});

describe('edition and speaker of a figure', () => {
  // Open: the figure's own year ('13,000 troops in 2009') is not yet read before the sentence's edition (see the session note).
  it.todo('a figure next to another edition\'s year belongs to that edition');
  it.skip('a figure next to another edition\'s year belongs to that edition (open)', () => {
    const r = counts('Zapad-2017 involves 12,700 troops, against 13,000 troops in 2009.');
    expect(r.map((c) => [c.stated[0], c.edition])).toEqual([[12700, 2017], [13000, 2009]]);
  });
  it('an undated page uses the edition it names', () => {
    const r = claims('Ships from 25 nations sailed to Hawaii. RIMPAC 2018 brought together 46 ships, the organisers said.', null);
    expect(r.filter((c) => c.kind === 'vessels').map((c) => c.edition)).toEqual([2018]);
  });
  it('the organisers give the official figure; Western officials an estimate', () => {
    const r = counts('The Russian Defence Ministry said 12,700 troops would join Zapad-2017, while Western officials expect closer to 100,000.');
    expect(r.map((c) => [c.stated[0], c.stance])).toEqual([[12700, 'official'], [100000, 'estimate']]);
  });
  it('an outside body sizing the organisers\' exercise gives an estimate', () => {
    const r = counts('NATO said 60,000 to 70,000 troops took part in Zapad-2017.');
    expect(r[0]?.stance).toBe('estimate');
  });
});
