import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../lib/claims';
import type { Claim } from '../../lib/types';
import { mentionsFor, type MentionSpec } from '../fixtures/claims/fixtures';

const EX: MentionSpec = { text: 'Zapad', id: 'ex:zapad', type: 'exercise' };
function claims(text: string, published: string | null = '2019-12-03', specs: MentionSpec[] = [EX]): Claim[] {
  return extractClaims({ text, published, sourceId: 'syn:test', mentions: mentionsFor(text, specs), entity: () => undefined });
}
function count(text: string): Claim['value'] | undefined {
  return claims(`The Zapad exercise involved ${text}.`)[0]?.value;
}

describe('counts and hedges', () => {
  it.each([
    ['12,700 troops', 'participants', [12700], 'exact'],
    ['about 20 personnel', 'participants', [20], 'about'],
    ['roughly 20 experts', 'participants', [20], 'about'],
    ['some 12,800 soldiers', 'participants', [12800], 'about'],
    ['more than 30 countries', 'nations', [30], 'more-than'],
    ['over 40 aircraft', 'aircraft', [40], 'more-than'],
    ['fewer than 13,000 troops', 'participants', [13000], 'fewer-than'],
    ['under 50 ships', 'vessels', [50], 'fewer-than'],
    ['almost 40 vessels', 'vessels', [40], 'almost'],
    ['up to 100,000 troops', 'participants', [100000], 'up-to'],
    ['as many as 250 tanks', 'vehicles', [250], 'up-to'],
    ['at least 15,000 soldiers', 'participants', [15000], 'at-least'],
    ['30+ nations', 'nations', [30], 'at-least'],
    ['12,000 to 15,000 troops', 'participants', [12000, 15000], 'range'],
    ['between 60,000 and 70,000 troops', 'participants', [60000, 70000], 'range'],
    ['two dozen teams', 'teams', [24], 'words'],
    ['several hundred experts', 'participants', [300, 900], 'words'],
    ['tens of thousands of troops', 'participants', [20000, 99999], 'words'],
    ['a thousand vehicles', 'vehicles', [1000], 'words'],
    ['five helicopters', 'aircraft', [5], 'exact'],
    ['12,000 Russian and Belarusian troops', 'participants', [12000], 'exact'],
  ])('%s', (text, kind, stated, hedge) => {
    const c = claims(`The Zapad exercise involved ${text}.`)[0];
    expect(c?.kind).toBe(kind);
    expect(c?.value).toMatchObject({ type: 'count', stated, hedge });
  });

  it('does not read years, scores or unrelated nouns as counts', () => {
    expect(count('a scenario from 2017 with 30 points')).toBeUndefined();
    expect(claims('One scenario of the Zapad drills involves participants striking back.')).toEqual([]);
  });

  it('reads "participants include <countries>" as a count of nations', () => {
    const text = 'The Zapad drills were big. The more than 30 participants this year include Belarus and Armenia.';
    const c = claims(text, '2017-09-20', [EX, { text: 'Belarus', id: 'country:BY', type: 'country' }, { text: 'Armenia', id: 'country:AM', type: 'country' }]);
    expect(c.find((x) => x.kind === 'nations')?.value).toMatchObject({ stated: [30], hedge: 'more-than' });
    expect(c.filter((x) => x.kind === 'role').map((x) => (x.value as { entity: string }).entity)).toEqual(['country:BY', 'country:AM']);
  });

  it('qualifies a definite team by the country of the sentence before', () => {
    const text = 'Japan joined the Zapad exercise. Personnel from Japan logged in from Tokyo. The team of roughly 20 shared data.';
    const c = claims(text, '2019-12-03', [EX, { text: 'Japan', id: 'country:JP', type: 'country' }]).find((x) => x.kind === 'participants');
    expect(c?.value).toMatchObject({ stated: [20], hedge: 'about' });
    expect(c?.scope).toEqual({ kind: 'contingent', of: 'country:JP' });
    expect(c?.text).toBe('team of roughly 20');
  });
});

describe('offsets, sentences and attribution', () => {
  it('gives offsets into the text, the whole sentence and the attribution', () => {
    const text = 'Intro line.\nRussia’s Defense Ministry said 12,700 troops would take part in Zapad, which runs until Friday.';
    const c = claims(text, '2017-09-13');
    const troops = c.find((x) => x.kind === 'participants')!;
    expect(text.slice(troops.start, troops.end)).toBe('12,700 troops');
    expect(troops.sentence).toBe(text.split('\n')[1]);
    expect(troops.attribution).toBe('Russia’s Defense Ministry said');
  });

  it.each([
    ['The Zapad drills involved 5,000 troops, according to Western officials.', 'according to Western officials'],
    ['“It was big,” a Defense Ministry official said of the 5,000 troops at Zapad.', 'a Defense Ministry official said'],
    ['Some 5,000 troops took part in Zapad, said Ivan Petrov, a military analyst.', 'said Ivan Petrov'],
    ['Zapad involved 5,000 troops, citing the general staff.', 'citing the general staff'],
  ])('%s', (text, attribution) => {
    expect(claims(text)[0]?.attribution).toContain(attribution);
  });
});

describe('subjects and editions', () => {
  it('takes the edition from the mention, and carries it to "the exercise"', () => {
    const text = 'Zapad-2017 began. The exercise involved 12,700 troops.';
    const c = claims(text, '2017-09-15', [{ text: 'Zapad-2017', id: 'ex:zapad', type: 'exercise', edition: 2017 }]);
    expect(c.map((x) => [x.subject, x.edition])).toEqual([['ex:zapad', 2017]]);
  });

  it('gives each claim the edition it sits next to', () => {
    const text = 'Cyber Coalition 2016 was a three-day event, while Cyber Coalition 2019 is a five-day exercise.';
    const c = claims(text, '2019-12-03', [
      { text: 'Cyber Coalition 2016', id: 'ex:cyber-coalition', type: 'exercise', edition: 2016 },
      { text: 'Cyber Coalition 2019', id: 'ex:cyber-coalition', type: 'exercise', edition: 2019 },
    ]);
    expect(c.map((x) => [x.edition, (x.value as { durationDays?: number }).durationDays])).toEqual([[2016, 3], [2019, 5]]);
  });

  it('falls back on "this year", "last year" and the publication year', () => {
    expect(claims("Last year's Zapad drills involved 9,000 troops.", '2018-03-01')[0]?.edition).toBe(2017);
    expect(claims('The Zapad drills involve 9,000 troops.', '2021-09-10')[0]?.edition).toBe(2021);
  });

  it('reads ordinal editions', () => {
    expect(claims('Zapad, the 12th edition of the drills, began.')[0]?.value).toEqual({ type: 'edition', ordinal: 12 });
    expect(claims('Zapad, in its twelfth iteration, began.')[0]?.value).toEqual({ type: 'edition', ordinal: 12 });
    expect(claims('For the first time, Zapad drills began.')).toEqual([]);
  });

  it('extracts nothing without an exercise', () => {
    expect(claims('Some 5,000 troops marched in the parade.', '2019-05-09', [])).toEqual([]);
  });
});

describe('locations and roles', () => {
  const specs: MentionSpec[] = [EX, { text: 'Estonia', id: 'country:EE', type: 'country' }, { text: 'Japan', id: 'country:JP', type: 'country' }];
  it('resolves a city to its country', () => {
    const c = claims('The Zapad exercise was held in Tartu.', '2019-12-03', specs);
    expect(c[0]?.value).toEqual({ type: 'location', country: 'country:EE', city: 'Tartu' });
  });
  it('reads observer years and the current role apart', () => {
    const c = claims('Japan, an observer at Zapad from 2015 to 2018, joined as a full participant this year.', '2019-12-03', specs);
    const roles = c.filter((x) => x.kind === 'role').map((x) => [x.value, x.edition]);
    expect(roles).toContainEqual([{ type: 'role', entity: 'country:JP', role: 'observer', from: 2015, to: 2018 }, null]);
    expect(roles).toContainEqual([{ type: 'role', entity: 'country:JP', role: 'participant' }, 2019]);
  });
  it('skips negated and plural roles', () => {
    expect(claims('Japan was not a formal participant in Zapad.', '2019-12-03', specs)).toEqual([]);
    expect(claims('Estonia and Japan observers believe the Zapad drills were large.', '2019-12-03', specs)).toEqual([]);
  });
  it('reads hosts', () => {
    const c = claims('The Zapad drills are hosted by Estonia.', '2019-12-03', specs);
    expect(c[0]?.value).toEqual({ type: 'role', entity: 'country:EE', role: 'host' });
  });
});
