/**
 * Claim extraction for Russian, Ukrainian, Chinese and Japanese articles. The same walk as English
 * (lib/claims/extract.ts): sentences that name an exercise, refer back to one ("учения", "演习") or follow
 * closely on one; in each, counts with their scope and stance, dates, places and roles, with the
 * exercise and edition they speak of. The readers differ (intl-numbers, intl-dates and the cue words
 * below); the claims they produce have the same shape and are compared with English ones as they are.
 */
import type { Claim, ClaimKind, ClaimValue, EntityId, Mention, Role, Scope, Stance } from '../types';
import { relate } from './compare';
import { claimFromSentence } from './claim';
import { parsePublished } from './dates';
import { editionOfMention, sentenceYear } from './editions';
import { findIntlCounts, hanNumber, type IntlCount } from './intl-numbers';
import { findIntlDates } from './intl-dates';
import type { Actor } from './roles';
import { stanceOf } from './scope';
import { splitSentences } from '../text/sentences';
import { runSteps, type Steps } from '../steps';
import type { ExtractInput, Span } from './types';
import { yearFromUrl } from '../text/url';

type Lang = 'ru' | 'uk' | 'zh' | 'ja';

interface Cues {
  /** Words that refer back to an exercise already named. */
  exercise: RegExp;
  /** Taking part. */
  participation: RegExp;
  observer: RegExp;
  /** Who the figures come from: group 1 is the speaker. */
  attribution: RegExp[];
  estimate: RegExp;
  official: RegExp;
  /** A part of the figure before: "из них", "в том числе", "其中", "うち". */
  part: RegExp;
  /** A place the exercise is held in: the country follows (Cyrillic) or precedes (CJK) these words. */
  placeBefore: RegExp | null;
  placeAfter: RegExp | null;
  /** The territory of a country: "на территории Беларуси", "在白俄罗斯境内". */
  territory: RegExp;
  phase: RegExp;
  threshold: RegExp;
  /** Another event whose date is not the exercise's. */
  otherEvent: RegExp;
  /** A sentence that opens on the exercise's period ("実施期間は…", "演习时间为…"): its dates are the exercise's. */
  timing?: RegExp;
  /** After the exercise's name, the sentence's verb of taking part ("」に参加した"): its subject takes part. */
  joinsAfterName?: RegExp;
  /** One-character country names that run together before "joint" or "forces" ("日美部队", "日米印共同訓練"). */
  abbreviations?: Record<string, EntityId | null>;
}

/** "中俄", "美日印澳": the one-character names Chinese writes in a run of members. */
const ZH_ABBREVIATIONS: Record<string, EntityId | null> = {
  中: 'country:CN', 美: 'country:US', 日: 'country:JP', 俄: 'country:RU', 韩: 'country:KR', 韓: 'country:KR', 朝: 'country:KP', 澳: 'country:AU',
  印: 'country:IN', 英: 'country:GB', 法: 'country:FR', 德: 'country:DE', 加: 'country:CA', 蒙: 'country:MN', 菲: 'country:PH', 越: 'country:VN', 泰: 'country:TH',
  欧: null, 歐: null,
};
/** "日米", "日米豪": the Japanese ones (欧, Europe, may sit in the run but names no country). */
const JA_ABBREVIATIONS: Record<string, EntityId | null> = {
  日: 'country:JP', 米: 'country:US', 豪: 'country:AU', 英: 'country:GB', 仏: 'country:FR', 独: 'country:DE', 露: 'country:RU', 中: 'country:CN',
  韓: 'country:KR', 印: 'country:IN', 加: 'country:CA', 比: 'country:PH', 蒙: 'country:MN', 欧: null,
};
/** What follows a run of members: "joint", "both/three/four countries", "forces", "drills", "and others". */
const MEMBERS_AFTER = /^(?:两国|兩國|三国|三國|四国|四國|五国|五國|联合|聯合|联手|聯手|部队|部隊|军队|軍隊|两军|兩軍|军演|軍演|演习|演習|合同|共同|両国|両軍|など\d|(?:両|两|兩)?(?:海軍|海军|空軍|空军))/u;
/** Before a run that is not a list of members: "驻日美军" (US forces stationed in Japan), "访美". */
const NOT_MEMBERS_BEFORE = /[驻駐在访訪赴对對]$/u;

function abbreviatedMembers(sentence: string, cues: Cues): { span: Span; entity: EntityId }[] {
  const names = cues.abbreviations;
  if (!names) return [];
  const out: { span: Span; entity: EntityId }[] = [];
  const run = new RegExp(`[${Object.keys(names).join('')}]{2,5}`, 'gu');
  for (let m = run.exec(sentence); m; m = run.exec(sentence)) {
    if (!MEMBERS_AFTER.test(sentence.slice(m.index + m[0].length)) || NOT_MEMBERS_BEFORE.test(sentence.slice(0, m.index))) continue;
    const chars = [...m[0]];
    if (new Set(chars).size !== chars.length) continue;
    const ids = chars.map((ch) => names[ch]);
    // Two countries at least: "欧米" alone is the West.
    if (ids.filter(Boolean).length < 2) continue;
    const at = m.index;
    ids.forEach((entity, k) => {
      if (entity) out.push({ span: { start: at + k, end: at + k + 1 }, entity });
    });
  }
  return out;
}

const CYRILLIC_ATTRIBUTION = [
  /(?:как|як)\s+(?:передает|передаёт|сообщает|сообщил[аио]?|пишет|отмечает|заявил[аио]?|повідомляє|повідомив|повідомила|повідомило|пише|передає|зазначає|інформує)\s+([^,.;:]{2,60})/iu,
  /(?:по данным|по словам|по информации|по сообщению|по оценкам|по мнению|со ссылкой на|за даними|за словами|за інформацією|за повідомленням|за оцінками|на думку|з посиланням на)\s+([^,.;:]{2,60})/iu,
  /(?:сообщает|сообщил[аио]?|заявил[аио]?|сообщили в|заявили в|передает|повідомляє|повідомили в|заявили|повідомили у|заявив|заявила)\s+([А-ЯЁІЇЄҐA-Z«"][^,.;:]{1,60})/u,
  /([А-ЯЁІЇЄҐ«"][^,.;:]{1,50}?)\s+(?:сообщил[аио]?|заявил[аио]?|сообщает|сообщили|заявили|повідомил[аио]?|повідомляє|заявив|заявила|оценивает|оцінює|считают|вважають)(?=[\s,.])/u,
];

const CUES: Record<Lang, Cues> = {
  ru: {
    exercise: /учени[еяйюям]|манёвр|маневр/iu,
    participation: /участ|задейств|привлеч|прибы|направ/iu,
    observer: /наблюдател/iu,
    attribution: CYRILLIC_ATTRIBUTION,
    estimate: /по оценк|оценива|(?:в|из)\s+(?:военном\s+)?(?:блоке|альянсе)|в НАТО|по мнению|считают|полагают|эксперт|аналитик|(?:^|[^а-яё-])западн|на самом деле|в действительности|реальн|могут|может составить|якобы|по прогноз|ожида|спецслужб|разведк/iu,
    official: /официальн|заявлен|задекларир|министерств|минобороны|генштаб|пресс-служб/iu,
    part: /(?:из (?:них|которых)|в том числе|включая|среди них)\s*[,:–—-]?\s*(?:[^\s,;]+\s+){0,3}$/iu,
    // "на шести полигонах России": a number or adjective may stand before the ranges.
    placeBefore: /(?:^|\s)(?:в|во|на|у)\s+(?:(?:[а-яё]+\s+)?(?:территории|полигонах|полигоне)\s+|(?:западе|востоке|севере|юге)\s+)?$/iu,
    placeAfter: null,
    territory: /территори/iu,
    // "the second stage", and "the largest manoeuvres" of an exercise: a part of it, with its own days.
    phase: /(?:перв|втор|трет|заключительн|активн|основн)[а-я]*\s+(?:этап|фаз|стади)|(?:крупнейш|наиболее\s+масштабн|самы[ейх]\s+масштабн)[а-я]*(?:\s+[а-яё]+){0,3}?\s+(?:маневр|манёвр|учени|этап|действи)/iu,
    threshold: /венск[а-я]*\s+документ|порог|уведомлени|(?:требует|требуется|обязательн|необходимо)[^.]{0,60}(?:наблюдател|ОБСЕ)/iu,
    otherEvent: /войн|вторжени|аннекси|саммит|переговор|визит|встреч|выбор|пандеми/iu,
  },
  uk: {
    exercise: /навчан|маневр|манев/iu,
    participation: /участ|задіян|залуч|прибу|направ|долуч/iu,
    observer: /спостерігач/iu,
    attribution: CYRILLIC_ATTRIBUTION,
    estimate: /за оцінк|оцінює|(?:в|у|з)\s+(?:військовому\s+)?(?:блоці|альянсі)|в НАТО|у НАТО|оцінюють|на думку|вважають|експерт|аналітик|(?:^|[^а-яіїєґ-])західн|насправді|реальн|можуть|може бути|нібито|за прогноз|очікую|розвідк|РНБО/iu,
    official: /офіційн|заявлен|задекларова|міністерств|міноборони|генштаб|пресслужб|прес-служб/iu,
    part: /(?:з (?:них|яких)|у тому числі|в тому числі|включно з|серед них)\s*[,:–—-]?\s*(?:[^\s,;]+\s+){0,3}$/iu,
    placeBefore: /(?:^|\s)(?:в|у|на)\s+(?:(?:[а-яіїєґ’']+\s+)?(?:території|полігонах|полігоні)\s+|(?:заході|сході|півночі|півдні)\s+)?$/iu,
    placeAfter: null,
    territory: /територі/iu,
    phase: /(?:перш|друг|трет|заключн|активн|основн)[а-яіїє]*\s+(?:етап|фаз|стаді)|(?:наймасштабніш|найбільш)[а-яіїє]*(?:\s+[а-яіїєґ']+){0,3}?\s+(?:маневр|навчан|етап|дій)/iu,
    threshold: /віденськ[а-яіїє]*\s+документ|поріг|повідомленн|(?:вимагає|потребує|обов[’'ʼ]язков)[^.]{0,60}(?:спостерігач|ОБСЄ)/iu,
    otherEvent: /війн|вторгненн|анексі|саміт|переговор|візит|зустріч|вибор|пандемі/iu,
  },
  zh: {
    exercise: /演习|演習|军演|軍演|演练|演練|训练|訓練/u,
    participation: /参加|參加|参与|參與|参演|參演|派出|派遣|加入|正式成员|正式成員/u,
    observer: /观察员|觀察員|观摩|觀摩|观察/u,
    attribution: [
      /据([^，。；、：,]{1,24}?)(?:报道|報導|報道|消息|称|稱|表示|介绍|介紹|透露|统计|統計|估计|估計|公布|发布|發布)/u,
      /([^，。；、：,]{2,20}?)(?:称|稱|表示|宣布|透露|报道|報導|指出)/u,
    ],
    estimate: /估计|估計|估算|预计|預計|推测|推測|据估|據估|实际|實際|真实|真實|专家|專家|分析人士|西方|或将|或將|可能/u,
    official: /官方|国防部|國防部|防卫省|防衛省|公布|发布|發布/u,
    part: /(?:其中|包括|含)\s*(?:[^，。；,]{0,8})$/u,
    placeBefore: /(?:在|于|於|赴)$/u,
    placeAfter: /^(?:境内|境內|举行|舉行|举办|舉辦|进行|進行|展开|展開|开展|開展|附近|海域|上空)/u,
    territory: /境内|境內|领土|領土/u,
    phase: /第[一二三四1-4]阶段|第[一二三四1-4]階段|最后阶段|最後階段|最终阶段|最終階段/u,
    threshold: /维也纳文件|維也納文件|门槛|門檻|须邀请|需邀请|必须邀请/u,
    otherEvent: /战争|戰爭|入侵|峰会|峰會|会谈|會談|访问|訪問|选举|選舉|疫情/u,
    timing: /^\s*(?:本次|此次|这次|這次)?(?:演习|演習|军演|軍演)?(?:时间|時間|日期|日程|期间|期間)(?:为|為|是|从|從)|^\s*(?:本次|此次|这次|這次)?(?:演习|演習|军演|軍演)?(?:为期|為期)/u,
    abbreviations: ZH_ABBREVIATIONS,
  },
  ja: {
    exercise: /演習|訓練/u,
    participation: /参加|派遣|加わ|展開/u,
    observer: /オブザーバー|観察|視察|観閲/u,
    attribution: [/([^、。「」]{1,24}?)(?:によると|によれば)/u, /([^、。「」]{2,20}?)は[^。]{0,60}?と(?:発表|明らかにし|述べ|伝え|報じ)/u],
    estimate: /推定|推計|見込み|とみられ|と見られ|実際には|専門家|西側|可能性|予想/u,
    official: /公式|発表|防衛省|国防省|政府/u,
    part: /(?:うち|その中で|内訳は)\s*(?:[^、。]{0,8})$/u,
    placeBefore: null,
    // "エストニアで", and "エストニア・タルトゥで": a city written after its country.
    // Also "オーストラリアの北東部クイーンズランド州など各地で", "ロシアの飛び地カリーニングラードや…で", "ベラルーシなどで".
    placeAfter: /^(?:[・･の][\p{Script=Katakana}ー]{2,10}|の(?:[北南東西中][東西南北]?部|飛び地)[^、。「」]{0,20}?)?(?:など)?(?:各地)?(?:で|において|にて|周辺|沖|近海|国内)/u,
    territory: /領内|国内|領土/u,
    phase: /第[一二三1-3](?:段階|フェーズ)|最終段階|最終局面/u,
    threshold: /ウィーン文書|受け入れ義務|招待する義務/u,
    otherEvent: /戦争|侵攻|会談|首脳会議|訪問|選挙/u,
    timing: /^\s*(?:演習の|訓練の)?(?:実施期間|実施日程|期間|日程|会期)は/u,
    // "」に初めて正式に参加した", "」へ参加すると発表した"; not "」に参加する兵士" (the soldiers who take part).
    joinsAfterName: /^[」』"”]?\s*(?:に|へ)(?:も|は)?(?:(?:初めて|正式に|再び|今回|共同で)\s*)*(?:参加|加わ)(?:した|する|している|しており|しています|します|し|った|る)?(?=[。、]|と(?:発表|明らか|伝え|述べ|報じ)|こと|予定|方針|見通し|$)/u,
    abbreviations: JA_ABBREVIATIONS,
  },
};

/** Words that open an exercise's being held in a place (CJK: after the place; Cyrillic: the sentence has them). */
const HELD = /пройд|проход|провод|проведут|провели|состоя|пройшл|проход|відбу|провод|举行|舉行|举办|舉辦|进行|進行|展开|展開|开展|開展|実施|行われ|開催|行う/iu;
const WINDOW = 3;
/** "2000多人", "2017 военнослужащих": a number that a counted noun follows is a count, not a year. */
const COUNTED_AFTER = /^\s*(?:多|余|餘|以上)?\s*(?:人|名|辆|輛|架|艘|件|门|門|个|個|国|國|台|両|機|隻|カ国|か国|ヶ国|человек|чел\.|военн|военнослуж|солдат|единиц|самол|вертол|танк|корабл|осіб|військов|одиниц|літак|гелікопт)/iu;
/** This, last and next year in the four languages: 今年, в прошлом году, наступного року... */
const RELATIVE_YEARS: [RegExp, number][] = [
  [/今年|本年|в этом году|в текущем году|в нынешнем году|этого года|текущего года|цього року|у цьому році|в цьому році|поточного року/iu, 0],
  [/去年|昨年|前年度|в прошлом году|прошлого года|минулого року|торік|у минулому році/iu, -1],
  [/明年|来年|в следующем году|в будущем году|следующего года|наступного року|у наступному році/iu, 1],
];

/** The edition year a sentence names, as sentenceYear does, with counts masked and relative years read in its language. */
function intlSentenceYear(sentence: string, thisYear: number | null): number | null {
  const masked = sentence.replace(/(?:19|20)\d\d/g, (y, at: number) => (COUNTED_AFTER.test(sentence.slice(at + 4, at + 14)) ? '####' : y));
  if (thisYear !== null) for (const [re, shift] of RELATIVE_YEARS) if (re.test(masked) && !/(?:19|20)\d\d/.test(masked)) return thisYear + shift;
  return sentenceYear(masked, thisYear);
}
/** A role the sentence puts in the past ("曾经以观察员身份", "ранее участвовала"): an earlier edition, unnamed. */
const PAST = /曾经|曾經|曾以|都曾|曾受|曾多次|以前|过去|過去|此前|かつて|これまで|以前|ранее|раньше|прежде|раніше|колись/u;
/** "2015年来", "从2015年起", "с 2015 года": since a year, a role over several editions. */
const SINCE = /((?:19|20)\d\d)\s*年(?:来|以来|から|以降|起)|(?:自|从|從)\s*((?:19|20)\d\d)\s*年|(?:^|\s)(?:с|з|начиная с|починаючи з|із)\s+((?:19|20)\d\d)\s*(?:года|г\.|року|р\.)/u;

/** "2020年,澳大利亚加入该演习", "2015年,日本成为…正式成员": the year a member joined, a role since then. */
const JOINED = /^\s*((?:19|20)\d\d)\s*年\s*[，,、]?\s*[^，。,、；]{1,12}?(?:首次|正式)?(?:加入|成为|成為)/u;

function sinceYear(sentence: string): { year: number; index: number; length: number } | null {
  const m = SINCE.exec(sentence);
  if (m) return { year: Number(m[1] ?? m[2] ?? m[3]), index: m.index, length: m[0].length };
  const j = JOINED.exec(sentence);
  return j ? { year: Number(j[1]), index: sentence.indexOf(j[1]!), length: j[1]!.length + 1 } : null;
}

interface Ref {
  id: EntityId;
  edition: number | null;
  at: number;
}

interface Found {
  kind: ClaimKind;
  value: ClaimValue;
  span: Span;
  scope?: Scope;
  count?: IntlCount;
  edition?: number | null;
  /** Said of an earlier, unnamed edition: never compared as this one's. */
  past?: boolean;
  /** Days whose month the text does not write ("11日"): taken from the publication, never shown as a conflict. */
  monthGuessed?: boolean;
}

function countryOf(id: EntityId, input: ExtractInput): EntityId | undefined {
  if (id.startsWith('country:')) return id;
  return input.entity(id)?.country;
}

/** The country an actor stands for when it acts in an exercise: itself, or its armed forces' or defence ministry's. */
function actingCountry(a: Actor, input: ExtractInput): EntityId | undefined {
  if (a.type === 'country') return a.id;
  const body = input.entity(a.id);
  return body?.role === 'armed-forces' || body?.role === 'defence-ministry' ? body.country : undefined;
}

function attributionOf(sentence: string, cues: Cues): (Span & { speaker: string; text: string }) | null {
  for (const re of cues.attribution) {
    const m = re.exec(sentence);
    if (!m || !m[1]) continue;
    const speaker = m[1].trim().replace(/^[«"“„]|[»"”]$/g, '');
    if (!speaker) continue;
    return { start: m.index, end: m.index + m[0].length, speaker, text: m[0].trim() };
  }
  return null;
}

/** "Крім України і США", "Кроме России": the countries named apart from the others counted. */
const BESIDES = /(?:^|[\s«"(])(?:Крім|Окрім|Кроме|Помимо)\s+/iu;
const AS_OBSERVER = /^[^,.;:!?]{0,40}?\s(?:в качестве|как|у якості|в якості|як)\s+(?:наблюдател|спостерігач)/iu;
const FIRST_TIME = /初参加|初めて参加|初めての参加|首次参加|首次參加|首次参演|首次參演|впервые|вперше/iu;
const TOTAL_BEFORE = /(?:总人数|總人數|总兵力|總兵力|总计|總計|合计|合計|总共|總共|共计|共計|総勢|総数|総人数|общ(?:ая|ей|ую)\s+численност[ьи]|в общей сложности|всего|загальна\s+чисельність|загальною\s+чисельністю|загалом|усього|всього)[^，。,;；.]{0,6}$/iu;

/** The scope of a count: a country's contingent, its territory, a part, a phase, a threshold. */
function scopeOf(sentence: string, c: IntlCount, cues: Cues, actors: Actor[], lang: Lang, input: ExtractInput, exercise: EntityId, whole?: IntlCount): Scope | undefined {
  const before = sentence.slice(Math.max(0, c.start - 40), c.start);
  const near = sentence.slice(Math.max(0, c.start - 50), Math.min(sentence.length, c.end + 40));
  if (cues.threshold.test(near)) return { kind: 'threshold', label: 'notification threshold' };
  const phase = cues.phase.exec(sentence.slice(Math.max(0, c.start - 60), c.start));
  if (phase) return { kind: 'phase', label: phase[0] };
  // "参加军演的总人数为1.27万人", "общая численность — 12 700": the figure is named as the whole, whatever places precede it.
  if (TOTAL_BEFORE.test(before)) return undefined;
  const cjk = lang === 'zh' || lang === 'ja';
  // A demonym between the number and its noun ("3000 российских военнослужащих"), or a country or its forces
  // right after the noun ("5500 человек - от ВС РФ") or right before the number ("俄军3000人", "ロシア軍約3000人").
  const inside = actors.find((a) => a.start >= c.numberStart && a.end <= c.end && countryOf(a.id, input));
  const afterText = sentence.slice(c.end, c.end + 30);
  const after = !cjk && /^\s*[–—-]?\s*(?:от|из|з|від|со стороны|с российской|с белорусской|армии|армії|войск|військ|ВС|ЗС|вооруж[её]нных сил|збройних сил)\s/iu.test(afterText)
    ? [actors.find((a) => a.start >= c.end && a.start - c.end <= 30 && countryOf(a.id, input))].find((a) => a && !joinedToAnother(sentence, a, actors, input))
    : undefined;
  // "3,2 тысячи военных, более 900 единиц техники и 30 вертолетов из Китая": the source closing the list.
  const listFrom = !cjk && !after
    ? actors.find((a) => {
        if (a.start <= c.end || a.start - c.end > 90 || !countryOf(a.id, input)) return false;
        const between = sentence.slice(c.end, a.start);
        if (!/^[^.;:!?«»"]*\s(?:из|от|з|від|із)\s+$/iu.test(between)) return false;
        // Another figure in between ("из них семь тысяч – з білоруських") takes the "from" for itself.
        if (/из них|із них|з них|из которых|з яких|в том числе|у тому числі/iu.test(between)) return false;
        // "из Белоруссии и России", "из РФ и Белоруссии": both countries, the whole exercise.
        return !joinedToAnother(sentence, a, actors, input);
      })
    : undefined;
  // "俄军约3000人", "ロシア軍から少なくとも兵士30万人": the country right before the figure, or sending it.
  const right = cjk
    ? actors.filter((a) => a.end <= c.start && countryOf(a.id, input) && !/[，。,、；]/.test(sentence.slice(a.end, c.start)) &&
        // "中國及印度等13個國家": 等 (and others) makes the named ones examples of the whole, not its source.
        !/等/u.test(sentence.slice(a.end, c.start)) &&
        // "解放軍北部戰區派出2000多人": a unit of the country's forces sending the figure.
        (c.start - a.end <= 4 || (c.start - a.end <= 14 && /^[^，。,、；]{0,8}?(?:から|方面|派出|派遣|出动|出動|军队|軍隊|部队|部隊|参演兵力|參演兵力|兵力)/u.test(sentence.slice(a.end))) ||
          // "NATO29カ国から27カ国", "北约29国中的27国": a share of the organisation's members is still its members.
          /^\s*\d+\s*(?:カ国|か国|ヵ国|ケ国|个成员国|個成員國|个国家|個國家|国|國)\s*(?:から|之中|中的|当中|當中|中)\s*$/u.test(sentence.slice(a.end, c.start)))).pop()
    : undefined;
  // "第二次參加的中國,本次派出了5艘艦船、3架直升機": the country before the verb of sending, across a comma.
  const sender = cjk && !inside && !right ? senderBefore(sentence, c, actors, input) : undefined;
  if (sender) return { kind: 'contingent', of: sender };
  // "до 15 кораблей Балтийского флота": a unit of a country's forces in the genitive right after the noun owns the figure.
  if (!cjk && !inside) {
    const unit = actors.find((a) => a.type === 'organization' && a.start >= c.end && a.start - c.end <= 1 && countryOf(a.id, input));
    if (unit) return { kind: 'contingent', of: unit.id };
  }
  const territoryWords = cues.territory.test(sentence.slice(Math.max(0, c.start - 40), c.end + 30));
  const country = inside ?? after ?? listFrom ?? right;
  // "白俄罗斯军队约7000人", "俄军约3000人": the country's own troops, whatever territory the sentence names.
  // "17 інших країн", "Крім України і США, … представники 29 країн": the others, besides those named.
  if (c.kind === 'nations' && (/(?:інш|друг|ин|остальн)[а-яіїє]*\s*$/iu.test(c.between) || BESIDES.test(sentence.slice(0, c.start)))) return { kind: 'contingent', label: 'nations besides those named' };
  // "イスラエル、ブラジル、ベトナムの3か国は初参加", "首次参加的有…三国": the newcomers, a part of those taking part.
  if (c.kind === 'nations' && FIRST_TIME.test(sentence.slice(c.end, c.end + 12))) return { kind: 'contingent', label: 'first-time participants' };
  // Not a count of nations: "美国、日本和印度三国" names the three, India is not a contingent of nations.
  if (right && country === right && c.kind !== 'nations' && !cues.territory.test(sentence.slice(right.end, c.start))) return { kind: 'contingent', of: countryOf(right.id, input)! };
  if (country) {
    const of = countryOf(country.id, input)!;
    // "на белорусской территории - около 3000 человек": the territory, not the country's own troops.
    if (territoryWords && (inside === undefined || /территор|територ/iu.test(sentence.slice(c.numberStart, c.end)))) return { kind: 'territory', of };
    const host = input.entity(exercise)?.host ?? [];
    // A NATO member count "北约30个成员国": the members; other organisations' counts stay totals.
    if (c.kind === 'nations') return of.startsWith('country:') ? undefined : { kind: 'contingent', of };
    void host;
    return { kind: 'contingent', of };
  }
  if (territoryWords) {
    const place = actors.find((a) => a.type === 'country' && Math.abs(a.start - c.start) <= 60);
    if (place) return { kind: 'territory', of: place.id };
  }
  // "На території Білорусі навчання пройдуть ..., навчатимуться 10 тисяч 200", "参加白俄罗斯境内演习的有...":
  // one country's territory opens the sentence, and the figure is for it (with two countries named there, it
  // is the whole exercise).
  {
    const opener = actors.find((a) => a.type === 'country' && a.end <= c.start &&
      (cjk ? /^(?:境内|境內|领土|領土|領内)/u.test(sentence.slice(a.end, a.end + 2)) : /территори[а-яё]*\s+$|територі[а-яіїє]*\s+$/iu.test(sentence.slice(Math.max(0, a.start - 14), a.start))));
    const two = opener && actors.some((b) => b !== opener && b.type === 'country' && b.start > opener.end && b.start - opener.end <= 5);
    if (opener && !two) return { kind: 'territory', of: opener.id };
  }
  if (cues.part.test(before) && isShareOf(c, whole)) return { kind: 'contingent', label: 'part of a larger figure' };
  if (c.kind === 'nations' && /(?:成员国|成員國|加盟国)$/u.test(c.between)) return { kind: 'contingent', of: 'org:nato' };
  if (c.kind === 'nations' && /(?:同盟国|同盟國|パートナー国|伙伴国|夥伴國)$/u.test(c.between)) return { kind: 'contingent', label: 'partner nations' };
  // "NATO29カ国から27カ国": the 27 are members; "в учениях участвуют 20 стран НАТО" too.
  if (c.kind === 'nations' && actors.some((a) => a.id === 'org:nato' && ((a.end <= c.start && (c.start - a.end <= 3 || /^[^，。,;；]{0,10}(?:から|中的|之中|中)$/u.test(sentence.slice(a.end, c.start)))) || (a.start >= c.end && a.start - c.end <= 2)))) return { kind: 'contingent', of: 'org:nato' };
  // "有七个国家的代表对军演进行了观察", "наблюдатели из 20 стран": the nations of the observers.
  if (c.kind === 'nations' && cues.observer.test(sentence)) return { kind: 'contingent', label: 'observer nations' };
  if (c.kind === 'nations') {
    const words = sentence.slice(Math.max(0, c.start - 12), c.end + 8);
    if (/НАТО|北约|北約|NATO/u.test(words) && /член|成员|成員|加盟|союзник|союзн|союзни/iu.test(words)) return { kind: 'contingent', of: 'org:nato' };
    if (/партн[её]р|伙伴|夥伴|パートナー/iu.test(words)) return { kind: 'contingent', label: 'partner nations' };
  }
  return undefined;
}

/** The countries right after "Крім", "Кроме", joined by "і/и/та/,". */
function besidesCountries(sentence: string, actors: Actor[]): Actor[] {
  const countries = actors.filter((a) => a.type === 'country' && a.form !== 'demonym');
  const first = countries.find((a) => BESIDES.test(sentence.slice(Math.max(0, a.start - 10), a.start)) && /(?:Крім|Окрім|Кроме|Помимо)\s+$/iu.test(sentence.slice(0, a.start)));
  if (!first) return [];
  const out = [first];
  for (const b of countries) {
    if (b.start <= out[out.length - 1]!.end) continue;
    if (!/^\s*(?:,|и|і|та|й)\s*$/u.test(sentence.slice(out[out.length - 1]!.end, b.start))) break;
    out.push(b);
  }
  return out;
}

/** The country that sends a figure: "中國,本次派出了…", "美方投入1万名官兵", the sending verb before the figure in its sentence. */
function senderBefore(sentence: string, c: IntlCount, actors: Actor[], input: ExtractInput): EntityId | undefined {
  const verb = /(?:派出|派遣|出动|出動|投入)了?/gu;
  let at = -1;
  for (let m = verb.exec(sentence); m && m.index < c.start; m = verb.exec(sentence)) at = m.index;
  if (at < 0 || /[。；;]/u.test(sentence.slice(at, c.start))) return undefined;
  const a = actors.filter((x) => x.end <= at && at - x.end <= 8 && countryOf(x.id, input)).pop();
  if (!a || !/^[，,]?\s*(?:本次|此次|这次|這次|今年|则|則|也)?\s*(?:共)?$/u.test(sentence.slice(a.end, at))) return undefined;
  return countryOf(a.id, input);
}

/** "РФ и Белоруссии", "Росії та Білорусі": a country listed with another right after it. */
function joinedToAnother(sentence: string, a: Actor, actors: Actor[], input: ExtractInput): boolean {
  return actors.some((b) => b.start > a.end && b.start - a.end <= 6 && !!countryOf(b.id, input) && /^\s*(?:,|и|і|та|й)\s*$/u.test(sentence.slice(a.end, b.start)));
}

/**
 * "в том числе", "其中", "うち" after a figure: a share of it only when both count people. "5 тыс. единиц
 * техники, в том числе 140 самолетов" and "680 единиц техники, в том числе 250 танков" give the aircraft and
 * the tanks as other sources count them (all of the exercise's), not a part to keep out of comparison.
 */
function isShareOf(c: IntlCount, whole: IntlCount | undefined): boolean {
  return !!whole && whole.kind === 'participants' && c.kind === 'participants';
}

function stanceFor(clause: string, clauseStart: number, attribution: (Span & { speaker: string }) | null, actors: Actor[], cues: Cues, input: ExtractInput, exercise: EntityId): Stance | null {
  const local = actors.filter((a) => a.start >= clauseStart && a.end <= clauseStart + clause.length).map((a) => ({ ...a, start: a.start - clauseStart, end: a.end - clauseStart }));
  const own = attribution && attribution.end > clauseStart && attribution.start < clauseStart + clause.length ? { ...attribution, start: attribution.start - clauseStart, end: attribution.end - clauseStart } : null;
  // Who speaks decides first (the organisers' own bodies, or others sizing their exercise), with no English cue words.
  const base = stanceOf({ sentence: '', attribution: own, actors: local, exercise: input.entity(exercise), entity: input.entity, countryOf: (id) => countryOf(id, input) });
  if (cues.estimate.test(clause) && base !== 'official') return 'estimate';
  if (base) return base;
  if (own && cues.official.test(own.speaker)) return 'official';
  if (cues.official.test(clause) && !cues.estimate.test(clause)) return 'official';
  return null;
}

/** The count read just before in the sentence: the whole a share ("в том числе…") is taken from. */
function previousCount(found: Found[]): IntlCount | undefined {
  for (let k = found.length - 1; k >= 0; k--) if (found[k]!.count) return found[k]!.count;
  return undefined;
}

/** Clause around a span: between semicolons, dashes and contrast words; commas too for CJK. */
function clauseAround(sentence: string, span: Span, lang: Lang): Span {
  const re = lang === 'zh' || lang === 'ja' ? /[；;]|，(?:但|而|然而|不过|不過)|、しかし|が、|一方/gu : /;|\s(?:а|но|однако|тогда как|в то время как|але|проте|однак|тоді як|втім)\s/giu;
  let start = 0;
  let end = sentence.length;
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m.index + m[0].length <= span.start) start = m.index + m[0].length;
    else if (m.index >= span.end) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

/** A year written near a figure that is not the current edition's: "в 2013 году учения собрали 12 000". */
function otherEdition(sentence: string, span: Span, current: number | null): number | undefined {
  const window = sentence.slice(Math.max(0, span.start - 30), Math.min(sentence.length, span.end + 15));
  const years = [...window.matchAll(/((?:19|20)\d\d)\s*(?:年|году|года|році|року|г\.|р\.)/gu)].map((m) => Number(m[1]));
  const other = years.find((y) => y !== current);
  return other !== undefined && !years.includes(current ?? -1) ? other : undefined;
}

function locations(sentence: string, actors: Actor[], cues: Cues, attribution: Span | null): { span: Span; country: EntityId }[] {
  if (!HELD.test(sentence) && !cues.exercise.test(sentence)) return [];
  const out: { span: Span; country: EntityId }[] = [];
  const countries = actors.filter((a) => a.type === 'country' && a.form !== 'demonym');
  for (const a of countries) {
    if (attribution && a.start >= attribution.start && a.end <= attribution.end) continue;
    const before = sentence.slice(Math.max(0, a.start - 30), a.start);
    const after = sentence.slice(a.end, a.end + 40);
    const placed = (cues.placeBefore?.test(before) ?? false) || (cues.placeAfter?.test(after) ?? false);
    if (!placed) continue;
    // CJK "在X举行": the place word before is enough only with the holding verb near.
    if (cues.placeBefore && cues.placeAfter && !cues.placeAfter.test(after) && !HELD.test(sentence.slice(a.end, a.end + 20))) continue;
    if (cues.otherEvent.test(sentence.slice(Math.max(0, a.start - 25), a.start))) continue;
    // "ロシアと同盟国ベラルーシで", "俄罗斯和白俄罗斯境内": in Chinese and Japanese the place word closes the list, so the names before it count too.
    if (cues.placeAfter && cues.placeAfter.test(after)) {
      const before: Actor[] = [];
      let first = a;
      for (let k = countries.indexOf(a) - 1; k >= 0; k--) {
        const b = countries[k]!;
        if (!/^\s*(?:和|与|與|及|、|と(?:同盟国|友好国)?|や)\s*$/u.test(sentence.slice(b.end, first.start))) break;
        before.unshift(b);
        first = b;
      }
      for (const b of before) if (!out.some((o) => o.country === b.id)) out.push({ span: { start: b.start, end: b.end }, country: b.id });
    }
    if (!out.some((o) => o.country === a.id)) out.push({ span: { start: a.start, end: a.end }, country: a.id });
    // "в Белоруссии и России": the list the preposition opens.
    let last = a;
    for (const b of countries) {
      if (b.start <= last.end) continue;
      const gap = sentence.slice(last.end, b.start);
      // "在白俄罗斯及3个俄罗斯靶场": a count of ranges may stand before the next country.
      // "в Белоруссии, Калининграде и самой России": a place that is no country may stand in the list.
      if (!/^\s*(?:,|и|і|та|й|和|与|與|及|、|と(?:同盟国|友好国)?|や)\s*(?:\d+\s*(?:个|個|つの|か所|カ所))?\s*(?:сам(?:ой|ом|ій)\s+)?$/u.test(gap) &&
        !/^\s*,\s*[А-ЯЁІЇЄҐ][а-яёіїєґ]+\s+(?:и|і|та|й)\s+(?:сам(?:ой|ом|ій)\s+)?$/u.test(gap)) break;
      if (!out.some((o) => o.country === b.id)) out.push({ span: { start: b.start, end: b.end }, country: b.id });
      last = b;
    }
  }
  return out;
}

/** No clause boundary between two offsets: a comma, semicolon or full stop ends a role's reach. */
function sameClause(sentence: string, a: number, b: number): boolean {
  // 、 separates the items of a list, not clauses.
  return !/[,，;；。:：]/u.test(sentence.slice(Math.min(a, b), Math.max(a, b)));
}

/** Runs of three or more countries joined by list separators. */
function countryLists(sentence: string, actors: Actor[]): Actor[][] {
  const countries = actors.filter((a) => a.type === 'country' && a.form !== 'demonym');
  const out: Actor[][] = [];
  let run: Actor[] = [];
  for (const a of countries) {
    const last = run[run.length - 1];
    if (last && /^\s*(?:,|，|、|и|і|та|й|а также|和|与|與|及|以及|と|や)\s*$/u.test(sentence.slice(last.end, a.start))) run.push(a);
    else {
      if (run.length >= 3) out.push(run);
      run = [a];
    }
  }
  if (run.length >= 3) out.push(run);
  return out;
}

/**
 * Two demonyms joined into one adjective ("российско-белорусские", "білорусько-російських") that qualifies the
 * exercise: its name or a word for exercise follows, with at most a few adjectives between.
 */
function hyphenedDemonyms(sentence: string, actors: Actor[], cues: Cues, exercises: Span[]): [Actor, Actor][] {
  const demonyms = actors.filter((a) => a.form === 'demonym');
  const out: [Actor, Actor][] = [];
  for (let k = 0; k + 1 < demonyms.length; k++) {
    const a = demonyms[k]!;
    const b = demonyms[k + 1]!;
    if (a.id === b.id || !/^\s*[-‑–]\s*$/u.test(sentence.slice(a.end, b.start))) continue;
    // The next words, up to four, before any punctuation: one of them is the exercise or a word for it.
    const words = /^(?:\s+[«"“„]?[^\s,.;:!?()]+){1,4}/u.exec(sentence.slice(b.end))?.[0] ?? '';
    let at = b.end;
    let named = false;
    for (const w of words.split(/(?=\s)/u)) {
      const start = at + w.length - w.trimStart().length;
      if (exercises.some((e) => e.start >= start && e.start <= start + 1) || cues.exercise.test(w)) named = true;
      at += w.length;
    }
    if (named) out.push([a, b]);
  }
  return out;
}

/** Between a list of members and the exercise they hold together: "俄罗斯与白俄罗斯“西方-2017”联合", "ロシアとベラルーシの大規模軍事演習「". */
const JOINT_GAP = /^(?:武装力量|军队|軍隊|军|軍|两军|兩軍|両軍)?(?:的|の|之)?[^，。,;；:：、]{0,12}?(?:演习|演習|军演|軍演)?\s*$/u;
/** A word for exercise right before a run of members in the genitive: "учения России и Белоруссии". */
const EXERCISE_OF = /(?:учени[еяйюям]|навчання|навчань|маневр[аиы]?)\s+$/iu;
/** What makes such a run of names a joint exercise: its name right after, or "joint". */
const JOINT_WORD = /联合|聯合|合同|共同|совместн|спільн/iu;
/** The blocs that own an exercise named as theirs: "NATOのサイバー防衛演習", "北约的演习". */
const OWNER_BLOCS = new Set(['org:nato', 'org:csto', 'org:sco', 'org:eu']);

function roles(sentence: string, actors: Actor[], cues: Cues, attribution: Span | null, input: ExtractInput, places: Span[], listContext = false, exercises: Span[] = []): { span: Span; entity: EntityId; role: Role }[] {
  const out: { span: Span; entity: EntityId; role: Role }[] = [];
  // "принять участие в качестве наблюдателей", "брати участь … як спостерігач": taking part as an observer is observing.
  const taking = [...sentence.matchAll(new RegExp(cues.participation.source, 'giu'))].map((m) => m.index);
  const asObserver = taking.filter((at) => AS_OBSERVER.test(sentence.slice(at, at + 60)));
  const observerAt = [...sentence.matchAll(new RegExp(cues.observer.source, 'gu'))].map((m) => m.index).concat(asObserver);
  const participationAt = taking.filter((at) => !asObserver.includes(at));
  const firstExercise = exercises.length ? Math.min(...exercises.map((e) => e.start)) : Infinity;
  // Two or more countries (or their forces: "ロシア軍とベラルーシ軍による") joined, right before the exercise's name or before "joint": its members.
  const countries = actors.filter((a) => a.type === 'country' && a.form !== 'demonym');
  const members = actors.filter((a) => (a.type === 'country' && a.form !== 'demonym') || (a.type !== 'country' && actingCountry(a, input)));
  for (let k = 0; k < members.length; k++) {
    const run = [members[k]!];
    while (k + 1 < members.length && /^\s*(?:与|與|和|及|と|и|і|та|й)\s*$/u.test(sentence.slice(run[run.length - 1]!.end, members[k + 1]!.start))) run.push(members[++k]!);
    if (run.length < 2) continue;
    // "навчання Збройних сил Росії та Білорусі", "учения России и Белоруссии": the exercise of those named.
    if (EXERCISE_OF.test(sentence.slice(Math.max(0, run[0]!.start - 24), run[0]!.start))) {
      for (const a of run) {
        const entity = a.type === 'country' ? a.id : actingCountry(a, input)!;
        if (!out.some((o) => o.entity === entity)) out.push({ span: { start: a.start, end: a.end }, entity, role: 'participant' });
      }
      continue;
    }
    const last = run[run.length - 1]!;
    const next = exercises.find((e) => e.start >= last.end && e.start - last.end <= 16);
    const gap = sentence.slice(last.end, next ? next.start : last.end);
    const joint = next ? JOINT_GAP.test(gap.replace(/[“”「」『』《》"]/gu, '')) && next.start <= firstExercise : JOINT_WORD.test(sentence.slice(last.end, last.end + 8)) && /^[^，。,;；]{0,8}$/u.test(sentence.slice(last.end, last.end + 8).split(JOINT_WORD)[0]!);
    if (!joint) continue;
    for (const a of run) {
      const entity = a.type === 'country' ? a.id : actingCountry(a, input)!;
      if (!out.some((o) => o.entity === entity)) out.push({ span: { start: a.start, end: a.end }, entity, role: 'participant' });
    }
  }
  // "Крім України і США, у навчаннях беруть участь…": those named apart take part too.
  if (participationAt.length) {
    for (const a of besidesCountries(sentence, actors)) if (!out.some((o) => o.entity === a.id)) out.push({ span: { start: a.start, end: a.end }, entity: a.id, role: 'participant' });
  }
  // "出动日美部队", "日米印共同訓練「マラバール」": members written as one-character names.
  for (const a of abbreviatedMembers(sentence, cues)) if (!out.some((o) => o.entity === a.entity)) out.push({ ...a, role: 'participant' });
  // "российско-белорусские учения «Запад-2017»", "білорусько-російських навчань": the two armies the exercise joins.
  for (const pair of hyphenedDemonyms(sentence, actors, cues, exercises)) {
    for (const a of pair) {
      const country = countryOf(a.id, input);
      if (country && !out.some((o) => o.entity === country)) out.push({ span: { start: a.start, end: a.end }, entity: country, role: 'participant' });
    }
  }
  // "ロシアとベラルーシで12日、両国の合同軍事演習が始まった", "两国联合演习": the two countries named before "both".
  const both = /(?:両国|两国|兩國|双方|雙方)(?:の|的)?(?:合同|联合|聯合|共同)/u.exec(sentence);
  if (both) {
    const before = [...new Map(countries.filter((a) => a.end <= both.index).map((a) => [a.id, a])).values()];
    if (before.length === 2) for (const a of before) if (!out.some((o) => o.entity === a.id)) out.push({ span: { start: a.start, end: a.end }, entity: a.id, role: 'participant' });
  }
  // "NATOのサイバー防衛演習「サイバー・コアリション」", "北约的“网络联盟”演习": the bloc whose exercise it is.
  for (const a of actors) {
    if (!OWNER_BLOCS.has(a.id) || a.start > firstExercise) continue;
    const next = exercises.find((e) => e.start >= a.end && e.start - a.end <= 16);
    const gap = next ? sentence.slice(a.end, next.start).replace(/[“”「」『』《》"]/gu, '') : '';
    // Also "NATO主催の…演習", "NATOが主催する…演習", "北约主办的…演习".
    const owned = /^(?:组织|組織)?(?:の|的|之)[^，。,;；:：、]{0,12}$/u.test(gap) || /^[)）]?(?:が)?(?:主催|主導)(?:する|の|した)[^，。,;；:：、]{0,12}$|^(?:主办|主辦|牵头|牽頭)的[^，。,;；:：、]{0,12}$/u.test(gap);
    if (next && owned && !out.some((o) => o.entity === a.id)) out.push({ span: { start: a.start, end: next.end }, entity: a.id, role: 'organizer' });
  }
  // "日本は2日、…演習「EX」に参加した": the subject (marked は, が or も) of the verb that follows the name.
  if (cues.joinsAfterName) {
    for (const e of exercises) {
      if (!cues.joinsAfterName.test(sentence.slice(e.end))) continue;
      const subjects = actors.filter((a) => a.end <= e.start && /^(?:[・･][^\s、。は]{1,8})?\s*(?:は|が|も)/u.test(sentence.slice(a.end, a.end + 10)));
      // "中国は、ロシアが…": the nearest subject before the name is the verb's.
      const last = subjects[subjects.length - 1];
      const country = last && actingCountry(last, input);
      if (last && country && !out.some((o) => o.entity === country)) out.push({ span: { start: last.start, end: last.end }, entity: country, role: 'participant' });
    }
  }
  // "拉脱维亚、立陶宛……和爱沙尼亚的受邀代表……进行了观察": a list whose representatives observe, the word far after it.
  for (const list of countryLists(sentence, actors)) {
    const end = list[list.length - 1]!.end;
    if (!observerAt.some((at) => at > end && at - end <= 80 && !/[。;；]/u.test(sentence.slice(end, at)))) continue;
    if (!/^(?:的|の)?(?:受邀|邀请|招待)?(?:代表|人员|人員|武官|军官|軍官|代表団|代表团)/u.test(sentence.slice(end, end + 6))) continue;
    for (const a of list) if (!out.some((o) => o.entity === a.id)) out.push({ span: { start: a.start, end: a.end }, entity: a.id, role: 'observer' });
  }
  // "представители Азербайджана, Индонезии… и Шри-Ланки планируют принять участие в качестве наблюдателей".
  for (const list of countryLists(sentence, actors)) {
    const end = list[list.length - 1]!.end;
    if (!observerAt.some((at) => at > end && at - end <= 80 && sameClause(sentence, end, at)) || participationAt.some((at) => at > end && sameClause(sentence, end, at))) continue;
    for (const a of list) if (!out.some((o) => o.entity === a.id)) out.push({ span: { start: a.start, end: a.end }, entity: a.id, role: 'observer' });
  }
  // "Это Австралия, Албания, Болгария...": a list of three or more countries, in a sentence on taking part or
  // right after one, names those taking part.
  // An observer word in another clause ("…等國的參演部隊將協同演練,觀察員將觀摩") is about others.
  const lists = countryLists(sentence, actors);
  if (participationAt.length || listContext) {
    for (const list of lists) {
      const end = list[list.length - 1]!.end;
      if (observerAt.some((at) => sameClause(sentence, at, end))) continue;
      // With observers named elsewhere in the sentence, the list's own clause must say it takes part.
      if (observerAt.length && !participationAt.some((at) => at > end && sameClause(sentence, at, end))) continue;
      for (const a of list) if (!out.some((o) => o.entity === a.id)) out.push({ span: { start: a.start, end: a.end }, entity: a.id, role: 'participant' });
    }
  }
  if (!observerAt.length && !participationAt.length) return out;
  for (const a of actors) {
    if (attribution && a.start >= attribution.start && a.end <= attribution.end) continue;
    if (places.some((p) => p.start === a.start)) continue;
    // "NATOの演習", "北约的演习": the exercise's owner, not a participant or observer.
    // "米軍の代表団も視察した", "中国的代表": its own delegates or troops are it, though.
    if (/^(?:组织|組織|军|軍|方面|方)?(?:の|的|之)(?!代表|部隊|部队|兵士|士兵|艦|舰|军官|軍官|人員|人员|将兵|官兵)/u.test(sentence.slice(a.end, a.end + 6))) continue;
    // A country's forces or defence ministry taking part is the country taking part.
    const country = actingCountry(a, input);
    const bloc = a.id === 'org:nato' || a.id === 'org:eu' || a.id === 'org:csto' || a.id === 'org:un' || a.id === 'org:osce';
    if (!country && !bloc) continue;
    const entity = country ?? a.id;
    // The observer word next to the actor, in its clause ("日本首次以观察员身份参加", "наблюдатели из Китая").
    const near = (at: number): boolean => Math.abs(at - a.start) <= 30 && sameClause(sentence, at, at < a.start ? a.start : a.end);
    const role: Role | null = observerAt.some(near) ? 'observer' : participationAt.some(near) ? 'participant' : null;
    if (!role) continue;
    // A bloc takes part only as an observer here; its members are named when they take part.
    if (bloc && role !== 'observer') continue;
    if (!out.some((o) => o.entity === entity)) out.push({ span: { start: a.start, end: a.end }, entity, role });
  }
  return out;
}

export function extractIntlClaims(input: ExtractInput, lang: Lang): Claim[] {
  return runSteps(extractIntlClaimsInSteps(input, lang));
}

/** `extractIntlClaims` one sentence at a time, as extractClaimsInSteps reads English: told to stop, it keeps the claims of the sentences before. */
export function* extractIntlClaimsInSteps(input: ExtractInput, lang: Lang): Steps<Claim[]> {
  const cues = CUES[lang];
  const { text, sourceId } = input;
  const published = parsePublished(input.published);
  const pubYear = published ? published.getUTCFullYear() : null;
  const mentions = input.mentions.slice().sort((a, b) => a.start - b.start);
  const exercises = mentions.filter((m) => m.type === 'exercise');
  if (!exercises.length) return [];
  const others = mentions.filter((m) => m.type !== 'exercise');
  const namedEdition = new Map<EntityId, number>();
  const count = new Map<EntityId, number>();
  for (const m of exercises) {
    const own = editionOfMention(text, m);
    if (own !== null && !namedEdition.has(m.id)) namedEdition.set(m.id, own);
    count.set(m.id, (count.get(m.id) ?? 0) + 1);
  }
  // "This year" on an undated page: the year in its address, else the edition it names for its own exercise.
  const topicId = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const thisYear = pubYear ?? yearFromUrl(input.url) ?? (topicId ? (namedEdition.get(topicId) ?? null) : null);
  const claims: Claim[] = [];
  let focus: { id: EntityId; edition: number | null; last: number } | null = null;
  let takesPart = false;
  const sentences = splitSentences(text);
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    if (yield s.start) break;
    const inside = (m: Mention): boolean => m.start >= s.start && m.end <= s.end;
    const exIn = exercises.filter(inside);
    const since = sinceYear(s.text);
    // A "since" year is the start of a history, not the edition the sentence speaks of.
    const year = intlSentenceYear(since ? s.text.slice(0, since.index) + ' '.repeat(since.length) + s.text.slice(since.index + since.length) : s.text, thisYear);
    let refs: Ref[];
    let referenced = true;
    let follows = false;
    const previousTakesPart = takesPart;
    takesPart = cues.participation.test(s.text);
    if (exIn.length) {
      refs = exIn.map((m) => ({ id: m.id, edition: editionOfMention(text, m) ?? year ?? namedEdition.get(m.id) ?? null, at: m.start - s.start }));
      const last = refs[refs.length - 1]!;
      focus = { id: last.id, edition: last.edition, last: si };
    } else if (cues.exercise.test(s.text)) {
      const target = focus ?? { id: exercises[0]!.id, edition: editionOfMention(text, exercises[0]!) };
      refs = [{ id: target.id, edition: year ?? target.edition, at: 0 }];
      if (focus) focus.last = si;
    } else if (focus && si - focus.last <= WINDOW) {
      refs = [{ id: focus.id, edition: year ?? focus.edition, at: 0 }];
      referenced = false;
      // The very next sentence, telling who takes part, still speaks of the exercise just named.
      follows = si - focus.last <= 2 && (cues.participation.test(s.text) || cues.observer.test(s.text) || (previousTakesPart && countryLists(s.text, others.filter(inside).map((m) => ({ ...m, start: m.start - s.start, end: m.end - s.start }))).length > 0));
    } else continue;

    const actors: Actor[] = others.filter(inside).map((m) => ({ ...m, start: m.start - s.start, end: m.end - s.start }));
    const attribution = attributionOf(s.text, cues);
    const found: Found[] = [];
    // "実施期間は12月2日から6日まで" right after the sentence that names the exercise: its days.
    const timed = !referenced && !!focus && si - focus.last === 1 && !!cues.timing?.test(s.text) && !cues.otherEvent.test(s.text);
    // An undated page's days take the year its address or its own exercise's edition gives ("this year" above).
    const dates = referenced || timed ? findIntlDates(s.text, lang, published, refs[0]!.edition ?? namedEdition.get(refs[0]!.id) ?? thisYear) : null;
    const datesOk = dates && !cues.otherEvent.test(s.text.slice(Math.max(0, dates.start - 30), dates.start));
    const cue = referenced || cues.participation.test(s.text);
    // "中国解放军派出约3200人,1000余辆装备车,飞机30架": what a sender sends is one list, commas and all.
    let sent = null as { scope: Scope; end: number } | null;
    for (const c of findIntlCounts(s.text, lang)) {
      if (!cue && (c.kind === 'participants' || c.kind === 'nations')) continue;
      if (dates && c.start < dates.end && c.end > dates.start) continue;
      if (c.kind === 'nations' && c.value.stated[0]! < 3) continue;
      // "NATO29カ国から", "из 30 стран НАТО": the whole a part is taken from, not a count of those taking part.
      if (c.kind === 'nations' && /^\s*(?:から|之中|中的|当中|當中)/u.test(s.text.slice(c.end, c.end + 4))) continue;
      const ref = refs.filter((r) => r.at <= c.start).pop() ?? refs[0]!;
      let scope = scopeOf(s.text, c, cues, actors, lang, input, ref.id, previousCount(found));
      // "俄方计划有98辆坦克、104辆装甲车辆…以及27架飞机": a list keeps the contingent it opened with.
      const before = found[found.length - 1];
      if (!scope && before?.count && before.scope?.kind === 'contingent' && before.scope.of && (lang === 'zh' || lang === 'ja') &&
        /^[^，。,;；:：]{0,14}$/u.test(s.text.slice(before.span.end, c.start)) && /[、和及与與と]/u.test(s.text.slice(before.span.end, c.start))) scope = before.scope;
      if (!scope && sent && /^[^。;；:：]{0,20}$/u.test(s.text.slice(sent.end, c.start)) && !actors.some((a) => a.start >= sent!.end && a.end <= c.start)) scope = sent.scope;
      if (scope?.kind === 'contingent' && (lang === 'zh' || lang === 'ja') && (sent?.scope === scope || /(?:派出|派遣|出动|出動|投入)\s*[约約]?\s*$/u.test(s.text.slice(0, c.start)))) sent = { scope, end: c.end };
      found.push({ kind: c.kind, value: c.value, span: c, count: c, edition: otherEdition(s.text, c, ref.edition), ...(scope ? { scope } : {}) });
    }
    // "今年已經邁入第25屆": the edition's ordinal (届 counts sessions of a recurring event, never people or days).
    if (referenced && (lang === 'zh' || lang === 'ja')) {
      const o = /第\s*(\d{1,3}|[一二三四五六七八九十百]+)\s*(?:届|屆)/u.exec(s.text);
      const ordinal = o ? (/^\d/.test(o[1]!) ? Number(o[1]) : hanNumber(o[1]!)) : null;
      if (o && ordinal && ordinal > 1) found.push({ kind: 'edition', value: { type: 'edition', ordinal }, span: { start: o.index, end: o.index + o[0].length } });
    }
    if (dates && datesOk) {
      // The phase may be named before the days or after them ("14 сентября начался активный этап", "16日、最終段階に入った"), in their clause.
      const clause = clauseAround(s.text, dates, lang);
      const phase = cues.phase.exec(s.text.slice(0, dates.start)) ?? cues.phase.exec(s.text.slice(dates.end, clause.end));
      found.push({ kind: 'dates', value: dates.value, span: dates, ...(phase ? { scope: { kind: 'phase', label: phase[0] } } : {}), ...(dates.monthGuessed ? { monthGuessed: true } : {}) });
    }
    if (referenced || follows) {
      const places = locations(s.text, actors, cues, attribution);
      if (referenced) for (const l of places) found.push({ kind: 'location', value: { type: 'location', country: l.country }, span: l.span });
      const exerciseSpans = exIn.map((m) => ({ start: m.start - s.start, end: m.end - s.start }));
      for (const r of roles(s.text, actors, cues, attribution, input, places.map((p) => p.span), previousTakesPart, exerciseSpans)) {
        const value: ClaimValue = since ? { type: 'role', entity: r.entity, role: r.role, from: since.year } : { type: 'role', entity: r.entity, role: r.role };
        // "これまで二国間演習とされてきたが、インド…も参加している": the past word must be in the role's own clause.
        const clause = clauseAround(s.text, r.span, lang);
        const past = !since && PAST.test(s.text.slice(clause.start, clause.end));
        found.push({ kind: 'role', value, span: r.span, ...(since || past ? { edition: null } : {}), ...(past ? { past } : {}) });
      }
    }
    const datesYear = dates?.value.start ? Number(dates.value.start.slice(0, 4)) : dates?.value.end ? Number(dates.value.end.slice(0, 4)) : null;
    for (const f of found) {
      const ref = refs.filter((r) => r.at <= f.span.start).pop() ?? refs[0]!;
      const edition = f.edition !== undefined ? f.edition : (ref.edition ?? datesYear ?? namedEdition.get(ref.id) ?? pubYear);
      if (unplacedRole(f, edition, thisYear)) continue;
      const claim = claimFromSentence(sourceId, claims.length, ref.id, edition, f, s, null);
      if (f.scope) claim.scope = f.scope;
      const known = input.entity(ref.id)?.editions ?? [];
      const guessed = f.edition === undefined && ref.edition === null && datesYear === null && !namedEdition.has(ref.id) && known.length > 0 && pubYear !== null && !known.includes(pubYear);
      if ((!referenced && !follows && !(timed && f.kind === 'dates')) || guessed || f.past || f.monthGuessed) claim.tentative = true;
      if (f.count) {
        const clause = clauseAround(s.text, f.span, lang);
        const own = attribution && attribution.end > clause.start && attribution.start < clause.end ? attribution : null;
        if (own) claim.attribution = own.text;
        const stance = stanceFor(s.text.slice(clause.start, clause.end), clause.start, own, actors, cues, input, ref.id);
        if (stance) claim.stance = stance;
      }
      claims.push(claim);
    }
  }
  yield* carryStances(claims, input.text.length);
  return joinHalfDates(claims);
}

/**
 * "ロシアは11日、…「ボストーク2018」を開始した。演習は…17日まで実施され": a start in one sentence and the end in
 * one of the next two are one period. The start's claim takes the end (tentative); the end's claim is dropped.
 */
function joinHalfDates(claims: Claim[]): Claim[] {
  const dropped = new Set<Claim>();
  for (const c of claims) {
    if (c.kind !== 'dates' || c.value.type !== 'dates' || !c.value.start || c.value.end || dropped.has(c)) continue;
    const end = c.end ?? 0;
    const next = claims.find((d) => (d.start ?? 0) >= end && d !== c && d.kind === 'dates');
    if (!next || next.value.type !== 'dates' || next.value.start || !next.value.end || next.subject !== c.subject || next.edition !== c.edition) continue;
    if (JSON.stringify(next.scope ?? null) !== JSON.stringify(c.scope ?? null) || next.value.end < c.value.start) continue;
    // Near: the next sentence or the one after, in short CJK sentences.
    if ((next.start ?? 0) - end > 240) continue;
    c.value = { ...c.value, end: next.value.end };
    // A period put together from two sentences is read, not stated: never enough to contradict another source.
    c.tentative = true;
    dropped.add(next);
  }
  return dropped.size ? claims.filter((c) => !dropped.has(c)) : claims;
}

/**
 * A role in an edition the page never places: no date, no year in its address or text, not said "since"
 * or of the past. It would be compared with every edition's roles as if it were theirs; it is left out.
 */
function unplacedRole(f: Found, edition: number | null, thisYear: number | null): boolean {
  return f.kind === 'role' && edition === null && thisYear === null && !f.past && !(f.value.type === 'role' && f.value.from !== undefined);
}

/**
 * An article gives a figure in its lede without a speaker and again further down with one ("около 120
 * тысяч" in the first line, "оценивается в 120 тысяч, заявил Турчинов" later): the figure is the same
 * speaker's in both places. Each unattributed count takes the stance and attribution of an equal one.
 */
function* carryStances(claims: Claim[], at: number): Steps<void> {
  // Each claim is set against all the others: on a page of thousands of figures that is the longest hold of
  // the reader, so it gives the thread away every few claims (it always runs to the end: a stop is not taken).
  const scopes = new Map(claims.map((c) => [c, JSON.stringify(c.scope ?? null)]));
  let k = 0;
  for (const c of claims) {
    if (++k % 16 === 0) yield at;
    if (c.value.type !== 'count' || c.stance) continue;
    const scope = scopes.get(c);
    const same = claims.find((d) => d !== c && d.stance && d.kind === c.kind && d.subject === c.subject && d.edition === c.edition &&
      scopes.get(d) === scope && relate(d.value, c.value) === 'agree');
    if (!same) continue;
    c.stance = same.stance!;
    if (!c.attribution && same.attribution) c.attribution = same.attribution;
  }
}
