/**
 * Comparison of a page's claims with other sources' claims, the way a careful journalist would.
 *
 * Only claims with the same subject (exercise series), the same edition and the same kind are ever
 * compared: Cyber Coalition 2016's "three-day event" says nothing about Cyber Coalition 2019.
 *
 * Tolerances:
 * - Counts are read as intervals, widened for comparison by their hedge:
 *   exact n: n ± 5% from 100 up (reporters round), n itself below 100;
 *   about n: [0.9n, 1.1n]; almost n: [0.85n, n]; range a-b: [a, b];
 *   more than / at least n: [n, 2n] (nobody writes "more than 30" for 300);
 *   fewer than / up to n: [n/2, n] ("up to 100,000" is not a way to say 12,700);
 *   words: their own span ("several hundred" = 300-900), a single value ± 10% ("two dozen").
 *   Overlapping intervals corroborate, disjoint ones conflict: "about 20" ~ "roughly 20" ~ "20";
 *   "more than 30" ~ "30+" ~ "33"; "150 aircraft" vs "250 aircraft" conflict.
 *   A count of one country's contingent ("of": "20 Japanese personnel") is compared with counts of the
 *   same contingent; against an unqualified count it can corroborate but never conflict.
 * - Dates: start with start, end with end, at the coarser precision of the two (a day agrees with
 *   its month); durations within a day of each other agree, and a start-end span has a duration.
 *   Any field that disagrees is a conflict.
 * - Locations: the same country agrees, a city inside the stated country agrees, different countries
 *   conflict unless the other source also names the page's place (exercises spread over countries).
 * - Roles: the same entity, the same role and overlapping years corroborate; observer against
 *   participant, host or organizer over the same years conflicts; other pairs are not compared.
 * - Ordinal editions: equal agrees, different conflicts.
 *
 * Independence: a source whose origin (followed through `derivation`) is the page's own origin, or
 * an origin already counted for this claim, is not independent; nor is one that quotes the same
 * original speaker as the page or as an evidence already counted. A page never corroborates itself.
 */
import type {
  AnnotatedClaim, Claim, ClaimValue, CountValue, DatesValue, Evidence, LocationValue, RoleValue, Source, SourceRef,
} from '../types';
import { speakerKey } from './attribution';
import type { QualifiedCountValue } from './types';

export interface CompareOptions {
  pageSourceId: string;
  /** Source id -> the id it retells; resolvable transitively. */
  derivation: Map<string, string | null>;
  /** Display name of a subject; defaults to one made from the id. */
  subjectName?: (id: string) => string | undefined;
}

type Relation = 'agree' | 'disagree' | null;

export function compareClaims(
  pageClaims: Claim[],
  others: Claim[],
  sources: Map<string, Source>,
  opts: CompareOptions,
): AnnotatedClaim[] {
  const parent = (id: string): string | null => (opts.derivation.has(id) ? (opts.derivation.get(id) ?? null) : (sources.get(id)?.derivedFrom ?? null));
  const root = (id: string): string => {
    let at = id;
    for (let hops = 0; hops < 32; hops++) {
      const up = parent(at);
      if (!up || up === at) break;
      at = up;
    }
    return at;
  };
  const page = opts.pageSourceId;
  const pageRoot = root(page);
  const isPageItself = (id: string): boolean =>
    id === page ||
    (sources.get(id)?.derivation === 'same-article' && parent(id) === page) ||
    (sources.get(page)?.derivation === 'same-article' && parent(page) === id);

  const byKey = new Map<string, Claim[]>();
  for (const c of others) {
    if (isPageItself(c.source)) continue;
    const key = claimKey(c);
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }

  return pageClaims.map((pc) => {
    const corroborating: Claim[] = [];
    const conflicting: Claim[] = [];
    const bySource = new Map<string, Claim[]>();
    for (const oc of byKey.get(claimKey(pc)) ?? []) {
      const list = bySource.get(oc.source);
      if (list) list.push(oc);
      else bySource.set(oc.source, [oc]);
    }
    for (const group of bySource.values()) {
      const relations = group.map((oc) => relate(pc.value, oc.value));
      if (pc.kind === 'location' && relations.includes('agree')) {
        // A source naming several places conflicts only when none of them is the page's.
        group.forEach((oc, k) => relations[k] === 'agree' && corroborating.push(oc));
        continue;
      }
      group.forEach((oc, k) => {
        if (relations[k] === 'agree') corroborating.push(oc);
        else if (relations[k] === 'disagree') conflicting.push(oc);
      });
    }
    const evidence = (list: Claim[]): Evidence[] => {
      const origins = new Set([pageRoot]);
      const pageSpeaker = speakerKey(pc.attribution);
      const speakers = new Set(pageSpeaker ? [pageSpeaker] : []);
      // Origins first, then the earliest: the source that first said it is the one that counts.
      const ordered = list.slice().sort((a, b) => rank(a) - rank(b) || published(a).localeCompare(published(b)));
      return ordered.map((oc) => {
        const origin = root(oc.source);
        const speaker = speakerKey(oc.attribution);
        const independent = !origins.has(origin) && !(speaker && speakers.has(speaker));
        origins.add(origin);
        if (speaker) speakers.add(speaker);
        const ev: Evidence = { source: sourceRef(oc.source, sources), text: oc.sentence, value: oc.value, independent };
        if (oc.attribution !== undefined) ev.attribution = oc.attribution;
        return ev;
      });
    };
    const rank = (c: Claim): number => (root(c.source) === c.source ? 0 : 1);
    const published = (c: Claim): string => sources.get(c.source)?.published ?? '9999';

    const annotated: AnnotatedClaim = {
      subject: pc.subject,
      subjectName: opts.subjectName?.(pc.subject) ?? nameFromId(pc.subject),
      edition: pc.edition,
      kind: pc.kind,
      value: pc.value,
      text: pc.text ?? pc.sentence,
      start: pc.start ?? 0,
      end: pc.end ?? 0,
      sentence: pc.sentence,
      verdict: corroborating.length && conflicting.length ? 'mixed' : corroborating.length ? 'corroborated' : conflicting.length ? 'conflicting' : 'unverified',
      corroborating: evidence(corroborating),
      conflicting: evidence(conflicting),
    };
    if (pc.attribution !== undefined) annotated.attribution = pc.attribution;
    return annotated;
  });
}

function claimKey(c: Claim): string {
  return `${c.subject}|${c.edition ?? ''}|${c.kind}`;
}

function sourceRef(id: string, sources: Map<string, Source>): SourceRef {
  const s = sources.get(id);
  return s ? { id, title: s.title, outlet: s.outlet, published: s.published, url: s.url } : { id, title: '', outlet: '', published: null, url: null };
}

/** "ex:cyber-coalition" -> "Cyber Coalition". */
function nameFromId(id: string): string {
  return id.replace(/^[a-z]+:/, '').split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** How two values of the same kind relate; null when they speak of different things. */
export function relate(a: ClaimValue, b: ClaimValue): Relation {
  if (a.type === 'count' && b.type === 'count') return relateCounts(a, b);
  if (a.type === 'dates' && b.type === 'dates') return relateDates(a, b);
  if (a.type === 'location' && b.type === 'location') return relateLocations(a, b);
  if (a.type === 'role' && b.type === 'role') return relateRoles(a, b);
  if (a.type === 'edition' && b.type === 'edition') return a.ordinal === b.ordinal ? 'agree' : 'disagree';
  return null;
}

/** The interval a count stands for when compared; see the tolerances above. */
export function countRange(v: CountValue): [number, number] {
  const lo = v.min;
  const hi = v.max;
  const n = lo ?? hi ?? 0;
  switch (v.hedge) {
    case 'exact': {
      const e = n >= 100 ? 0.05 : 0;
      return [n * (1 - e), (hi ?? n) * (1 + e)];
    }
    case 'about':
    case 'words':
      return lo !== null && hi !== null && lo !== hi ? [lo, hi] : [n * 0.9, n * 1.1];
    case 'more-than':
    case 'at-least':
      return [n, hi ?? Math.max(2 * n, n + 2)];
    case 'fewer-than':
    case 'up-to': {
      const top = hi ?? n;
      return [lo ?? top / 2, top];
    }
    case 'almost': {
      const top = hi ?? n;
      return [lo ?? top * 0.85, top + 1];
    }
    case 'range':
      return [lo ?? 0, hi ?? Infinity];
  }
}

function relateCounts(a: QualifiedCountValue, b: QualifiedCountValue): Relation {
  if (a.of && b.of && a.of !== b.of) return null;
  const [alo, ahi] = countRange(a);
  const [blo, bhi] = countRange(b);
  const overlap = alo <= bhi && blo <= ahi;
  if (overlap) return 'agree';
  return a.of !== b.of ? null : 'disagree';
}

const PRECISION_LENGTH = { day: 10, month: 7, year: 4 } as const;

function relateDates(a: DatesValue, b: DatesValue): Relation {
  const len = Math.min(PRECISION_LENGTH[a.precision], PRECISION_LENGTH[b.precision]);
  let agree = 0;
  for (const field of ['start', 'end'] as const) {
    const x = a[field];
    const y = b[field];
    if (!x || !y) continue;
    const l = Math.min(len, x.length, y.length);
    if (x.slice(0, l) !== y.slice(0, l)) return 'disagree';
    agree++;
  }
  const da = duration(a);
  const db = duration(b);
  if (da !== undefined && db !== undefined) {
    if (Math.abs(da - db) > 1) return 'disagree';
    agree++;
  }
  return agree ? 'agree' : null;
}

function duration(v: DatesValue): number | undefined {
  if (v.durationDays !== undefined) return v.durationDays;
  if (v.precision !== 'day' || !v.start || !v.end || v.start.length < 10 || v.end.length < 10) return undefined;
  return (Date.parse(v.end) - Date.parse(v.start)) / 86_400_000 + 1;
}

function relateLocations(a: LocationValue, b: LocationValue): Relation {
  const placeA = a.city ?? a.place;
  const placeB = b.city ?? b.place;
  if (a.country && b.country) {
    if (a.country !== b.country) return 'disagree';
    return placeA && placeB && placeA !== placeB ? null : 'agree';
  }
  return placeA && placeB && placeA === placeB ? 'agree' : null;
}

const ACTIVE = new Set(['participant', 'host', 'organizer']);

function relateRoles(a: RoleValue, b: RoleValue): Relation {
  if (a.entity !== b.entity) return null;
  if (a.from !== undefined && b.from !== undefined) {
    // "since 2015" runs on.
    const aTo = a.to ?? Infinity;
    const bTo = b.to ?? Infinity;
    if (a.from > bTo || b.from > aTo) return null;
  }
  if (a.role === b.role) return 'agree';
  if ((a.role === 'observer' && ACTIVE.has(b.role)) || (b.role === 'observer' && ACTIVE.has(a.role))) return 'disagree';
  return null;
}
