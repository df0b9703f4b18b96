import { describe, expect, it } from 'vitest';
import { compareClaims } from '../../lib/claims';
import type { Claim, ClaimValue, CountValue, Source } from '../../lib/types';

// Synthetic outlets throughout.
const src = (id: string, outlet: string, extra: Partial<Source> = {}): Source => ({
  id, title: `${outlet} report`, outlet, published: '2018-10-27', language: 'en', url: null, origin: 'imported', set: 't', entities: [], ...extra,
});
const SOURCES = new Map<string, Source>([
  ['page', src('page', 'Harbor Ledger')],
  ['a', src('a', 'Northern Dispatch')],
  ['b', src('b', 'Granite Post')],
  ['copy-of-a', src('copy-of-a', 'Coastal Gazette', { derivedFrom: 'a', derivation: 'wire-copy' })],
  ['page-mirror', src('page-mirror', 'Harbor Ledger', { derivedFrom: 'page', derivation: 'same-article' })],
  ['c', src('c', 'Linden Courier')],
]);
let n = 0;
function claim(source: string, kind: Claim['kind'], value: ClaimValue, edition: number | null = 2018, extra: Partial<Claim> = {}): Claim {
  return { id: `c${n++}`, source, subject: 'ex:trident-juncture', edition, kind, value, sentence: `${source} sentence`, text: 'x', start: 0, end: 1, ...extra };
}
const count = (a: number, b: number | null, hedge: CountValue['hedge']): CountValue => ({ type: 'count', stated: b === null || b === a ? [a] : [a, b], hedge });
/**
 * A contradiction needs each figure reported by more than one origin: the other source's figure again by
 * 'b', the page's by 'c'. The verdict is then "mixed" (sources disagree among themselves).
 */
function contested(page: Claim, other: Claim): Claim[] {
  return [other, { ...other, id: `c${n++}`, source: 'b' }, { ...page, id: `c${n++}`, source: 'c' }];
}
function verdictOf(page: Claim, others: Claim[], derivation = new Map<string, string | null>()) {
  return compareClaims([page], others, SOURCES, { pageSourceId: 'page', derivation })[0]!;
}

describe('count tolerances', () => {
  it('150 aircraft against 250 aircraft, each reported twice, is a conflict that shows both values and sentences', () => {
    const page = claim('page', 'aircraft', count(150, 150, 'exact'), 2018, { sentence: 'Some 150 aircraft took part.' });
    const r = verdictOf(page, contested(page, claim('a', 'aircraft', count(250, 250, 'exact'), 2018, { sentence: 'The drills involve 250 aircraft.' })));
    expect(r.verdict).toBe('mixed');
    expect(r.value).toEqual(count(150, 150, 'exact'));
    expect(r.sentence).toBe('Some 150 aircraft took part.');
    expect(r.conflicting[0]).toMatchObject({ value: count(250, 250, 'exact'), text: 'The drills involve 250 aircraft.', source: { outlet: 'Northern Dispatch' } });
  });

  it.each([
    ['about 20 ~ roughly 20', count(20, 20, 'about'), count(20, 20, 'about'), 'corroborated'],
    ['about 20 ~ 20', count(20, 20, 'about'), count(20, 20, 'exact'), 'corroborated'],
    ['more than 30 ~ 30+', count(30, null, 'more-than'), count(30, null, 'at-least'), 'corroborated'],
    ['more than 30 ~ 33', count(30, null, 'more-than'), count(33, 33, 'exact'), 'corroborated'],
    ['more than 30 and 300: other figures', count(30, null, 'more-than'), count(300, 300, 'exact'), 'other-figures'],
    ['more than 30 vs 20, one account each: other figures', count(30, null, 'more-than'), count(20, 20, 'exact'), 'other-figures'],
    ['nearly 70 ~ 65', count(70, 70, 'almost'), count(65, 65, 'exact'), 'corroborated'],
    ['nearly 20 ~ 19', count(20, 20, 'almost'), count(19, 19, 'exact'), 'corroborated'],
    ['12,700 ~ fewer than 13,000', count(12700, 12700, 'exact'), count(13000, null, 'fewer-than'), 'corroborated'],
    ['12,700 and up to 100,000: other figures', count(12700, 12700, 'exact'), count(100000, null, 'up-to'), 'other-figures'],
    ['12,000 to 15,000 ~ 13,500', count(12000, 15000, 'range'), count(13500, 13500, 'exact'), 'corroborated'],
    // More than three times apart with no speaker on either side: an estimate or a part told without its label, far more
    // often than two accounts of one figure (real reporting: 12,700 beside 100,000 for Zapad 2017).
    ['tens of thousands vs 12,700: other figures', count(20000, 99999, 'words'), count(12700, 12700, 'exact'), 'other-figures'],
    ['12,700 vs 100,000, no speakers: other figures', count(12700, 12700, 'up-to'), count(100000, 100000, 'about'), 'other-figures'],
    ['150 vs 250, one account each: other figures', count(150, 150, 'about'), count(250, 250, 'exact'), 'other-figures'],
    ['about 70,000 ~ 72,000', count(70000, 70000, 'about'), count(72000, 72000, 'exact'), 'corroborated'],
    ['about 130 and 150: close, not the same', count(130, 130, 'about'), count(150, 150, 'exact'), 'close'],
    ['45,000 and about 50,000: close, not the same', count(45000, 45000, 'exact'), count(50000, 50000, 'about'), 'close'],
    ['almost 1,000 ~ roughly 900', count(1000, 1000, 'almost'), count(900, 900, 'about'), 'corroborated'],
    ['12,700 ~ 12,680 (rounding)', count(12700, 12700, 'exact'), count(12680, 12680, 'exact'), 'corroborated'],
    ['12,700 vs 12,600', count(12700, 12700, 'exact'), count(12600, 12600, 'exact'), 'close'],
    ['30 vs 31 nations', count(30, 30, 'exact'), count(31, 31, 'exact'), 'close'],
    ['50,000 vs 30,000, one account each: other figures', count(50000, 50000, 'exact'), count(30000, 30000, 'exact'), 'other-figures'],
  ])('%s', (_, a, b, verdict) => {
    expect(verdictOf(claim('page', 'participants', a), [claim('a', 'participants', b)]).verdict).toBe(verdict);
  });

  it.each([
    ['more than 30 vs 20', count(30, null, 'more-than'), count(20, 20, 'exact')],
    ['150 vs 250', count(150, 150, 'about'), count(250, 250, 'exact')],
    ['50,000 vs 30,000', count(50000, 50000, 'exact'), count(30000, 30000, 'exact')],
  ])('%s, each figure from two origins: a conflict', (_, a, b) => {
    const page = claim('page', 'participants', a);
    const r = verdictOf(page, contested(page, claim('a', 'participants', b)));
    expect(r.verdict).toBe('mixed');
    expect(r.conflicting.map((e) => e.source.id).sort()).toEqual(['a', 'b']);
  });

  it('a figure no other origin gives is not sure enough to contradict anyone (real reporting: a misread or unlabelled part)', () => {
    const page = claim('page', 'participants', count(9000, 9000, 'exact'));
    // Two sources agree with each other on 12,700; the page alone says 9,000.
    const r = verdictOf(page, [claim('a', 'participants', count(12700, 12700, 'exact')), claim('b', 'participants', count(12700, 12700, 'exact'))]);
    expect(r.verdict).toBe('other-figures');
    expect(r.conflicting).toEqual([]);
    expect(r.other.map((e) => e.relation)).toEqual(['other', 'other']);
    // The page's figure seconded by an origin, but the other figure given once: still not a conflict.
    const once = verdictOf(page, [claim('a', 'participants', count(12700, 12700, 'exact')), claim('c', 'participants', count(9000, 9000, 'exact'))]);
    expect(once.conflicting).toEqual([]);
    expect(once.verdict).toBe('corroborated');
    // A copy of the other source is not a second origin for its figure.
    const copied = verdictOf(page, [claim('a', 'participants', count(12700, 12700, 'exact')), claim('copy-of-a', 'participants', count(12700, 12700, 'exact')), claim('c', 'participants', count(9000, 9000, 'exact'))]);
    expect(copied.conflicting).toEqual([]);
  });

  it('a contingent is compared with the same contingent; beside a total it is not compared, larger than it is a conflict', () => {
    const japan = { scope: { kind: 'contingent' as const, of: 'country:JP' } };
    const japanese = claim('page', 'participants', count(20, 20, 'about'), 2018, japan);
    expect(verdictOf(japanese, [claim('a', 'participants', count(1000, 1000, 'exact'))]).verdict).toBe('unverified');
    expect(verdictOf(japanese, [claim('a', 'participants', count(20, 20, 'exact'))]).verdict).toBe('unverified');
    expect(verdictOf(japanese, [claim('a', 'participants', count(20, 20, 'exact'), 2018, japan)]).verdict).toBe('corroborated');
    expect(verdictOf(japanese, contested(japanese, claim('a', 'participants', count(10, 10, 'exact')))).verdict).toBe('mixed');
    const russian = claim('page', 'participants', count(3000, 3000, 'exact'), 2018, { scope: { kind: 'contingent', of: 'country:RU' } });
    expect(verdictOf(russian, [claim('a', 'participants', count(12700, 12700, 'exact'))]).verdict).toBe('unverified');
  });

  it('territories, phases and thresholds are compared only with their own kind', () => {
    const onRussian = claim('page', 'participants', count(5500, 5500, 'exact'), 2018, { scope: { kind: 'territory', of: 'country:RU' } });
    expect(verdictOf(onRussian, [claim('a', 'participants', count(12700, 12700, 'exact'))]).verdict).toBe('unverified');
    const land = claim('page', 'participants', count(7000, 7000, 'exact'), 2018, { scope: { kind: 'phase', label: 'land phase' } });
    expect(verdictOf(land, [claim('a', 'participants', count(12700, 12700, 'exact'))]).verdict).toBe('unverified');
    expect(verdictOf(land, contested(land, claim('a', 'participants', count(9000, 9000, 'exact'), 2018, { scope: { kind: 'phase', label: 'land phase' } }))).verdict).toBe('mixed');
    const threshold = claim('page', 'participants', count(13000, 13000, 'exact'), 2018, { scope: { kind: 'threshold', label: 'Vienna Document threshold' } });
    expect(verdictOf(threshold, [claim('a', 'participants', count(12700, 12700, 'exact'))]).verdict).toBe('unverified');
  });

  it('an official figure and an estimate by others are a disputed figure, not a conflict', () => {
    const official = claim('page', 'participants', count(12700, 12700, 'exact'), 2018, { attribution: 'the Russian Defence Ministry said', stance: 'official' });
    const estimate = claim('b', 'participants', count(100000, 100000, 'exact'), 2018, { attribution: 'Western officials estimated', stance: 'estimate' });
    const r = verdictOf(official, [claim('a', 'participants', count(12700, 12700, 'exact')), estimate]);
    expect(r.verdict).toBe('disputed');
    expect(r.conflicting).toEqual([]);
    expect(r.other).toMatchObject([{ relation: 'disputed', attribution: 'Western officials estimated', stance: 'estimate' }]);
    expect(r.origins).toBe(1);
  });

  it('an unknown edition is never compared', () => {
    expect(verdictOf(claim('page', 'participants', count(50, 50, 'exact'), null), [claim('a', 'participants', count(90, 90, 'exact'), null)]).verdict).toBe('unverified');
  });

  it('mixed when sources disagree among themselves', () => {
    const r = verdictOf(claim('page', 'participants', count(12700, 12700, 'exact')), [
      claim('a', 'participants', count(12700, 12700, 'exact')),
      claim('b', 'participants', count(30000, 30000, 'exact')),
      claim('c', 'participants', count(30000, 30000, 'exact')),
    ]);
    expect(r.verdict).toBe('mixed');
  });
});

describe('editions', () => {
  it('never compares different editions', () => {
    const three = claim('page', 'dates', { type: 'dates', start: null, end: null, durationDays: 3, precision: 'day' }, 2016);
    const five = claim('a', 'dates', { type: 'dates', start: '2019-12-02', end: '2019-12-06', durationDays: 5, precision: 'day' }, 2019);
    const r = verdictOf(three, [five]);
    expect(r.verdict).toBe('unverified');
    expect(r.corroborating.length + r.conflicting.length).toBe(0);
  });
  it('compares ordinal editions', () => {
    const twelfth = claim('page', 'edition', { type: 'edition', ordinal: 12 });
    expect(verdictOf(twelfth, contested(twelfth, claim('a', 'edition', { type: 'edition', ordinal: 11 }))).verdict).toBe('mixed');
  });
});

describe('dates, places and roles', () => {
  const dates = (start: string | null, end: string | null, precision: 'day' | 'month' = 'day', durationDays?: number): ClaimValue =>
    ({ type: 'dates', start, end, precision, ...(durationDays ? { durationDays } : {}) });
  it.each([
    ['same end', dates(null, '2019-12-06'), dates('2019-12-02', '2019-12-06'), 'corroborated'],
    ['a day within its month', dates('2017-09', '2017-09', 'month'), dates('2017-09-14', '2017-09-20'), 'corroborated'],
    ['a day apart: close', dates('2017-09-14', null), dates('2017-09-15', null), 'close'],
    ['different start', dates('2017-09-14', null), dates('2017-09-18', null), 'mixed'],
    ['duration from the span', dates(null, null, 'day', 5), dates('2019-12-02', '2019-12-06'), 'corroborated'],
    ['three days vs five', dates(null, null, 'day', 3), dates('2019-12-02', '2019-12-06'), 'mixed'],
    ['a start after the run ended', dates('2017-09-25', null), dates('2017-09-14', '2017-09-20'), 'mixed'],
  ])('%s', (_, a, b, verdict) => {
    const page = claim('page', 'dates', a);
    const other = claim('a', 'dates', b);
    expect(verdictOf(page, verdict === 'mixed' ? contested(page, other) : [other]).verdict).toBe(verdict);
  });

  // Real reporting: "began on 14 September" beside "18-20 September" (the active phase, unlabelled).
  it.each([
    ['a start before a later run', dates('2017-09-14', null), dates('2017-09-18', '2017-09-20')],
    ['a start inside a run', dates('2017-09-16', null), dates('2017-09-14', '2017-09-20')],
  ])('%s is another figure, not a contradiction', (_, a, b) => {
    const page = claim('page', 'dates', a);
    const r = verdictOf(page, contested(page, claim('a', 'dates', b)));
    expect(r.conflicting).toEqual([]);
    expect(r.other.map((e) => e.source.id).sort()).toEqual(['a', 'b']);
    expect(verdictOf(claim('page', 'dates', b), [claim('a', 'dates', a)]).verdict).toBe('other-figures');
  });

  it('a city inside the stated country corroborates; another host country is not a contradiction', () => {
    const tartu = claim('page', 'location', { type: 'location', country: 'country:EE', city: 'Tartu' });
    expect(verdictOf(tartu, [claim('a', 'location', { type: 'location', country: 'country:EE' })]).verdict).toBe('corroborated');
    expect(verdictOf(tartu, [claim('a', 'location', { type: 'location', country: 'country:LV' })]).verdict).toBe('other-figures');
    const both = [claim('a', 'location', { type: 'location', country: 'country:LV' }), claim('a', 'location', { type: 'location', country: 'country:EE' })];
    expect(verdictOf(tartu, both).verdict).toBe('corroborated');
  });

  it('observer 2015-2018 corroborates itself; observer and participant in the same year conflict', () => {
    const obs = (from: number, to: number) => claim('page', 'role', { type: 'role', entity: 'country:JP', role: 'observer', from, to }, from === to ? from : null);
    expect(verdictOf(obs(2015, 2018), [claim('a', 'role', { type: 'role', entity: 'country:JP', role: 'observer', from: 2015, to: 2018 }, null)]).verdict).toBe('corroborated');
    expect(verdictOf(obs(2019, 2019), contested(obs(2019, 2019), claim('a', 'role', { type: 'role', entity: 'country:JP', role: 'participant' }, 2019))).verdict).toBe('mixed');
    expect(verdictOf(obs(2019, 2019), [claim('a', 'role', { type: 'role', entity: 'country:US', role: 'participant' }, 2019)]).verdict).toBe('unverified');
  });
});

describe('independence', () => {
  const page = () => claim('page', 'participants', count(50000, 50000, 'exact'));
  const agree = (source: string, attribution: string | null = null) => claim(source, 'participants', count(50000, 50000, 'exact'), 2018, { attribution });

  it('counts a source and its wire copy as one independent origin', () => {
    const r = verdictOf(page(), [agree('copy-of-a'), agree('a')]);
    expect(r.corroborating.map((e) => [e.source.id, e.independent])).toEqual([['a', true], ['copy-of-a', false]]);
  });
  it('a retelling of the page backs nothing; the page\'s own origin is "as in the original"', () => {
    const retold = verdictOf(page(), [agree('b')], new Map([['b', 'page']]));
    expect(retold).toMatchObject({ verdict: 'retold-only', origins: 0, corroborating: [{ relation: 'retelling', independent: false }] });
    const original = verdictOf(page(), [agree('a')], new Map([['page', 'a']]));
    expect(original).toMatchObject({ verdict: 'as-original', origins: 0, corroborating: [{ relation: 'origin', independent: false }] });
    // A sibling retelling of the same original is no more independent than the original.
    const sibling = verdictOf(page(), [agree('copy-of-a')], new Map([['page', 'a']]));
    expect(sibling.verdict).toBe('as-original');
    expect(verdictOf(page(), [agree('a'), agree('b')], new Map([['page', 'a']]))).toMatchObject({ verdict: 'corroborated', origins: 1 });
  });
  it('a page never corroborates itself, nor its same-article mirror', () => {
    expect(verdictOf(page(), [agree('page'), agree('page-mirror')]).verdict).toBe('unverified');
  });
  it('two sources quoting the same original speaker are one origin', () => {
    const r = verdictOf(page(), [agree('a', 'the Russian Defence Ministry said'), agree('b', "Russia's Defense Ministry said")]);
    expect(r.corroborating.filter((e) => e.independent)).toHaveLength(1);
    const quoted = verdictOf({ ...page(), attribution: 'the Russian Defense Ministry said' }, [agree('a', 'Russian Defence Ministry'), agree('b', 'the Russian Defense Ministry')]);
    expect(quoted.origins).toBe(1);
  });
  it('handles curated claims without offsets', () => {
    const curated: Claim = { id: 'k', source: 'page', subject: 'ex:zapad', edition: 2017, kind: 'participants', value: count(12700, 12700, 'exact'), sentence: 'Russia put the total at 12,700 troops.' };
    const r = compareClaims([curated], [], SOURCES, { pageSourceId: 'page', derivation: new Map() })[0]!;
    expect(r).toMatchObject({ text: 'Russia put the total at 12,700 troops.', start: 0, end: 0, subjectName: 'Zapad', verdict: 'unverified' });
  });
});

describe('consistency before contradiction', () => {
  it('a source that agrees with the page on a figure does not contradict it with another of the same kind', () => {
    const r = verdictOf(claim('page', 'participants', count(12700, 12700, 'exact')), [
      claim('a', 'participants', count(12700, 12700, 'exact')),
      claim('a', 'participants', count(3000, 3000, 'exact')),
    ]);
    expect(r.verdict).toBe('corroborated');
    expect(r.conflicting).toEqual([]);
    expect(r.other.map((e) => e.relation)).toEqual(['other']);
  });
  it('a tentative claim (read from context) is never a conflict, only other figures', () => {
    const r = verdictOf(claim('page', 'aircraft', count(150, 150, 'exact')), [claim('a', 'aircraft', count(250, 250, 'exact'), 2018, { tentative: true })]);
    expect(r.verdict).toBe('other-figures');
  });
  it('the dates of a phase are not compared with the exercise\'s dates', () => {
    const main = claim('page', 'dates', { type: 'dates', start: '2021-09-10', end: null, precision: 'day' }, 2018, { scope: { kind: 'phase', label: 'main phase' } });
    expect(verdictOf(main, [claim('a', 'dates', { type: 'dates', start: '2021-09-09', end: '2021-09-16', precision: 'day' })]).verdict).toBe('unverified');
  });
});
