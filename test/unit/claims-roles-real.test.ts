/**
 * Who takes part, as real reporting says it in running text (patterns seen on the development set,
 * 5 December): a country sending a contingent, forces or observers; joint drills named with the
 * demonyms of their members. Every sentence is our own; outlets and events are invented.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../lib/types';
import { seedClaims } from './seed-claims';

const roles = (cs: Claim[]) => cs.flatMap((c) => (c.value.type === 'role' ? [`${c.subject} ${c.edition} ${c.value.entity} ${c.value.role}`] : []));

describe('roles stated by sending', () => {
  it('a country that sends a contingent, troops or observers takes part (or observes)', () => {
    const text = 'Vostok 2018 opened on Tuesday east of Lake Baikal. Mongolia has also sent a small contingent. ' +
      'China will contribute some 3,000 troops and 24 aircraft. Kazakhstan sent observers.';
    expect(roles(seedClaims(text, '2018-09-11'))).toEqual(expect.arrayContaining([
      'ex:vostok 2018 country:MN participant', 'ex:vostok 2018 country:CN participant', 'ex:vostok 2018 country:KZ observer',
    ]));
  });
  it('a country that did not send anyone, or sent something else, is given no role', () => {
    const text = 'Vostok 2018 opened on Tuesday east of Lake Baikal. Japan did not send observers. India sent a letter of concern.';
    expect(roles(seedClaims(text, '2018-09-11'))).toEqual([]);
  });
});

describe('joint drills named by their members', () => {
  it('"the joint Russian-Belarusian Union Shield drills": both take part', () => {
    const text = 'The joint Russian-Belarusian Union Shield drills were set for 20-24 September 2023, a think tank in Warsaw noted.';
    expect(roles(seedClaims(text, null))).toEqual(['ex:union-shield 2023 country:RU participant', 'ex:union-shield 2023 country:BY participant']);
  });
  it('demonyms before generic drills that are not called joint say nothing about the exercise in focus', () => {
    const text = 'Zapad 2023 was called off this spring. The ministry spoke of a new plan for Russian-Belarusian drills in later years.';
    expect(roles(seedClaims(text, '2023-05-02'))).toEqual([]);
  });
});

describe('observers and co-hosts', () => {
  it('"also attended as observers", "will act as observers", "delegations from A and B will observe"', () => {
    const text = 'Talisman Sabre 2023 opened on Friday. Fiji and Tonga took part while Chile and Peru also attended as observers. ' +
      'Representatives of Kenya, Ghana and Nepal will act as observers. Forces from Canada joined, and delegations from India and Brazil will observe the exercise.';
    const r = roles(seedClaims(text, '2023-07-21'));
    expect(r).toEqual(expect.arrayContaining(['CL', 'PE', 'KE', 'GH', 'NP', 'IN', 'BR'].map((c) => `ex:talisman-sabre 2023 country:${c} observer`)));
    // An observer of the sentence is not also given as taking part (a delegation "from" a country).
    expect(r).not.toContain('ex:talisman-sabre 2023 country:IN participant');
    expect(r).toEqual(expect.arrayContaining(['ex:talisman-sabre 2023 country:FJ participant', 'ex:talisman-sabre 2023 country:CA participant']));
  });
  it('"which the US 6th Fleet is co-hosting with the Ukrainian Navy": both host', () => {
    const r = roles(seedClaims('The yearly Sea Breeze 2021 drill, which the US 6th Fleet is co-hosting with the Ukrainian Navy, opened on Monday.', '2021-06-28'));
    expect(r).toEqual(expect.arrayContaining(['ex:sea-breeze 2021 org:us-6th-fleet host', 'ex:sea-breeze 2021 org:ua-navy host']));
  });
});

describe('lists of participants in running text (patterns seen on the development set, 6 December)', () => {
  it('"troops from 31 nations, including the 29 allies, Finland and Sweden": the named ones take part', () => {
    const text = 'Trident Juncture 2018 is under way in Norway. Some 50,000 troops from 31 nations, including the 29 NATO allies, Finland, and Sweden, are training there.';
    const got = roles(seedClaims(text, '2018-10-26'));
    expect(got).toEqual(expect.arrayContaining(['ex:trident-juncture 2018 country:FI participant', 'ex:trident-juncture 2018 country:SE participant']));
    expect(got).not.toContain('ex:trident-juncture 2018 org:nato participant');
  });
  it('"sailors from 16 nations, including two hopefuls, Finland and Sweden"; "from 24 countries, including non-members such as Kosovo"', () => {
    const text = 'BALTOPS 2022 began on Sunday with 7,000 sailors from 16 nations, including two countries hoping to join, Finland and Sweden. ' +
      'Anakonda 2016 brought together 30,000 troops from 24 countries, including non-members such as Kosovo.';
    expect(roles(seedClaims(text, '2022-06-05'))).toEqual(expect.arrayContaining([
      'ex:baltops 2022 country:FI participant', 'ex:baltops 2022 country:SE participant', 'ex:anakonda 2016 country:XK participant',
    ]));
  });
  it('"took part along with representatives from partner nations Austria, Ireland and Japan"', () => {
    const text = 'Cyber Coalition 2016 ended on Friday. EU staff took part along with representatives from partner nations Austria, Ireland and Japan.';
    expect(roles(seedClaims(text, '2016-12-02'))).toEqual(expect.arrayContaining([
      'ex:cyber-coalition 2016 country:AT participant', 'ex:cyber-coalition 2016 country:IE participant', 'ex:cyber-coalition 2016 country:JP participant',
    ]));
  });
  it('"Sweden and Finland, which are not members, will also participate in Cold Response": the subject before the aside', () => {
    const text = 'Cold Response 2022 starts next week. Sweden and Finland, which stay outside the alliance, will also participate in Cold Response.';
    expect(roles(seedClaims(text, '2022-03-10'))).toEqual(expect.arrayContaining(['ex:cold-response 2022 country:SE participant', 'ex:cold-response 2022 country:FI participant']));
  });
  it('a name inside the aside is not the subject: "A and B, both of which are outside NATO will also participate"', () => {
    const text = 'Cold Response 2022 starts next week. Finland and Sweden, both of which are outside NATO will also participate in it.';
    const got = roles(seedClaims(text, '2022-03-10'));
    expect(got).toEqual(expect.arrayContaining(['ex:cold-response 2022 country:SE participant', 'ex:cold-response 2022 country:FI participant']));
    expect(got.filter((r) => r.includes('org:nato'))).toEqual([]);
  });
  it('"Trident Juncture 18 is a NATO-led exercise"; "Steadfast Defender 2024, NATO\'s biggest exercise in decades": the organizer', () => {
    const text = 'Trident Juncture 2018, known as TRJE18, is a NATO-led military exercise held in Norway. ' +
      'Steadfast Defender 2024, NATO\'s biggest military exercise in decades, began on Wednesday.';
    expect(roles(seedClaims(text, '2024-01-24'))).toEqual(expect.arrayContaining(['ex:trident-juncture 2018 org:nato organizer', 'ex:steadfast-defender 2024 org:nato organizer']));
  });
  it('a "NATO-led exercise" named beside another exercise gives that other exercise no organizer', () => {
    const text = 'Zapad 2017 came weeks after the NATO-led exercise Saber Strike ended in the Baltics.';
    expect(roles(seedClaims(text, '2017-09-10')).filter((r) => r.startsWith('ex:zapad'))).toEqual([]);
  });
});

describe('the bloc that runs its own exercise (patterns seen on the development set, 6 December)', () => {
  it('"NATO concluded its largest annual cyber exercise, Cyber Coalition 2016"; "NATO on Wednesday began its biggest exercise"', () => {
    expect(roles(seedClaims('NATO concluded its largest annual cyber exercise, Cyber Coalition 2016, in Estonia on Friday.', '2016-12-03'))).toContain('ex:cyber-coalition 2016 org:nato organizer');
    expect(roles(seedClaims('Steadfast Defender 2024 is under way. NATO on Wednesday began its biggest military exercise in decades.', '2024-01-25'))).toContain('ex:steadfast-defender 2024 org:nato organizer');
  });
  it('"The NATO cyber exercise, called Cyber Coalition, started in Tallinn"', () => {
    expect(roles(seedClaims('The NATO cyber exercise, called Cyber Coalition 2022, started in Tallinn on Monday.', '2022-11-30'))).toContain('ex:cyber-coalition 2022 org:nato organizer');
  });
  it('a bloc that watches or criticises another\'s exercise is not its organizer', () => {
    const got = roles(seedClaims('Zapad 2017 began on Thursday. NATO on Thursday criticised its scale, and NATO began its own exercise planning.', '2017-09-15'));
    expect(got.filter((r) => r.includes('org:nato'))).toEqual([]);
  });
  it('"hosted by NATO\'s cyber centre": the centre hosts, not NATO', () => {
    const got = roles(seedClaims('Locked Shields 2023 was hosted by NATO\'s Cooperative Cyber Defence Centre of Excellence in Tallinn.', '2023-04-25'));
    expect(got).toContain('ex:locked-shields 2023 org:ccdcoe host');
    expect(got).not.toContain('ex:locked-shields 2023 org:nato host');
  });
});
