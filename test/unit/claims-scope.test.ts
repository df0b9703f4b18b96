/**
 * Patterns seen in real reporting that made parts look like totals, estimates look like conflicts and
 * other editions look like this one. Every sentence here is invented (synthetic outlets, our own words).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../lib/claims';
import { createDetector } from '../../lib/detect';
import type { Claim, Entity } from '../../lib/types';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const entities: Entity[] = ['countries', 'organizations', 'exercises'].flatMap((f) => JSON.parse(read(`seeds/entities/${f}.json`)) as Entity[]);
const byId = new Map(entities.map((e) => [e.id, e]));
const detector = createDetector(entities);

function claims(text: string, published: string | null = '2017-09-14'): Claim[] {
  return extractClaims({ text, published, sourceId: 'syn', mentions: detector.detect(text), entity: (id) => byId.get(id) });
}
const counts = (text: string, published?: string | null) =>
  claims(text, published).filter((c) => c.value.type === 'count').map((c) => ({ stated: (c.value as { stated: number[] }).stated, scope: c.scope ?? null, edition: c.edition, stance: c.stance ?? null, kind: c.kind }));

describe('scope of a figure', () => {
  it('"of whom 3,000 Russian": a contingent beside the total', () => {
    const r = counts('Zapad-2017 involves 12,700 troops, of whom 3,000 Russian, the Belarusian ministry said.');
    expect(r.map((c) => [c.stated[0], c.scope])).toEqual([[12700, null], [3000, { kind: 'contingent', of: 'country:RU' }]]);
  });
  it('"of which a mere 2,500 will be Russian": the belittled share is a contingent, and Russia takes part', () => {
    const text = 'Minsk says some 11,900 troops will join Zapad 2021, of which a mere 2,400 will be Russian.';
    const r = counts(text, '2021-09-01');
    expect(r.map((c) => [c.stated[0], c.scope])).toEqual([[11900, null], [2400, { kind: 'contingent', of: 'country:RU' }]]);
    expect(claims(text, '2021-09-01').some((c) => c.value.type === 'role' && c.value.entity === 'country:RU' && c.value.role === 'participant')).toBe(true);
  });
  it('"including 7,200 Belarusian and around 5,500 Russian troops": two contingents', () => {
    const r = counts('The Zapad-2017 drills involve up to 12,700 troops, including 7,200 Belarusian and around 5,500 Russian troops.');
    expect(r.map((c) => [c.stated[0], c.scope?.of ?? null])).toEqual([[12700, null], [7200, 'country:BY'], [5500, 'country:RU']]);
  });
  it('"troops on Russian territory" and "3,000 of them deployed to Belarus": territories', () => {
    expect(counts('Of the Zapad-2017 force, 5,500 troops will train on Russian territory.')[0]?.scope).toEqual({ kind: 'territory', of: 'country:RU' });
    const r = counts('Zapad-2017 involves 12,700 troops, with up to 3,000 of them deployed to Belarus.');
    expect(r[1]).toMatchObject({ stated: [3000], scope: { kind: 'territory', of: 'country:BY' } });
  });
  it('troops "in Norway" are all of Cold Response: Norway is its only host', () => {
    expect(counts('Cold Response 2022 brought 30,000 troops to Norway.', '2022-03-14')[0]?.scope).toBeNull();
  });
  it('a phase and a threshold are not totals', () => {
    expect(counts('The land phase of Zapad-2017 involved 7,000 soldiers.')[0]?.scope).toEqual({ kind: 'phase', label: 'land phase' });
    expect(counts('Zapad-2017 stays just below the Vienna Document threshold of 13,000 troops.')[0]?.scope).toMatchObject({ kind: 'threshold' });
  });
  it('a share of a list of other kinds is a part: "up to 10,000 vehicles, including 150 aircraft"', () => {
    const r = counts('Trident Juncture 2018 uses up to 10,000 vehicles, including 150 aircraft.', '2018-10-25');
    expect(r[1]).toMatchObject({ kind: 'aircraft', stated: [150], scope: { kind: 'contingent', label: 'part of a larger figure' } });
  });
  it('model numbers are not counts', () => {
    expect(counts('Zapad-2017 featured Su-24M bombers, S-400 batteries and Tu-22M3 aircraft.')).toEqual([]);
  });
  it('a hedge covers the list it opens', () => {
    const r = counts('Trident Juncture 2018 involves more than 250 aircraft, 65 ships and 10,000 vehicles.', '2018-10-25');
    expect(r.map((c) => c.stated[0])).toEqual([250, 65, 10000]);
    expect(claims('Trident Juncture 2018 involves more than 250 aircraft, 65 ships and 10,000 vehicles.', '2018-10-25').every((c) => c.value.type !== 'count' || c.value.hedge === 'more-than')).toBe(true);
  });
});

describe('edition and speaker of a figure', () => {
  it('a figure next to another edition\'s year belongs to that edition', () => {
    const r = counts('Zapad-2017 involves 12,700 troops, against 13,000 troops in 2009.');
    expect(r.map((c) => [c.stated[0], c.edition])).toEqual([[12700, 2017], [13000, 2009]]);
    // A year glued to the name: "Zapad2009, which involved only 200 vehicles".
    expect(counts('Zapad-2013 brings 350 vehicles, up from Zapad2009, which involved only 200 vehicles.', '2013-09-20').map((c) => [c.stated[0], c.edition])).toEqual([[350, 2013], [200, 2009]]);
  });
  it('an undated page uses the edition it names', () => {
    const r = claims('Ships from 25 nations sailed to Hawaii. RIMPAC 2018 brought together 46 ships, the organisers said.', null);
    expect(r.filter((c) => c.kind === 'vessels').map((c) => c.edition)).toEqual([2018]);
  });
  it('the organisers give the official figure; Western officials an estimate', () => {
    const r = counts('The Russian Defence Ministry said 12,700 troops would join Zapad-2017, while Western officials expect closer to 100,000.');
    expect(r.map((c) => [c.stated[0], c.stance])).toEqual([[12700, 'official'], [100000, 'estimate']]);
  });
  it('an outside body sizing the organisers\' exercise gives an estimate', () => {
    const r = counts('NATO said 60,000 to 70,000 troops took part in Zapad-2017.');
    expect(r[0]?.stance).toBe('estimate');
  });
});

describe('more patterns from real reporting (synthetic sentences)', () => {
  it('a sender\'s share: "China sent 900 combat vehicles and 30 aircraft"', () => {
    const r = counts('China sent 900 combat vehicles and 30 aircraft to Vostok-2018, the ministry said.', '2018-09-13');
    expect(r.map((c) => [c.stated[0], c.scope])).toEqual([[900, { kind: 'contingent', of: 'country:CN' }], [30, { kind: 'contingent', of: 'country:CN' }]]);
  });
  it('troops a country sends or deploys are its share, even a host\'s: a share is never set against the total', () => {
    expect(counts('Russia will be supplying 2,500 personnel to Zapad-2013, Belarus about 10,000.', '2013-09-20')[0]?.scope).toEqual({ kind: 'contingent', of: 'country:RU' });
    expect(counts('The United States will bring more than 6,000 personnel to participate in Cobra Gold 2023.', '2023-02-14')[0]?.scope).toEqual({ kind: 'contingent', of: 'country:US' });
  });
  it('"from its air force, army and navy": the speaker\'s own share', () => {
    expect(counts('The Swedish Armed Forces said about 4,500 personnel from its air force and navy would join Nordic Response 2024.', '2024-03-04')[0]?.scope).toEqual({ kind: 'contingent', of: 'country:SE' });
  });
  it('a named site, and one group of the force (a labelled share, compared only with the same group)', () => {
    expect(counts('Part of Talisman Sabre 2023 ran at Curtin Airbase near Derby, where some 3,000 troops were deployed.', '2023-07-30')[0]?.scope).toMatchObject({ kind: 'territory', label: 'Curtin Airbase' });
    expect(counts('Anakonda 2016 opened as roughly 2,000 paratroopers jumped over Poland.', '2016-06-07')[0]?.scope).toEqual({ kind: 'contingent', label: 'paratroopers' });
  });
  it('"from China, India and several other countries" is everyone, not China\'s contingent', () => {
    expect(counts('Vostok 2022 will involve more than 50,000 troops from China, India and several other countries.', '2022-08-29')[0]?.scope).toBeNull();
  });
  it('"26 allied countries" in a NATO exercise are the members among the nations; "the 31-nation alliance" is no count', () => {
    const r = counts('Cyber Coalition 2022 drew 1,000 defenders from 26 allied countries and six partners.', '2022-11-30');
    expect(r.find((c) => c.kind === 'nations')).toMatchObject({ stated: [26], scope: { kind: 'contingent', of: 'org:nato' } });
    expect(counts('Steadfast Defender 2024 rehearses how the 31-nation alliance would respond.', '2024-01-25').filter((c) => c.kind === 'nations')).toEqual([]);
  });
  it('nations that only describe politics are not the exercise\'s', () => {
    expect(counts('Cobra Gold 2023 reinforces the security ties of the United States and six Asian nations.', '2023-02-28').filter((c) => c.kind === 'nations')).toEqual([]);
  });
  it('a date inside an ISO timestamp is not a count', () => {
    expect(counts('2018-09-13 Chinese troops marched during Vostok 2018.', '2018-09-13')).toEqual([]);
  });
});

describe('editions and dates from context', () => {
  it('"Rim of the Pacific (RIMPAC) 2018": the year after a bracketed short name', () => {
    expect(claims('Rim of the Pacific (RIMPAC) 2018 brought together 46 ships.', null).find((c) => c.kind === 'vessels')?.edition).toBe(2018);
  });
  it('an undated page dates "from June 27 to Aug. 1" by the edition it names', () => {
    const d = claims('RIMPAC 2024 is due to run from June 27 to Aug. 1 around the Hawaiian Islands.', null).find((c) => c.kind === 'dates');
    expect(d?.value).toMatchObject({ start: '2024-06-27', end: '2024-08-01' });
  });
  it('a future-tense sentence after a recalled edition speaks of the coming one', () => {
    const r = claims('Zapad-2021 opens next week. In Zapad-2017 Russia used many troops. Russia will join forces with Belarusian troops.', '2021-09-03');
    expect(r.filter((c) => c.kind === 'role' && c.edition === 2017)).toEqual([]);
  });
  it('the date of another event is not the exercise\'s', () => {
    const r = claims('Vostok 2022 drills come as the war that began on 24 February 2022 goes on.', '2022-08-30');
    expect(r.filter((c) => c.kind === 'dates')).toEqual([]);
  });
  it('"the fourth time it was hosted by Estonia" is not the fourth edition; "held for the fifteenth time" is', () => {
    expect(claims('Cyber Coalition 2016 was the fourth time it was hosted by Estonia.', '2016-11-30').filter((c) => c.kind === 'edition')).toEqual([]);
    expect(claims('Cyber Coalition 2022 is being held for the fifteenth time.', '2022-11-30').find((c) => c.kind === 'edition')?.value).toEqual({ type: 'edition', ordinal: 15 });
  });
  it('a verb and its object before the day: "opened annual Cobra Gold exercises on Tuesday"', () => {
    const d = claims('Thai and U.S. officials opened annual Cobra Gold exercises on Tuesday.', '2023-02-28').find((c) => c.kind === 'dates');
    expect(d?.value).toMatchObject({ start: '2023-02-28' });
  });
});

describe('an article does not contradict itself', () => {
  it('two different totals of one kind for one edition are both tentative', () => {
    const r = claims('Zapad-2017 involves 12,700 troops. The Zapad-2017 drills involve 3,000 troops near Minsk, officials said.');
    expect(r.filter((c) => c.kind === 'participants').map((c) => c.tentative)).toEqual([true, true]);
  });
});

describe('who takes part', () => {
  it('lists announced as the participants, and officers from several countries', () => {
    const roles = (text: string, published = '2016-03-01') => claims(text, published).filter((c) => c.kind === 'role').map((c) => `${(c.value as { entity: string; role: string }).entity} ${(c.value as { role: string }).role}`);
    expect(roles('This year, the following nations participate in Cold Response 2016: Belgium, Canada and Norway.')).toEqual(['country:BE participant', 'country:CA participant', 'country:NO participant']);
    expect(roles('Trident Juncture 2015 has seven partner nations. Those partner nations are Austria, Finland and Sweden.', '2015-10-20')).toEqual(['country:AT partner', 'country:FI partner', 'country:SE partner']);
    expect(roles('RIMPAC 2024 will be under the command of officers from the United States, Canada and Chile.', '2024-06-20')).toEqual(['country:US participant', 'country:CA participant', 'country:CL participant']);
    expect(roles('RIMPAC 2024 starts soon. The other countries participating are Belgium, Brazil and Tonga.', '2024-06-20')).toEqual(['country:BE participant', 'country:BR participant', 'country:TO participant']);
    expect(roles('Forces from 17 nations took part in Pitch Black 2022, including the UK, India and Fiji.', '2022-08-20')).toEqual(['country:GB participant', 'country:IN participant', 'country:FJ participant']);
    expect(roles('Cyber Coalition 2023 participants included the newest ally Finland, Partner Nations Sweden and Japan.', '2023-12-01')).toEqual(['country:FI participant', 'country:SE partner', 'country:JP partner']);
    // Countries named as the object of politics are not participants.
    expect(roles('NATO countries are worried; allies including Poland and Lithuania watch Zapad-2017.', '2017-09-10')).toEqual([]);
  });
});

describe('subsets of the nations, and phases named as the subject', () => {
  const nations = (text: string, published: string) => claims(text, published).filter((c) => c.kind === 'nations' || c.kind === 'participants').map((c) => [c.kind, (c.value as { stated: number[] }).stated[0], c.scope ?? null]);
  it('"seven partner nations" is a subset; "170 participants from 35 allies" counts people', () => {
    expect(nations('Trident Juncture 2015 brings together 30 nations, including seven partner nations.', '2015-10-20')).toEqual([['nations', 30, null], ['nations', 7, { kind: 'contingent', label: 'partner nations' }]]);
    expect(nations('Cyber Coalition 2023 drew 170 participants from 35 allies.', '2023-12-01')[0]?.[0]).toBe('participants');
  });
  it('"The main exercise phase is from 2 to 9 March, and 15,000 soldiers from 14 nations participate"', () => {
    const r = nations('The main exercise phase of Cold Response 2016 is from 2 to 9 March, and approximately 15,000 soldiers from 14 nations participate.', '2016-02-20');
    expect(r).toEqual([['participants', 15000, { kind: 'phase', label: 'main exercise phase' }], ['nations', 14, { kind: 'phase', label: 'main exercise phase' }]]);
  });
});

describe('where it takes place', () => {
  const places = (text: string, published: string) => claims(text, published).filter((c) => c.kind === 'location').map((c) => (c.value as { country: string }).country);
  it('a list of host countries after one preposition', () => {
    expect(places('Saber Guardian 2017 will take place in Bulgaria, Hungary, and Romania.', '2017-07-01')).toEqual(['country:BG', 'country:HU', 'country:RO']);
    expect(places('Nordic Response 2024 drills run in the northern regions of Finland, Norway and Sweden.', '2024-03-04')).toEqual(['country:FI', 'country:NO', 'country:SE']);
  });
  it('"Russia\'s Kaliningrad Oblast" is a place in Russia; "Russia\'s war" is not a place', () => {
    expect(places('Zapad-2013 activity centres around Russia’s Kaliningrad Oblast.', '2013-09-20')).toEqual(['country:RU']);
    expect(places('The Zapad-2021 drills in Belarus come amid alarm about Russia’s war plans.', '2021-09-10')).toEqual(['country:BY']);
  });
  it('countries named as the object of politics are not the exercise\'s place', () => {
    expect(places('NATO called on Russia to open Zapad-2021 as alarm grows in Poland and Ukraine.', '2021-09-03')).toEqual([]);
  });
});

describe('dotted initials and mixed forces', () => {
  it('"3,800 U.S. troops" has its noun after the initials; two shares of one kind keep their own hedges', () => {
    const r = counts('More than 3,800 U.S. troops and 3,000 Thai personnel will take part in Cobra Gold 2023.', '2023-02-28');
    expect(r.map((c) => [c.stated[0], c.scope?.of])).toEqual([[3800, 'country:US'], [3000, 'country:TH']]);
    expect(claims('More than 3,800 U.S. troops and 3,000 Thai personnel will take part in Cobra Gold 2023.', '2023-02-28').filter((c) => c.kind === 'participants').map((c) => (c.value as { hedge: string }).hedge)).toEqual(['more-than', 'exact']);
  });
  it('"28,000 U.S., allied and partner troops" is everyone', () => {
    expect(counts('Around 28,000 U.S., allied and partner troops will join Trident Juncture 2018.', '2018-10-25')[0]).toMatchObject({ stated: [28000], scope: null });
  });
  it('a length said at the end of the sentence does not swallow the figures before it', () => {
    const r = claims('NATO kicked off Nordic Response 2024 on Monday when more than 20,000 soldiers from 13 nations take part in drills lasting nearly two weeks.', '2024-03-04');
    expect(r.filter((c) => c.kind === 'participants' || c.kind === 'nations').map((c) => (c.value as { stated: number[] }).stated[0])).toEqual([20000, 13]);
  });
});

describe('shares said after the fact', () => {
  it('"... 21 planes and three ships were sent by China" is China\'s share; "the remaining 8,000" is a part', () => {
    const r = counts('More than 2,000 soldiers, 21 planes and three ships were sent by China to Vostok 2022.', '2022-09-01');
    expect(r.map((c) => c.scope?.of)).toEqual(['country:CN', 'country:CN', 'country:CN']);
    const parts = counts('In Cold Response 2022, 14,000 of the approximately 30,000 soldiers are land troops, while the remaining 8,000 soldiers serve at sea.', '2022-03-14');
    // "14,000 of the ..." has no noun of its own and is left out; what is read is scoped right.
    expect(parts.map((c) => [c.stated[0], c.scope?.label ?? null])).toEqual([[30000, null], [8000, 'part of a larger figure']]);
  });
  it('the dates of a command-post exercise are a phase\'s', () => {
    const d = claims('Trident Juncture 2018 live training runs from 25 October to 7 November 2018. A command post exercise will be held 14–23 November 2018.', '2018-10-20').filter((c) => c.kind === 'dates');
    expect(d.map((c) => c.scope?.kind ?? 'total')).toEqual(['phase', 'phase']);
  });
});

describe('which exercise and edition a sentence speaks of', () => {
  it('"Started in 1972, BALTOPS is an annual exercise" is history, not the edition', () => {
    const r = claims('BALTOPS 2023 began on Sunday. Started in 1972, BALTOPS is an annual exercise. Participating nations include Belgium and Canada.', '2023-06-05');
    expect(r.filter((c) => c.kind === 'role').map((c) => c.edition)).toEqual([2023, 2023]);
  });
  it('"the first Sea Breeze exercise took place in 1997" is history too', () => {
    const r = claims('Sea Breeze 2021 opened in the Black Sea. The first Sea Breeze exercise took place in 1997. Participating nations include Albania and Brazil.', '2021-06-28');
    expect(r.filter((c) => c.kind === 'role').map((c) => c.edition)).toEqual([2021, 2021]);
  });
  it('"compared to last year\'s event, when roughly 2,000 participants..." dates that figure a year back', () => {
    const r = counts('Compared to last year’s event, when roughly 2,000 participants took part, the 2023 Locked Shields exercise had 3,000 participants.', '2023-04-28');
    expect(r.map((c) => [c.stated[0], c.edition])).toEqual([[2000, 2022], [3000, 2023]]);
  });
  it('"50,000 participants, including 10,000 vehicles" lists another kind, not a part of the people', () => {
    const r = counts('Trident Juncture 2018 has 50,000 participants from 31 nations, including 10,000 vehicles and 250 aircraft.', '2018-10-30');
    expect(r.find((c) => c.kind === 'vehicles')?.scope).toBeNull();
  });
  it('"the exercise" after a passing mention of another is the article\'s own', () => {
    const r = claims('BALTOPS 2023 ended on Friday. BALTOPS 2023 was led by the U.S. Navy. As in the case of Air Defender, Turkey took part. The exercise involved 50 ships.', '2023-06-20');
    expect(r.find((c) => c.kind === 'vessels')?.subject).toBe('ex:baltops');
  });
});

describe('spellings', () => {
  it('"the Tsentre exercise" is Tsentr', () => {
    expect(claims('About 128,000 soldiers will take part in the Tsentre exercise in 2019.', '2019-09-10')[0]?.subject).toBe('ex:tsentr');
  });
});

describe('nations of a part', () => {
  it('"Nineteen NATO nations" are the NATO members; "Twenty-three other countries" those besides the named; "chaplains from eight nations" one group', () => {
    const scopes = (text: string, published: string) => counts(text, published).filter((c) => c.kind === 'nations').map((c) => c.scope);
    expect(scopes('Nineteen NATO nations and one partner will participate in BALTOPS 23.', '2023-06-04')).toEqual([{ kind: 'contingent', of: 'org:nato' }]);
    expect(scopes('Singapore and Japan take part in Cobra Gold 2023; twenty-three other countries observe.', '2023-02-28')).toEqual([{ kind: 'contingent', label: 'other nations' }]);
    expect(scopes('At BALTOPS 23, sixteen chaplains from eight participating nations held services.', '2023-06-10')).toEqual([{ kind: 'contingent', label: 'nations of one group' }]);
  });
});
