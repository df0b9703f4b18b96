/**
 * The one place where a stated count becomes the interval it is compared with.
 *
 * A figure is as precise as it is written: "12,700" is exact to the hundred, "50,000" only to the
 * ten thousand, "about 130" to the ten. The tolerance follows that precision instead of a fixed
 * percentage, so "about 50,000" does not swallow "45,000" and "about 130" does not reach "150".
 *
 * Each count gives two intervals:
 * - `core`: where a figure must fall to be *the same figure* (corroboration);
 * - `consistent`: what the words allow at all. "Up to 100,000" allows 12,700 (consistent) but is not
 *   a way of saying 12,700 (outside the core): such pairs are "other figures", neither green nor red.
 *
 * | stated | core | consistent |
 * | --- | --- | --- |
 * | exact n (n < 100) | n | n |
 * | exact n | n ± u/2 | same |
 * | about / around / some / roughly / an estimated n | n ± 0.8u | same |
 * | almost / nearly n | [0.9n, n] | same |
 * | more than / over n | (n, 1.5n] | (n, ∞) |
 * | at least n, n+, n or more | [n, 1.5n] | [n, ∞) |
 * | up to / as many as / at most n | [2n/3, n] | [0, n] |
 * | fewer than / under n | [2n/3, n) | [0, n) |
 * | a to b, between a and b | [a, b] | same |
 * | number words ("two dozen", "several hundred") | [a, b], or n ± 10% | same |
 *
 * u is the unit of the last significant digit (12,700 → 100; 250 → 10), halved when the number has a
 * single significant digit (50,000 → 5,000; 20 → 5), since "50,000" is said for 47,500 but hardly for 45,000.
 * Two counts agree when their cores overlap; they are "close" when they do not but their facing ends
 * lie within 10 % of each other; otherwise, when even their consistent intervals do not overlap, they disagree.
 */
import type { CountValue } from '../types';

export interface CountInterval {
  core: [number, number];
  consistent: [number, number];
}

/** Unit of the last significant digit of n, halved for one-digit mantissas (see above). */
export function precisionUnit(n: number): number {
  if (!Number.isInteger(n) || n < 10) return 1;
  let u = 1;
  while (n % (u * 10) === 0) u *= 10;
  if (u > 1 && n / u < 10) u /= 2;
  return u;
}

const EPS = 1e-9;

export function countInterval(v: Pick<CountValue, 'stated' | 'hedge'>): CountInterval {
  const [a = 0, b = a] = v.stated;
  const u = precisionUnit(a);
  const same = (lo: number, hi: number): CountInterval => ({ core: [lo, hi], consistent: [lo, hi] });
  switch (v.hedge) {
    case 'exact':
      if (b !== a) return same(a, b);
      return a < 100 ? same(a, a) : same(a - u / 2, a + u / 2);
    case 'about':
      return same(a - 0.8 * u, a + 0.8 * u);
    case 'almost':
      return same(a * 0.9, a - EPS);
    case 'more-than':
      return { core: [a + EPS, a * 1.5], consistent: [a + EPS, Infinity] };
    case 'at-least':
      return { core: [a, a * 1.5], consistent: [a, Infinity] };
    case 'up-to':
      return { core: [(a * 2) / 3, a], consistent: [0, a] };
    case 'fewer-than':
      return { core: [(a * 2) / 3, a - EPS], consistent: [0, a - EPS] };
    case 'range':
      return same(a, b);
    case 'words':
      return b !== a ? same(a, b) : same(a * 0.9, a * 1.1);
  }
}

export type CountRelation = 'agree' | 'close' | 'other' | 'disagree';

/** Intervals that share more than an end point (a point interval may sit on an end). */
function overlap(x: [number, number], y: [number, number]): boolean {
  const lo = Math.max(x[0], y[0]);
  const hi = Math.min(x[1], y[1]);
  return hi > lo || (hi === lo && (x[0] === x[1] || y[0] === y[1]));
}

/** How two stated counts of the same thing relate (see the table above). */
export function relateCounts(a: Pick<CountValue, 'stated' | 'hedge'>, b: Pick<CountValue, 'stated' | 'hedge'>): CountRelation {
  const x = countInterval(a);
  const y = countInterval(b);
  if (overlap(x.core, y.core)) return 'agree';
  if (overlap(x.consistent, y.consistent)) return 'other';
  // The facing ends of the two intervals: within 10 % of the larger one, the figures are near.
  const [lower, upper] = x.consistent[1] < y.consistent[0] ? [x.consistent[1], y.consistent[0]] : [y.consistent[1], x.consistent[0]];
  return (upper - lower) / Math.max(upper, 1) <= 0.1 ? 'close' : 'disagree';
}

/** Whether a part (a contingent, a territory's share) can be inside the whole: false when it is larger. */
export function partFitsWhole(part: Pick<CountValue, 'stated' | 'hedge'>, whole: Pick<CountValue, 'stated' | 'hedge'>): boolean {
  return countInterval(part).consistent[0] <= countInterval(whole).consistent[1] * 1.05;
}
