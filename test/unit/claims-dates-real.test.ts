/**
 * Start and end days as real reporting writes them (patterns seen on the development set, 6 December).
 * Every sentence is our own; events and outlets are invented.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../lib/types';
import { seedClaims } from './seed-claims';

const dates = (cs: Claim[]) => cs.flatMap((c) => (c.value.type === 'dates' ? [`${c.subject} ${c.edition} ${c.value.start}..${c.value.end}`] : []));

describe('days of an exercise in running text', () => {
  it('"On September 12, the joint exercise began": the day opens the sentence, the verb follows', () => {
    const text = 'Zapad 2025 opened in Belarus. On September 12, the Zapad 2025 strategic exercise began between the two armies.';
    expect(dates(seedClaims(text, '2025-09-13'))).toEqual(['ex:zapad 2025 2025-09-12..null']);
  });
  it('"On 16 June the drills ended" gives the end; "On 3 May the minister said the drills began" gives nothing', () => {
    expect(dates(seedClaims('BALTOPS 2023 is over. On 16 June, the BALTOPS 2023 drills ended in Kiel.', '2023-06-17'))).toEqual(['ex:baltops 2023 null..2023-06-16']);
    expect(dates(seedClaims('BALTOPS 2023 is over. On 3 May, a spokesman said that BALTOPS 2023 would be bigger.', '2023-06-17'))).toEqual([]);
  });
  it('"kicked off in earnest Tuesday"', () => {
    const text = 'Anakonda 2016 kicked off in earnest Tuesday as paratroopers filled the skies over Poland.';
    expect(dates(seedClaims(text, '2016-06-08'))).toEqual(['ex:anakonda 2016 2016-06-07..null']);
  });
  it('"kicked off a two-week, US-led naval exercise on the Baltic Sea on Sunday": adjectives joined by a comma', () => {
    const text = 'BALTOPS 2022 is under way. The alliance kicked off a two-week, US-led naval exercise on the Baltic Sea on Sunday with 7,000 sailors.';
    expect(dates(seedClaims(text, '2022-06-06'))).toEqual(expect.arrayContaining([expect.stringMatching(/^ex:baltops 2022 2022-06-05\.\./)]));
  });
});
