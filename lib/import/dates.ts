/**
 * Publication dates as files write them, turned into the ISO form `Source.published` stores:
 * `YYYY-MM-DD` when only a day is given, a full UTC timestamp (`toISOString`) when a time is.
 * A time without a zone is taken as UTC: the file gives no better guess.
 *
 * Numeric dates with the year last (31/12/2019, 12-31-2019) are read day first or month first:
 * a part over 12 decides; when neither is (03/04/2019) the caller says which order to assume,
 * decided once per file (`dateOrderOf`), and reports the assumption.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

// RFC 822 zone names; military single letters are too ambiguous to be worth guessing.
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?\\s*([ap]\\.?m\\.?)?';
const ZONE = '(z|ut|utc|gmt|[ecmp][sd]t|(?:gmt|utc)?\\s*[+-]\\d{2}:?\\d{2}|(?:gmt|utc)?\\s*[+-]\\d{1,2})?';
const TAIL = `(?:[t,\\s]+(?:at\\s+)?${TIME}\\s*${ZONE})?`;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = new RegExp(`^(\\d{4})/(\\d{1,2})/(\\d{1,2})${TAIL}$`);
const DOTTED = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TAIL}$`);
// 31/12/2019, 12-31-2019, 3/4/19: day and month in an order the file decides.
const NUMERIC = new RegExp(`^(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4}|\\d{2})${TAIL}$`);
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?|-)${MONTH_WORD}[\\s,-]+(\\d{4}|\\d{2})${TAIL}$`);
const MONTH_DAY = new RegExp(`^${MONTH_WORD}[\\s-]+(\\d{1,2})(?:st|nd|rd|th)?,?[\\s-]+(\\d{4})${TAIL}$`);
const YEAR_MONTH_DAY = new RegExp(`^(\\d{4})[\\s-]+${MONTH_WORD}[\\s-]+(\\d{1,2})${TAIL}$`);
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/;

interface Parts {
  year: number;
  month: number;
  day: number;
  time?: { hour: number; minute: number; second: number; ms: number };
  /** Minutes east of UTC. */
  offset: number;
}

export type DateOrder = 'day-first' | 'month-first';

/** The default where nothing in a file decides: day first, as most of the world writes dates. */
export const DEFAULT_DATE_ORDER: DateOrder = 'day-first';

function cleaned(raw: string): string {
  return (
    raw
      .trim()
      .toLowerCase()
      // JavaScript's Date#toString appends the zone's name in parentheses.
      .replace(/\s*\([^)]*\)\s*$/, '')
      .replace(/\s+/g, ' ')
      .replace(WEEKDAY, '')
  );
}

/**
 * A date's ISO form, or null when it cannot be read. `order` settles numeric dates that read
 * both ways (03/04/2019); dates with a part over 12 read the only way they can.
 */
export function normalizeDate(raw: string, order: DateOrder = DEFAULT_DATE_ORDER): string | null {
  const text = cleaned(raw);
  if (!text) return null;
  if (/^\d{9,10}$/.test(text)) return fromEpoch(Number(text) * 1000);
  if (/^\d{12,13}$/.test(text)) return fromEpoch(Number(text));
  const parts = partsOf(text, order);
  return parts ? isoOf(parts) : null;
}

/**
 * What a numeric day/month date says about the order: 'day-first' or 'month-first' when it can
 * only be read one way, 'either' when both readings are dates, null for other dates.
 */
export function numericDateOrder(raw: string): DateOrder | 'either' | null {
  const m = NUMERIC.exec(cleaned(raw));
  if (!m) return null;
  const a = +m[1]!;
  const b = +m[3]!;
  if (a > 12 && b <= 12) return 'day-first';
  if (b > 12 && a <= 12) return 'month-first';
  return a <= 12 && b <= 12 && a !== b ? 'either' : null;
}

function partsOf(text: string, order: DateOrder): Parts | null {
  let m = ISO.exec(text);
  if (m) {
    const time = m[4] === undefined ? undefined : clock(m[4], m[5], m[6], m[7], undefined);
    const offset = zoneOffset(m[8]);
    if (time === null || offset === null) return null;
    return { year: +m[1]!, month: +m[2]!, day: +m[3]!, time, offset };
  }
  m = COMPACT.exec(text);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]!, offset: 0 };
  m = SLASHED.exec(text);
  if (m) return withTail(+m[1]!, +m[2]!, +m[3]!, m.slice(4));
  m = DOTTED.exec(text);
  if (m) return withTail(+m[3]!, +m[2]!, +m[1]!, m.slice(4));
  m = NUMERIC.exec(text);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const dayFirst = a > 12 || (b <= 12 && order === 'day-first');
    return withTail(fullYear(m[4]!), dayFirst ? b : a, dayFirst ? a : b, m.slice(5));
  }
  m = YEAR_MONTH_DAY.exec(text);
  if (m) return withTail(+m[1]!, monthOf(m[2]!), +m[3]!, m.slice(4));
  m = DAY_MONTH.exec(text);
  if (m) return withTail(fullYear(m[3]!), monthOf(m[2]!), +m[1]!, m.slice(4));
  m = MONTH_DAY.exec(text);
  if (m) return withTail(+m[3]!, monthOf(m[1]!), +m[2]!, m.slice(4));
  return null;
}

/** `tail` holds the TIME and ZONE groups: hour, minute, second, fraction, meridiem, zone. */
function withTail(year: number, month: number, day: number, tail: (string | undefined)[]): Parts | null {
  const [hour, minute, second, fraction, meridiem, zone] = tail;
  if (hour === undefined) return { year, month, day, offset: 0 };
  const time = clock(hour, minute, second, fraction, meridiem);
  const offset = zoneOffset(zone);
  if (time === null || offset === null) return null;
  return { year, month, day, time, offset };
}

function clock(
  hour: string,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
  meridiem: string | undefined,
): Parts['time'] | null {
  let h = +hour;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem.startsWith('p') ? 12 : 0);
  }
  const min = +(minute ?? 0);
  // A leap second (":60") is folded into the minute's last second rather than rejected.
  const sec = Math.min(+(second ?? 0), 59);
  if (h > 23 || min > 59 || +(second ?? 0) > 60) return null;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  return { hour: h, minute: min, second: sec, ms };
}

/** Minutes east of UTC; 0 when there is no zone; null when the zone cannot be read. */
function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0;
  const named = ZONES[zone];
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc)?\s*([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = +m[2]!;
  const minutes = +(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function monthOf(word: string): number {
  return MONTHS[word.replace('.', '')] ?? 0;
}

// RFC 2822 section 4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx.
function fullYear(year: string): number {
  if (year.length === 4) return +year;
  const y = +year;
  return y < 50 ? 2000 + y : 1900 + y;
}

function isoOf(p: Parts): string | null {
  if (p.year < 1000 || p.year > 9999 || p.month < 1 || p.month > 12 || p.day < 1) return null;
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day));
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  if (day.getUTCMonth() !== p.month - 1 || day.getUTCDate() !== p.day) return null;
  if (!p.time) return day.toISOString().slice(0, 10);
  const t = p.time;
  return fromEpoch(Date.UTC(p.year, p.month - 1, p.day, t.hour, t.minute, t.second, t.ms) - p.offset * 60_000);
}

function fromEpoch(ms: number): string | null {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(ms) || year < 1000 || year > 9999) return null;
  return date.toISOString();
}

const ISO_OUT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/;

/** True for the two forms `normalizeDate` produces, and only for real calendar dates. */
export function isIsoDate(value: string): boolean {
  if (!ISO_OUT.test(value)) return false;
  const dayOnly = value.length === 10;
  const date = new Date(dayOnly ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(date.getTime())) return false;
  return dayOnly ? date.toISOString().slice(0, 10) === value : date.toISOString() === value;
}
