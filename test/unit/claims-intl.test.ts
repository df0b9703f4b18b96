/**
 * Russian, Ukrainian, Chinese and Japanese reporting: detection, counts, dates, scope, stance,
 * retelling credits, and comparison with English sources. Every sentence here is our own, written for
 * these tests (invented outlets: Северный вестник, Степовий кур'єр, 海风日报, 港湾新報).
 */
import { describe, expect, it } from 'vitest';
import { compareClaims, deriveBatch, extractClaims, shingleSignature, textFingerprint } from '../../lib/claims';
import { findIntlCounts } from '../../lib/claims/intl-numbers';
import { findIntlDates } from '../../lib/claims/intl-dates';
import { readSeeds } from '../../lib/dataset/seeds-fs';
import { createDetector } from '../../lib/detect';
import { languageOf } from '../../lib/text/lang';
import type { Claim, Entity, Source } from '../../lib/types';

const entities: Entity[] = readSeeds('seeds').entities;
const byId = new Map(entities.map((e) => [e.id, e]));
const detector = createDetector(entities);
const found = (text: string): string[] => detector.detect(text).map((m) => `${m.text}=${m.id}${m.edition ? `/${m.edition}` : ''}`);

function claims(text: string, published: string | null, sourceId = 'page'): Claim[] {
  return extractClaims({ text, published, sourceId, mentions: detector.detect(text), entity: (id) => byId.get(id) });
}
const brief = (c: Claim) => ({
  kind: c.kind,
  edition: c.edition,
  value: c.value.type === 'count' ? [c.value.stated, c.value.hedge] : c.value.type === 'dates' ? [c.value.start, c.value.end] : c.value,
  scope: c.scope ?? null,
  stance: c.stance ?? null,
});

describe('language of a page', () => {
  it('is told from its script', () => {
    expect(languageOf('Учения проходят в Белоруссии.')).toBe('ru');
    expect(languageOf('Навчання відбуваються в Білорусі, повідомляє видання.')).toBe('uk');
    expect(languageOf('演习在爱沙尼亚举行。')).toBe('zh');
    expect(languageOf('演習はエストニアで行われた。')).toBe('ja');
    expect(languageOf('The drills took place in Estonia.')).toBe('en');
  });
});

describe('detection in four languages', () => {
  it('finds declined Russian and Ukrainian names', () => {
    expect(found('Военные Белоруссии, Беларуси и России, а также наблюдатели из Китая.')).toEqual([
      'Белоруссии=country:BY', 'Беларуси=country:BY', 'России=country:RU', 'Китая=country:CN',
    ]);
    expect(found('Війська Білорусі та Росії провели навчання «Захід-2017».')).toEqual(['Білорусі=country:BY', 'Росії=country:RU', 'Захід-2017=ex:zapad/2017']);
    expect(found('В учениях участвуют 3000 российских военнослужащих.')).toEqual(['российских=country:RU']);
  });

  it('finds names in Chinese and Japanese text without word spaces, in both Chinese scripts', () => {
    expect(found('北约网络联盟演习在爱沙尼亚举行。')).toEqual(['北约=org:nato', '网络联盟=ex:cyber-coalition', '爱沙尼亚=country:EE']);
    expect(found('北約網絡聯盟演習')).toEqual(['北約=org:nato', '網絡聯盟=ex:cyber-coalition']);
    expect(found('防衛省はサイバー・コアリションに参加する。')).toEqual(['防衛省=org:jp-mod', 'サイバー・コアリション=ex:cyber-coalition']);
    expect(found('俄罗斯和白俄罗斯举行“西方-2017”联合演习。')).toEqual(['俄罗斯=country:RU', '白俄罗斯=country:BY', '西方-2017=ex:zapad/2017']);
  });

  it('does not take a word inside a longer one, nor a common word, for a name', () => {
    // The Sea of Japan is not Japan; an outlet's name is the outlet; "the West" is not Zapad; "タイ" in a longer word is not Thailand.
    expect(found('艦艇が日本海を航行した。')).toEqual([]);
    expect(found('日本経済新聞によると')).toEqual(['日本経済新聞=org:nikkei']);
    expect(found('Запад обеспокоен, заявил министр.')).toEqual([]);
    expect(found('Министр прибыл на учения «Запад».')).toEqual(['Запад=ex:zapad']);
    expect(found('リアルタイムで配信された。')).toEqual([]);
  });
});

describe('counts as written', () => {
  const table: [string, 'ru' | 'uk' | 'zh' | 'ja', string, number[], string][] = [
    ['задействуют до 12 700 военнослужащих', 'ru', 'participants', [12700], 'up-to'],
    ['около трех тысяч российских военных', 'ru', 'participants', [3000], 'about'],
    ['прибудут 12,7 тыс. военнослужащих', 'ru', 'participants', [12700], 'exact'],
    ['почти 300 тысяч военных', 'ru', 'participants', [300000], 'almost'],
    ['свыше 40 самолетов', 'ru', 'aircraft', [40], 'more-than'],
    ['візьмуть участь 230–240 тис. осіб', 'uk', 'participants', [230000, 240000], 'range'],
    ['навчатимуться 10 тисяч 200 військовослужбовців', 'uk', 'participants', [10200], 'exact'],
    ['понад 10 тисяч одиниць бойової техніки', 'uk', 'vehicles', [10000], 'more-than'],
    ['1300余人参加', 'zh', 'participants', [1300], 'more-than'],
    ['约700人', 'zh', 'participants', [700], 'about'],
    ['共1.27万人', 'zh', 'participants', [12700], 'exact'],
    ['20多个国家', 'zh', 'nations', [20], 'more-than'],
    ['三千名官兵', 'zh', 'participants', [3000], 'exact'],
    ['約20人が参加', 'ja', 'participants', [20], 'about'],
    ['27カ国が参加', 'ja', 'nations', [27], 'exact'],
    ['1万2700人の兵士', 'ja', 'participants', [12700], 'exact'],
    ['艦艇20隻', 'ja', 'vessels', [20], 'exact'],
  ];
  it.each(table)('%s', (text, lang, kind, stated, hedge) => {
    const c = findIntlCounts(text, lang)[0];
    expect(c && { kind: c.kind, stated: c.value.stated, hedge: c.value.hedge }).toEqual({ kind, stated, hedge });
  });

  it('leaves years, dates and ranks alone', () => {
    expect(findIntlCounts('в 2017 году, 14 сентября', 'ru')).toEqual([]);
    expect(findIntlCounts('2019年12月2日，第3名', 'zh')).toEqual([]);
  });
});

describe('dates as written', () => {
  const sep2017 = new Date(Date.UTC(2017, 8, 1));
  const table: [string, 'ru' | 'uk' | 'zh' | 'ja', number | null, string | null, string | null][] = [
    ['учения пройдут с 14 по 20 сентября', 'ru', 2017, '2017-09-14', '2017-09-20'],
    ['маневры пройдут 14–20 сентября 2017 года', 'ru', null, '2017-09-14', '2017-09-20'],
    ['навчання триватимуть з 14 по 20 вересня', 'uk', 2017, '2017-09-14', '2017-09-20'],
    ['с 30 августа по 5 сентября', 'ru', 2022, '2022-08-30', '2022-09-05'],
    ['учения начались 14 сентября', 'ru', 2017, '2017-09-14', null],
    ['演习于11月27日至12月1日举行', 'zh', 2018, '2018-11-27', '2018-12-01'],
    ['2019年12月2日至6日', 'zh', null, '2019-12-02', '2019-12-06'],
    ['演習は12月2日から6日まで行われる', 'ja', 2019, '2019-12-02', '2019-12-06'],
    ['演习持续到9月20日', 'zh', 2017, null, '2017-09-20'],
  ];
  it.each(table)('%s', (text, lang, edition, start, end) => {
    const d = findIntlDates(text, lang, sep2017, edition);
    expect(d && [d.value.start, d.value.end]).toEqual([start, end]);
  });
  it('the days of the largest manoeuvres, or of a stage, are a part of the exercise, not its dates', () => {
    const ru = claims('Учения «Запад-2017» пройдут с 14 по 20 сентября. По словам аналитика, самые масштабные маневры намечены на 18-20 сентября.', '2017-09-10').map(brief);
    expect(ru.filter((c) => c.kind === 'dates')).toEqual([
      { kind: 'dates', edition: 2017, value: ['2017-09-14', '2017-09-20'], scope: null, stance: null },
      expect.objectContaining({ value: ['2017-09-18', '2017-09-20'], scope: expect.objectContaining({ kind: 'phase' }) }),
    ]);
    const uk = claims('Навчання «Захід-2017» триватимуть з 14 по 20 вересня, а наймасштабніші бойові дії заплановані на 18-20 вересня.', '2017-09-10').map(brief);
    expect(uk.filter((c) => c.kind === 'dates' && !c.scope)).toHaveLength(1);
  });
  it('a date without a start or end word is not the exercise dates', () => {
    expect(findIntlDates('14 сентября министр выступил в парламенте', 'ru', sep2017, 2017)).toBeNull();
  });
});

// A Russian article of our own on Zapad-2017: the official figure with its parts, and an estimate with its speaker.
const RU = [
  'Учения «Запад-2017» пройдут с 14 по 20 сентября на полигонах Белоруссии и России, сообщает Северный вестник.',
  'По данным Минобороны Белоруссии, в них будут задействованы до 12 700 военнослужащих, из них около 3000 российских.',
  'В Польше и странах Балтии считают, что на самом деле в маневрах могут участвовать до 100 тысяч военных.',
].join(' ');

describe('a Russian article', () => {
  const r = claims(RU, '2017-09-10').map(brief);
  it('reads the dates, the official total, the Russian contingent and the estimate with its stance', () => {
    expect(r).toContainEqual({ kind: 'dates', edition: 2017, value: ['2017-09-14', '2017-09-20'], scope: null, stance: null });
    expect(r).toContainEqual({ kind: 'participants', edition: 2017, value: [[12700], 'up-to'], scope: null, stance: 'official' });
    expect(r).toContainEqual({ kind: 'participants', edition: 2017, value: [[3000], 'about'], scope: { kind: 'contingent', of: 'country:RU' }, stance: 'official' });
    expect(r).toContainEqual({ kind: 'participants', edition: 2017, value: [[100000], 'up-to'], scope: null, stance: 'estimate' });
  });
  it('a figure named as the total is the whole exercise, after the places it is held in', () => {
    const zh = claims('据海港晚报报道，“西方-2017”联合军演将在白俄罗斯境内多个靶场及俄罗斯境内两个训练场举行，参加军演的总人数为1.27万人，其中俄方5500人。', '2017-09-10').map(brief);
    expect(zh.filter((c) => c.kind === 'participants').map((c) => [c.value, c.scope])).toEqual([
      [[[12700], 'exact'], null],
      [[[5500], 'exact'], { kind: 'contingent', of: 'country:RU' }],
    ]);
  });
  it('a share of an organisation\'s members is still its members', () => {
    const ja = claims('「サイバー・コアリション2019」は12月2日に始まり、NATO29カ国から25カ国とパートナー国が参加する。', '2019-12-02').map(brief);
    expect(ja.find((c) => c.kind === 'nations')).toMatchObject({ value: [[25], 'exact'], scope: { kind: 'contingent', of: 'org:nato' } });
  });
  it('armour and hardware counted in units, in Russian and Ukrainian', () => {
    const uk = claims('У навчаннях «Захід-2017» задіяли 350 одиниць бронетехніки.', '2017-09-25').map(brief);
    expect(uk.filter((c) => c.kind === 'vehicles').map((c) => c.value)).toEqual([[[350], 'exact']]);
    const ru = claims('В учениях «Запад-2017» задействовано 350 единиц бронетехники.', '2017-09-25').map(brief);
    expect(ru.filter((c) => c.kind === 'vehicles').map((c) => c.value)).toEqual([[[350], 'exact']]);
  });
  it('a unit named in the genitive after the noun owns the figure', () => {
    const ru = claims('В учениях «Запад-2021» также будут задействованы до 15 кораблей Балтийского флота.', '2021-09-08').map(brief);
    expect(ru.find((c) => c.kind === 'vessels')?.scope).toEqual({ kind: 'contingent', of: 'org:ru-baltic-fleet' });
  });
  it('what a sender sends is one list, commas and all', () => {
    const zh = claims('“东方-2018”演习9月11日开幕。中国解放军派出约3000人,900余辆装备车,固定翼飞机和直升机24架参与演习。', '2018-09-11').map(brief);
    expect(zh.filter((c) => c.kind !== 'dates' && c.kind !== 'role' && c.kind !== 'location').map((c) => [c.kind, c.scope])).toEqual([
      ['participants', { kind: 'contingent', of: 'country:CN' }],
      ['vehicles', { kind: 'contingent', of: 'country:CN' }],
      ['aircraft', { kind: 'contingent', of: 'country:CN' }],
    ]);
  });
  it('names the places', () => {
    expect(r.filter((c) => c.kind === 'location').map((c) => (c.value as { country: string }).country)).toEqual(['country:BY', 'country:RU']);
  });
});

describe('a Japanese article', () => {
  const JA = [
    '防衛省は、NATOのサイバー防衛演習「サイバー・コアリション」に初めて正式に参加すると発表した。',
    '演習は12月2日から6日までエストニアで行われ、NATO加盟国27カ国と日本など6カ国のパートナー国が参加する。',
    '日本は2015年からオブザーバーとして参加してきた。',
  ].join('');
  const c = claims(JA, '2019-11-28');
  it('reads the dates, the place, the member count and the observer years', () => {
    const r = c.map(brief);
    expect(r).toContainEqual({ kind: 'dates', edition: 2019, value: ['2019-12-02', '2019-12-06'], scope: null, stance: null });
    expect(r).toContainEqual({ kind: 'location', edition: 2019, value: { type: 'location', country: 'country:EE' }, scope: null, stance: null });
    expect(r).toContainEqual({ kind: 'nations', edition: 2019, value: [[27], 'exact'], scope: { kind: 'contingent', of: 'org:nato' }, stance: null });
    expect(r).toContainEqual({ kind: 'role', edition: null, value: { type: 'role', entity: 'country:JP', role: 'observer', from: 2015 }, scope: null, stance: null });
  });
});

describe('comparison across languages', () => {
  const src = (id: string, outlet: string, language: string, extra: Partial<Source> = {}): Source => ({
    id, title: id, outlet, published: '2017-09-12', language, url: null, origin: 'imported', set: 't', entities: ['ex:zapad'], ...extra,
  });
  const sources = new Map<string, Source>([
    ['page', src('page', 'Северный вестник', 'ru')],
    ['en', src('en', 'Harbor Ledger', 'en')],
    ['zh', src('zh', '海风日报', 'zh')],
  ]);
  it('a Russian figure is corroborated by English and Chinese ones, and an estimate is a disputed figure, not a conflict', () => {
    const page = claims(RU, '2017-09-10', 'page');
    const en = claims('The Zapad-2017 drills will involve up to 12,700 troops, the Belarusian defence ministry said.', '2017-09-12', 'en');
    const zh = claims('白俄罗斯国防部表示，“西方-2017”演习将有12700名军人参加。', '2017-09-12', 'zh');
    const total = compareClaims(page, [...en, ...zh], sources, { pageSourceId: 'page', derivation: new Map() }).find((a) => a.kind === 'participants' && !a.scope && a.stance === 'official')!;
    expect(total.corroborating.map((e) => e.source.id).sort()).toEqual(['en', 'zh']);
    expect(total.conflicting).toEqual([]);
    const estimate = compareClaims(page, en, sources, { pageSourceId: 'page', derivation: new Map() }).find((a) => a.kind === 'participants' && a.stance === 'estimate')!;
    expect(estimate.conflicting).toEqual([]);
  });

  it('a Chinese page that credits a Japanese daily is derived from it, though they share no words', () => {
    const jaText = '港湾新報によると、防衛省はサイバー・コアリションに参加する。演習は12月2日から6日まで行われる。';
    const zhText = '据日本经济新闻报道，日本防卫省将首次参加北约“网络联盟”演习。演习于12月2日至6日举行。';
    const item = (id: string, outlet: string, text: string, published: string, language: string) => ({
      source: { ...src(id, outlet, language), published, entities: ['ex:cyber-coalition', 'org:jp-mod'], text, fingerprint: textFingerprint(text), signature: shingleSignature(text) },
      mentions: detector.detect(text),
    });
    const nikkei = item('nikkei', 'Nikkei', '防衛省はNATOのサイバー演習に参加する。演習は12月2日から6日まで行われる。', '2019-11-27', 'ja');
    const { links } = deriveBatch([nikkei, item('zh', '海风日报', zhText, '2019-11-28', 'zh'), item('ja2', '港湾新報', jaText, '2019-11-28', 'ja')], {
      storedFor: () => [],
      outletOf: (id) => (id === 'org:nikkei' ? ['Nikkei', 'Nikkei Asia'] : []),
      canRelink: () => true,
    });
    expect(links.get('zh')?.derivedFrom).toBe('nikkei');
    expect(links.get('nikkei')?.derivedFrom).toBeNull();
  });
});
