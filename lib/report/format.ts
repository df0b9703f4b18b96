/**
 * Claim values and dates as a reader says them: "more than 30", "2–6 Dec 2019", "Tartu, Estonia".
 * Pure and locale-fixed (English, en dash) so the side panel, the popover, the exports and the CLI
 * all print the same words, and tests can pin them.
 */
import type { Annotation, ClaimKind, ClaimValue, CountValue, DatesValue, EntityId, LocationValue, RoleValue, Scope, Verdict } from '../types';

/** Looks up an entity's display name; undefined when the caller does not know it. */
export type NameOf = (id: EntityId) => string | undefined;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DASH = '–';
const numberFormat = new Intl.NumberFormat('en-US');

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

let regionNames: Intl.DisplayNames | null | undefined;

/** English name of an ISO 3166-1 alpha-2 code ("NO" → "Norway"), or undefined when unknown. */
export function countryName(code: string): string | undefined {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A readable name when the annotation does not carry one: a country's English name from its
 * code (`country:NO` → "Norway"), else the id's words (`org:some-body` → "some body"). Readers
 * never see raw codes.
 */
export function fallbackName(id: EntityId): string {
  const colon = id.indexOf(':');
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  if (id.startsWith('country:') && /^[A-Za-z]{2}$/.test(bare)) return countryName(bare) ?? bare;
  return bare.replace(/[-_]+/g, ' ');
}

/** Names from the annotation itself (entities, mentions and claim subjects), so no KB lookup is needed. */
export function entityNamesOf(annotation: Pick<Annotation, 'mentions' | 'claims'> & Partial<Pick<Annotation, 'entities'>>): NameOf {
  const names = new Map<EntityId, string>();
  for (const e of annotation.entities ?? []) names.set(e.id, e.name);
  for (const m of annotation.mentions) if (!names.has(m.id)) names.set(m.id, m.name);
  for (const c of annotation.claims) if (!names.has(c.subject)) names.set(c.subject, c.subjectName);
  return (id) => names.get(id);
}

function nameOf(id: EntityId, names: NameOf): string {
  return names(id) ?? fallbackName(id);
}

function span(lo: number, hi: number): string {
  return lo === hi ? formatNumber(lo) : `${formatNumber(lo)}${DASH}${formatNumber(hi)}`;
}

const HEDGE_WORDS: Record<CountValue['hedge'], string> = {
  exact: '',
  about: 'about',
  almost: 'almost',
  'more-than': 'more than',
  'at-least': 'at least',
  'fewer-than': 'fewer than',
  'up-to': 'up to',
  range: '',
  words: '',
};

/** A count as stated: "almost 1,000", "some 12,700", "12,000–15,000", "several hundred". */
export function formatCount(v: Pick<CountValue, 'stated' | 'hedge' | 'hedgeText'>): string {
  const [a, b = a] = v.stated;
  if (a === undefined) return 'unknown number';
  if (v.hedge === 'words') return v.hedgeText ?? `roughly ${span(a, b ?? a)}`;
  const numbers = span(a, b!);
  if (v.hedge === 'range') return v.hedgeText === 'between' ? `between ${formatNumber(a)} and ${formatNumber(b!)}` : numbers;
  if (v.hedge === 'at-least' && !v.hedgeText) return `at least ${numbers}`;
  const words = v.hedgeText ?? HEDGE_WORDS[v.hedge];
  return words ? `${words} ${numbers}` : numbers;
}

interface DateParts {
  y: string;
  m?: number;
  d?: number;
}

function dateParts(iso: string): DateParts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) return null;
  const m = match[2] ? Number(match[2]) : undefined;
  const d = match[3] ? Number(match[3]) : undefined;
  if (m !== undefined && (m < 1 || m > 12)) return { y: match[1]! };
  return { y: match[1]!, m, d };
}

function partsText(p: DateParts, withYear = true, withMonth = true): string {
  const bits: string[] = [];
  if (p.d !== undefined) bits.push(String(p.d));
  if (p.m !== undefined && withMonth) bits.push(MONTHS[p.m - 1]!);
  if (withYear) bits.push(p.y);
  return bits.join(' ');
}

/** A single date at the precision it has: "3 Dec 2019", "Dec 2019", "2019"; timestamps keep the day. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'date unknown';
  const p = dateParts(iso);
  return p ? partsText(p) : iso;
}

/** A date range said compactly: "2–6 Dec 2019", "28 Nov – 6 Dec 2019", "Nov–Dec 2019". */
export function formatDateRange(start: string | null, end: string | null): string {
  const a = start ? dateParts(start) : null;
  const b = end ? dateParts(end) : null;
  if (!a && !b) return 'dates unknown';
  if (!a) return `until ${partsText(b!)}`;
  if (!b) return `from ${partsText(a)}`;
  const sameYear = a.y === b.y;
  const sameMonth = sameYear && a.m === b.m;
  if (sameMonth && a.d === b.d) return partsText(a);
  if (a.d !== undefined && b.d !== undefined) {
    if (sameMonth) return `${a.d}${DASH}${partsText(b)}`;
    if (sameYear) return `${partsText(a, false)} ${DASH} ${partsText(b)}`;
    return `${partsText(a)} ${DASH} ${partsText(b)}`;
  }
  if (a.m !== undefined && b.m !== undefined && a.d === undefined && b.d === undefined) {
    return sameYear ? `${MONTHS[a.m - 1]}${DASH}${partsText(b)}` : `${partsText(a)} ${DASH} ${partsText(b)}`;
  }
  if (a.m === undefined && b.m === undefined) return sameYear ? a.y : `${a.y}${DASH}${b.y}`;
  return `${partsText(a)} ${DASH} ${partsText(b)}`;
}

export function formatDates(v: Pick<DatesValue, 'start' | 'end' | 'durationDays'>): string {
  if (!v.start && !v.end && v.durationDays) return `${v.durationDays} day${v.durationDays === 1 ? '' : 's'}`;
  return formatDateRange(v.start, v.end);
}

export function formatLocation(v: Pick<LocationValue, 'country' | 'city' | 'place'>, names: NameOf = () => undefined): string {
  const parts = [v.place, v.city, v.country ? nameOf(v.country, names) : undefined].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : 'place unknown';
}

/** "observer 2015–2018", "partner since 2019", "host 2017". */
export function formatRole(v: Pick<RoleValue, 'role' | 'from' | 'to'>): string {
  const { role, from, to } = v;
  if (from !== undefined && to !== undefined) return from === to ? `${role} ${from}` : `${role} ${from}${DASH}${to}`;
  if (from !== undefined) return `${role} since ${from}`;
  if (to !== undefined) return `${role} until ${to}`;
  return role;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Any claim value as one short phrase; role values name their entity ("Japan: observer 2015"). */
export function formatValue(v: ClaimValue, names: NameOf = () => undefined): string {
  switch (v.type) {
    case 'count':
      return formatCount(v);
    case 'dates':
      return formatDates(v);
    case 'location':
      return formatLocation(v, names);
    case 'role':
      return `${nameOf(v.entity, names)}: ${formatRole(v)}`;
    case 'edition':
      return `${ordinal(v.ordinal)} edition`;
  }
}

const KIND_LABELS: Record<ClaimKind, string> = {
  participants: 'Participants',
  nations: 'Nations',
  aircraft: 'Aircraft',
  vessels: 'Vessels',
  vehicles: 'Vehicles',
  teams: 'Teams',
  dates: 'Dates',
  location: 'Location',
  role: 'Role',
  edition: 'Edition',
};

export const CLAIM_KINDS = Object.keys(KIND_LABELS) as ClaimKind[];

export function kindLabel(kind: ClaimKind): string {
  return KIND_LABELS[kind];
}

const VERDICT_LABELS: Record<Verdict, string> = {
  corroborated: 'Corroborated',
  conflicting: 'Conflicting',
  mixed: 'Mixed',
  disputed: 'Disputed figure',
  'as-original': 'As in the original',
  'retold-only': 'Unverified, only retellings',
  close: 'Close, not the same',
  'other-figures': 'Other figures reported',
  unverified: 'Unverified',
};

export const VERDICTS = Object.keys(VERDICT_LABELS) as Verdict[];

export function verdictLabel(verdict: Verdict): string {
  return VERDICT_LABELS[verdict];
}

/** "Cyber Coalition 2019", or the series name when the edition is unknown. */
export function claimSubjectLabel(claim: { subjectName: string; edition: number | null }): string {
  return claim.edition === null ? claim.subjectName : `${claim.subjectName} ${claim.edition}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/**
 * What part of the exercise a figure is about, in words; null for the whole exercise.
 * "contingent of Russia", "territory: Belarus", "land phase", "Vienna Document threshold".
 */
export function scopeLabel(scope: Scope | undefined | null, names: NameOf = () => undefined): string | null {
  if (!scope || scope.kind === 'total') return null;
  const who = scope.of ? nameOf(scope.of, names) : scope.label;
  switch (scope.kind) {
    case 'contingent':
      return scope.of ? `contingent of ${who}` : (who ?? 'a contingent');
    case 'territory':
      return who ? `territory: ${who}` : 'one territory';
    case 'phase':
      return scope.label ?? 'one phase';
    case 'threshold':
      return scope.label ? (/threshold/i.test(scope.label) ? scope.label : `threshold: ${scope.label}`) : 'threshold';
  }
}
