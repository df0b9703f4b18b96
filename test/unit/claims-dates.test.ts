import { describe, expect, it } from 'vitest';
import { findDates, parsePublished } from '../../lib/claims/dates';

const at = (sentence: string, published: string | null) => findDates(sentence, parsePublished(published))?.value;

describe('dates resolved against the publication date', () => {
  it.each([
    // Tuesday 3 December 2019
    ['The exercise, which lasts until Friday, began.', '2019-12-03', null, '2019-12-06'],
    ['The drills kicked off on Monday.', '2019-12-03', '2019-12-02', null],
    ['The exercise runs from 2 to 6 this month.', '2019-12-03', '2019-12-02', '2019-12-06'],
    ['The drills began on 14 September.', '2017-09-15', '2017-09-14', null],
    ['The drills will run from 14 to 20 September 2017.', '2017-08-01', '2017-09-14', '2017-09-20'],
    ['It runs from September 14 to September 20.', '2017-09-01', '2017-09-14', '2017-09-20'],
    ['It runs December 2-6, 2019.', null, '2019-12-02', '2019-12-06'],
    ['The exercise ended on Thursday, 1 December.', '2016-11-30', null, '2016-12-01'],
    // Year ends: Monday 30 December 2019, Thursday 2 January 2020
    ['The drills will begin on 2 January and run until Friday.', '2019-12-30', '2020-01-02', '2020-01-03'],
    ['The drills, which kicked off on Monday, ended on 31 December.', '2020-01-02', '2019-12-30', '2019-12-31'],
    ['The exercise runs from 28 December to 3 January.', '2019-12-20', '2019-12-28', '2020-01-03'],
    ['The exercise ended on 30 December.', '2020-01-05', null, '2019-12-30'],
  ])('%s (published %s)', (sentence, published, start, end) => {
    expect(at(sentence, published)).toMatchObject({ start, end, precision: 'day' });
  });

  it.each([
    // Tuesday 3 December 2019
    ['The exercise, which began today, ends on Friday.', '2019-12-03', '2019-12-03', '2019-12-06'],
    ['The drills are held between 14 and 20 September.', '2017-09-01', '2017-09-14', '2017-09-20'],
  ])('%s (published %s): today and the present tense', (sentence, published, start, end) => {
    expect(at(sentence, published)).toMatchObject({ start, end, precision: 'day' });
  });

  it('reads a month that ends or starts the exercise', () => {
    expect(at('The drills will run until the end of June.', '2020-05-10')).toMatchObject({ start: null, end: '2020-06', precision: 'month' });
    expect(at('The exercise will continue through May.', '2024-03-01')).toMatchObject({ start: null, end: '2024-05', precision: 'month' });
    expect(at('The drills began in March.', '2024-04-02')).toMatchObject({ start: '2024-03', end: null, precision: 'month' });
    expect(at('The drills are scheduled for early next month.', '2017-12-13')).toMatchObject({ start: '2018-01', end: '2018-01', precision: 'month' });
    expect(at('The exercise will be held next month.', '2017-09-13')).toMatchObject({ start: '2017-10', end: '2017-10', precision: 'month' });
    // A verb is not a month.
    expect(at('The exercise runs until may be decided later.', '2024-03-01')).toBeUndefined();
    expect(at('Today’s drills were the largest.', '2024-03-01')).toBeUndefined();
  });

  it('reads durations', () => {
    expect(at('A five-day exercise.', '2019-12-03')?.durationDays).toBe(5);
    expect(at('The two-week drills.', '2019-12-03')?.durationDays).toBe(14);
    expect(at('It lasts for three days.', '2019-12-03')?.durationDays).toBe(3);
  });

  it('reads months when the exercise is held in one', () => {
    expect(at('The drills will be held in September.', '2017-06-01')).toMatchObject({ start: '2017-09', end: '2017-09', precision: 'month' });
  });

  it('ignores the date of a report and weekdays without a year anchor', () => {
    expect(at('Japan Economic News reported on December 3.', '2019-12-03')).toBeUndefined();
    expect(at('The drills kicked off on Monday.', null)).toBeUndefined();
    expect(at('Japan became a participant Monday.', '2019-12-03')).toBeUndefined();
  });
});

describe('a start or end verb with a place between it and the day (real reporting, 5 December)', () => {
  it('"begins in Estonia on Wednesday", "concluded the drills in Kiel, Germany, on 16 June"', () => {
    expect(at('The Harbour Guard 2022 exercise begins in Estonia on Wednesday, organisers said.', '2022-04-20')).toMatchObject({ start: '2022-04-20', end: null });
    expect(at('Eleven navies concluded the Harbour Guard 2023 exercise in Kiel, Germany, on 16 June 2023.', '2023-06-17')).toMatchObject({ start: null, end: '2023-06-16' });
  });
  it('a comma that is not a place\'s apposition still ends the verb\'s reach', () => {
    const d = at('The drills began in March, and ministers met on 16 June 2023.', '2023-06-17');
    expect([d?.start, d?.end]).not.toContain('2023-06-16');
  });
});
