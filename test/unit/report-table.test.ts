import { describe, expect, it } from 'vitest';
import {
  buildTable,
  buildTimeline,
  entityCounts,
  originOf,
  sourceRows,
  summarizeClaims,
  summaryLine,
} from '../../lib/report/table';
import { fixtureAnnotation } from './report-fixture';

describe('buildTable', () => {
  it('puts the page first and groups retellings under the source they retell', () => {
    const t = buildTable(fixtureAnnotation());
    expect(t.columns[0]!.isPage).toBe(true);
    // ERR (1 Dec) and Reuters (2 Dec) are the two independent origins; AFP and Le Monde retell Reuters.
    expect(t.groups.map((g) => g.id)).toEqual(['page', 'imp:err', 'imp:reuters']);
    expect(t.groups[2]!.columns.map((c) => c.id)).toEqual(['imp:reuters', 'imp:afp-fr', 'imp:lemonde']);
    // A source that shares only a country and says nothing about a claim gets no column.
    expect(t.columns.some((c) => c.id === 'imp:other')).toBe(false);
  });

  it('orders rows by position on the page and fills each cell with its relation', () => {
    const t = buildTable(fixtureAnnotation());
    expect(t.rows.map((r) => r.claim.kind)).toEqual(['dates', 'participants', 'location', 'role']);
    const participants = t.rows[1]!;
    const states = Object.fromEntries(participants.cells.map((c) => [c.columnId, c.state]));
    expect(states).toEqual({ page: 'page', 'imp:err': 'agree', 'imp:reuters': 'agree', 'imp:afp-fr': 'agree', 'imp:lemonde': 'none' });
    expect(participants.independentOrigins).toBe(2);
    const dates = t.rows[0]!;
    expect(dates.cells.find((c) => c.columnId === 'imp:lemonde')).toMatchObject({ state: 'conflict', entries: [{ text: 'du 25 au 29 novembre' }] });
  });

  it('sorts origins by outlet when asked, the page staying first', () => {
    const a = fixtureAnnotation();
    a.sources = a.sources.map((s) => (s.id === 'imp:err' ? { ...s, outlet: 'Yle' } : s));
    expect(buildTable(a, undefined, 'date').groups.map((g) => g.id)).toEqual(['page', 'imp:err', 'imp:reuters']);
    expect(buildTable(a, undefined, 'outlet').groups.map((g) => g.id)).toEqual(['page', 'imp:reuters', 'imp:err']);
  });

  it('filters by entity, kind and verdict, and drops columns with nothing to show', () => {
    const a = fixtureAnnotation();
    expect(buildTable(a, { entity: 'country:JP', kind: null, verdict: null }).rows.map((r) => r.claim.kind)).toEqual(['role']);
    expect(buildTable(a, { entity: 'country:EE', kind: null, verdict: null }).rows.map((r) => r.claim.kind)).toEqual(['location']);
    const conflicting = buildTable(a, { entity: null, kind: null, verdict: 'conflicting' });
    expect(conflicting.rows).toHaveLength(1);
    // Le Monde keeps its place under Reuters even when Reuters itself has no cell to show.
    expect(conflicting.columns.map((c) => c.id)).toEqual(['page', 'imp:lemonde']);
    expect(conflicting.groups.map((g) => [g.id, g.origin?.outlet])).toEqual([['page', undefined], ['imp:reuters', 'Reuters']]);
    expect(conflicting.totalClaims).toBe(4);
    expect(buildTable(a, { entity: null, kind: 'vessels', verdict: null }).rows).toEqual([]);
  });
});

describe('originOf', () => {
  it('follows chains and stops on cycles', () => {
    const m = new Map([
      ['a', { derivedFrom: 'b' }],
      ['b', { derivedFrom: 'a' }],
      ['c', { derivedFrom: 'missing' }],
    ]);
    expect(originOf('a', m)).toBe('b');
    expect(originOf('c', m)).toBe('missing');
  });
});

describe('summary and overview', () => {
  it('counts verdicts and independent origins', () => {
    const s = summarizeClaims(fixtureAnnotation());
    expect(s).toMatchObject({ total: 4, byVerdict: { corroborated: 2, conflicting: 1, unverified: 1, mixed: 0 }, independentOrigins: 2 });
    expect(summaryLine(s)).toBe('4 claims: 2 corroborated (2 independent sources), 1 conflicting, 1 unverified');
  });

  it('counts entity mentions, exercises first', () => {
    expect(entityCounts(fixtureAnnotation()).map((e) => [e.name, e.count, e.first.start])).toEqual([
      ['Cyber Coalition', 2, 10],
      ['Estonia', 1, 80],
      ['NATO', 1, 0],
    ]);
  });
});

describe('sources and timeline', () => {
  it('lists the page first, then sources by date or outlet, with what they retell', () => {
    const byDate = sourceRows(fixtureAnnotation(), 'date');
    expect(byDate.map((r) => r.id)).toEqual(['page', 'imp:err', 'imp:reuters', 'imp:afp-fr', 'imp:lemonde', 'imp:other']);
    expect(byDate.find((r) => r.id === 'imp:lemonde')!.retells).toBe('imp:reuters');
    expect(sourceRows(fixtureAnnotation(), 'outlet').map((r) => r.outlet)).toEqual(['This page', 'AFP (French)', 'ERR', 'Le Monde', 'Postimees', 'Reuters']);
  });

  it('places sources on a day scale and keeps undated ones apart', () => {
    const t = buildTimeline(fixtureAnnotation());
    expect(t.entries.map((e) => [e.date, e.position])).toEqual([
      ['2019-12-01', 0],
      ['2019-12-02', 0.25],
      ['2019-12-03', 0.5],
      ['2019-12-04', 0.75],
      ['2019-12-05', 1],
    ]);
    expect(t.entries[3]!.sources[0]!.isPage).toBe(true);
    expect(t.undated.map((r) => r.id)).toEqual(['imp:other']);
  });
});

describe('a page that retells a source', () => {
  it('puts that origin next to the page and does not count it as independent', () => {
    const a = { ...fixtureAnnotation(), pageDerivedFrom: 'imp:afp-fr' };
    const t = buildTable(a);
    expect(t.groups.map((g) => [g.id, g.retoldByPage])).toEqual([
      ['page', false],
      ['imp:reuters', true],
      ['imp:err', false],
    ]);
    expect(t.independentOrigins).toBe(1);
    expect(t.columns[0]!.derivedFrom).toBe('imp:afp-fr');
  });
});

describe('evidence of every relation', () => {
  it('gives disputed, close and other figures a column and a cell of their own', () => {
    const a = fixtureAnnotation();
    const participants = a.claims.find((c) => c.kind === 'participants')!;
    participants.other = [
      { source: { id: 'imp:other', title: 'Estonia budget', outlet: 'Postimees', published: null, url: null }, value: { type: 'count', stated: [3000], hedge: 'exact' }, text: 'x', relation: 'disputed', independent: false },
      { source: { id: 'only:evidence', title: 'Not in sources', outlet: 'Side Note', published: null, url: null }, value: { type: 'count', stated: [28], hedge: 'exact' }, text: 'y', relation: 'close', independent: false },
    ];
    const row = buildTable(a).rows.find((r) => r.claim === participants)!;
    const states = Object.fromEntries(row.cells.map((c) => [c.columnId, c.state]));
    expect(states).toMatchObject({ 'imp:other': 'disputed', 'only:evidence': 'close' });
    expect(sourceRows(a).find((r) => r.id === 'only:evidence')).toMatchObject({ outlet: 'Side Note', claims: 1 });
  });
});

describe('sources by edition, then date, each origin with its retellings', () => {
  it('puts the page’s retellings under the page, then origins by edition with their retellings after them', () => {
    const a = fixtureAnnotation();
    const src = (id: string, published: string | null, derivedFrom: string | null = null) => ({ id, title: id, outlet: id, published, url: null, derivedFrom, origin: 'imported' as const, entities: [] });
    const ev = (id: string) => ({ source: { id, title: id, outlet: id, published: null, url: null }, value: { type: 'count' as const, stated: [1], hedge: 'exact' as const }, text: 't', relation: 'agree' as const, independent: true });
    a.sources = [src('late-2019', '2019-12-09'), src('early-2018', '2018-11-30'), src('copy-2018', '2018-11-01', 'early-2018'), src('retells-page', '2019-12-10', 'page'), src('no-claim', '2017-01-01')];
    a.claims = [
      { ...a.claims[0]!, edition: 2019, corroborating: [ev('late-2019')], conflicting: [], other: [] },
      { ...a.claims[0]!, edition: 2018, corroborating: [ev('early-2018'), ev('copy-2018')], conflicting: [], other: [] },
    ];
    const rows = sourceRows(a, 'date');
    expect(rows.map((r) => r.id)).toEqual(['page', 'retells-page', 'early-2018', 'copy-2018', 'late-2019', 'no-claim']);
    expect(rows.map((r) => r.edition)).toEqual([null, null, 2018, 2018, 2019, null]);
  });
});
