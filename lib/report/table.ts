/**
 * The side panel's comparison table as data: one row per claim of the page, one column per
 * source, this page first, and the sources that retell another grouped under the one they
 * retell, so the number of independent origins is the number of groups. Pure, so the panel,
 * the exports and the tests read the same model.
 */
import { t, tPlural } from '../i18n/messages';
import type { AnnotatedClaim, Annotation, ClaimKind, ClaimValue, EntityId, EntityType, Evidence, SourceSummary, Verdict } from '../types';
import { VERDICTS } from './format';

export const PAGE_COLUMN_ID = 'page';

export type SourceSort = 'date' | 'outlet';

export interface TableFilters {
  entity: EntityId | null;
  kind: ClaimKind | null;
  verdict: Verdict | null;
}

export const NO_FILTERS: TableFilters = { entity: null, kind: null, verdict: null };

/** How a source's value relates to the page's claim (`both`: it states one that agrees and one that contradicts). */
export type CellState = 'page' | 'agree' | 'conflict' | 'both' | 'disputed' | 'close' | 'other' | 'none';

export interface CellEntry {
  value: ClaimValue;
  /** The sentence the value comes from. */
  text: string;
  attribution?: string | null;
  independent: boolean;
}

export interface Cell {
  columnId: string;
  state: CellState;
  entries: CellEntry[];
}

export interface Column {
  id: string;
  /** Null for the page column. */
  source: SourceSummary | null;
  isPage: boolean;
  groupId: string;
  /** The source this one retells, when it retells one. */
  derivedFrom: string | null;
  derivation?: string;
}

export interface ColumnGroup {
  /** Id of the origin every member retells (or the member itself when it retells none). */
  id: string;
  /** The origin's summary; null for the page and for an origin the KB did not return. */
  origin: SourceSummary | null;
  columns: Column[];
  /** The page itself retells this origin, so the group is not independent of the page. */
  retoldByPage: boolean;
}

export interface Row {
  /** Index of the claim in `annotation.claims`: stable across filtering and sorting. */
  index: number;
  claim: AnnotatedClaim;
  /** One per column, in column order. */
  cells: Cell[];
  /** Distinct independent origins that back the claim. */
  independentOrigins: number;
}

export interface TableModel {
  groups: ColumnGroup[];
  columns: Column[];
  rows: Row[];
  /** Claims before filtering, so the view can say "3 of 7 claims shown". */
  totalClaims: number;
  /** Origin groups shown that are independent of the page. */
  independentOrigins: number;
}

/** Follows `derivedFrom` to the first source that retells nothing, guarding against cycles. */
export function originOf(id: string, byId: ReadonlyMap<string, Pick<SourceSummary, 'derivedFrom'>>): string {
  const seen = new Set<string>([id]);
  let current = id;
  for (;;) {
    const next = byId.get(current)?.derivedFrom;
    if (!next || seen.has(next)) return current;
    seen.add(next);
    current = next;
    if (!byId.has(current)) return current;
  }
}

/** Claims whose subject is the entity, or whose value names it (a role, a host country). */
export function claimConcerns(claim: AnnotatedClaim, entity: EntityId): boolean {
  if (claim.subject === entity) return true;
  const v = claim.value;
  return (v.type === 'location' && v.country === entity) || (v.type === 'role' && v.entity === entity);
}

export function filterClaims(claims: readonly AnnotatedClaim[], f: TableFilters): { claim: AnnotatedClaim; index: number }[] {
  return claims
    .map((claim, index) => ({ claim, index }))
    .filter(
      ({ claim }) =>
        (f.entity === null || claimConcerns(claim, f.entity)) &&
        (f.kind === null || claim.kind === f.kind) &&
        (f.verdict === null || claim.verdict === f.verdict),
    );
}

/** Undated sources sort last under date order; ties fall back to outlet then id, so order is stable. */
export function compareSources(a: Pick<SourceSummary, 'id' | 'outlet' | 'published'>, b: Pick<SourceSummary, 'id' | 'outlet' | 'published'>, sort: SourceSort): number {
  const byOutlet = a.outlet.localeCompare(b.outlet, 'en', { sensitivity: 'base' });
  // No "\uffff" sentinel for undated: the content script bundles this file, and Chromium refuses
  // to load a content script holding a Unicode noncharacter ("isn't UTF-8 encoded").
  const da = a.published ?? '';
  const db = b.published ?? '';
  const byDate = da === db ? 0 : !da ? 1 : !db ? -1 : da.localeCompare(db);
  if (sort === 'date') return byDate || byOutlet || a.id.localeCompare(b.id);
  return byOutlet || byDate || a.id.localeCompare(b.id);
}

/** Every piece of evidence of a claim, whatever its relation. */
export function allEvidence(claim: Pick<AnnotatedClaim, 'corroborating' | 'conflicting' | 'other'>): Evidence[] {
  return [...claim.corroborating, ...claim.conflicting, ...(claim.other ?? [])];
}

function evidenceBySource(claim: AnnotatedClaim): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  for (const e of allEvidence(claim)) {
    const list = out.get(e.source.id);
    if (list) list.push(e);
    else out.set(e.source.id, [e]);
  }
  return out;
}

function cellState(found: Evidence[]): CellState {
  const has = (...rs: Evidence['relation'][]) => found.some((e) => rs.includes(e.relation));
  const agrees = has('agree', 'origin', 'retelling');
  if (agrees && has('conflict')) return 'both';
  if (agrees) return 'agree';
  if (has('conflict')) return 'conflict';
  if (has('disputed')) return 'disputed';
  if (has('close')) return 'close';
  return 'other';
}

function entry(e: Evidence): CellEntry {
  return { value: e.value, text: e.text, attribution: e.attribution, independent: e.independent };
}

/**
 * The annotation's sources by id, plus any source that only appears as evidence (described by the
 * evidence's reference; its words are then treated as a summary, never as a quotation). A source
 * that retells a stored copy of this very page (seed 002 retelling seed 000) is shown as
 * retelling the page.
 */
export function sourceMap(annotation: Annotation): Map<string, SourceSummary> {
  const copies = new Set(annotation.pageSourceIds ?? []);
  const byId = new Map<string, SourceSummary>(
    annotation.sources.map((s) => [s.id, s.derivedFrom && copies.has(s.derivedFrom) ? { ...s, derivedFrom: PAGE_COLUMN_ID } : s]),
  );
  for (const c of annotation.claims) {
    for (const e of allEvidence(c)) {
      if (!byId.has(e.source.id)) byId.set(e.source.id, { ...e.source, derivedFrom: null, origin: 'bundled', entities: [] });
    }
  }
  return byId;
}

/** Distinct origins among a claim's independent corroborating evidence. */
export function independentOriginsOf(claim: AnnotatedClaim, byId: ReadonlyMap<string, SourceSummary>): Set<string> {
  return new Set(claim.corroborating.filter((e) => e.independent).map((e) => originOf(e.source.id, byId)));
}

export function buildTable(annotation: Annotation, filters: TableFilters = NO_FILTERS, sort: SourceSort = 'date'): TableModel {
  const byId = sourceMap(annotation);
  const visible = filterClaims(annotation.claims, filters).sort((a, b) => a.claim.start - b.claim.start || a.index - b.index);
  const evidence = visible.map(({ claim }) => evidenceBySource(claim));

  // Only sources with something to say about a shown claim get a column: a narrow panel cannot
  // hold every article that merely names the same countries.
  const used = new Set<string>();
  for (const m of evidence) for (const id of m.keys()) used.add(id);

  const members = new Map<string, SourceSummary[]>();
  for (const id of used) {
    const origin = originOf(id, byId);
    const list = members.get(origin) ?? [];
    list.push(byId.get(id)!);
    members.set(origin, list);
  }
  const pageColumn: Column = { id: PAGE_COLUMN_ID, source: null, isPage: true, groupId: PAGE_COLUMN_ID, derivedFrom: annotation.pageDerivedFrom ?? null };
  const groups: ColumnGroup[] = [{ id: PAGE_COLUMN_ID, origin: null, columns: [pageColumn], retoldByPage: false }];
  const pageOrigin = annotation.pageDerivedFrom ? originOf(annotation.pageDerivedFrom, byId) : null;
  const sortKey = (originId: string, list: SourceSummary[]): SourceSummary =>
    byId.get(originId) ?? [...list].sort((a, b) => compareSources(a, b, sort))[0]!;
  // What the page retells sits next to it; the independent origins follow in the chosen order.
  const ordered = [...members.entries()].sort(
    ([ia, la], [ib, lb]) => Number(ib === pageOrigin) - Number(ia === pageOrigin) || compareSources(sortKey(ia, la), sortKey(ib, lb), sort),
  );
  for (const [originId, list] of ordered) {
    // The origin leads its group; its retellings follow in the chosen order.
    list.sort((a, b) => (a.id === originId ? -1 : b.id === originId ? 1 : compareSources(a, b, sort)));
    if (originId === PAGE_COLUMN_ID) {
      // Sources retelling this very page (a translation of it, say) sit in the page's own group.
      groups[0]!.columns.push(...list.map((s) => ({ id: s.id, source: s, isPage: false, groupId: PAGE_COLUMN_ID, derivedFrom: s.derivedFrom, ...(s.derivation ? { derivation: s.derivation } : {}) })));
      continue;
    }
    groups.push({
      id: originId,
      origin: byId.get(originId) ?? null,
      retoldByPage: originId === pageOrigin,
      columns: list.map((s) => ({
        id: s.id,
        source: s,
        isPage: false,
        groupId: originId,
        derivedFrom: s.derivedFrom,
        ...(s.derivation ? { derivation: s.derivation } : {}),
      })),
    });
  }
  const columns = groups.flatMap((g) => g.columns);

  const rows: Row[] = visible.map(({ claim, index }, i) => {
    const bySource = evidence[i]!;
    const cells = columns.map((col): Cell => {
      if (col.isPage) {
        return { columnId: col.id, state: 'page', entries: [{ value: claim.value, text: claim.sentence ?? claim.text, attribution: claim.attribution, independent: true }] };
      }
      const found = bySource.get(col.id);
      if (!found) return { columnId: col.id, state: 'none', entries: [] };
      return { columnId: col.id, state: cellState(found), entries: found.map(entry) };
    });
    return { index, claim, cells, independentOrigins: independentOriginsOf(claim, byId).size };
  });

  const independentOrigins = groups.filter((g) => g.id !== PAGE_COLUMN_ID && !g.retoldByPage).length;
  return { groups, columns, rows, totalClaims: annotation.claims.length, independentOrigins };
}

export interface EntityCount {
  id: EntityId;
  type: EntityType;
  name: string;
  count: number;
  /** Offsets of the first mention, for "reveal on page". */
  first: { start: number; end: number };
}

const TYPE_ORDER = { exercise: 0, country: 1, organization: 2 } as const;

/** The page's entities with how often each is mentioned: exercises first, then most mentioned. */
export function entityCounts(annotation: Pick<Annotation, 'mentions'>): EntityCount[] {
  const counts = new Map<EntityId, EntityCount>();
  for (const m of annotation.mentions) {
    const c = counts.get(m.id);
    if (c) {
      c.count++;
      if (m.start < c.first.start) c.first = { start: m.start, end: m.end };
    } else counts.set(m.id, { id: m.id, type: m.type, name: m.name, count: 1, first: { start: m.start, end: m.end } });
  }
  return [...counts.values()].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || b.count - a.count || a.name.localeCompare(b.name));
}

export interface ClaimSummary {
  total: number;
  byVerdict: Record<Verdict, number>;
  /** Distinct independent origins behind the corroborated claims. */
  independentOrigins: number;
}

export function summarizeClaims(annotation: Annotation): ClaimSummary {
  const byId = sourceMap(annotation);
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const origins = new Set<string>();
  for (const c of annotation.claims) {
    byVerdict[c.verdict]++;
    if (c.verdict === 'corroborated') for (const o of independentOriginsOf(c, byId)) origins.add(o);
  }
  return { total: annotation.claims.length, byVerdict, independentOrigins: origins.size };
}

/** "7 claims: 5 corroborated (2 independent sources), 1 conflicting, 1 unverified". */
export function summaryLine(s: ClaimSummary): string {
  if (s.total === 0) return t('summaryNoClaims');
  const parts: string[] = [];
  const n = s.byVerdict;
  if (n.corroborated) parts.push(tPlural('summaryCorroborated', n.corroborated, { sources: tPlural('independentSources', s.independentOrigins) }));
  if (n.conflicting) parts.push(tPlural('summaryConflicting', n.conflicting));
  if (n.mixed) parts.push(tPlural('summaryMixed', n.mixed));
  if (n.disputed) parts.push(tPlural('summaryDisputed', n.disputed));
  if (n['as-original']) parts.push(tPlural('summaryAsOriginal', n['as-original']));
  if (n['retold-only']) parts.push(tPlural('summaryRetoldOnly', n['retold-only']));
  if (n.close) parts.push(tPlural('summaryClose', n.close));
  if (n['other-figures']) parts.push(tPlural('summaryOtherFigures', n['other-figures']));
  if (n.unverified) parts.push(tPlural('summaryUnverified', n.unverified));
  return tPlural('summaryClaims', s.total, { details: parts.join(', ') });
}

export interface SourceRow {
  id: string;
  source: SourceSummary | null;
  title: string;
  outlet: string;
  published: string | null;
  url: string | null;
  isPage: boolean;
  /** Id of the origin it retells, null when it retells nothing shown. */
  retells: string | null;
  derivation?: string;
  /** Claims of the page this source speaks to. */
  claims: number;
  /** The earliest edition among the claims it speaks to; null when it speaks to none with a known edition. */
  edition: number | null;
}

/**
 * Every source of the annotation plus the page, page first. By 'date': by edition, then an
 * origin by date with its retellings right after it (an original and its retellings together);
 * by 'outlet': alphabetically.
 */
export function sourceRows(annotation: Annotation, sort: SourceSort = 'date'): SourceRow[] {
  const byId = sourceMap(annotation);
  const claimCount = new Map<string, number>();
  const editionOf = new Map<string, number>();
  for (const c of annotation.claims) {
    for (const id of new Set(allEvidence(c).map((e) => e.source.id))) {
      claimCount.set(id, (claimCount.get(id) ?? 0) + 1);
      if (c.edition !== null && c.edition < (editionOf.get(id) ?? Infinity)) editionOf.set(id, c.edition);
    }
  }
  const page: SourceRow = {
    id: PAGE_COLUMN_ID,
    source: null,
    title: annotation.title,
    outlet: t('thisPage'),
    published: annotation.published,
    url: annotation.url,
    isPage: true,
    retells: annotation.pageDerivedFrom ?? null,
    claims: annotation.claims.length,
    edition: null,
  };
  const originEdition = (id: string) => {
    const origin = originOf(id, byId);
    const group = [...byId.keys()].filter((k) => originOf(k, byId) === origin);
    return Math.min(...group.map((k) => editionOf.get(k) ?? Infinity));
  };
  const summary = (id: string): Pick<SourceSummary, 'id' | 'outlet' | 'published'> => byId.get(id) ?? { id, outlet: '', published: null };
  const byEditionAndOrigin = (a: SourceSummary, b: SourceSummary): number => {
    const oa = originOf(a.id, byId);
    const ob = originOf(b.id, byId);
    // The page's own retellings come first, right under the page.
    if (oa !== ob && (oa === PAGE_COLUMN_ID || ob === PAGE_COLUMN_ID)) return oa === PAGE_COLUMN_ID ? -1 : 1;
    if (oa !== ob) return originEdition(a.id) - originEdition(b.id) || compareSources(summary(oa), summary(ob), 'date');
    return Number(a.id !== oa) - Number(b.id !== ob) || compareSources(a, b, 'date');
  };
  const others = [...byId.values()]
    .sort(sort === 'date' ? (a, b) => byEditionAndOrigin(a, b) || 0 : (a, b) => compareSources(a, b, sort))
    .map(
      (s): SourceRow => ({
        id: s.id,
        source: s,
        title: s.title,
        outlet: s.outlet,
        published: s.published,
        url: s.url,
        isPage: false,
        retells: s.derivedFrom ? originOf(s.id, byId) : null,
        ...(s.derivation ? { derivation: s.derivation } : {}),
        claims: claimCount.get(s.id) ?? 0,
        edition: editionOf.get(s.id) ?? null,
      }),
    );
  return [page, ...others];
}

export interface TimelineEntry {
  date: string;
  /** 0..1 between the earliest and latest date. */
  position: number;
  sources: SourceRow[];
}

export interface Timeline {
  entries: TimelineEntry[];
  undated: SourceRow[];
}

function dayNumber(iso: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) / 86_400_000;
}

/** Sources (and the page) by publication day, earliest first, positioned on a linear scale. */
export function buildTimeline(annotation: Annotation): Timeline {
  const rows = sourceRows(annotation, 'date');
  const byDay = new Map<string, SourceRow[]>();
  const undated: SourceRow[] = [];
  for (const r of rows) {
    const day = r.published?.slice(0, 10);
    if (!day || dayNumber(day) === null) {
      undated.push(r);
      continue;
    }
    const list = byDay.get(day) ?? [];
    list.push(r);
    byDay.set(day, list);
  }
  const days = [...byDay.keys()].sort();
  const first = days.length ? dayNumber(days[0]!)! : 0;
  const last = days.length ? dayNumber(days[days.length - 1]!)! : 0;
  const width = last - first;
  return {
    entries: days.map((date) => ({ date, position: width > 0 ? (dayNumber(date)! - first) / width : 0, sources: byDay.get(date)! })),
    undated,
  };
}

export interface PageDigest {
  /** The exercises the page names, with their edition where the page makes it clear ("Zapad 2017"). */
  exercises: string[];
  claims: number;
  corroborated: number;
  /** Disputed figures, contradicted and mixed claims: what the badge counts. */
  disputed: number;
  /** No other source speaks to them, or only retellings of this page do. */
  unverified: number;
  /** As in the original, close or other figures: related, neither backed nor disputed. */
  other: number;
}

/** The page at a glance for the toolbar popup. */
export function pageDigest(annotation: Pick<Annotation, 'mentions' | 'claims'>): PageDigest {
  const editions = new Map<EntityId, Set<number>>();
  for (const c of annotation.claims) if (c.edition !== null) (editions.get(c.subject) ?? editions.set(c.subject, new Set()).get(c.subject)!).add(c.edition);
  for (const m of annotation.mentions) if (m.type === 'exercise' && m.edition) (editions.get(m.id) ?? editions.set(m.id, new Set()).get(m.id)!).add(m.edition);
  const names = new Map<EntityId, string>();
  for (const m of annotation.mentions) if (m.type === 'exercise' && !names.has(m.id)) names.set(m.id, m.name);
  for (const c of annotation.claims) if (!names.has(c.subject)) names.set(c.subject, c.subjectName);
  const exercises = [...names].flatMap(([id, name]) => {
    const years = [...(editions.get(id) ?? [])].sort();
    return years.length ? years.map((y) => `${name} ${y}`) : [name];
  });
  const count = (...vs: Verdict[]) => annotation.claims.filter((c) => vs.includes(c.verdict)).length;
  return {
    exercises,
    claims: annotation.claims.length,
    corroborated: count('corroborated'),
    disputed: count('disputed', 'conflicting', 'mixed'),
    unverified: count('unverified', 'retold-only'),
    other: count('as-original', 'close', 'other-figures'),
  };
}

/** "9 claims: 3 corroborated, 1 disputed or contradicted, 3 unverified, 2 other" (zero counts kept but "other"). */
export function digestLine(d: PageDigest): string {
  if (d.claims === 0) return t('digestNoClaims');
  const parts = [tPlural('digestCorroborated', d.corroborated), tPlural('digestDisputed', d.disputed), tPlural('digestUnverified', d.unverified)];
  if (d.other) parts.push(tPlural('digestOther', d.other));
  return tPlural('summaryClaims', d.claims, { details: parts.join(', ') });
}
