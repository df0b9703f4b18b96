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
