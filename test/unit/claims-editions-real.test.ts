/**
 * Which edition and which part a figure is about, on patterns seen in real reporting (5 December):
 * an undated page saying "this year" after a paragraph on an earlier edition; a Chinese count read as a
 * year ("2000多人"); "X and Y and others, 13 countries" read as X's contingent; a unit of a country's
 * forces sending a figure. Every sentence is our own; outlets are invented.
 */
import { describe, expect, it } from 'vitest';
import { yearFromUrl } from '../../lib/text/url';
import type { Claim } from '../../lib/types';
import { seedClaims as claims } from './seed-claims';
const counts = (cs: Claim[]) => cs.filter((c) => c.value.type === 'count').map((c) => ({
  kind: c.kind, edition: c.edition, stated: c.value.type === 'count' ? c.value.stated : null, scope: c.scope ?? null,
}));

describe('the year of an undated page', () => {
  const text = 'Zapad 2013 opens on Friday in Belarus and in western Russia. ' +
    'The previous drill, Zapad 2009, brought some 12,000 troops to the same ranges. ' +
    'This year Russia will send 2,500 soldiers, the Minsk Chronicle was told.';

  it('"this year" is the edition the page names for its own exercise, not the one named last', () => {
    const russian = counts(claims(text, null)).find((c) => c.stated?.[0] === 2500);
    expect(russian).toMatchObject({ edition: 2013 });
    expect(counts(claims(text, null)).find((c) => c.stated?.[0] === 12000)).toMatchObject({ edition: 2009 });
  });

  it('or the year in its address', () => {
    expect(yearFromUrl('https://steppe-review.example/2013/09/zapad-2013/')).toBe(2013);
    expect(yearFromUrl('https://steppe-review.example/news/2017-09-14/drills')).toBe(2017);
    expect(yearFromUrl('https://steppe-review.example/a/20170914_drills.html')).toBe(2017);
    // A year in a slug is the exercise's name, not a date.
    expect(yearFromUrl('https://steppe-review.example/news/zapad-2017-begins')).toBeNull();
    expect(yearFromUrl('https://steppe-review.example/id/2017')).toBeNull();
    const undated = 'Zapad opens on Friday. This year Russia will send 2,500 soldiers to Belarus for the exercise.';
    expect(counts(claims(undated, null, 'https://steppe-review.example/2017/09/drills/'))[0]).toMatchObject({ edition: 2017 });
  });
});

describe('Chinese counts and contingents', () => {
  const text = '由俄罗斯主导、中国及印度等13个国家参与的“东方-2022”演习今天开幕。解放军北部战区派出2000多人、300多辆车辆、21架飞机及3艘舰艇参演。';

  it('a count followed by its noun is never an edition year', () => {
    const cs = counts(claims(text, '2022-09-01'));
    expect(cs.map((c) => c.edition)).toEqual([2022, 2022, 2022, 2022, 2022]);
    expect(claims('今年演习共有2000多人参加“东方-2022”。', null).find((c) => c.kind === 'participants')?.edition).toBe(2022);
  });

  it('"中国及印度等13个国家" is every nation taking part, not India\'s or China\'s contingent', () => {
    expect(counts(claims(text, '2022-09-01')).find((c) => c.kind === 'nations')).toMatchObject({ stated: [13], scope: null });
  });

  it('a theatre command of the PLA sending troops and vehicles: China\'s contingent, the whole list', () => {
    const cs = counts(claims(text, '2022-09-01')).filter((c) => c.kind !== 'nations');
    expect(cs.map((c) => c.scope)).toEqual(Array(4).fill({ kind: 'contingent', of: 'country:CN' }));
  });
});

describe('relative years in the four languages', () => {
  it.each([
    ['ru', 'Учения «Запад-2013» собрали 12 000 военных. В этом году в учениях примут участие 12 700 военнослужащих.'],
    ['uk', 'Навчання «Захід-2013» зібрали 12 000 військових. Цього року в навчаннях візьмуть участь 12 700 військовослужбовців.'],
    ['zh', '“西部-2013”演习共有1.2万人参加。今年参加演习的军人为1.27万人。'],
    ['ja', '「ザパド2013」には1万2000人が参加した。今年の演習には兵士1万2700人が参加する。'],
  ])('%s: "this year" after a paragraph on an earlier edition is the publication year', (_, text) => {
    const cs = claims(text, '2017-09-10').filter((x) => x.kind === 'participants');
    expect(cs.map((c) => [c.value.type === 'count' ? c.value.stated[0] : null, c.edition])).toEqual([[12000, 2013], [12700, 2017]]);
  });
});

describe('a year the sentence compares with', () => {
  it('is not the edition the sentence and the next ones speak of', () => {
    const text = 'More than 30,000 personnel will take part in the largest Exercise Talisman Sabre yet, almost double the number who attended the event in 2021. ' +
      'Japan, France and Germany take part in the exercise.';
    const cs = claims(text, '2023-07-10');
    expect(cs.find((c) => c.kind === 'participants')).toMatchObject({ edition: 2023 });
    expect(cs.filter((c) => c.kind === 'role').map((c) => c.edition)).toEqual([2023, 2023, 2023]);
  });
});

describe('one exercise named twice in a sentence', () => {
  it('"the Baltic Operations 2023 (BALTOPS 23) exercise": the verb before the first name still dates it', () => {
    const cs = claims('Twenty navies concluded the Baltic Operations 2023 (BALTOPS 23) exercise in Kiel, Germany, on 16 June 2023.', '2023-06-17');
    expect(cs.filter((c) => c.kind === 'dates').map((c) => [c.subject, c.edition, c.value])).toEqual([
      ['ex:baltops', 2023, { type: 'dates', start: null, end: '2023-06-16', precision: 'day' }],
    ]);
  });
});
