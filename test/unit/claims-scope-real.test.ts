/**
 * Whose share a figure is, and of which edition, on patterns seen in real English reporting (6 December):
 * a country deploying troops to the host's territory, "has sent out", "to send" in a headline, shares given
 * "respectively", "personnel are participating from India", "foreign troops", a kind of personnel named
 * first in a list of kinds, and a figure compared with last year's. Every sentence is our own; outlets
 * are invented.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../lib/types';
import { seedClaims as claims } from './seed-claims';

/** The roles a text gives, as "entity role", sorted. */
const roles = (text: string, pub: string): string[] =>
  claims(text, pub).flatMap((c) => (c.value.type === 'role' ? [`${c.value.entity} ${c.value.role}`] : [])).sort();

const count = (cs: Claim[], n: number) => {
  const c = cs.find((x) => x.value.type === 'count' && x.value.stated[0] === n);
  return c ? { kind: c.kind, edition: c.edition, scope: c.scope ?? null } : null;
};

describe('a country\'s share of an exercise', () => {
  it('a country deploying troops to another country for its drills sends a contingent', () => {
    const text = 'The United States is deploying about 6,500 troops to the Philippines for this spring\'s Balikatan drills, the Harbour Ledger said.';
    expect(count(claims(text, '2024-04-02'), 6500)).toMatchObject({ scope: { kind: 'contingent', of: 'country:US' } });
  });

  it('"has sent out", and shares given "respectively"', () => {
    const text = 'For the Peace Mission drill, Russia has sent out 150 soldiers, with China and India 600 and 180 soldiers respectively.';
    const cs = claims(text, '2018-08-24');
    expect(count(cs, 150)).toMatchObject({ scope: { kind: 'contingent', of: 'country:RU' } });
    expect(count(cs, 600)).toMatchObject({ scope: { kind: 'contingent', of: 'country:CN' } });
    expect(count(cs, 180)).toMatchObject({ scope: { kind: 'contingent', of: 'country:IN' } });
  });

  it('"personnel are participating from India"', () => {
    const text = 'Peace Mission 2018 opened in Chebarkul. Meanwhile, 180 personnel are participating from India.';
    expect(count(claims(text, '2018-08-24'), 180)).toMatchObject({ scope: { kind: 'contingent', of: 'country:IN' } });
  });

  it('a headline\'s "to send"', () => {
    const text = 'Russia to Send 300 Troops for Indra-2015 Drills in India';
    expect(count(claims(text, '2015-11-20'), 300)).toMatchObject({ scope: { kind: 'contingent', of: 'country:RU' } });
  });

  it('"foreign troops" are the guests\' share, not the whole exercise', () => {
    const text = 'No more than 900 foreign troops will take part in Kavkaz-2020, the Steppe Courier was told.';
    expect(count(claims(text, '2020-09-01'), 900)).toMatchObject({ scope: { kind: 'contingent' } });
  });
});

describe('kinds of personnel', () => {
  it('reservists named first in a list of every kind are the whole exercise', () => {
    const text = 'More than 12,000 reservists, volunteers, conscripts and allied soldiers took part in Siil 2018.';
    expect(count(claims(text, '2018-05-20'), 12000)).toMatchObject({ scope: null });
  });

  it('reservists alone are one group of those taking part', () => {
    const text = 'Some 6,000 reservists will take part in Siil 2022, the Baltic Ledger said.';
    expect(count(claims(text, '2022-05-16'), 6000)).toMatchObject({ scope: { kind: 'contingent', label: 'reservists' } });
  });
});

describe('a figure compared with last year\'s', () => {
  it('"matching last year\'s levels" keeps the figure in this year\'s edition', () => {
    const text = 'Ulchi Freedom Shield runs until 29 August, involving about 17,000 South Korean troops, matching last year\'s participation levels.';
    const cs = claims(text, '2025-08-18');
    expect(count(cs, 17000)).toMatchObject({ edition: 2025 });
    expect(cs.find((c) => c.kind === 'dates')?.edition).toBe(2025);
  });
});

describe('counts of nations', () => {
  it('"from 19 NATO Allies and partners" is every nation taking part', () => {
    const text = 'Saber Strike 2018 brought together about 16,000 troops from 19 NATO Allies and partners.';
    expect(count(claims(text, '2018-06-05'), 19)).toMatchObject({ kind: 'nations', scope: null });
  });

  it('"all eight SCO member nations" in the SCO\'s own exercise is every nation', () => {
    const text = 'Contingents of all eight SCO member nations are taking part in Peace Mission 2018.';
    expect(count(claims(text, '2018-08-24'), 8)).toMatchObject({ kind: 'nations', scope: null });
  });

  it('"26 allied countries and six partners" stays the allies\' share', () => {
    const text = 'Cyber Coalition 2022 drew 1,000 defenders from 26 allied countries and six partners.';
    expect(count(claims(text, '2022-11-30'), 26)).toMatchObject({ kind: 'nations', scope: { kind: 'contingent', of: 'org:nato' } });
  });
});

describe('labelled shares compare only when they name the same group', () => {
  it('reservists with reservists; never two unnamed shares', async () => {
    const { sameScope } = await import('../../lib/claims/compare');
    expect(sameScope({ kind: 'contingent', label: 'reservists' }, { kind: 'contingent', label: 'reservists' })).toBe(true);
    expect(sameScope({ kind: 'contingent', label: 'reservists' }, { kind: 'contingent', label: 'conscripts' })).toBe(false);
    expect(sameScope({ kind: 'contingent', label: 'nations of one group' }, { kind: 'contingent', label: 'nations of one group' })).toBe(false);
    expect(sameScope({ kind: 'contingent', label: 'part of a larger figure' }, { kind: 'contingent', label: 'part of a larger figure' })).toBe(false);
  });
});

describe('countries and places that are not the exercise\'s', () => {
  it('"all OSCE participating States, including Russia" does not make Russia a participant', () => {
    const text = 'Saber Strike 2018 began in Poland. Warsaw notified all OSCE participating States, including Russia, 42 days in advance of the exercise.';
    const cs = claims(text, '2018-06-05');
    expect(cs.filter((c) => c.value.type === 'role' && c.value.entity === 'country:RU')).toEqual([]);
    // A notice period is not how long the exercise runs.
    expect(cs.filter((c) => c.kind === 'dates')).toEqual([]);
  });

  it('troops withdrawn from a country are not that country\'s forces', () => {
    const text = 'Months after the US withdrew its troops from Afghanistan, India along with China and other nations will take part in Tsentr 2021.';
    const cs = claims(text, '2021-08-05');
    expect(cs.filter((c) => c.value.type === 'role' && c.value.entity === 'country:AF')).toEqual([]);
  });

  it('a place named in a clause about tensions is not where the drills run', () => {
    const text = 'Balikatan 2025 opens in the Philippines as tensions grow over the South China Sea and around Taiwan.';
    const places = claims(text, '2025-04-21').filter((c) => c.kind === 'location').map((c) => c.value.type === 'location' && c.value.country);
    expect(places).toEqual(['country:PH']);
  });
});

describe('subjects of taking part', () => {
  it('"India along with China and a few other countries will participate"', () => {
    const text = 'India along with China and a few other countries will participate in Tsentr 2019 this September.';
    expect(roles(text, '2019-08-05')).toEqual(['country:CN participant', 'country:IN participant']);
  });
});

describe('weekdays on a dated page', () => {
  it('"will take part in the exercise that began Monday": the Monday before the page, not after', () => {
    const text = 'Some 9,000 troops will take part in Northern Edge 2019, which began Monday and ends May 24, the Kodiak Courier reported.';
    const d = claims(text, '2019-05-14').find((c) => c.kind === 'dates');
    expect(d?.value).toMatchObject({ start: '2019-05-13', end: '2019-05-24' });
  });

  it('"will be held on Monday" is still the coming Monday', () => {
    const d = claims('Northern Edge 2019 will be held from Monday, the Kodiak Courier reported.', '2019-05-08').find((c) => c.kind === 'dates');
    expect(d?.value).toMatchObject({ start: '2019-05-13' });
  });
});

describe('places that are a body\'s seat, a visit or a neighbour', () => {
  it('"the Ministry of Defence in New Delhi", "has been in Minsk", "near Kazakhstan"', () => {
    const places = (text: string, pub: string) => claims(text, pub).filter((c) => c.kind === 'location').map((c) => c.value.type === 'location' && (c.value.city ?? c.value.country));
    expect(places('The Ministry of Defence in New Delhi did not comment on the participation of Indian troops in Vostok 2022.', '2022-08-30')).toEqual([]);
    expect(places('General Petrov has been in Minsk to prepare Zapad 2013 with his Belarusian counterparts.', '2013-09-10')).toEqual([]);
    expect(places('Tsentr 2019 began in Orenburg, in an area near Kazakhstan.', '2019-09-16')).toEqual(['Orenburg']);
  });
});

describe('politics beside the drills', () => {
  it('"tension between China and its neighbours" does not make China take part', () => {
    const text = 'Balikatan 2025 opened on Monday. The sea remains a source of tension between China and its neighbours, the Harbour Ledger noted.';
    expect(claims(text, '2025-04-21').filter((c) => c.value.type === 'role' && c.value.entity === 'country:CN')).toEqual([]);
  });

  it('"drills postponed to September" do not end the exercise in September', () => {
    const text = 'Ulchi Freedom Shield 2025 runs until 28 August; half of its field drills were postponed to September.';
    const d = claims(text, '2025-08-18').filter((c) => c.kind === 'dates').map((c) => c.value);
    expect(d).toEqual([expect.objectContaining({ end: '2025-08-28' })]);
  });
});

describe('who leads and who takes part', () => {
  it('"led by U.S. Vice Adm. Jane Roe": an officer leads, not the country as organizer', () => {
    expect(roles('RIMPAC 2018 was led by U.S. Vice Adm. Jane Roe, the Harbour Ledger said.', '2018-08-01')).not.toContain('country:US organizer');
  });

  it('"the largest exercise involving NATO troops": the bloc\'s members take part, not the bloc', () => {
    expect(roles('Some 30,000 troops will take part in Cold Response 2022, the largest exercise involving NATO troops this year.', '2022-03-10')).not.toContain('org:nato participant');
  });
});

describe('figures as real pages write them', () => {
  it('"About 200 000 servicemen": thousands grouped with a space', () => {
    expect(count(claims('About 200 000 servicemen take part in Zapad 2021, the Minsk Courier reported.', '2021-09-13'), 200000)).toMatchObject({ kind: 'participants' });
  });

  it('"the number of participants will be closer to 200,000": the figure counts what "number of" names', () => {
    const cs = claims('Zapad 2021 opens on Friday. A general suggested that the number of participants will be closer to 200,000.', '2021-09-09');
    expect(count(cs, 200000)).toMatchObject({ kind: 'participants' });
  });

  it('"Close to 700 cybersecurity specialists"', () => {
    expect(count(claims('Close to 700 cybersecurity specialists will take part in Cyber Coalition 2019.', '2019-12-02'), 700)).toMatchObject({ kind: 'participants' });
  });

  it('a sentence cut by line breaks is read whole', () => {
    const text = 'Warsaw— A large US-led military exercise\n\ninvolving 18,000 soldiers from 19 nations,\n\nkicked off on Sunday.\n\nSaber Strike 18 will run until June 15.';
    expect(count(claims(text, '2018-06-04'), 18000)).toMatchObject({ kind: 'participants', edition: 2018 });
  });

  it('"forces from 26 nations will conduct operations" is taking part', () => {
    const text = 'Defender-Europe 21 is led by the US Army. Around 28,000 US, allied and partner forces from 26 nations will conduct operations across 30 training areas.';
    expect(count(claims(text, '2021-04-29'), 28000)).toMatchObject({ kind: 'participants', edition: 2021 });
  });
});

describe('forces', () => {
  it('"17 land forces" are units, "about 14,000 ground forces" one service\'s share', () => {
    const cs = claims('RIMPAC 2018 brings together 17 land forces. About 14,000 ground forces take part in Cold Response 2022.', '2022-03-10');
    expect(count(cs, 17)).toBeNull();
    expect(count(cs, 14000)).toMatchObject({ kind: 'participants', scope: { kind: 'contingent', label: 'ground forces' } });
  });

  it('"operations in more than a dozen nations" counts where it runs', () => {
    const cs = claims('Around 28,000 troops from 26 nations take part in Defender-Europe 21, with operations in more than a dozen nations.', '2021-04-29');
    expect(count(cs, 26)).toMatchObject({ kind: 'nations', scope: null });
    expect(count(cs, 12)).toMatchObject({ kind: 'nations', scope: { kind: 'territory' } });
  });
});

describe('names a page defines for itself', () => {
  const text = 'The Armed Forces of the Philippines (AFP) said 14 countries will observe Balikatan 39-2024. Around 5,000 AFP servicemen will take part.';

  it('"Balikatan 39-2024" is the 2024 edition (its 39th), not 2039', () => {
    expect(count(claims(text, null), 5000)).toMatchObject({ edition: 2024 });
  });

  it('"the Armed Forces of the Philippines (AFP)": later "AFP" are the Philippines\' forces, not the French agency', () => {
    expect(count(claims(text, '2024-04-20'), 5000)).toMatchObject({ scope: { kind: 'contingent', of: 'country:PH' } });
    expect(claims(text, '2024-04-20').filter((c) => c.value.type === 'role' && c.value.entity === 'country:FR')).toEqual([]);
  });
});

describe('the exercise a passage speaks of', () => {
  it('after "the exercise" points back to the article\'s own exercise, a list that follows is that exercise\'s', () => {
    const text = 'NATO opened BALTOPS 2023 in Estonia with 20 countries. BALTOPS 2023 runs beside the Defender 23 drills. ' +
      'This annual exercise in the Baltic Sea takes place June 4-16, a Sixth Fleet release said. Participating nations include Belgium, Canada and Denmark.';
    const belgium = claims(text, '2023-06-05').filter((c) => c.value.type === 'role' && c.value.entity === 'country:BE');
    expect(belgium.map((c) => c.subject)).toEqual(['ex:baltops']);
  });
});

describe('an edition named before the exercise', () => {
  it('"the 2023 iteration of its annual BALTOPS exercise"', () => {
    const cs = claims('NATO kicked off the 2023 iteration of its annual BALTOPS exercise on Sunday. BALTOPS runs beside the Defender 23 drills. The exercise brings together 50 ships.', null);
    expect(count(cs, 50)).toMatchObject({ kind: 'vessels', edition: 2023 });
  });
});

describe('numbers that are not counts as written', () => {
  it('"Around 8.600 troops": thousands grouped with a full stop', () => {
    expect(count(claims('Around 8.600 troops take part in BALTOPS 2019, the Harbour Ledger said.', '2019-06-10'), 8600)).toMatchObject({ kind: 'participants' });
  });

  it('"16 Air Assault Brigade" is a unit\'s name, not 16 teams', () => {
    const cs = claims('Swift Response 2022 brought 3,000 troops under the command of 16 Air Assault Brigade Combat Team.', '2022-05-10');
    expect(count(cs, 16)).toBeNull();
    expect(count(cs, 3000)).toMatchObject({ kind: 'participants' });
  });
});

describe('one country beside a region', () => {
  it('"8,600 U.S. and European troops" is the whole exercise, not the US contingent', () => {
    expect(count(claims('Around 8,600 U.S. and European troops take part in BALTOPS 2019.', '2019-06-10'), 8600)).toMatchObject({ scope: null });
  });
});

describe('phases and kinds of soldiers', () => {
  it('"nearly 1,100 airborne soldiers from seven nations jumped in to open the second phase"', () => {
    const text = 'Swift Response 16 went on as nearly 1,100 airborne soldiers from seven nations jumped into the training areas to open the second phase of the exercise.';
    const cs = claims(text, '2016-06-16');
    expect(count(cs, 1100)).toMatchObject({ kind: 'participants', scope: { kind: 'phase', label: 'second phase' } });
    expect(count(cs, 7)).toMatchObject({ kind: 'nations', scope: { kind: 'phase', label: 'second phase' } });
  });
});

describe('roles on undated pages', () => {
  it('a role with no edition is not set against another page\'s; one that carries its years is', async () => {
    const { relateClaims } = await import('../../lib/claims/compare');
    const role = (source: string, edition: number | null, extra: Record<string, number> = {}) => ({
      id: `${source}-1`, source, subject: 'ex:baltops', edition, kind: 'role', text: 'Belgium', sentence: 'Belgium takes part.',
      value: { type: 'role', entity: 'country:BE', role: 'participant', ...extra },
    }) as unknown as Claim;
    expect(relateClaims(role('a', null), role('b', null))).toBeNull();
    expect(relateClaims(role('a', null), role('b', 2023))).toBeNull();
    expect(relateClaims(role('a', 2023), role('b', 2023))).toBe('agree');
    expect(relateClaims(role('a', null, { from: 2015 }), role('b', null, { from: 2015 }))).toBe('agree');
  });
});

describe('observers', () => {
  it('"observers will be coming from Brunei, Canada and France"', () => {
    expect(roles('Balikatan 2024 opens on Monday. The Harbour Ledger said observers will be coming from Brunei, Canada and France.', '2024-04-20'))
      .toEqual(['country:BN observer', 'country:CA observer', 'country:FR observer']);
  });

  it('"Brunei and Canada will attend Balikatan 2024 as observers"', () => {
    expect(roles('Brunei and Canada will attend Balikatan 2024 as observers.', '2024-04-20')).toEqual(['country:BN observer', 'country:CA observer']);
  });
});

describe('lists of those taking part', () => {
  it('"Participating troops come from Belgium, Denmark and Estonia"', () => {
    expect(roles('BALTOPS 2019 began on Sunday. Participating troops come from Belgium, Denmark and Estonia.', '2019-06-10'))
      .toEqual(['country:BE participant', 'country:DK participant', 'country:EE participant']);
  });

  it('"The countries sending forces to participate in Cobra Gold 2017 are Thailand, the U.S. and Singapore"', () => {
    expect(roles('The three countries sending their armed forces to participate in Cobra Gold 2017 are Thailand, the U.S. and Singapore.', '2017-02-14'))
      .toEqual(['country:SG participant', 'country:TH participant', 'country:US participant']);
  });
});

describe('shares of a country\'s contingent', () => {
  it('"at least 11,000 US personnel, including 3,700 US Marines, 1,200 soldiers and 4,000 US Navy personnel"', () => {
    const text = 'At least 11,000 US military personnel, including 3,700 US Marines, 1,200 soldiers and 4,000 US Navy personnel, will take part in Balikatan 2024.';
    const cs = claims(text, '2024-04-22');
    expect(count(cs, 11000)).toMatchObject({ scope: { kind: 'contingent', of: 'country:US' } });
    expect(count(cs, 3700)).toMatchObject({ scope: { kind: 'contingent', of: 'org:us-marine-corps' } });
    expect(count(cs, 1200)).toMatchObject({ scope: { kind: 'contingent', label: 'part of a larger figure' } });
    expect(count(cs, 4000)).toMatchObject({ scope: { kind: 'contingent', of: 'org:us-navy' } });
  });
});

describe('members and partners', () => {
  it('"All 29 NATO member nations and its partners, Sweden and Finland" counts the members', () => {
    const cs = claims('All 29 NATO member nations and its partners, Sweden and Finland, will take part in Trident Juncture 2018.', '2018-10-20');
    expect(count(cs, 29)).toMatchObject({ kind: 'nations', scope: { kind: 'contingent', of: 'org:nato' } });
  });

  it('"units from all 31 NATO member countries plus candidate-member Sweden" counts the members', () => {
    const cs = claims('Steadfast Defender 2024 will involve units from all 31 NATO member countries plus candidate-member Sweden.', '2024-01-20');
    expect(count(cs, 31)).toMatchObject({ kind: 'nations', scope: { kind: 'contingent', of: 'org:nato' } });
  });
});
