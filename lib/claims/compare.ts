/**
 * Comparison of a page's claims with other sources' claims, the way a careful journalist would.
 * Precision first: a verdict shown must be right, so when two figures may not be about the same
 * thing the answer is "other figures reported", never "conflicting".
 *
 * Two claims are compared only when exercise, edition (known on both sides), kind and scope match
 * (see lib/claims/scope.ts). A contingent is set against a total only to catch a part larger than
 * its whole. Values:
 * - counts: lib/text/interval.ts (stated precision; agree, close, other, disagree);
 * - dates: start with start, end with end, at the coarser precision; a day apart is close;
 * - locations: the same country agrees; another country is not a contradiction (exercises spread
 *   over several hosts), only "other";
 * - roles: the same entity, role and years agree; observer against participant/host/organizer conflicts;
 * - ordinal editions: equal agrees, different conflicts.
 * Disagreeing figures from different speakers (the ministry's own figure, others' estimate) are a
 * disputed figure, not a contradiction between outlets.
 *
 * Independence: sources are grouped by origin (followed through `derivedFrom`) and by the speaker
 * they quote; each group counts once. A source that retells the page, or shares the page's origin,
 * never corroborates it.
 */
import { partFitsWhole, relateCounts } from '../text/interval';
import type {
  AnnotatedClaim, Claim, ClaimValue, CountValue, DatesValue, Evidence, LocationValue, Relation, RoleValue, Scope, Source, SourceRef, Verdict,
} from '../types';
import { speakerKey } from './attribution';
import { wireName } from './credits';
import { attributionStance } from './scope';

export interface CompareOptions {
  pageSourceId: string;
  /** Source id -> the id it retells; resolvable transitively. */
  derivation: Map<string, string | null>;
  /** Display name of a subject; defaults to one made from the id. */
  subjectName?: (id: string) => string | undefined;
  /** The outlet the page's lede credits (findDerivation's `retells`): sources crediting the same one share its origin. */
  pageRetells?: string | null;
}

/** How two values of one kind relate before speakers and independence are considered. */
export type ValueRelation = 'agree' | 'close' | 'other' | 'disagree' | null;

export function compareClaims(pageClaims: Claim[], others: Claim[], sources: Map<string, Source>, opts: CompareOptions): AnnotatedClaim[] {
  const parent = (id: string): string | null => (opts.derivation.has(id) ? (opts.derivation.get(id) ?? null) : (sources.get(id)?.derivedFrom ?? null));
  const chainOf = (id: string): string[] => {
    const chain = [id];
    for (let at = id, hops = 0; hops < 32; hops++) {
      const up = parent(at);
      if (!up || chain.includes(up)) break;
      chain.push(up);
      at = up;
    }
    return chain;
  };
  const root = (id: string): string => chainOf(id).pop()!;
  const page = opts.pageSourceId;
  /** An origin: the root of the derivation chain, or the outlet that root credits for its story. */
  const originOf = (id: string): string => {
    const r = root(id);
    const credited = r === page ? (opts.pageRetells ?? sources.get(r)?.retells) : sources.get(r)?.retells;
    return credited ? `credited:${wireName(credited).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}` : r;
  };
  const pageOrigin = originOf(page);
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
  const published = (c: Claim): string => sources.get(c.source)?.published ?? '9999';
  /** Whether a source other than the page and outside this claim's own story reports the same figure. */
  const secondedElsewhere = (oc: Claim): boolean => {
    const origin = originOf(oc.source);
    return (byKey.get(claimKey(oc)) ?? []).some((o) => o.source !== oc.source && originOf(o.source) !== origin && relateClaims(oc, o) === 'agree');
  };

  return pageClaims.map((pc) => {
    const related: { claim: Claim; relation: Relation }[] = [];
    const bySource = new Map<string, Claim[]>();
    for (const oc of byKey.get(claimKey(pc)) ?? []) {
      const list = bySource.get(oc.source);
      if (list) list.push(oc);
      else bySource.set(oc.source, [oc]);
    }
    for (const group of bySource.values()) {
      const rels = group.map((oc) => relateClaims(pc, oc));
      // A source naming several places is about the page's place when one of them is.
      // A source that agrees with the page in one figure does not contradict it in another: that other
      // figure is about something else (a part, another phase) the source did not label.
      const agrees = rels.includes('agree');
      const keep = pc.kind === 'location' && agrees ? rels.map((r) => (r === 'agree' ? r : null)) : agrees ? rels.map((r) => (r === 'conflict' ? 'other' : r)) : rels;
      group.forEach((oc, k) => {
        const r = keep[k];
        if (!r) return;
        if (r !== 'agree') return void related.push({ claim: oc, relation: r });
        // Agreement is support only from outside the page's own story.
        const chain = chainOf(oc.source);
        const relation: Relation = chain.includes(page) ? 'retelling' : originOf(oc.source) === pageOrigin ? 'origin' : 'agree';
        related.push({ claim: oc, relation });
      });
    }
    // A figure that only one account gives, against figures others give, is more often about something
    // else (a part, a phase, another edition, or a misreading) than a second account of the same fact.
    // A contradiction is claimed only between figures each of which another origin also reports.
    const seconded = related.some((r) => r.relation === 'agree' || r.relation === 'origin');
    for (const r of related) {
      if (r.relation === 'conflict' && (!seconded || !secondedElsewhere(r.claim))) r.relation = 'other';
    }
    // Origins first, then the earliest: the source that first said it is the one that counts.
    related.sort((a, b) => Number(root(a.claim.source) !== a.claim.source) - Number(root(b.claim.source) !== b.claim.source) || published(a.claim).localeCompare(published(b.claim)));
    // Sources quoting one speaker count once: they confirm that the speaker said it, once.
    const groups = new Set<string>();
    const toEvidence = ({ claim: oc, relation }: { claim: Claim; relation: Relation }): Evidence => {
      let independent = false;
      if (relation === 'agree') {
        const group = speakerKey(oc.attribution) ?? `origin:${originOf(oc.source)}`;
        independent = !groups.has(group);
        groups.add(group);
      }
      const ev: Evidence = { source: sourceRef(oc.source, sources), text: oc.sentence, value: oc.value, relation, independent };
      if (oc.attribution !== undefined) ev.attribution = oc.attribution;
      if (oc.scope) ev.scope = oc.scope;
      if (oc.stance) ev.stance = oc.stance;
      return ev;
    };
    const evidence = related.map(toEvidence);
    const of = (...rs: Relation[]): Evidence[] => evidence.filter((e) => rs.includes(e.relation));
    const corroborating = of('agree', 'origin', 'retelling');
    const conflicting = of('conflict');
    const other = of('disputed', 'close', 'other');
    const origins = evidence.filter((e) => e.independent).length;

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
      verdict: verdictOf(evidence, origins),
      origins,
      corroborating,
      conflicting,
      other,
    };
    if (pc.attribution !== undefined) annotated.attribution = pc.attribution;
    if (pc.scope) annotated.scope = pc.scope;
    if (pc.stance) annotated.stance = pc.stance;
    return annotated;
  });
}

function verdictOf(evidence: Evidence[], origins: number): Verdict {
  const has = (r: Relation): boolean => evidence.some((e) => e.relation === r);
  if (has('conflict')) return origins ? 'mixed' : 'conflicting';
  if (has('disputed')) return 'disputed';
  if (origins) return 'corroborated';
  if (has('origin')) return 'as-original';
  if (has('retelling')) return 'retold-only';
  if (has('close')) return 'close';
  if (has('other')) return 'other-figures';
  return 'unverified';
}

function claimKey(c: Claim): string {
  return `${c.subject}|${c.edition ?? ''}|${c.kind}`;
}

/** Shares the article does not name: two of them may be different groups. */
const UNNAMED_SHARES: ReadonlySet<string> = new Set(['part of a larger figure', 'nations of one group', 'other nations']);

/** Whether two scopes name the same part of an exercise (absent = the whole). */
export function sameScope(a: Scope | undefined, b: Scope | undefined): boolean {
  const ka = a?.kind ?? 'total';
  const kb = b?.kind ?? 'total';
  if (ka !== kb) return false;
  if (ka === 'total') return true;
  // A threshold is a rule, not a participation figure; an unnamed share cannot be matched.
  if (ka === 'threshold') return false;
  if (a!.of || b!.of) return a!.of === b!.of;
  // Named groups compare with the same group ("reservists"); an unnamed share ("part of a larger figure") never.
  return (ka === 'phase' || (ka === 'contingent' && !UNNAMED_SHARES.has(a!.label ?? ''))) && !!a!.label && a!.label === b!.label;
}

function carriesYears(c: Claim): boolean {
  return c.value.type === 'role' && (c.value.from !== undefined || c.value.to !== undefined);
}

/** The relation of another source's claim to the page's, speakers included; null when they are not about the same thing. */
export function relateClaims(pc: Claim, oc: Claim): Relation | null {
  // Everything needs a known edition, but a role that carries its own years ("an observer from 2015 to 2018",
  // "a participant since 2015"): "Belgium takes part" on an undated page may be any year's.
  if ((pc.edition === null && !carriesYears(pc)) || (oc.edition === null && !carriesYears(oc))) return null;
  if (pc.value.type === 'count' && oc.value.type === 'count') {
    if (!sameScope(pc.scope, oc.scope)) {
      // A contingent larger than its total is a contradiction; beside it, it is not.
      const pcWhole = !pc.scope || pc.scope.kind === 'total';
      const ocWhole = !oc.scope || oc.scope.kind === 'total';
      const part = pcWhole ? oc : ocWhole ? pc : null;
      const whole = part === oc ? pc : oc;
      const partScope = part?.scope?.kind;
      if (!part || (partScope !== 'contingent' && partScope !== 'territory') || !part.scope?.of) return null;
      if (part.value.type !== 'count' || whole.value.type !== 'count') return null;
      if (partFitsWhole(part.value, whole.value)) return null;
      return speakersDiffer(pc, oc) ? 'disputed' : pc.tentative || oc.tentative ? 'other' : 'conflict';
    }
  }
  // Dates of a phase are not the exercise's dates.
  if (pc.kind === 'dates' && !sameScope(pc.scope, oc.scope)) return null;
  const r = relate(pc.value, oc.value);
  if (r === 'agree') return 'agree';
  if (r === 'close') return 'close';
  if (r === 'other') return 'other';
  if (r === 'disagree') {
    if (speakersDiffer(pc, oc)) return 'disputed';
    if (pc.tentative || oc.tentative || farApart(pc.value, oc.value)) return 'other';
    return 'conflict';
  }
  return null;
}

/**
 * Two counts of one thing, one more than three times the other ("12,700" and "100,000"): reporting that far
 * apart is an estimate given without its speaker, a part, or another phase far more often than two
 * accounts of one figure. Not sure enough to be a contradiction: other figures.
 */
function farApart(a: ClaimValue, b: ClaimValue): boolean {
  if (a.type !== 'count' || b.type !== 'count') return false;
  const mid = (v: CountValue): number => (v.stated[0]! + v.stated[v.stated.length - 1]!) / 2;
  const [x, y] = [mid(a), mid(b)].sort((p, q) => p - q) as [number, number];
  return x > 0 && y / x > 3;
}

/**
 * An estimate against a figure that is not one, or two estimates by different speakers: their
 * figures are a dispute ("the ministry says 12,700; Western officials estimate up to 100,000"), not
 * a contradiction. Two official or reported figures that disagree are a conflict.
 */
function speakersDiffer(a: Claim, b: Claim): boolean {
  const ea = (a.stance ?? attributionStance(a.attribution)) === 'estimate';
  const eb = (b.stance ?? attributionStance(b.attribution)) === 'estimate';
  if (ea !== eb) return true;
  if (!ea) return false;
  const ka = speakerKey(a.attribution);
  const kb = speakerKey(b.attribution);
  return !ka || !kb || ka !== kb;
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
export function relate(a: ClaimValue, b: ClaimValue): ValueRelation {
  if (a.type === 'count' && b.type === 'count') return relateCounts(a, b);
  if (a.type === 'dates' && b.type === 'dates') return relateDates(a, b);
  if (a.type === 'location' && b.type === 'location') return relateLocations(a, b);
  if (a.type === 'role' && b.type === 'role') return relateRoles(a, b);
  if (a.type === 'edition' && b.type === 'edition') return a.ordinal === b.ordinal ? 'agree' : 'disagree';
  return null;
}

const PRECISION_LENGTH = { day: 10, month: 7, year: 4 } as const;
const DAY_MS = 86_400_000;

/** Whether x's days lie inside y's and are not all of them: a phase or part of the period. */
function inside(x: DatesValue, y: DatesValue): boolean {
  if (x.precision !== 'day' || y.precision !== 'day' || !x.start || !x.end || !y.start || !y.end) return false;
  if ([x.start, x.end, y.start, y.end].some((d) => d.length < 10)) return false;
  return x.start >= y.start && x.end <= y.end && (x.start !== y.start || x.end !== y.end);
}

/** Whether x gives only a start day that falls before y's last day without being y's first: y may be a part of x's run. */
function startsBefore(x: DatesValue, y: DatesValue): boolean {
  if (x.precision !== 'day' || y.precision !== 'day' || !x.start || x.end || x.durationDays !== undefined || !y.start || !y.end) return false;
  if ([x.start, y.start, y.end].some((d) => d.length < 10)) return false;
  return x.start !== y.start && x.start <= y.end;
}

function relateDates(a: DatesValue, b: DatesValue): ValueRelation {
  // "18-20 September" beside "14-20 September": most often the main phase, not another date for the exercise.
  if (inside(a, b) || inside(b, a)) return 'other';
  // "began on 14 September" beside "18-20 September": the later days may be a phase of the same run.
  if (startsBefore(a, b) || startsBefore(b, a)) return 'other';
  const len = Math.min(PRECISION_LENGTH[a.precision], PRECISION_LENGTH[b.precision]);
  let agree = 0;
  let near = false;
  for (const field of ['start', 'end'] as const) {
    const x = a[field];
    const y = b[field];
    if (!x || !y) continue;
    const l = Math.min(len, x.length, y.length);
    if (x.slice(0, l) === y.slice(0, l)) {
      agree++;
      continue;
    }
    // A day apart is a time zone or a reporting habit ("began on Monday" for a Sunday-night start).
    if (l === 10 && Math.abs(Date.parse(x) - Date.parse(y)) <= DAY_MS) near = true;
    else return 'disagree';
  }
  const da = duration(a);
  const db = duration(b);
  if (da !== undefined && db !== undefined) {
    if (Math.abs(da - db) > 1) return near ? 'close' : 'disagree';
    agree++;
  }
  if (near) return 'close';
  return agree ? 'agree' : null;
}

function duration(v: DatesValue): number | undefined {
  if (v.durationDays !== undefined) return v.durationDays;
  if (v.precision !== 'day' || !v.start || !v.end || v.start.length < 10 || v.end.length < 10) return undefined;
  return (Date.parse(v.end) - Date.parse(v.start)) / DAY_MS + 1;
}

function relateLocations(a: LocationValue, b: LocationValue): ValueRelation {
  const placeA = a.city ?? a.place;
  const placeB = b.city ?? b.place;
  if (a.country && b.country) {
    // Exercises spread over several hosts: naming another country does not contradict this one.
    if (a.country !== b.country) return 'other';
    return placeA && placeB && placeA !== placeB ? 'other' : 'agree';
  }
  return placeA && placeB && placeA === placeB ? 'agree' : null;
}

const ACTIVE = new Set(['participant', 'host', 'organizer']);

function relateRoles(a: RoleValue, b: RoleValue): ValueRelation {
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
