/**
 * Exercise dates as Russian, Ukrainian, Chinese and Japanese news write them: "с 14 по 20 сентября",
 * "14–20 вересня 2017 року", "12月2日から6日まで", "11月27日至12月1日", and a single day with a start or end
 * word ("начались 14 сентября", "持续到12月6日"). A day without its year takes the edition's year, then the
 * publication's. Read into the same DatesValue as English dates.
 */
import type { DatesValue } from '../types';
import type { DatesMatch } from './dates';

/** Dates as read, and whether their month was not written but taken from the publication ("11日", "本月9日"). */
export interface IntlDatesMatch extends DatesMatch {
  monthGuessed?: boolean;
}

const MONTHS: [RegExp, number][] = [
  [/^(?:январ|січн)/i, 1],
  [/^(?:феврал|лют)/i, 2],
  [/^(?:март|берез)/i, 3],
  [/^(?:апрел|квіт)/i, 4],
  [/^(?:ма[йяе]|травн)/i, 5],
  [/^(?:июн|червн)/i, 6],
  [/^(?:июл|липн)/i, 7],
  [/^(?:август|серпн)/i, 8],
  [/^(?:сентябр|вересн)/i, 9],
  [/^(?:октябр|жовтн)/i, 10],
  [/^(?:ноябр|листопад)/i, 11],
  [/^(?:декабр|грудн)/i, 12],
];
const MONTH = String.raw`(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|січн|лют|берез|квіт|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн)[а-яёіїєґ]*`;
const YEAR_AFTER = String.raw`(?:\s+((?:19|20)\d\d)\s*(?:года|г\.|року|р\.)?)?`;

const CYR_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => { d1: number; m1: string | null; d2: number | null; m2: string; y: string | undefined } }[] = [
  // с 14 по 20 сентября; з 14 по 20 вересня; с 14 сентября по 20 сентября; с 30 августа по 5 сентября
  {
    re: new RegExp(String.raw`(?:^|[\s(«"])(?:с|со|з|із)\s+(\d{1,2})(?:\s+(${MONTH}))?\s+(?:по|до)\s+(\d{1,2})\s+(${MONTH})${YEAR_AFTER}`, 'giu'),
    read: (m) => ({ d1: Number(m[1]), m1: m[2] ?? null, d2: Number(m[3]), m2: m[4]!, y: m[5] }),
  },
  // 14–20 сентября; 14-20 вересня 2017 року; 30 августа – 5 сентября
  {
    re: new RegExp(String.raw`(\d{1,2})(?:\s+(${MONTH}))?\s*[-–—−]\s*(\d{1,2})\s+(${MONTH})${YEAR_AFTER}`, 'giu'),
    read: (m) => ({ d1: Number(m[1]), m1: m[2] ?? null, d2: Number(m[3]), m2: m[4]!, y: m[5] }),
  },
];
const CYR_SINGLE = new RegExp(String.raw`(\d{1,2})\s+(${MONTH})${YEAR_AFTER}`, 'giu');
const CYR_START = /(?:начал|стартов|старту|начн|стартуют|пройдут с|открыл|розпоча|почал|почнут|стартувал)[а-яёіїєґ]*\s*(?:[а-яёіїєґ]+\s+){0,3}$/iu;
/** "14 сентября в России и Белоруссии начались учения", "14 вересня розпочинаються": the start verb after the day, in its clause. */
const CYR_START_AFTER = /^[^.;:!?]{0,60}?\s(?:начал(?:ись|ось|ся|ась)|начнутся|стартовал[аио]?|стартуют|стартували|розпочал(?:ися|ося|ася|ись)|розпочинаються|розпочнуться|почал(?:ися|ося|ась))(?=[\s,.])/iu;
const CYR_END = /(?:^|\s)(?:до|по)\s+$|(?:заверш|закончат|окончат|продлят|продлил|триватим|тривал|закінч|заверш)[а-яёіїєґ]*\s+(?:[а-яёіїєґ]+\s+){0,2}(?:до\s+)?$/iu;

const CJK_RANGE = /(?:((?:19|20)\d\d)年)?(\d{1,2})月(\d{1,2})日(?:[(（][^)）]{1,3}[)）])?\s*(?:至|到|～|~|－|-|—|–|から|起至)\s*(?:((?:19|20)\d\d)年)?(?:(\d{1,2})月)?(\d{1,2})日(?:[(（][^)）]{1,3}[)）])?(?:まで)?/gu;
/** "9月14-20日": one month, a range of days. */
const CJK_DAYS = /(?:((?:19|20)\d\d)年)?(\d{1,2})月(\d{1,2})\s*[-–—~～至到]\s*(\d{1,2})日/gu;
/**
 * "日程为10至19日", "8日から19日まで": a range of days with no month, the publication's month (as "本月9日").
 * Only after a word that opens the period, or with まで: "2至3日" alone may be a length.
 */
const CJK_BARE_DAYS = /(^|为|為|は|从|從|自|于|於)\s*(\d{1,2})日?\s*(?:持续|持續|一直)?(?:至|到|～|~|－|-|—|–|から)\s*(\d{1,2})日(まで)?/gu;
/**
 * "ロシアは11日、…「ボストーク2018」を開始した", "「ザーパド2017」が14日、…で始まった": a day of the publication's
 * month with the start verb later in its clause; "17日まで実施され": with its end word. (A day alone is as often
 * the day something was said: "16日、…と述べた".)
 */
const CJK_BARE_DAY = /(?<![\d月年(（])(\d{1,2})日(?![間目])/gu;
const JA_START_LATER = /^[^。；;]{0,70}?(?:が始まっ|が始まり|を開始し|を開始する|が開幕|始まった|始まり|開始した|スタートした)/u;
const CJK_BARE_END_AFTER = /^(?:まで(?:の期間|実施|行わ|続|の)|(?:结束|結束|闭幕|閉幕))/u;
/** "本月9日" (the 9th of this month): the publication's month. */
const CJK_SINGLE = /(?:((?:19|20)\d\d)年)?(?:(\d{1,2})月|本月|当月|當月)(\d{1,2})日/gu;
const CJK_START_AFTER = /^(?:[(（][^)）]{1,3}[)）])?\s*(?:起|开始|開始|开幕|開幕|拉开|拉開|打响|打響|启动|啟動|正式开始|から始|に始ま|に開始|から実施|から行わ|に開幕|にスタート)/u;
const CJK_END_BEFORE = /(?:持续到|持續到|持续至|持續至|一直到|结束于|結束於|至)$/u;
const CJK_END_AFTER = /^(?:[(（][^)）]{1,3}[)）])?\s*(?:结束|結束|闭幕|閉幕|落幕|まで|に終了|に閉幕)/u;

function monthOf(word: string | null | undefined): number | null {
  if (!word) return null;
  for (const [re, n] of MONTHS) if (re.test(word)) return n;
  return null;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function yearFor(written: string | undefined, editionYear: number | null, published: Date | null): number | null {
  if (written) return Number(written);
  if (editionYear !== null) return editionYear;
  return published ? published.getUTCFullYear() : null;
}

function value(start: string | null, end: string | null): DatesValue {
  return { type: 'dates', start, end, precision: 'day' };
}

function cyrillicDates(sentence: string, published: Date | null, editionYear: number | null): DatesMatch | null {
  for (const { re, read } of CYR_PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(sentence);
    if (!m) continue;
    const r = read(m);
    const m2 = monthOf(r.m2);
    const m1 = monthOf(r.m1) ?? m2;
    const y = yearFor(r.y, editionYear, published);
    if (!m1 || !m2 || y === null || r.d2 === null) continue;
    // A range across the new year ("30 декабря – 5 января") starts the year before.
    const y1 = m1 > m2 ? y - 1 : y;
    const start = iso(y1, m1, r.d1);
    const end = iso(y, m2, r.d2);
    if (!start || !end || start > end) continue;
    const lead = m[0].length - m[0].trimStart().length;
    return { start: m.index + lead, end: m.index + m[0].length, value: value(start, end) };
  }
  CYR_SINGLE.lastIndex = 0;
  for (let m = CYR_SINGLE.exec(sentence); m; m = CYR_SINGLE.exec(sentence)) {
    const month = monthOf(m[2]);
    const y = yearFor(m[3], editionYear, published);
    if (!month || y === null) continue;
    const day = iso(y, month, Number(m[1]));
    if (!day) continue;
    const before = sentence.slice(Math.max(0, m.index - 50), m.index);
    if (CYR_END.test(before)) return { start: m.index, end: m.index + m[0].length, value: value(null, day) };
    if (CYR_START.test(before) || CYR_START_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 70))) {
      // "14 вересня … стартували навчання, які тривали до 20 вересня": the end later in the sentence closes the range.
      const until = laterEnd(sentence, m.index + m[0].length, published, editionYear);
      if (until && until.day >= day) return { start: m.index, end: until.end, value: value(day, until.day) };
      return { start: m.index, end: m.index + m[0].length, value: value(day, null) };
    }
  }
  return null;
}

function laterEnd(sentence: string, from: number, published: Date | null, editionYear: number | null): { day: string; end: number } | null {
  const re = new RegExp(CYR_SINGLE.source, 'giu');
  re.lastIndex = from;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const month = monthOf(m[2]);
    const y = yearFor(m[3], editionYear, published);
    const day = month && y !== null ? iso(y, month, Number(m[1])) : null;
    if (day && CYR_END.test(sentence.slice(Math.max(0, m.index - 50), m.index))) return { day, end: m.index + m[0].length };
  }
  return null;
}

function cjkDates(sentence: string, published: Date | null, editionYear: number | null): IntlDatesMatch | null {
  CJK_RANGE.lastIndex = 0;
  const r = CJK_RANGE.exec(sentence);
  if (r) {
    const y1 = yearFor(r[1], editionYear, published);
    const m1 = Number(r[2]);
    const m2 = r[5] ? Number(r[5]) : m1;
    const y2 = r[4] ? Number(r[4]) : y1 !== null && m2 < m1 ? y1 + 1 : y1;
    if (y1 !== null && y2 !== null) {
      const start = iso(y1, m1, Number(r[3]));
      const end = iso(y2, m2, Number(r[6]));
      if (start && end && start <= end) return { start: r.index, end: r.index + r[0].length, value: value(start, end) };
    }
  }
  CJK_DAYS.lastIndex = 0;
  const d = CJK_DAYS.exec(sentence);
  if (d) {
    const y = yearFor(d[1], editionYear, published);
    const start = y === null ? null : iso(y, Number(d[2]), Number(d[3]));
    const end = y === null ? null : iso(y, Number(d[2]), Number(d[4]));
    if (start && end && start <= end) return { start: d.index, end: d.index + d[0].length, value: value(start, end) };
  }
  const bare = bareDays(sentence, published, editionYear) ?? bareDay(sentence, published, editionYear);
  if (bare) return bare;
  CJK_SINGLE.lastIndex = 0;
  for (let m = CJK_SINGLE.exec(sentence); m; m = CJK_SINGLE.exec(sentence)) {
    const y = yearFor(m[1], editionYear, published);
    const month = m[2] ? Number(m[2]) : published ? published.getUTCMonth() + 1 : null;
    if (y === null || month === null) continue;
    const day = iso(y, month, Number(m[3]));
    if (!day) continue;
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 12);
    const before = sentence.slice(Math.max(0, m.index - 6), m.index);
    if (CJK_END_BEFORE.test(before) || CJK_END_AFTER.test(after)) return { start: m.index, end: m.index + m[0].length, value: value(null, day) };
    if (CJK_START_AFTER.test(after)) return { start: m.index, end: m.index + m[0].length, value: value(day, null) };
  }
  return null;
}

function bareDays(sentence: string, published: Date | null, editionYear: number | null): IntlDatesMatch | null {
  if (!published) return null;
  CJK_BARE_DAYS.lastIndex = 0;
  for (let m = CJK_BARE_DAYS.exec(sentence); m; m = CJK_BARE_DAYS.exec(sentence)) {
    const at = m.index + m[1]!.length;
    // "11月8日至19日" is read above; a digit, 月 or 年 before the first day belongs to another reading.
    if (/[\d月年]/u.test(sentence.charAt(at - 1)) || (!m[1] && m.index > 0 && !m[4])) continue;
    const y = yearFor(undefined, editionYear, published);
    const month = published.getUTCMonth() + 1;
    const start = y === null ? null : iso(y, month, Number(m[2]));
    const end = y === null ? null : iso(y, month, Number(m[3]));
    if (start && end && start < end) return { start: at, end: m.index + m[0].length, value: value(start, end), monthGuessed: true };
  }
  return null;
}

function bareDay(sentence: string, published: Date | null, editionYear: number | null): IntlDatesMatch | null {
  if (!published) return null;
  const y = yearFor(undefined, editionYear, published);
  if (y === null) return null;
  const today = published.getUTCDate();
  CJK_BARE_DAY.lastIndex = 0;
  for (let m = CJK_BARE_DAY.exec(sentence); m; m = CJK_BARE_DAY.exec(sentence)) {
    const n = Number(m[1]);
    const day = iso(y, published.getUTCMonth() + 1, n);
    if (!day) continue;
    const after = sentence.slice(m.index + m[0].length);
    // Which month a bare day is in is sure only on the near side of the publication day: an end still to come
    // ("17日まで") on or after it, a start that has happened ("11日、…が始まった") on or before it.
    if (CJK_BARE_END_AFTER.test(after)) {
      if (n >= today) return { start: m.index, end: m.index + m[0].length, value: value(null, day), monthGuessed: true };
      continue;
    }
    if (JA_START_LATER.test(after) && n <= today) return { start: m.index, end: m.index + m[0].length, value: value(day, null), monthGuessed: true };
  }
  return null;
}

/** The exercise dates one sentence states, or null. */
export function findIntlDates(sentence: string, lang: 'ru' | 'uk' | 'zh' | 'ja', published: Date | null, editionYear: number | null): IntlDatesMatch | null {
  return lang === 'zh' || lang === 'ja' ? cjkDates(sentence, published, editionYear) : cyrillicDates(sentence, published, editionYear);
}
