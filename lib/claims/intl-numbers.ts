/**
 * Counts as Russian, Ukrainian, Chinese and Japanese news write them, read into the same stated form
 * as English ones (CountValue): "до 12 700 человек" is { stated: [12700], hedge: 'up-to' }, "12,7 тыс."
 * is 12,700, "1300余人" is more than 1,300, "1.27万人" is 12,700, "約20人" about 20, "27カ国" 27 nations.
 * The interval used to compare them is lib/text/interval.ts's, as for English.
 */
import type { CountKind, CountValue, Hedge } from '../types';
import type { Span } from './types';

export interface IntlCount extends Span {
  kind: CountKind;
  value: CountValue;
  /** Where the number itself starts (after any hedge). */
  numberStart: number;
  /** The words between the number and its noun (Cyrillic), or the noun (CJK): where a demonym may sit. */
  between: string;
}

// ---------------------------------------------------------------- Russian and Ukrainian

const CYR_WORD_NUMBERS: [RegExp, number][] = [
  [/^(?:полтор[аы])$/, 1.5],
  [/^(?:один|одна|одного|одной|одну|одне|однієї|одного)$/, 1],
  [/^(?:два|две|двух|двох|дві)$/, 2],
  [/^(?:три|трех|трёх|трьох)$/, 3],
  [/^(?:четыре|четырех|четырёх|чотири|чотирьох)$/, 4],
  [/^(?:пять|пяти|п[’'ʼ]ять|п[’'ʼ]яти)$/, 5],
  [/^(?:шесть|шести|шість|шести)$/, 6],
  [/^(?:семь|семи|сім|семи)$/, 7],
  [/^(?:восемь|восьми|вісім|восьми)$/, 8],
  [/^(?:девять|девяти|дев[’'ʼ]ять|дев[’'ʼ]яти)$/, 9],
  [/^(?:десять|десяти)$/, 10],
  [/^(?:пятнадцать|пятнадцати|п[’'ʼ]ятнадцять)$/, 15],
  [/^(?:двадцать|двадцати|двадцять|двадцяти)$/, 20],
  [/^(?:тридцать|тридцати|тридцять|тридцяти)$/, 30],
  [/^(?:сорок|сорока)$/, 40],
  [/^(?:пятьдесят|пятидесяти|п[’'ʼ]ятдесят)$/, 50],
  [/^(?:сто|ста)$/, 100],
];

const CYR_NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.])|\d+(?:[.,]\d+)?|[а-яёіїєґ’'ʼ]+`;
const CYR_MULT = String.raw`тыс\.|тысяч[аиуей]?|тис\.|тисяч[аіиу]?|млн\.?|миллион[а-яёіїєґ]*|мільйон[а-яёіїєґ]*`;
const CYR_HEDGES: [RegExp, Hedge][] = [
  [/^(?:не менее|не меньше|не менше|щонайменше|как минимум|принаймні|минимум|мінімум)$/i, 'at-least'],
  [/^(?:не более|не больше|не більше|максимум)$/i, 'up-to'],
  [/^(?:свыше|более|больше|понад|більше|больше чем|более чем)$/i, 'more-than'],
  [/^(?:менее|меньше|менше|менш ніж|менее чем)$/i, 'fewer-than'],
  [/^(?:почти|майже)$/i, 'almost'],
  [/^(?:до)$/i, 'up-to'],
  [/^(?:около|порядка|примерно|приблизительно|близько|приблизно)$/i, 'about'],
];
const CYR_HEDGE = String.raw`не менее|не меньше|не менше|не более|не больше|не більше|как минимум|щонайменше|принаймні|минимум|мінімум|максимум|свыше|более чем|более|больше чем|больше|понад|більше|менее чем|менее|меньше|менше|почти|около|порядка|примерно|приблизительно|близько|приблизно|майже|до`;

/** Nouns that say what is counted; the stem is enough, case endings vary. */
const CYR_NOUNS: [RegExp, CountKind][] = [
  [/^(?:военнослужащ|военн(?:ых|ые|ослужащих)|человек|чел\.|солдат|бойц|участник|личн|військовослужбовц|військов(?:их|і)|осіб|особ|людей|вояк|солдатів|учасник|морпех|десантник|курсант|специалист|фахівц)/i, 'participants'],
  [/^(?:единиц[а-яёіїєґ]* (?:военной |бронетанковой |боевой |авиационной |автомобильной |специальной )?техники|единиц[а-яёіїєґ]* вооружения|единиц[а-яёіїєґ]* бронетехники|одиниц[а-яёіїєґ]* (?:бойової |військової |бронетанкової )?техніки|одиниц[а-яёіїєґ]* бронетехніки|бронетехн[іи]к|техн[іи]к|техник|танк|бронемашин|машин|БМП|БТР|орудий|орудия|гармат|артиллерийских систем|артилерійських систем)/i, 'vehicles'],
  [/^(?:самол[её]т|летательн|воздушн[а-яёіїєґ]* суд|вертол[её]т|літак|гелікоптер|вертольот|повітрян[а-яёіїєґ]* суд|авиатехник|авіатехнік|дрон|беспилотник|безпілотник)/i, 'aircraft'],
  [/^(?:корабл|судов|суден|кораблів|катер|подводн[а-яёіїєґ]* лод|підводн[а-яёіїєґ]* чов)/i, 'vessels'],
  [/^(?:стран|государств|країн|держав)/i, 'nations'],
  [/^(?:команд)/i, 'teams'],
];

const CYR_COUNT = new RegExp(
  String.raw`(?:(${CYR_HEDGE})\s+)?(${CYR_NUMBER})(?:\s*[-–—]\s*(${CYR_NUMBER}))?(?:\s*(${CYR_MULT})(?:\s+(\d{1,3})(?=\s))?)?(?:\s*[–—-])?\s+((?:[а-яёіїєґ’'ʼ-]+\s+){0,2}?)([а-яёіїєґA-ZА-ЯЁІЇЄҐ.’'ʼ]+(?:\s+[а-яёіїєґ]+){0,3})`,
  'giu',
);

function cyrNumber(raw: string): number | null {
  if (/^\d/.test(raw)) {
    const compact = raw.replace(/[ \u00a0\u202f\u2009]/g, '');
    // A comma or point with three digits after it, and nothing else, groups thousands ("12,700");
    // with one or two it is a decimal ("12,7 тыс.").
    if (/^\d{1,3}[.,]\d{3}$/.test(compact)) return Number(compact.replace(/[.,]/, ''));
    return Number(compact.replace(',', '.'));
  }
  const word = raw.toLowerCase();
  for (const [re, n] of CYR_WORD_NUMBERS) if (re.test(word)) return n;
  return null;
}

function multiplier(raw: string | undefined): number {
  if (!raw) return 1;
  return /^(?:млн|миллион|мільйон)/i.test(raw) ? 1_000_000 : 1000;
}

function cyrHedge(raw: string | undefined): Hedge {
  if (!raw) return 'exact';
  for (const [re, h] of CYR_HEDGES) if (re.test(raw)) return h;
  return 'exact';
}

function cyrKind(noun: string): CountKind | null {
  for (const [re, kind] of CYR_NOUNS) if (re.test(noun)) return kind;
  return null;
}

/** A number glued by a hyphen to a name ("Breeze-2021"), inside an ISO date, or written with a leading zero ("08"). */
function partOfNameOrDate(sentence: string, at: number, raw: string): boolean {
  if (/^0\d/.test(raw)) return true;
  if (/[\p{L}\d][-‑–]$/u.test(sentence.slice(Math.max(0, at - 2), at))) return true;
  return /\d{4}-\d{2}-\d{2}/.test(sentence.slice(Math.max(0, at - 8), at + raw.length + 8));
}

function findCyrillicCounts(sentence: string): IntlCount[] {
  const out: IntlCount[] = [];
  let previous: CountKind | null = null;
  CYR_COUNT.lastIndex = 0;
  for (let m = CYR_COUNT.exec(sentence); m; m = CYR_COUNT.exec(sentence)) {
    const [, hedgeRaw, aRaw, bRaw, multRaw, extraRaw, between = '', nounRaw = ''] = m;
    // "Sea Breeze-2021 збере", "2025-08-12": an edition's year or a date's parts, not a count.
    if (partOfNameOrDate(sentence, m.index + (hedgeRaw ? m[0].indexOf(aRaw!, hedgeRaw.length) : 0), aRaw!)) continue;
    const a = cyrNumber(aRaw!);
    if (a === null) {
      // The word was not a number: let the scan resume one word later.
      CYR_COUNT.lastIndex = m.index + (hedgeRaw ? hedgeRaw.length : 0) + aRaw!.length;
      continue;
    }
    // Word numbers count only with "тысяч" ("трех тысяч") or as small counts of nations and teams.
    const wordNumber = !/^\d/.test(aRaw!);
    // The noun may follow one or two adjectives ("3000 российских военнослужащих"): the first word, of the
    // next four, that names what is counted.
    const words = `${between}${nounRaw}`.trim().split(/\s+/);
    let kind: CountKind | null = null;
    let k = 0;
    for (; k < Math.min(words.length, 4) && !kind; k++) kind = cyrKind(words.slice(k).join(' '));
    // "до 12 700 военнослужащих, из них около 3000 российских": the noun is understood from the count before.
    if (!kind && previous && /^[а-яёіїєґ]+(?:ских|ские|ского|ськ[а-яіїє]*)[.,;]*$/iu.test(words[0] ?? '')) {
      kind = previous;
      k = 1;
    }
    // "Около 12 тысяч военных: до 8 тысяч от России": thousands of the same, from a country.
    const elided = !kind && !!previous && !!multRaw && /^(?:от|из|з|від|із)$/iu.test(words[0] ?? '');
    if (elided) kind = previous;
    if (!kind) continue;
    previous = kind;
    if (wordNumber && !multRaw && kind !== 'nations' && kind !== 'teams') continue;
    // A year or a date is not a count ("2017 года", "14 сентября").
    if (/^(?:год|року|рік|г\.)/i.test(nounRaw) && !multRaw) continue;
    const mult = multiplier(multRaw);
    // "10 тисяч 200": thousands, then the rest.
    const lo = Math.round(a * mult) + (extraRaw ? Number(extraRaw) : 0);
    const b = bRaw ? cyrNumber(bRaw) : null;
    const hedge: Hedge = b !== null ? 'range' : cyrHedge(hedgeRaw);
    const stated = b !== null ? [lo, Math.round(b * (multRaw ? mult : 1))] : [lo];
    if (stated.some((n) => !Number.isFinite(n) || n <= 0)) continue;
    const start = m.index;
    const numberStart = m.index + (hedgeRaw ? m[0].indexOf(aRaw!, hedgeRaw.length) : 0);
    const value: CountValue = { type: 'count', stated, hedge };
    if (hedgeRaw) value.hedgeText = hedgeRaw;
    if (elided) {
      const multEnd = m.index + m[0].indexOf(multRaw, numberStart - m.index + aRaw!.length) + multRaw.length;
      out.push({ kind, value, start, end: multEnd, numberStart, between: '' });
      // The words after it may open the next figure ("и свыше 4 тысяч").
      CYR_COUNT.lastIndex = multEnd;
      continue;
    }
    // "человек." at a sentence end keeps its full stop out; "чел." is the abbreviation itself.
    const nounWord = /^чел\.$/i.test(words[k - 1]!) ? words[k - 1]! : words[k - 1]!.replace(/\.+$/, '');
    const nounEnd = m.index + m[0].lastIndexOf(nounWord, m[0].length - nounRaw.length + nounRaw.indexOf(nounWord) + 1) + nounWord.length;
    out.push({ kind, value, start, end: nounEnd, numberStart, between: words.slice(0, k - 1).join(' ') });
  }
  return out;
}

// ---------------------------------------------------------------- Chinese and Japanese

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "三千" = 3000, "二十" = 20, "十" = 10, "两万" = 20000 (the 万 is read by the caller). */
export function hanNumber(raw: string): number | null {
  let total = 0;
  let digit = -1;
  for (const ch of raw) {
    if (ch in HAN_DIGITS) digit = HAN_DIGITS[ch]!;
    else if (ch in HAN_UNITS) {
      total += (digit < 0 ? 1 : digit) * HAN_UNITS[ch]!;
      digit = -1;
    } else return null;
  }
  if (digit >= 0) total += digit;
  return total || null;
}

const CJK_NUMBER = String.raw`\d+(?:[.,]\d+)*|[零〇一二两兩三四五六七八九十百千]+`;
const CJK_HEDGE_BEFORE = String.raw`大约|大約|约有|約有|约|約|近|将近|將近|接近|超过|超過|逾|多达|多達|至少|最多|およそ|おおよそ|最大|最大で|少なくとも|计|共计|共|総勢`;
/** Nations counted by what they are to the exercise: members, partners, allies. */
const CJK_NATION_GROUPS = '同盟国|同盟國|パートナー国|伙伴国|夥伴國|成员国|成員國|加盟国|参加国|參加國|参与国|參與國|参演国|參演國';
/** Counter words and what they count; 名/人 may be followed by the kind of person. */
const CJK_COUNTERS: [RegExp, CountKind][] = [
  [/^(?:名|人|位|军人|軍人|官兵|士兵|将士|將士|兵力|人员|人員)/, 'participants'],
  [/^(?:架|機)/, 'aircraft'],
  [/^(?:艘|隻|隻)/, 'vessels'],
  [/^(?:辆|輛|両|台)/, 'vehicles'],
  // "5000多件武器和军事装备": pieces of equipment (only with the equipment word after, below).
  [/^件/, 'vehicles'],
  [new RegExp(`^(?:${CJK_NATION_GROUPS})`), 'nations'],
  [/^(?:个国家|個國家|个国家和地区|個國家和地區|国家|國家|カ国|か国|ヶ国|ヵ国|箇国|国|國)/, 'nations'],
  [/^(?:支队伍|支隊伍|支团队|支團隊|个团队|個團隊|チーム)/, 'teams'],
];
const CJK_COUNT = new RegExp(
  String.raw`(?:(${CJK_HEDGE_BEFORE})(?:兵士|士兵|兵力|军人|軍人|官兵|人员|人員|部隊|部队)?)?(${CJK_NUMBER})(?:\s*[-–~～至到]\s*(${CJK_NUMBER}))?\s*(?:(万|萬|千)(\d{1,4}(?![\d.])(?:千(?!\d))?)?)?\s*(余|餘|多|超|以上|近く|余り)?\s*(个国家和地区|個國家和地區|个国家|個國家|${CJK_NATION_GROUPS}|支队伍|支隊伍|支团队|支團隊|个团队|個團隊|カ国|か国|ヶ国|ヵ国|箇国|国家|國家|チーム|军人|軍人|官兵|士兵|将士|將士|兵力|人员|人員|名|人|位|架|機|艘|隻|辆|輛|両|台|件|国|國)(余り|超|以上|近く|余|多)?`,
  'gu',
);

function cjkHedge(before: string | undefined, after: string | undefined): Hedge {
  const after1 = after ?? '';
  if (/^(?:余|餘|多|超|余り)$/.test(after1)) return 'more-than';
  if (after1 === '以上') return 'at-least';
  if (after1 === '近く') return 'almost';
  if (!before) return 'exact';
  if (/^(?:近|将近|將近|接近)$/.test(before)) return 'almost';
  if (/^(?:超过|超過|逾)$/.test(before)) return 'more-than';
  if (/^(?:多达|多達|最多|最大|最大で)$/.test(before)) return 'up-to';
  if (/^(?:至少|少なくとも)$/.test(before)) return 'at-least';
  if (/^(?:计|共计|共|総勢)$/.test(before)) return 'exact';
  return 'about';
}

function cjkNumber(raw: string): number | null {
  if (/^\d/.test(raw)) {
    // "12,700" groups thousands; "1.27" is a decimal (before 万).
    if (/^\d{1,3}(?:,\d{3})+$/.test(raw)) return Number(raw.replace(/,/g, ''));
    return Number(raw.replace(',', '.'));
  }
  return hanNumber(raw);
}

function findCjkCounts(sentence: string, lang: 'zh' | 'ja'): IntlCount[] {
  const out: IntlCount[] = [];
  CJK_COUNT.lastIndex = 0;
  for (let m = CJK_COUNT.exec(sentence); m; m = CJK_COUNT.exec(sentence)) {
    const [, hedgeBefore, aRaw, bRaw, wan, restRaw, midHedge, counter, hedgeAfter] = m;
    // A year, month or day is not a count: "2019年", "11月", written with other characters anyway.
    const a = cjkNumber(aRaw!);
    if (a === null) continue;
    // "第3" (the third) is not a count; "数千人", "几千人" (some thousands) are too vague to compare.
    if (/[第数數几幾]/u.test(sentence.charAt(m.index - 1))) continue;
    const kindEntry = CJK_COUNTERS.find(([re]) => re.test(counter!));
    if (!kindEntry) continue;
    let kind = kindEntry[1];
    const next = sentence.slice(m.index + m[0].length, m.index + m[0].length + 6);
    // 件 counts anything: only "件武器", "件装备" is equipment.
    if (counter === '件' && !/^(?:武器|装备|裝備|军事装备|軍事裝備|武器装备|武器裝備)/u.test(next)) continue;
    // "1000餘架裝備車": 架 before a word for vehicle counts vehicles, not aircraft.
    if (counter === '架' && /^(?:装备车|裝備車|车|車|战车|戰車|坦克)/u.test(next)) kind = 'vehicles';
    // 国/國 alone counts nations only after a number of two digits or fewer ("27国"); "中国" is not reached here.
    if ((counter === '国' || counter === '國') && a > 200) continue;
    // Japanese counts nations with カ国; "四国" is the island of Shikoku, "二国間" bilateral.
    if (lang === 'ja' && (counter === '国' || counter === '國') && !/^\d/.test(aRaw!)) continue;
    // 台 counts vehicles in Japanese; a "台" after a year is Taiwan-related text, rare: keep numbers below 5,000.
    if (counter === '台' && a > 5000) continue;
    // 人 after a nations count word ("多国人员") is people; fine. 名 after 第 excluded above.
    const mult = wan === '万' || wan === '萬' ? 10_000 : wan === '千' ? 1000 : 1;
    // "1万2700人": ten-thousands, then the rest.
    // "3万5千人": the rest may be thousands too.
    const rest = restRaw ? (restRaw.endsWith('千') ? Number(restRaw.slice(0, -1)) * 1000 : Number(restRaw)) : 0;
    const lo = Math.round(a * mult) + rest;
    const b = bRaw ? cjkNumber(bRaw) : null;
    const stated = b !== null ? [lo, Math.round(b * mult)] : [lo];
    if (stated.some((n) => !Number.isFinite(n) || n <= 0)) continue;
    const hedge: Hedge = b !== null ? 'range' : cjkHedge(hedgeBefore, hedgeAfter ?? midHedge);
    if (kind === 'participants' && /^(?:人|名|位)$/.test(counter!) && /^(?:次|回)/.test(sentence.slice(m.index + m[0].length))) continue;
    if (kind === 'nations' && lo > 200) kind = 'participants';
    const value: CountValue = { type: 'count', stated, hedge };
    const words = [hedgeBefore, midHedge ?? hedgeAfter].filter(Boolean).join('…');
    if (words) value.hedgeText = words;
    const numberStart = m.index + (hedgeBefore?.length ?? 0);
    out.push({ kind, value, start: m.index, end: m.index + m[0].length, numberStart, between: counter! });
  }
  return out;
}

/** "333の航空機", "約250の艦艇": Japanese counts a noun after の instead of a counter word. */
const JA_NOUN_COUNT = new RegExp(String.raw`(?:(${CJK_HEDGE_BEFORE}))?(\d+(?:,\d{3})*)(万)?の(航空機|軍用機|戦闘機|艦艇|艦船|軍艦|戦車|装甲車|車両|兵士|兵員|将兵)`, 'gu');
const JA_NOUN_KINDS: [RegExp, CountKind][] = [
  [/^(?:航空機|軍用機|戦闘機)$/u, 'aircraft'],
  [/^(?:艦艇|艦船|軍艦)$/u, 'vessels'],
  [/^(?:戦車|装甲車|車両)$/u, 'vehicles'],
  [/^(?:兵士|兵員|将兵)$/u, 'participants'],
];

function findJapaneseNounCounts(sentence: string): IntlCount[] {
  const out: IntlCount[] = [];
  JA_NOUN_COUNT.lastIndex = 0;
  for (let m = JA_NOUN_COUNT.exec(sentence); m; m = JA_NOUN_COUNT.exec(sentence)) {
    const [, hedgeBefore, raw, wan, noun] = m;
    // "2025年の", "16日の": a year or a day is never followed by these nouns directly, but a rank is ("第3の").
    if (/[第\d]/u.test(sentence.charAt(m.index - 1))) continue;
    const n = Number(raw!.replace(/,/g, '')) * (wan ? 10_000 : 1);
    const kind = JA_NOUN_KINDS.find(([re]) => re.test(noun!))![1];
    if (!Number.isFinite(n) || n <= 0) continue;
    const value: CountValue = { type: 'count', stated: [n], hedge: cjkHedge(hedgeBefore, undefined) };
    if (hedgeBefore) value.hedgeText = hedgeBefore;
    out.push({ kind, value, start: m.index, end: m.index + m[0].length, numberStart: m.index + (hedgeBefore?.length ?? 0), between: noun! });
  }
  return out;
}

/** Counts in one sentence of a Russian, Ukrainian, Chinese or Japanese article. */
export function findIntlCounts(sentence: string, lang: 'ru' | 'uk' | 'zh' | 'ja'): IntlCount[] {
  if (lang === 'ja') return [...findCjkCounts(sentence, lang), ...findJapaneseNounCounts(sentence)].sort((a, b) => a.start - b.start);
  return lang === 'zh' ? findCjkCounts(sentence, lang) : findCyrillicCounts(sentence);
}
