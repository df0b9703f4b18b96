/**
 * Retellings as real reporting writes them (issue #14): credit lines, citations in the lede in five
 * languages, the outlet registry's other names, and what is not a retelling (a speaker quoted on one
 * point, earlier reporting, two stories quoting one statement). Synthetic sentences and invented outlets.
 */
import { describe, expect, it } from 'vitest';
import { compareClaims, findDerivation } from '../../lib/claims';
import { creditedOutlet, outletDirectory, wireName, type NamedOutlet } from '../../lib/claims/credits';
import type { Claim, Mention, Source } from '../../lib/types';

const OUTLETS: NamedOutlet[] = [
  { name: 'Meridian Wire', type: 'wire', native: [{ text: '北風通信', lang: 'ja' }], aliases: ['MW'] },
  { name: 'Harbor Ledger', type: 'newspaper', aliases: ['Harbor Ledger Asia Review'] },
  { name: 'Granite Post', type: 'newspaper' },
  { name: 'Kestrel', type: 'wire' },
  { name: 'Borealis', type: 'newspaper' },
  { name: 'Northern Herald', type: 'newspaper', native: [{ text: 'Северный вестник', lang: 'ru' }] },
  { name: 'Lista', type: 'wire', native: [{ text: 'Ліста', lang: 'uk' }] },
  { name: 'North Wind Agency', type: 'wire', native: [{ text: '北风通讯社', lang: 'zh' }] },
  { name: 'North Wind Daily', type: 'newspaper', native: [{ text: '北风日报', lang: 'zh' }] },
  { name: 'Ministry of Defence of Eastmarch', type: 'government' },
  { name: 'Eastmarch Army', type: 'government' },
];
const outlets = outletDirectory(OUTLETS);
const noEntities = (): string[] => [];

/** What the page's lede credits for its story (findDerivation's `retells`), and every outlet it cites. */
function derive(text: string, outlet = 'Granite Post', candidates: Source[] = []) {
  return findDerivation({ text, url: null, title: '', outlet, mentions: [] }, candidates, noEntities, outlets);
}
/** The same, with an organization the detector found in the text (its names from the gazetteer). */
function deriveWithMention(text: string, written: string, names: string[]) {
  const start = text.indexOf(written);
  const mention: Mention = { type: 'organization', id: 'org:x', name: names[0]!, text: written, start, end: start + written.length, confidence: 1, form: 'name' };
  return findDerivation({ text, url: null, title: '', outlet: 'Granite Post', mentions: [mention] }, [], (id) => (id === 'org:x' ? names : []), outlets);
}
const credit = (text: string, own = 'Granite Post'): string | undefined => creditedOutlet(text, { outlets, isOwn: (n) => outlets.canonical(n) === own });

describe('credit lines in English copy', () => {
  it.each([
    ['an opening credit without a city', '(Meridian Wire) - Navies began the Harbour Shield drills on Monday off Port Verran.', 'Meridian Wire'],
    ['a sign-off after a dash', 'Navies began the Harbour Shield drills on Monday.\nAbout 30 ships take part. — MW', 'MW'],
    ['a sign-off run into the last sentence', 'About 30 ships take part in the drills off Port Verran.__Harbor Ledger', 'Harbor Ledger'],
    ['a byline naming the paper', 'Ana Vell | Harbor Ledger Navies gathered off Port Verran for the Harbour Shield drills.', 'Harbor Ledger'],
    ['a press clipping header', 'Navies gather for Harbour Shield\n  • , Harbor Ledger , 5:02 a.m.\nPORT VERRAN — Navies gathered on Monday.', 'Harbor Ledger'],
    ['a copyright line', 'Navies began the drills on Monday.\nCopyright 2021 Meridian Wire. All rights reserved.', 'Meridian Wire'],
    ['a source line with letters beyond ASCII', 'Navies began the drills on Monday.\nSource: Łąka Courier', 'Łąka Courier'],
    ['a dateline with a day and no city', 'Navies gather off Port Verran\n\nMay 14 (MW) — About 30 ships began the Harbour Shield drills on Monday.', 'MW'],
    ['a dateline below a caption and a photo credit', 'Navies gather off Port Verran\n\nU.S. Navy jets park on the flightline at Port Verran. Photo by Ana Vell/U.S. Air Force\n\nMay 14 (MW) — About 30 ships began the drills.', 'MW'],
    ['a sign-off naming two agencies', 'Navies began the drills on Monday.\nAbout 30 ships take part. – Kestrel-Borealis', 'Kestrel'],
  ])('%s', (_, text, name) => {
    expect(credit(text)).toBe(name);
  });

  it('a dateline shared by the page and an agency credits the agency', () => {
    expect(credit('PORT VERRAN (Granite Post / Meridian Wire - 3rd May, 2021) Navies began the drills on Monday.')).toBe('Meridian Wire');
  });

  it('letters a page defines for a name credit nobody: "the Armed Forces of the Philippines (AFP)"', () => {
    const outletsWithAfp = outletDirectory([...OUTLETS, { name: 'AFP', type: 'wire' }]);
    expect(creditedOutlet('The Armed Forces of the Philippines (AFP) said 14 nations will observe the drills.', { outlets: outletsWithAfp })).toBeUndefined();
    expect(creditedOutlet('MANILA (AFP) — Troops began the drills on Monday.', { outlets: outletsWithAfp })).toBe('AFP');
  });

  it('a bracket or a bar naming no outlet credits nobody', () => {
    expect(credit('(Updated) - Navies began the drills on Monday.')).toBeUndefined();
    expect(credit('Home | World Navies began the drills on Monday.')).toBeUndefined();
    expect(credit('About 30 ships take part. — Ana Vell')).toBeUndefined();
  });
});

describe('credit lines in Chinese, Japanese and Russian copy', () => {
  it.each([
    ['a source line', '演习于9月14日开始，约有一万二千人参加。\n来源：北风通讯社', '北风通讯社'],
    ['a reprint note', '演习于9月14日开始。\n本文转载自北风日报', '北风日报'],
    ['a distribution credit', '演習は14日に始まった。\n北風通信配信', '北風通信'],
    ['a distribution line', '演習は14日に始まった。\n配信：北風通信', '北風通信'],
    ['a full-width bracket sign-off', '演習は14日に始まり、約1万2千人が参加した。（北風通信）', '北風通信'],
    ['a bracketed dateline', '[ポートベラン 11日 北風通信] - 演習は11日に始まった。', '北風通信'],
    ['a Russian dateline with a dash', 'ПОРТ-ВЕРРАН, 23 июл - Северный вестник. Около 12 тысяч военных примут участие в учениях.', 'Северный вестник'],
  ])('%s', (_, text, name) => {
    expect(credit(text)).toBe(name);
  });

  it('a photo\'s source, a live stream and an unknown name credit nobody', () => {
    expect(credit('演习开始。\n图片来源：北风通讯社')).toBeUndefined();
    expect(credit('演習の様子はライブ配信された。')).toBeUndefined();
    expect(credit('演习开始。\n来源：某某高清')).toBeUndefined();
  });

  it('the page\'s own dateline is skipped for the agency its lede cites', () => {
    const text = '星河社9月18日电 据北风通讯社报道，演习正在进行中，七国代表观摩了空军演练。';
    expect(derive(text, '星河社').retells).toBe('North Wind Agency');
  });
});

describe('citations in the lede', () => {
  it.each([
    ['a descriptor between the outlet and its verb', 'The drills will involve 12,000 troops, Eastmarch’s Kestrel news agency reported on Monday.', 'Kestrel'],
    ['Russian: "Об этом пишет газета «…»"', 'В учениях примут участие 12 тысяч военных. Об этом пишет газета «Северный вестник».', 'Northern Herald'],
    ['Ukrainian: an adjective and a noun before the agency, in capitals', 'Навчання перейшли в активну фазу. Про це повідомляє східне агентство ЛІСТА.', 'Lista'],
    ['Ukrainian: a Latin name after a Cyrillic cue', 'Росія відпрацьовувала напад на країни регіону, заявив міністр, передає Borealis.', 'Borealis'],
    ['Chinese: 根据《…》报道', '近日，根据《北风日报》报道，三十余个国家参加了这场网络演习。', 'North Wind Daily'],
    ['Japanese: …によると', '北風通信によると、演習には約1万2千人が参加する。', 'Meridian Wire'],
    ['Japanese: …は…と報じた', '北風通信は、演習に参加する兵士が約1万2千人に上ると報じた。', 'Meridian Wire'],
  ])('%s', (_, text, name) => {
    expect(derive(text).retells).toBe(name);
  });

  it('a sentence about earlier reporting cites the outlet but does not credit it with the story', () => {
    const r = deriveWithMention('Учения пройдут с 14 по 20 сентября. Ранее газета «Северный вестник» сообщила, что президенты посетят полигон.', 'Северный вестник', ['Northern Herald', 'Северный вестник']);
    expect(r.cited).toContain('Northern Herald');
    expect(r.retells).toBeUndefined();
  });

  it('a ministry credits the story only when the story opens with it', () => {
    const ministry = ['Ministry of Defence of Eastmarch', 'Eastmarch defence ministry'];
    const later = 'Navies began the Harbour Shield drills on Monday. Thirty ships sailed from Port Verran. The drills end on Friday, the Eastmarch defence ministry said.';
    expect(deriveWithMention(later, 'Eastmarch defence ministry', ministry).retells).toBeUndefined();
    const opening = 'The Harbour Shield drills will involve 30 ships, the Eastmarch defence ministry said. They end on Friday.';
    expect(deriveWithMention(opening, 'Eastmarch defence ministry', ministry).retells).toBe('Ministry of Defence of Eastmarch');
  });

  it('an outlet cited after the first three sentences is a source for one point, not the story', () => {
    const text = '演習は11日に始まった。中国からも部隊が参加している。演習は17日まで続く。北風通信は、両首脳が協定に署名すると伝えた。';
    const r = deriveWithMention(text, '北風通信', ['Meridian Wire', '北風通信']);
    expect(r.cited).toContain('Meridian Wire');
    expect(r.retells).toBeUndefined();
  });
});

describe('other names of one outlet', () => {
  it('a credit in any of its names is read as the registry names the outlet', () => {
    expect(outlets.canonical('Harbor Ledger Asia Review')).toBe('Harbor Ledger');
    expect(outlets.canonical('ministry of defense of eastmarch')).toBe('Ministry of Defence of Eastmarch');
    expect(wireName('Nikkei Asian Review')).toBe(wireName('日本经济新闻'));
    expect(wireName('Russian Defence Ministry')).toBe(wireName('Ministry of Defense of the Russian Federation'));
  });

  it('a source crediting another name of the page\'s origin is a retelling of it, not support', () => {
    const source = (id: string, outlet: string, retells: string): Source => ({
      id, title: id, outlet, published: '2019-12-03', language: 'en', url: null, origin: 'imported', set: 't', entities: [], retells,
    });
    const sources = new Map([
      ['page', source('page', 'Embassy Clippings', 'Nikkei Asian Review')],
      ['other', source('other', 'Linden Courier', 'Nikkei')],
    ]);
    const claim = (id: string): Claim => ({
      id, source: id, subject: 'ex:cyber-coalition', edition: 2019, kind: 'nations', value: { type: 'count', stated: [30], hedge: 'exact' }, sentence: 's', text: 'x', start: 0, end: 1,
    });
    const [annotated] = compareClaims([claim('page')], [claim('other')], sources, { pageSourceId: 'page', derivation: new Map() });
    expect(annotated!.corroborating.map((e) => e.relation)).toEqual(['origin']);
  });
});

describe('what is not a copy or a citation link', () => {
  const src = (id: string, outlet: string, text: string, extra: Partial<Source> = {}): Source => ({
    id, title: id, outlet, published: null, language: 'en', url: null, origin: 'imported', set: 't', entities: ['ex:harbour-shield'], text, ...extra,
  });
  const statement =
    'Defending networks may not look like defending a coastline, but it is part of every operation now, and exercises like this one, where allies who share values also share know-how, are what keeps us resilient';

  it('two stories quoting one statement share the quote, not their text', () => {
    const a = `The Harbour Shield cyber drills closed on Friday in Port Verran with teams from 30 nations. “${statement},” the Eastmarch defence minister said. Organisers called it the largest edition so far.`;
    const b = `Teams from three dozen countries defended a fictional island state this week. “${statement},” said the minister, who visited the exercise centre on Thursday. A report on the results is due in the spring.`;
    expect(derive(b, 'Borealis', [src('a', 'Kestrel', a)]).derivedFrom).toBeNull();
    // The same words as the text's own (a copy of the release), not quoted, are one story.
    const copy = `The Harbour Shield cyber drills closed on Friday. ${statement}, the organisers wrote. Teams came from 30 nations.`;
    expect(derive(copy, 'Borealis', [src('a', 'Kestrel', a)]).derivation).toBe('wire-copy');
  });

  it('a 14-word list of an exercise\'s warfare areas is boilerplate, not a copy', () => {
    const list = 'amphibious warfare, diving operations, maritime interdiction, air defence, special operations integration, and search and rescue';
    const a = `Harbour Shield 2021 opened on Monday in the northern sea with 32 nations. The drills cover ${list}, officials said.`;
    const b = `Ships from a dozen navies sailed from Port Verran for two weeks of training focused on ${list}. The host navy leads the exercise this year.`;
    expect(derive(b, 'Borealis', [src('a', 'Kestrel', a)]).derivedFrom).toBeNull();
  });

  it('a body quoted on one point is not the origin of the page\'s story', () => {
    const text = 'Navies began the Harbour Shield drills on Monday. Whether the live-fire phase would go ahead was unclear; Eastmarch Army said it was still reviewing the plan. Thirty ships sailed from Port Verran.';
    const army = src('army', 'Eastmarch Army', 'Eastmarch Army announces its plans for the Harbour Shield series.', { published: '2022-05-03' });
    expect(derive(text, 'Borealis', [army]).derivedFrom).toBeNull();
  });
});
