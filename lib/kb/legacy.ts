/**
 * Record shapes written by older releases, and their conversion to today's. Only the upgrade in
 * db.ts reads these.
 */
import type { ClaimValue, CountValue, Hedge } from '../types';

/**
 * A count as schema v4 and earlier stored it: an interval already widened by the hedge
 * (lib/claims/numbers.ts before the stated model): "about n" was [⌊0.9n⌋, ⌈1.1n⌉], "almost n"
 * [⌊0.9n⌋, n−1], "more than n" [n+1, null], "fewer than n" [null, n−1], "up to n" [null, n],
 * "at least n" [n, null], exact, ranges and number words [lo, hi].
 */
export interface IntervalCount {
  type: 'count';
  min: number | null;
  max: number | null;
  hedge: Hedge;
}

function isIntervalCount(v: unknown): v is IntervalCount {
  const o = v as Partial<IntervalCount & CountValue> | null;
  return !!o && o.type === 'count' && !Array.isArray(o.stated) && ('min' in o || 'max' in o);
}

/** The number "about n" was widened from: the n whose [⌊0.9n⌋, ⌈1.1n⌉] is the stored pair, when there is one. */
function aboutNumber(min: number, max: number): number | null {
  const n = Math.round((min + max) / 2);
  for (const c of [n, n - 1, n + 1]) if (Math.floor(c * 0.9 + 1e-9) === min && Math.ceil(c * 1.1 - 1e-9) === max) return c;
  return null;
}

/**
 * A v4 count restated: the number(s) the source gave, recovered from the stored interval (more
 * than: min−1; fewer than: max+1; up to: max; at least: min; about and almost: the number they
 * were widened from (an about-range: its two ends); others [min] or [min, max]). Other values, and counts already stated, are
 * returned as they are.
 */
export function restatedValue(value: ClaimValue | IntervalCount): ClaimValue {
  if (!isIntervalCount(value)) return value;
  const { hedge } = value;
  const min = value.min ?? value.max ?? 0;
  const max = value.max ?? value.min ?? 0;
  const one = (n: number): CountValue => ({ type: 'count', stated: [Math.max(0, n)], hedge });
  switch (hedge) {
    case 'more-than':
      return one(min - 1);
    case 'fewer-than':
      return one(max + 1);
    case 'up-to':
      return one(max);
    case 'at-least':
      return one(min);
    case 'about': {
      const n = aboutNumber(min, max);
      if (n !== null) return one(n);
      // "about 10 to 20" was widened at both ends: [9, 22].
      return min === max ? one(min) : { type: 'count', stated: [Math.round(min / 0.9), Math.round(max / 1.1)], hedge: 'range' };
    }
    case 'almost':
      // Widened, "almost 1,000" was [900, 999]; written with min = max (older curated data), it is the number itself.
      return one(max > min || max % 10 !== 0 ? max + 1 : max);
    default:
      return min === max ? one(min) : { type: 'count', stated: [min, max], hedge };
  }
}
