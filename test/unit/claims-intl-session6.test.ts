/**
 * Russian, Ukrainian, Chinese and Japanese patterns seen on the development articles of the real set
 * (session 6). Every sentence here is our own, written for these tests; the outlets are invented
 * (Полярный листок, Причорноморська хвиля, 东岸时报, 北浜通信).
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../lib/claims';
import { findIntlCounts } from '../../lib/claims/intl-numbers';
import { findIntlDates } from '../../lib/claims/intl-dates';
import { readSeeds } from '../../lib/dataset/seeds-fs';
import { createDetector } from '../../lib/detect';
import type { Claim, Entity } from '../../lib/types';

const entities: Entity[] = readSeeds('seeds').entities;
const byId = new Map(entities.map((e) => [e.id, e]));
const detector = createDetector(entities);

function claims(text: string, published: string | null): Claim[] {
  return extractClaims({ text, published, sourceId: 'page', mentions: detector.detect(text), entity: (id) => byId.get(id) });
}
const found = (text: string): string[] => detector.detect(text).map((m) => `${m.text}=${m.id}${m.edition ? `/${m.edition}` : ''}`);
const counts = (text: string, published: string | null) =>
  claims(text, published).flatMap((c) => (c.value.type === 'count' ? [{ kind: c.kind, stated: c.value.stated, scope: c.scope ?? null }] : []));

describe('a share of a list of another kind is that kind\'s whole count', () => {
  it('"5 тысяч единиц техники, в том числе 140 самолетов": the aircraft are all the aircraft', () => {
    const r = counts('По данным «Полярного листка», в учениях «Восток-2022» задействованы свыше 5 тыс. единиц техники, в том числе 140 самолетов и 60 кораблей.', '2022-09-01');
    expect(r).toEqual([
      { kind: 'vehicles', stated: [5000], scope: null },
      { kind: 'aircraft', stated: [140], scope: null },
      { kind: 'vessels', stated: [60], scope: null },
    ]);
  });
  it('"500 единиц техники, в том числе около 200 танков": a type of equipment, counted as others count it', () => {
    const r = counts('В учениях «Запад-2017» участвуют 500 единиц боевой техники, в том числе около 200 танков.', '2017-09-10');
    expect(r.map((c) => [c.stated[0], c.scope])).toEqual([[500, null], [200, null]]);
  });
  it('"2000多件装备,包括100多架飞机": Chinese too', () => {
    const r = counts('“东方-2022”演习共有3000多辆装备参演,包括100多架飞机和50多艘舰船。', '2022-09-01');
    expect(r.map((c) => [c.kind, c.stated[0], c.scope])).toEqual([['vehicles', 3000, null], ['aircraft', 100, null], ['vessels', 50, null]]);
  });
  it('people among people stay a part: "20 тысяч военных, в том числе 2 тысячи десантников"', () => {
    const r = counts('В учениях «Запад-2017» участвуют 20 тысяч военных, в том числе 2 тысячи десантников.', '2017-09-10');
    expect(r[1]).toMatchObject({ stated: [2000], scope: { kind: 'contingent', label: 'part of a larger figure' } });
  });
});

describe('Chinese names of Keen Sword and Malabar', () => {
  it('"利剑" is Keen Sword when quoted or beside a word for exercise, not a sword in a sentence, nor inside Joint Sword', () => {
    expect(found('日美两国举行代号为“利剑”的联合演习。')).toEqual(['利剑=ex:keen-sword']);
    expect(found('利劍演習於11月舉行。')).toEqual(['利劍=ex:keen-sword']);
    expect(found('这句评论像一把利剑。')).toEqual([]);
    expect(found('东部战区组织“联合利剑”演习。')).toEqual(['联合利剑=ex:joint-sword']);
  });
  it('"马拉巴尔" is Malabar, and the words after its quoted name describe it rather than name Joint Sea', () => {
    expect(found('“马拉巴尔”海上联合军演在悉尼启动。')).toEqual(['马拉巴尔=ex:malabar']);
    expect(found('“馬拉巴爾”海上聯合軍演')).toEqual(['馬拉巴爾=ex:malabar']);
    expect(found('中俄“海上联合-2019”军演开幕。')).toEqual(['海上联合-2019=ex:joint-sea/2019']);
  });
  it('a Chinese report of Keen Sword gives its days and its size', () => {
    const text = '【东岸时报11月9日电】日美两国8日起举行代号为“利剑”的大规模联合演习。演习日程为8至18日,日美部队共计约2.5万人参加。';
    const r = claims(text, '2024-11-09');
    expect(r.every((c) => c.subject === 'ex:keen-sword')).toBe(true);
    expect(r.find((c) => c.kind === 'participants')?.value).toMatchObject({ stated: [25000], hedge: 'about' });
    expect(r.find((c) => c.kind === 'dates')?.value).toMatchObject({ start: '2024-11-08', end: '2024-11-18' });
  });
});

describe('days, years and roles in Chinese and Japanese reports', () => {
  const roles = (r: Claim[]) => r.filter((c) => c.kind === 'role').map((c) => [c.value.type === 'role' ? c.value.entity : '', c.edition, c.value.type === 'role' ? (c.value.from ?? null) : null]);
  it('"演习日程为10至19日": a range of days without a month is in the publication\'s month', () => {
    const r = claims('“东方-2018”演习在俄罗斯举行。演习日程为11至17日。', '2018-09-12');
    expect(r.find((c) => c.kind === 'dates')?.value).toMatchObject({ start: '2018-09-11', end: '2018-09-17' });
    // A length of two to three days is not a range of dates.
    expect(claims('“东方-2018”演习在俄罗斯举行,每个科目持续2至3日。', '2018-09-12').filter((c) => c.kind === 'dates')).toEqual([]);
  });
  it('an undated page\'s days take the year its address gives', () => {
    const text = '11月16日至20日,北约举行“网络联盟”演习。';
    const r = extractClaims({ text, published: null, url: 'https://example.cn/news/2020/11/16/1.html', sourceId: 'page', mentions: detector.detect(text), entity: (id) => byId.get(id) });
    expect(r.find((c) => c.kind === 'dates')?.value).toMatchObject({ start: '2020-11-16', end: '2020-11-20' });
  });
  it('"2020年,澳大利亚加入该演习" is a member since 2020, not a member of the 2020 edition', () => {
    const r = claims('“马拉巴尔”军演始于1992年。2020年,澳大利亚加入该联合军事演习。2015年,日本成为“马拉巴尔”军演的正式成员。', '2023-08-11');
    expect(roles(r)).toEqual([['country:AU', null, 2020], ['country:JP', null, 2015]]);
  });
  it('"都曾受邀参加": invited to some earlier edition, not the one the sentence before dates', () => {
    const r = claims('“马拉巴尔”军演始于1992年,起初只有美国、印度两国参与。后来,新加坡、澳大利亚等国都曾受邀参加。', '2023-08-11');
    expect(roles(r).filter(([e]) => e === 'country:SG' || e === 'country:AU')).toEqual([['country:SG', null, null], ['country:AU', null, null]]);
  });
  it('a role in an edition a page without any date or year never places is left out', () => {
    const text = '日本与美国军队联手举行代号为“利剑”的大型演习。';
    const r = extractClaims({ text, published: null, sourceId: 'page', mentions: detector.detect(text), entity: (id) => byId.get(id) });
    expect(r.filter((c) => c.kind === 'role')).toEqual([]);
    expect(roles(claims(text, '2024-10-25'))).toEqual([['country:JP', 2024, null], ['country:US', 2024, null]]);
  });
  it('a count of nations after the list it names is not the last country\'s contingent; newcomers are a part', () => {
    const all = counts('“马拉巴尔”军演开幕,美国、澳大利亚、日本和印度四国派军舰参加。', '2023-08-11');
    expect(all).toEqual([{ kind: 'nations', stated: [4], scope: null }]);
    const fresh = counts('「リムパック2018」が始まった。イスラエル、ブラジル、ベトナムの3か国は初参加となる。', '2018-06-28');
    expect(fresh).toEqual([{ kind: 'nations', stated: [3], scope: { kind: 'contingent', label: 'first-time participants' } }]);
  });
});

describe('Russian and Ukrainian figures: names, dates and shares said without their noun', () => {
  it('"Sea Breeze-2021 збере рекордну кількість учасників": the year in a name is not a count', () => {
    expect(counts('Sea Breeze-2021 збере рекордну кількість учасників, повідомляє «Причорноморська хвиля».', '2021-06-20')).toEqual([]);
  });
  it('"2025-08-12 Спільні військові навчання": a date\'s parts are not a range of troops', () => {
    expect(counts('2025-08-12 Спільні військові навчання "Захід-2025" пройдуть у вересні.', '2025-08-12')).toEqual([]);
  });
  it('"около 12 тысяч военных: до 8 тысяч от России и свыше 4 тысяч от Белоруссии": the whole, then each country\'s thousands', () => {
    const r = claims('Около 12 тысяч военных: до 8 тысяч от России и свыше 4 тысяч от Белоруссии - примут участие в учениях "Щит Союза-2019".', '2019-07-23')
      .flatMap((c) => (c.value.type === 'count' ? [[c.value.stated[0], c.value.hedge, c.scope?.of ?? null]] : []));
    expect(r).toEqual([[12000, 'about', null], [8000, 'up-to', 'country:RU'], [4000, 'more-than', 'country:BY']]);
  });
  it('"12 тысяч военных из РФ и Белоруссии" is everyone, not one country\'s troops', () => {
    expect(counts('В учениях "Щит Союза-2019" примут участие 12 тысяч военных из РФ и Белоруссии.', '2019-07-23')).toEqual([{ kind: 'participants', stated: [12000], scope: null }]);
  });
});

describe('a past word in another clause', () => {
  const roles = (r: Claim[]) => r.filter((c) => c.kind === 'role').map((c) => [c.value.type === 'role' ? c.value.entity : '', c.edition]);
  it('"これまで二国間演習とされてきたが、インド、イラン、マリの兵士も参加している": they take part in this edition', () => {
    const text = '【北浜通信】合同軍事演習「ザパド2025」が続いている。この演習はこれまでロシアとベラルーシの二国間演習とされてきたが、インド、イラン、マリの兵士も参加している。';
    expect(roles(claims(text, '2025-09-16')).filter(([e]) => e !== 'country:RU' && e !== 'country:BY')).toEqual([['country:IN', 2025], ['country:IR', 2025], ['country:ML', 2025]]);
  });
  it('with the past word in its own clause the role is still of an earlier edition', () => {
    const text = '合同軍事演習「ザパド2025」が続いている。インド、イラン、マリの兵士もかつて参加したことがある。';
    expect(roles(claims(text, '2025-09-16'))).toEqual([['country:IN', null], ['country:IR', null], ['country:ML', null]]);
  });
});

describe('Japanese figures', () => {
  it('"3万5千人以上": ten-thousands and thousands', () => {
    expect(findIntlCounts('兵士ら3万5千人以上が展開した。', 'ja').map((c) => [c.value.stated, c.value.hedge])).toEqual([[[35000], 'at-least']]);
  });
  it('"333の航空機、約250の艦艇": a noun after の counts as a counter does', () => {
    expect(findIntlCounts('演習では333の航空機、約250の艦艇が使われた。', 'ja').map((c) => [c.kind, c.value.stated[0], c.value.hedge])).toEqual([['aircraft', 333, 'exact'], ['vessels', 250, 'about']]);
  });
  it('"四国" is Shikoku, not four nations; Chinese "四国" still is', () => {
    expect(findIntlCounts('部隊は四国の沖で展開した。', 'ja')).toEqual([]);
    expect(findIntlCounts('美日印澳四国举行演习。', 'zh').map((c) => [c.kind, c.value.stated[0]])).toEqual([['nations', 4]]);
  });
  it('"兵士ら3万5千人以上が展開": deploying is taking part, in the sentence after the exercise is named', () => {
    const text = '【北浜通信】豪州各地で13日、大規模演習「タリスマン・セーバー」が始まった。米豪を中心に兵士ら3万5千人以上が展開。';
    expect(counts(text, '2023-07-13')).toEqual([{ kind: 'participants', stated: [35000], scope: null }]);
  });
});

describe('members written as one-character names', () => {
  const roles = (r: Claim[]) => r.filter((c) => c.kind === 'role').map((c) => (c.value.type === 'role' ? c.value.entity : ''));
  it('"出动日美部队", "日米印共同訓練": each character is a member', () => {
    expect(roles(claims('日美两国举行代号为“利剑”的演习,出动日美部队共计约2.5万人。', '2024-10-25'))).toEqual(['country:JP', 'country:US']);
    expect(roles(claims('【北浜通信】日米印共同訓練「マラバール2018」が始まった。', '2018-06-08'))).toEqual(['country:JP', 'country:US', 'country:IN']);
    expect(roles(claims('各地で13日、日米欧豪など19カ国による大規模演習「タリスマン・セーバー2023」が始まった。', '2023-07-13'))).toEqual(['country:JP', 'country:US', 'country:AU']);
  });
  it('not the US forces stationed in Japan, an alliance, or a place', () => {
    expect(roles(claims('驻日美军司令出席了“利剑-2024”演习的记者会。', '2024-10-25'))).toEqual([]);
    expect(roles(claims('“利剑-2024”演习旨在强化日美同盟。', '2024-10-25'))).toEqual([]);
    expect(roles(claims('“环太平洋-2024”演习期间,中美洲国家的代表也到场。', '2024-07-01'))).toEqual([]);
  });
});

describe('a list of members beside observers named in another clause', () => {
  const roles = (r: Claim[]) => r.filter((c) => c.kind === 'role').map((c) => (c.value.type === 'role' ? `${c.value.entity}:${c.value.role}` : ''));
  it('"亞美尼亞、白俄羅斯……哈薩克斯坦等國的參演部隊將協同演練,觀察員將觀摩": the list takes part', () => {
    const text = '據東岸時報報道,“東方-2022”演習期間,亞美尼亞、白俄羅斯、吉爾吉斯斯坦、塔吉克斯坦、蒙古國和哈薩克斯坦等國的指揮部門、參演部隊將協同演練,觀察員將觀摩演習。';
    expect(roles(claims(text, '2022-09-01'))).toEqual(['AM', 'BY', 'KG', 'TJ', 'MN', 'KZ'].map((c) => `country:${c}:participant`));
  });
  it('without a word of taking part in its own clause, the list is left alone', () => {
    const text = '“東方-2022”演習期間,亞美尼亞、白俄羅斯和哈薩克斯坦的官員發表評論,另有觀察員參加觀摩。';
    expect(roles(claims(text, '2022-09-01')).filter((r) => r.endsWith(':participant'))).toEqual([]);
  });
});

describe('the countries named apart from the others', () => {
  const roles = (r: Claim[]) => r.filter((c) => c.kind === 'role').map((c) => (c.value.type === 'role' ? c.value.entity : ''));
  it('"Крім України і США, у навчаннях беруть участь представники 20 країн": both take part, the 20 are the others', () => {
    const r = claims('Крім України і США, у навчаннях «Сі Бриз-2021» беруть участь представники 20 країн, повідомляє «Причорноморська хвиля».', '2021-06-28');
    expect(roles(r)).toEqual(['country:UA', 'country:US']);
    expect(counts('Крім України і США, у навчаннях «Сі Бриз-2021» беруть участь представники 20 країн.', '2021-06-28')).toEqual([{ kind: 'nations', stated: [20], scope: { kind: 'contingent', label: 'nations besides those named' } }]);
  });
  it('"долучаться 12 інших країн, зокрема Алжир, Катар та Бангладеш": the others, and the ones named join', () => {
    const r = claims('До навчань «Сі Бриз-2012» долучаться 12 інших країн, зокрема Алжир, Катар та Бангладеш.', '2012-07-09');
    expect(roles(r)).toEqual(['country:DZ', 'country:QA', 'country:BD']);
    expect(r.find((c) => c.kind === 'nations')?.scope).toEqual({ kind: 'contingent', label: 'nations besides those named' });
  });
});

describe('places named after the ranges or in a list with a city', () => {
  const places = (r: Claim[]) => r.filter((c) => c.kind === 'location').map((c) => (c.value.type === 'location' ? c.value.country : ''));
  it('"на шести полигонах России и Белоруссии", "на шести полігонах Білорусі"', () => {
    expect(places(claims('Совместные стратегические учения «Запад-2017» пройдут с 14 по 20 сентября на шести полигонах России и Белоруссии.', '2017-08-10'))).toEqual(['country:RU', 'country:BY']);
    expect(places(claims('Спільні навчання «Захід-2017» пройдуть на шести полігонах Білорусі.', '2017-08-10'))).toEqual(['country:BY']);
  });
  it('"в Белоруссии, Калининграде и самой России": a city in the list does not end it', () => {
    expect(places(claims('Учения «Запад-2017» состоятся в следующем месяце в Белоруссии, Калининграде и самой России, пишет «Полярный листок».', '2017-08-10'))).toEqual(['country:BY', 'country:RU']);
  });
});

describe('a sea or a peninsula named after a country', () => {
  it('"フィリピン海", "菲律宾海", "朝鲜半岛" are places, not the countries; their navies are the countries\'', () => {
    expect(found('艦艇がフィリピン海で訓練した。')).toEqual([]);
    expect(found('舰艇在菲律宾海举行演习。')).toEqual([]);
    expect(found('朝鲜半岛局势紧张。')).toEqual([]);
    expect(found('フィリピン海軍が参加した。')).toEqual(['フィリピン=country:PH']);
    expect(found('菲律宾海军参加演习。')).toEqual(['菲律宾=country:PH']);
  });
});

describe('taking part as observers', () => {
  const roles = (r: Claim[]) => r.filter((c) => c.kind === 'role').map((c) => (c.value.type === 'role' ? `${c.value.entity}:${c.value.role}` : ''));
  it('"представители Ирана, Казахстана и Шри-Ланки планируют принять участие в качестве наблюдателей"', () => {
    const r = claims('На учения «Кавказ-2020» приглашены военные из нескольких стран. При этом представители Ирана, Казахстана и Шри-Ланки планируют принять участие в качестве наблюдателей.', '2020-09-10');
    expect(roles(r)).toEqual(['country:IR:observer', 'country:KZ:observer', 'country:LK:observer']);
  });
  it('"Монголія братиме участь у навчаннях як спостерігач"', () => {
    expect(roles(claims('Монголія братиме участь у навчаннях «Схід-2022» як спостерігач.', '2022-08-30'))).toEqual(['country:MN:observer']);
  });
});

describe('dates written with a bare day, a start verb after, or over two sentences', () => {
  const dates = (r: Claim[]) => r.filter((c) => c.kind === 'dates').map((c) => (c.value.type === 'dates' ? [c.value.start, c.value.end, c.scope?.kind ?? null] : []));
  it('"10−16 сентября" with a minus sign', () => {
    expect(findIntlDates('Учения пройдут 10−16 сентября на полигонах.', 'ru', new Date('2021-09-01'), 2021)?.value).toMatchObject({ start: '2021-09-10', end: '2021-09-16' });
  });
  it('"14 вересня … стартували навчання, які тривали до 20 вересня", "14 сентября … начались учения"', () => {
    expect(findIntlDates('14 вересня у Білорусі стартували навчання «Захід-2017», які тривали до 20 вересня.', 'uk', new Date('2017-10-01'), 2017)?.value).toMatchObject({ start: '2017-09-14', end: '2017-09-20' });
    expect(findIntlDates('14 сентября в России и Белоруссии начались совместные учения.', 'ru', new Date('2017-09-14'), 2017)?.value).toMatchObject({ start: '2017-09-14', end: null });
  });
  it('"此次军演从14日持续至20日": a range of bare days', () => {
    expect(findIntlDates('此次军演从14日持续至20日。', 'zh', new Date('2017-09-15'), 2017)?.value).toMatchObject({ start: '2017-09-14', end: '2017-09-20' });
  });
  it('"ロシアは11日、…「ボストーク2018」を開始した。演習は…17日まで実施される": one period over two sentences, never a conflict', () => {
    const r = claims('【北浜通信】ロシアは11日、大規模な軍事演習「ボストーク2018」を開始した。演習は東方軍管区で17日まで実施される。', '2018-09-11');
    expect(dates(r)).toEqual([['2018-09-11', '2018-09-17', null]]);
    expect(r.find((c) => c.kind === 'dates')?.tentative).toBe(true);
  });
  it('a bare day on the far side of the publication day is left out: its month is not sure', () => {
    // Published on the 5th: "28日、…が始まった" is most likely last month's 28th.
    expect(dates(claims('ロシアは28日、軍事演習「ボストーク2018」を開始した。', '2018-09-05'))).toEqual([]);
    // "16日、…と述べた": a day alone, the day something was said.
    expect(dates(claims('プーチン大統領は16日、演習「ザパド2025」について述べた。', '2025-09-17'))).toEqual([]);
  });
  it('the phase may be named after the days: "14 сентября начался активный этап учений"', () => {
    expect(dates(claims('14 сентября начался активный этап учений «Запад-2017».', '2017-09-14'))).toEqual([['2017-09-14', null, 'phase']]);
  });
});

describe('members named by their forces, navies and delegates', () => {
  const roles = (r: Claim[]) => r.filter((c) => c.kind === 'role').map((c) => (c.value.type === 'role' ? `${c.value.entity}:${c.value.role}` : ''));
  it('"ロシア軍とベラルーシ軍による合同軍事演習「ザパド2025」": both countries take part', () => {
    expect(roles(claims('【北浜通信】ロシア軍とベラルーシ軍による合同軍事演習「ザパド2025」が続いている。', '2025-09-16'))).toEqual(['country:RU:participant', 'country:BY:participant']);
  });
  it('"米印両海軍による共同演習": a run of one-character names before "both navies"', () => {
    expect(roles(claims('海上自衛隊と米印両海軍による共同演習「マラバール2016」が始まった。', '2016-06-10'))).toEqual(expect.arrayContaining(['country:US:participant', 'country:IN:participant']));
  });
  it('"米軍の代表団も視察した": a country\'s delegates observe; "NATOの演習" is still the owner, not an observer', () => {
    expect(roles(claims('演習「ザパド2025」には、米軍の代表団も視察に訪れた。', '2025-09-16'))).toEqual(['country:US:observer']);
    expect(roles(claims('NATOの演習「サイバー・コアリション2019」を日本が視察した。', '2019-12-02')).includes('org:nato:observer')).toBe(false);
  });
});

describe('an exercise "of" the countries named after it', () => {
  const roles = (r: Claim[]) => r.filter((c) => c.kind === 'role').map((c) => (c.value.type === 'role' ? `${c.value.entity}:${c.value.role}` : ''));
  it('"навчання Збройних сил Росії та Білорусі «Захід-2017»", "учения России и Белоруссии"', () => {
    expect(roles(claims('Навчання «Захід-2017» стартують у вересні. Це спільні військові навчання Збройних сил Росії та Білорусі, які триватимуть тиждень.', '2017-08-20'))).toEqual(['country:RU:participant', 'country:BY:participant']);
    expect(roles(claims('«Запад-2017» начнется в сентябре. Это учения России и Белоруссии, пишет «Полярный листок».', '2017-08-20'))).toEqual(['country:RU:participant', 'country:BY:participant']);
  });
});

describe('guns counted with the equipment', () => {
  it('"более 240 орудий", "до 200 гармат": artillery pieces are counted as vehicles, as the sources count them', () => {
    expect(findIntlCounts('Будут задействованы свыше 290 танков, более 240 орудий и минометов.', 'ru').map((c) => [c.kind, c.value.stated[0]])).toEqual([['vehicles', 290], ['vehicles', 240]]);
    expect(findIntlCounts('Задіяно до 200 гармат.', 'uk').map((c) => [c.kind, c.value.stated[0]])).toEqual([['vehicles', 200]]);
  });
});

describe('Chinese equipment counters and senders', () => {
  it('"1000余架装备车" counts vehicles; "5000多件武器和军事装备" counts equipment; "5件事" counts nothing', () => {
    expect(findIntlCounts('派出约3200人,1000余架装备车参与演习。', 'zh').map((c) => [c.kind, c.value.stated[0]])).toEqual([['participants', 3200], ['vehicles', 1000]]);
    expect(findIntlCounts('还有5000多件武器和军事装备。', 'zh').map((c) => [c.kind, c.value.stated[0], c.value.hedge])).toEqual([['vehicles', 5000, 'more-than']]);
    expect(findIntlCounts('会议讨论了5件事。', 'zh')).toEqual([]);
  });
  it('"第二次参加的中国,本次派出了5艘舰船、3架直升机,共计1200多人": China\'s, across the comma', () => {
    const r = counts('第二次参加“环太平洋-2016”军演的中国,本次派出了5艘舰船、3架直升机,共计1200多人。', '2016-06-30');
    expect(r.map((c) => [c.kind, c.stated[0], c.scope?.of ?? null])).toEqual([['vessels', 5, 'country:CN'], ['aircraft', 3, 'country:CN'], ['participants', 1200, 'country:CN']]);
  });
  it('"中方参演兵力为1600人": the Chinese side\'s troops', () => {
    expect(counts('“和平使命-2007”联合反恐军事演习中,中方参演兵力为1600人。', '2007-08-09')).toEqual([{ kind: 'participants', stated: [1600], scope: { kind: 'contingent', of: 'country:CN' } }]);
  });
});

describe('a Chinese edition ordinal', () => {
  it('"今年已经迈入第25届": the 25th edition', () => {
    const r = claims('“环太平洋-2016”军演自1971年开始,两年一度举行,今年已经迈入第25届。', '2016-06-30');
    expect(r.filter((c) => c.kind === 'edition').map((c) => c.value)).toEqual([{ type: 'edition', ordinal: 25 }]);
  });
});

describe('Japanese places with a region, an exclave or "など" before で', () => {
  const places = (r: Claim[]) => r.filter((c) => c.kind === 'location').map((c) => (c.value.type === 'location' ? c.value.country : ''));
  it('"オーストラリアの北東部クイーンズランド州など各地で", "ロシアの飛び地カリーニングラードやベラルーシなどで"', () => {
    expect(places(claims('【北浜通信】オーストラリアの北東部クイーンズランド州など各地で13日、演習「タリスマン・セーバー2023」が始まった。', '2023-07-13'))).toEqual(['country:AU']);
    expect(places(claims('演習「ザーパド2017」が14日、ロシアの飛び地カリーニングラードやベラルーシなどで始まった。', '2017-09-14'))).toEqual(['country:RU', 'country:BY']);
  });
  it('"ロシアと同盟国ベラルーシで": both', () => {
    expect(places(claims('ロシアと同盟国ベラルーシで12日、合同軍事演習「ザーパド2025」が始まった。', '2025-09-12'))).toEqual(['country:RU', 'country:BY']);
  });
  it('"ロシアの侵攻で": a cause, not a place', () => {
    expect(places(claims('演習「ザーパド2025」は、ロシアの侵攻で緊張が高まる中で行われた。', '2025-09-12'))).toEqual([]);
  });
});

describe('an exercise named by the two countries that hold it', () => {
  const roles = (r: Claim[]) => r.filter((c) => c.kind === 'role').map((c) => (c.value.type === 'role' ? `${c.value.entity}:${c.value.role}` : ''));
  it('"российско-белорусских учениях", "білорусько-російські навчання": both countries take part', () => {
    expect(roles(claims('По данным «Полярного листка», в российско-белорусских военных учениях «Запад-2017» задействованы 12 700 военных.', '2017-09-14'))).toEqual(['country:RU:participant', 'country:BY:participant']);
    expect(roles(claims('У вересні стартували спільні білорусько-російські військові навчання «Захід-2017».', '2017-09-14'))).toEqual(['country:BY:participant', 'country:RU:participant']);
  });
  it('the same adjective on other words names no participant', () => {
    expect(roles(claims('Российско-белорусские отношения обсуждали до начала учений «Запад-2017».', '2017-09-14'))).toEqual([]);
  });
});
