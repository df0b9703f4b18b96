/**
 * Claim values and dates as a reader says them: "more than 30", "2–6 Dec 2019", "Tartu, Estonia".
 * Pure, shared by the side panel, the popover, the exports and the CLI: the words come from the
 * message catalogue (lib/i18n/messages.ts), numbers and dates from Intl in the user's locale
 * (lib/i18n/intl.ts); Node prints British English (lib/i18n/node.ts), so tests can pin them.
 */
import { formatCalendarDate, formatCalendarRange, formatNumber as formatLocaleNumber, formatNumberRange, regionName, type CalendarDate } from '../i18n/intl';
import { t, tOrdinal, tPlural, type MessageKey } from '../i18n/messages';
import type { Annotation, ClaimKind, ClaimValue, CountValue, DatesValue, EntityId, LocationValue, Role, RoleValue, Scope, Verdict } from '../types';

/** Looks up an entity's display name; undefined when the caller does not know it. */
export type NameOf = (id: EntityId) => string | undefined;

export function formatNumber(n: number): string {
  return formatLocaleNumber(n);
}

/** Name of an ISO 3166-1 alpha-2 code ("NO" → "Norway" in English), or undefined when unknown. */
export function countryName(code: string): string | undefined {
  return regionName(code);
}

/**
 * A readable name when the annotation does not carry one: a country's name from its
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
  return formatNumberRange(lo, hi);
}

const HEDGE_MESSAGES: Record<CountValue['hedge'], 'countAbout' | 'countAlmost' | 'countMoreThan' | 'countAtLeast' | 'countFewerThan' | 'countUpTo' | null> = {
  exact: null,
  about: 'countAbout',
  almost: 'countAlmost',
  'more-than': 'countMoreThan',
  'at-least': 'countAtLeast',
  'fewer-than': 'countFewerThan',
  'up-to': 'countUpTo',
  range: null,
  words: null,
};

/** A count as stated: "almost 1,000", "some 12,700", "12,000–15,000", "several hundred". */
export function formatCount(v: Pick<CountValue, 'stated' | 'hedge' | 'hedgeText'>): string {
  const [a, b = a] = v.stated;
  if (a === undefined) return t('unknownNumber');
  if (v.hedge === 'words') return v.hedgeText ?? t('countRoughly', { number: span(a, b ?? a) });
  const numbers = span(a, b!);
  if (v.hedge === 'range') return v.hedgeText === 'between' ? t('countBetween', { low: formatNumber(a), high: formatNumber(b!) }) : numbers;
  if (v.hedge === 'at-least' && !v.hedgeText) return t('countAtLeast', { number: numbers });
  // The article's own qualifier ("some", "nearly") is kept as written.
  if (v.hedgeText !== undefined) return v.hedgeText ? t('countStatedHedge', { hedge: v.hedgeText, number: numbers }) : numbers;
  const key = HEDGE_MESSAGES[v.hedge];
  return key ? t(key, { number: numbers }) : numbers;
}

function dateParts(iso: string): CalendarDate | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) return null;
  const y = Number(match[1]);
  const m = match[2] ? Number(match[2]) : undefined;
  const d = match[3] ? Number(match[3]) : undefined;
  if (m === undefined || m < 1 || m > 12) return { y };
  // A day the month does not have ("2019-02-31") keeps the month only.
  if (d === undefined || d < 1 || d > new Date(Date.UTC(2000, m, 0)).getUTCDate() || (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)))) return { y, m };
  return { y, m, d };
}

/** A single date at the precision it has: "3 Dec 2019", "Dec 2019", "2019"; timestamps keep the day as written. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t('dateUnknown');
  const p = dateParts(iso);
  return p ? formatCalendarDate(p) : iso;
}

/** A date range said compactly: "2–6 Dec 2019", "28 Nov – 6 Dec 2019", "Nov–Dec 2019" (en-GB). */
export function formatDateRange(start: string | null, end: string | null): string {
  const a = start ? dateParts(start) : null;
  const b = end ? dateParts(end) : null;
  if (!a && !b) return t('datesUnknown');
  if (!a) return t('dateUntil', { date: formatCalendarDate(b!) });
  if (!b) return t('dateFrom', { date: formatCalendarDate(a) });
  return formatCalendarRange(a, b) ?? t('dateSpan', { start: formatCalendarDate(a), end: formatCalendarDate(b) });
}

export function formatDates(v: Pick<DatesValue, 'start' | 'end' | 'durationDays'>): string {
  if (!v.start && !v.end && v.durationDays) return tPlural('durationDays', v.durationDays);
  return formatDateRange(v.start, v.end);
}

export function formatLocation(v: Pick<LocationValue, 'country' | 'city' | 'place'>, names: NameOf = () => undefined): string {
  const parts = [v.place, v.city, v.country ? nameOf(v.country, names) : undefined].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : t('placeUnknown');
}

const ROLE_WORDS: Record<Role, MessageKey> = {
  participant: 'roleParticipant',
  observer: 'roleObserver',
  partner: 'rolePartner',
  host: 'roleHost',
  organizer: 'roleOrganizer',
};

/** "observer 2015–2018", "partner since 2019", "host 2017". Years are not grouped like numbers. */
export function formatRole(v: Pick<RoleValue, 'role' | 'from' | 'to'>): string {
  const { from, to } = v;
  const role = t(ROLE_WORDS[v.role]);
  if (from !== undefined && to !== undefined) return from === to ? t('roleInYear', { role, year: String(from) }) : t('roleYears', { role, from: String(from), to: String(to) });
  if (from !== undefined) return t('roleSince', { role, year: String(from) });
  if (to !== undefined) return t('roleUntil', { role, year: String(to) });
  return role;
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
      return t('roleOf', { entity: nameOf(v.entity, names), role: formatRole(v) });
    case 'edition':
      return tOrdinal('editionOrdinal', v.ordinal);
  }
}

const KIND_LABELS: Record<ClaimKind, MessageKey> = {
  participants: 'kindParticipants',
  nations: 'kindNations',
  aircraft: 'kindAircraft',
  vessels: 'kindVessels',
  vehicles: 'kindVehicles',
  teams: 'kindTeams',
  dates: 'kindDates',
  location: 'kindLocation',
  role: 'kindRole',
  edition: 'kindEdition',
};

export const CLAIM_KINDS = Object.keys(KIND_LABELS) as ClaimKind[];

export function kindLabel(kind: ClaimKind): string {
  return t(KIND_LABELS[kind]);
}

const VERDICT_LABELS: Record<Verdict, MessageKey> = {
  corroborated: 'verdictCorroborated',
  conflicting: 'verdictConflicting',
  mixed: 'verdictMixed',
  disputed: 'verdictDisputed',
  'as-original': 'verdictAsOriginal',
  'retold-only': 'verdictRetoldOnly',
  close: 'verdictClose',
  'other-figures': 'verdictOtherFigures',
  unverified: 'verdictUnverified',
};

export const VERDICTS = Object.keys(VERDICT_LABELS) as Verdict[];

export function verdictLabel(verdict: Verdict): string {
  return t(VERDICT_LABELS[verdict]);
}

/** "Cyber Coalition 2019", or the series name when the edition is unknown. */
export function claimSubjectLabel(claim: { subjectName: string; edition: number | null }): string {
  return claim.edition === null ? claim.subjectName : `${claim.subjectName} ${claim.edition}`;
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
      return scope.of ? t('scopeContingentOf', { name: who! }) : (who ?? t('scopeAContingent'));
    case 'territory':
      return who ? t('scopeTerritory', { name: who }) : t('scopeOneTerritory');
    case 'phase':
      return scope.label ?? t('scopeOnePhase');
    case 'threshold':
      // The label is the article's words: one that already says "threshold" is shown as it is.
      return scope.label ? (/threshold/i.test(scope.label) ? scope.label : t('scopeThreshold', { label: scope.label })) : t('scopeThresholdBare');
  }
}
