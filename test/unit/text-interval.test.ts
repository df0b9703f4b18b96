/**
 * The one function that turns a stated count into the intervals it is compared with
 * (lib/text/interval.ts), as a table: what each hedge reads as, and how near misses come out.
 */
import { describe, expect, it } from 'vitest';
import { findCounts } from '../../lib/claims/numbers';
import { tokenize } from '../../lib/claims/tokens';
import { countInterval, precisionUnit, relateCounts } from '../../lib/text/interval';
import type { CountValue } from '../../lib/types';

/** The stated value the extractor reads from a phrase, so the table starts from words, as a reader does. */
function read(phrase: string): CountValue {
  const found = findCounts(tokenize(`${phrase} troops`));
  if (!found[0]) throw new Error(`no count in "${phrase}"`);
  return found[0].value;
}

describe('countInterval: every hedge', () => {
  it.each([
    // phrase, core, consistent
    ['12,700', [12650, 12750], [12650, 12750]],
    ['30', [30, 30], [30, 30]],
    ['50,000', [47500, 52500], [47500, 52500]],
    ['about 50,000', [46000, 54000], [46000, 54000]],
    ['around 130', [122, 138], [122, 138]],
    ['some 12,700', [12620, 12780], [12620, 12780]],
    ['roughly 20', [16, 24], [16, 24]],
    ['nearly 1,000', [900, 1000], [900, 1000]],
    ['almost 40', [36, 40], [36, 40]],
    ['more than 30', [30, 45], [30, Infinity]],
    ['over 250', [250, 375], [250, Infinity]],
    ['at least 15,000', [15000, 22500], [15000, Infinity]],
    ['30+', [30, 45], [30, Infinity]],
    ['up to 100,000', [66667, 100000], [0, 100000]],
    ['as many as 250', [167, 250], [0, 250]],
    ['fewer than 13,000', [8667, 13000], [0, 13000]],
    ['12,000 to 15,000', [12000, 15000], [12000, 15000]],
    ['between 60,000 and 70,000', [60000, 70000], [60000, 70000]],
    ['two dozen', [21.6, 26.4], [21.6, 26.4]],
    ['several hundred', [300, 900], [300, 900]],
    ['tens of thousands of', [20000, 99999], [20000, 99999]],
  ] as const)('%s', (phrase, core, consistent) => {
    const v = countInterval(read(phrase));
    expect(v.core[0]).toBeCloseTo(core[0], 0);
    expect(v.core[1]).toBeCloseTo(core[1], 0);
    expect(v.consistent[0]).toBeCloseTo(consistent[0], 0);
    if (consistent[1] === Infinity) expect(v.consistent[1]).toBe(Infinity);
    else expect(v.consistent[1]).toBeCloseTo(consistent[1], 0);
  });

  it('precision follows the last significant digit, halved for a single digit', () => {
    expect([precisionUnit(12700), precisionUnit(250), precisionUnit(50000), precisionUnit(20), precisionUnit(33)]).toEqual([100, 10, 5000, 5, 1]);
  });
});

describe('relateCounts: the same figure, a near miss, other figures, a contradiction', () => {
  it.each([
    ['about 50,000', '45,000', 'close'],
    ['about 130', '150', 'close'],
    ['about 20', '20', 'agree'],
    ['almost 1,000', 'roughly 900', 'agree'],
    ['12,700', '12,680', 'agree'],
    ['more than 30', '33', 'agree'],
    ['more than 30', '300', 'other'],
    ['up to 100,000', '12,700', 'other'],
    ['fewer than 13,000', '12,700', 'agree'],
    ['50,000', '30,000', 'disagree'],
    ['more than 30', '20', 'disagree'],
  ] as const)('%s vs %s: %s', (a, b, relation) => {
    expect(relateCounts(read(a), read(b))).toBe(relation);
    expect(relateCounts(read(b), read(a))).toBe(relation);
  });
});
