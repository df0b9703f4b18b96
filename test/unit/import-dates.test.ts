import { describe, expect, it } from 'vitest';
import { isIsoDate, normalizeDate } from '../../lib/import/dates';

describe('normalizeDate', () => {
  it.each([
    ['2019-12-03', '2019-12-03'],
    ['2019-12-03T05:02:00+09:00', '2019-12-02T20:02:00.000Z'],
    ['2019-12-03T05:02:00.123456Z', '2019-12-03T05:02:00.123Z'],
    ['2019-12-03 05:02', '2019-12-03T05:02:00.000Z'],
    ['20191203', '2019-12-03'],
    ['Tue, 03 Dec 2019 05:02:00 +0900', '2019-12-02T20:02:00.000Z'],
    ['Tue, 3 Dec 2019 05:02:00 GMT', '2019-12-03T05:02:00.000Z'],
    ['03 Dec 19 05:02 EST', '2019-12-03T10:02:00.000Z'],
    ['Tue Dec 03 2019 05:02:00 GMT+0900 (Japan Standard Time)', '2019-12-02T20:02:00.000Z'],
    ['December 3, 2019', '2019-12-03'],
    ['Dec. 3rd, 2019 at 5:02 pm', '2019-12-03T17:02:00.000Z'],
    ['3 December 2019', '2019-12-03'],
    ['Tuesday, 3 December 2019', '2019-12-03'],
    ['3rd of Sept 2019', '2019-09-03'],
    ['2019/12/03', '2019-12-03'],
    ['03.12.2019', '2019-12-03'],
    ['3.12.2019 14:30', '2019-12-03T14:30:00.000Z'],
    ['1575349320', '2019-12-03T05:02:00.000Z'],
    ['1575349320000', '2019-12-03T05:02:00.000Z'],
    ['  2019-12-03  ', '2019-12-03'],
  ])('%s -> %s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it.each([
    '',
    'garbage',
    'sometime last week',
    '2019-02-30',
    '31/31/2019',
    '2019-13-01',
    '2019-12-03T25:00',
    '2019-12',
    '32 December 2019',
    'December 3, 2019 13:00 pm',
    '2019-12-03T05:02+99:00',
    '99999999999999',
  ])('rejects %j', (raw) => {
    expect(normalizeDate(raw)).toBeNull();
  });

  it('reads dotted dates day first', () => {
    expect(normalizeDate('04.05.2020')).toBe('2020-05-04');
  });
});

describe('isIsoDate', () => {
  it('accepts what normalizeDate produces and nothing looser', () => {
    expect(isIsoDate('2019-12-03')).toBe(true);
    expect(isIsoDate('2019-12-02T20:02:00.000Z')).toBe(true);
    expect(isIsoDate('2019-02-30')).toBe(false);
    expect(isIsoDate('2019-12-03T05:02:00Z')).toBe(false);
    expect(isIsoDate('Dec 3 2019')).toBe(false);
  });
});
