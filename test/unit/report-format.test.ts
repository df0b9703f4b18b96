import { describe, expect, it } from 'vitest';
import { countValue } from '../../lib/claims/numbers';
import {
  entityNamesOf,
  fallbackName,
  formatCount,
  formatDate,
  formatDateRange,
  formatDates,
  formatLocation,
  formatRole,
  formatValue,
} from '../../lib/report/format';
import { fixtureAnnotation } from './report-fixture';

describe('formatCount', () => {
  it('says hedged counts the way the text did', () => {
    expect(formatCount({ stated: [30], hedge: 'more-than' })).toBe('more than 30');
    expect(formatCount({ stated: [20], hedge: 'about' })).toBe('about 20');
    expect(formatCount({ stated: [12000, 15000], hedge: 'range' })).toBe('12,000–15,000');
    expect(formatCount({ stated: [30], hedge: 'exact' })).toBe('30');
    expect(formatCount({ stated: [5], hedge: 'at-least' })).toBe('at least 5');
    expect(formatCount({ stated: [100], hedge: 'fewer-than' })).toBe('fewer than 100');
    expect(formatCount({ stated: [40], hedge: 'up-to' })).toBe('up to 40');
    expect(formatCount({ stated: [24, 99], hedge: 'words', hedgeText: 'dozens of' })).toBe('dozens of');
  });

  it('shows what lib/claims extracted, as stated: no interval to invert', () => {
    for (const n of [7, 13, 20, 25, 333, 12_000, 45_678]) {
      expect(formatCount(countValue('about', n, n))).toBe(`about ${n.toLocaleString('en-US')}`);
      expect(formatCount(countValue('almost', n, n))).toBe(`almost ${n.toLocaleString('en-US')}`);
      expect(formatCount(countValue('more-than', n, n))).toBe(`more than ${n.toLocaleString('en-US')}`);
      expect(formatCount(countValue('fewer-than', n, n))).toBe(`fewer than ${n.toLocaleString('en-US')}`);
    }
    expect(formatCount(countValue('about', 12_000, 15_000))).toBe('about 12,000–15,000');
    expect(formatCount(countValue('almost', 1000, 1000, 'almost'))).toBe('almost 1,000');
    expect(formatCount(countValue('about', 12_700, 12_700, 'some'))).toBe('some 12,700');
  });
});

describe('dates', () => {
  // Node formats as British English (lib/i18n/node.ts). Intl's spacing around the dash and its
  // abbreviations ("Sep", "Sept") vary with the ICU version, so ranges are read with spaces folded.
  const plain = (s: string) => s.replace(/\s+/g, ' ').replace(/ ?– ?/g, '–');

  it('formats ranges compactly, as Intl does in the user\'s locale', () => {
    const days = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(formatDateRange('2019-12-02', '2019-12-06')).toBe(days.formatRange(new Date('2019-12-02'), new Date('2019-12-06')));
    expect(plain(formatDateRange('2019-12-02', '2019-12-06'))).toBe('2–6 Dec 2019');
    expect(plain(formatDateRange('2019-11-28', '2019-12-06'))).toBe('28 Nov–6 Dec 2019');
    expect(plain(formatDateRange('2019-12-28', '2020-01-03'))).toBe('28 Dec 2019–3 Jan 2020');
    expect(plain(formatDateRange('2019-11', '2019-12'))).toBe('Nov–Dec 2019');
    expect(formatDateRange('2019-12-02', '2019-12-02')).toBe('2 Dec 2019');
    expect(formatDateRange('2017', '2017')).toBe('2017');
    expect(formatDateRange('2019-12-02', null)).toBe('from 2 Dec 2019');
    expect(formatDateRange(null, '2019-12')).toBe('until Dec 2019');
    // Ends known to different precisions are each said as they are.
    expect(plain(formatDateRange('2019-11-28', '2019-12'))).toBe('28 Nov 2019–Dec 2019');
    expect(formatDates({ start: null, end: null, durationDays: 5 })).toBe('5 days');
    expect(formatDates({ start: null, end: null, durationDays: 1 })).toBe('1 day');
  });

  it('formats single dates and timestamps at their precision', () => {
    expect(formatDate('2019-12-03T10:00:00Z')).toBe('3 Dec 2019');
    expect(formatDate('2019-12')).toBe('Dec 2019');
    expect(formatDate(null)).toBe('date unknown');
    // A day the month does not have keeps the month; years before 100 stay as written.
    expect(formatDate('2019-02-30')).toBe('Feb 2019');
    expect(formatDate('0099-05')).toBe('May 99');
  });
});

describe('location, role, names', () => {
  it('names countries from the annotation, else from their code: never a raw code', () => {
    const names = entityNamesOf(fixtureAnnotation());
    expect(formatLocation({ country: 'country:EE', city: 'Tartu' }, names)).toBe('Tartu, Estonia');
    expect(formatLocation({ country: 'country:FI', city: 'Helsinki' }, names)).toBe('Helsinki, Finland');
    expect(formatLocation({ country: 'country:NO' })).toBe('Norway');
    expect(fallbackName('org:some-body')).toBe('some body');
    expect(formatLocation({ country: null })).toBe('place unknown');
  });

  it('says roles with their years', () => {
    expect(formatRole({ role: 'observer', from: 2015, to: 2018 })).toBe('observer 2015–2018');
    expect(formatRole({ role: 'partner', from: 2019 })).toBe('partner since 2019');
    expect(formatRole({ role: 'host', from: 2017, to: 2017 })).toBe('host 2017');
    expect(formatValue({ type: 'role', entity: 'country:JP', role: 'observer', from: 2015, to: 2018 })).toBe('Japan: observer 2015–2018');
    expect(formatValue({ type: 'edition', ordinal: 12 })).toBe('12th edition');
    expect(formatValue({ type: 'edition', ordinal: 22 })).toBe('22nd edition');
  });
});
