/** Bundled figures are shown as their sources stated them ("almost 1,000", never "almost 1,001"). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber } from '../../lib/report/format';
import type { CountValue } from '../../lib/types';

const dir = new URL('../../seeds/curated/', import.meta.url);
const counts: CountValue[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'outlets.json')
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { claims?: { value: CountValue }[] }).claims ?? [])
  .map((c) => c.value)
  .filter((v) => v.type === 'count');

describe('bundled counts', () => {
  it('are stored as stated, never as a widened interval', () => {
    expect(counts.length).toBeGreaterThan(300);
    for (const v of counts) {
      expect(v).not.toHaveProperty('min');
      expect(v).not.toHaveProperty('max');
      expect(v.stated.length === 1 || (v.stated.length === 2 && v.stated[0]! < v.stated[1]!)).toBe(true);
    }
  });
  it('display with the number the source wrote', () => {
    const hedged = counts.filter((v) => v.hedge !== 'exact' && v.hedge !== 'range' && v.hedge !== 'words');
    expect(hedged.length).toBeGreaterThan(50);
    for (const v of hedged) expect(formatCount(v)).toContain(formatNumber(v.stated[0]!));
    const almost = counts.find((v) => v.hedge === 'almost' && v.stated[0] === 1000);
    expect(almost ? formatCount(almost) : 'not found').toBe('almost 1,000');
  });
});
