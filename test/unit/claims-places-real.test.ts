/**
 * Where an exercise is held, as real reporting says it (patterns seen on the development set, 6 December).
 * Every sentence is our own; events and outlets are invented.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../lib/types';
import { seedClaims } from './seed-claims';

const places = (cs: Claim[]) => cs.flatMap((c) => (c.value.type === 'location' ? [`${c.subject} ${c.edition} ${c.value.country}${c.value.city ? ' ' + c.value.city : ''}`] : []));

describe('places in running text', () => {
  it('"at ranges in both Russia and Belarus"', () => {
    const text = 'Zapad 2021 draws near. The ministry said last month that the drills would be held at ranges in both Russia and Belarus.';
    expect(places(seedClaims(text, '2021-09-01'))).toEqual(['ex:zapad 2021 country:RU', 'ex:zapad 2021 country:BY']);
  });
  it('"across Belarus and Russia\'s Western Military District": the district is in Russia', () => {
    const text = 'Zapad 2013 will unfold across Belarus and Russia\'s Western Military District next week.';
    expect(places(seedClaims(text, '2013-09-12'))).toEqual(['ex:zapad 2013 country:BY', 'ex:zapad 2013 country:RU']);
  });
  it('"in October, mainly in Spain, Italy and Portugal": the clause before gives the cue', () => {
    const text = 'Trident Juncture 2015 will take place in the autumn, mainly in Spain, Italy and Portugal.';
    expect(places(seedClaims(text, '2015-06-01'))).toEqual(['ex:trident-juncture 2015 country:ES', 'ex:trident-juncture 2015 country:IT', 'ex:trident-juncture 2015 country:PT']);
  });
  it('"in Norway and nearby seas, including Iceland and the airspace of Finland and Sweden"', () => {
    const text = 'Trident Juncture 2018 will be held in Norway and the nearby seas, including Iceland and the airspace of Finland and Sweden.';
    expect(places(seedClaims(text, '2018-10-10'))).toEqual(expect.arrayContaining([
      'ex:trident-juncture 2018 country:NO', 'ex:trident-juncture 2018 country:IS', 'ex:trident-juncture 2018 country:FI', 'ex:trident-juncture 2018 country:SE',
    ]));
  });
  it('"mainly" alone does not make a place: "The drills, mainly in response to Poland"', () => {
    const text = 'Zapad 2021 was announced in spring, mainly as a message to Poland.';
    expect(places(seedClaims(text, '2021-04-01'))).toEqual([]);
  });
});
