/**
 * The curated seed files (seeds/curated/*.json) against the format in seeds/curated/README.md. The
 * rules themselves live in lib/dataset/validate.ts, which the build runs too (dataset-validate.test.ts
 * checks that each rule catches its mistake); here the real files must pass them all and reach the
 * size the product needs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCuratedSeeds } from '../../lib/dataset/seeds-fs';
import { validateDataset } from '../../lib/dataset/validate';
import { countDataset, editionsPerYear, readCuratedFiles } from '../../scripts/dataset-counts';

const files = readCuratedFiles();
const MIN_TOTALS = { series: 60, editions: 170, sources: 290, claims: 1200 };

describe('curated seed files', () => {
  it('exist and have the sources/claims shape, the outlet registry aside', () => {
    expect(files.size).toBeGreaterThan(0);
    expect(files.has('outlets.json')).toBe(false);
    for (const [name, data] of files) {
      expect(Array.isArray(data.sources), `${name}: sources`).toBe(true);
      expect(Array.isArray(data.claims), `${name}: claims`).toBe(true);
    }
  });

  it('pass every validation rule the build applies', () => {
    const errors = validateDataset(readCuratedSeeds(join(__dirname, '..', '..', 'seeds')));
    expect(errors.map((e) => `${e.file} ${e.record}: ${e.message}`)).toEqual([]);
  });

  it('keep counts as stated, never as a min/max interval', () => {
    const counts = [...files.values()].flatMap((f) => f.claims).filter((c) => c.value.type === 'count');
    expect(counts.length).toBeGreaterThan(400);
    expect(counts.filter((c) => 'min' in c.value || 'max' in c.value)).toEqual([]);
  });

  it('mark partial figures with their scope and outside estimates with their stance', () => {
    const claims = [...files.values()].flatMap((f) => f.claims);
    const zapad2021InBelarus = claims.filter((c) => c.subject === 'ex:zapad' && c.edition === 2021 && c.kind === 'participants' && c.scope.kind === 'territory');
    expect(zapad2021InBelarus.length).toBeGreaterThan(0);
    expect(zapad2021InBelarus.every((c) => c.scope.kind === 'territory' && c.scope.of === 'country:BY')).toBe(true);
    const zapad2017 = claims.filter((c) => c.subject === 'ex:zapad' && c.edition === 2017 && c.kind === 'participants');
    expect(zapad2017.some((c) => c.stance === 'official')).toBe(true);
    expect(zapad2017.some((c) => c.stance === 'estimate')).toBe(true);
  });

  it(`reach the dataset targets over all files (${Object.entries(MIN_TOTALS).map(([k, n]) => `${n} ${k}`).join(', ')})`, () => {
    const counts = countDataset(files.values());
    for (const [key, min] of Object.entries(MIN_TOTALS)) {
      expect(counts[key as keyof typeof MIN_TOTALS], `${key}: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(min);
    }
  });

  it('count editions per year from the claims', () => {
    const perYear = editionsPerYear(files.values());
    expect([...perYear.keys()]).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(perYear.get(2025)).toBeGreaterThan(0);
  });
});
