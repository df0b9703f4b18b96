/**
 * chrono-node's English parser as a `DateReader` (lib/claims/dates.ts), for scripts/measure-dates.ts:
 * chrono finds the dates written in a sentence and the parts it is sure of; what they mean there
 * (which end of the exercise, which year, a report's own date) is read by the same code as our
 * patterns' dates, so the comparison is between the two parsers only.
 */
// Only the English parser: chrono-node's other locales would come into a bundle for nothing.
import * as chrono from 'chrono-node/en';
import type { DateReader, WrittenDate } from '../../lib/claims/dates';

/** "early", "mid-" or "late" before a month chrono read: part of the date as written. */
const PART_OF_MONTH = /\b(?:early|mid|late)[- ]?$/i;
/** chrono takes "on Monday" as the date; our reading of context expects the preposition before it, as our patterns leave it. */
const PREPOSITION = /^(?:on|in|at)\s+/i;

export function chronoReader(published: Date | null): DateReader {
  return (sentence) => {
    // Without a publication date chrono would count from today: its relative readings ("next month",
    // "today", a weekday) are dropped, as our own reader drops them.
    const results = chrono.parse(sentence, published ? { instant: published, timezone: 0 } : new Date(0));
    const out: WrittenDate[] = [];
    for (const r of results) {
      const relative = [...r.tags()].some((t) => /relative|casual/i.test(t));
      if (relative && !published) continue;
      const first = partsOf(r.start);
      const last = r.end ? partsOf(r.end) : null;
      if (first.d === undefined && first.m === undefined && first.wd === undefined) continue;
      const lead = PART_OF_MONTH.exec(sentence.slice(0, r.index));
      const start = lead && first.d === undefined ? lead.index : r.index + (PREPOSITION.exec(r.text)?.[0].length ?? 0);
      const written: WrittenDate = { start, end: r.index + r.text.length };
      if (first.wd !== undefined && first.d === undefined) written.wd = first.wd;
      else {
        Object.assign(written, defined({ d1: first.d, m1: first.m, y1: first.y }));
        if (last) Object.assign(written, defined({ d2: last.d, m2: last.m, y2: last.y }));
      }
      out.push(written);
    }
    return out;
  };
}

function partsOf(c: chrono.ParsedResult['start']): { d?: number; m?: number; y?: number; wd?: number } {
  const sure = (k: chrono.Component) => (c.isCertain(k) ? (c.get(k) ?? undefined) : undefined);
  return defined({ d: sure('day'), m: sure('month'), y: sure('year'), wd: sure('weekday') });
}

function defined<T extends Record<string, number | undefined>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
