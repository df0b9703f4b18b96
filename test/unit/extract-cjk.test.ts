/**
 * Article text on Chinese, Japanese and Russian news pages: their paragraphs carry as much in fewer
 * characters, and their sentences end in 。！？. Pages and sentences are our own (invented outlets).
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/dom/parse.ts';
import { collectArticleText } from '../../lib/extract/body.ts';

const page = (lang: string, paragraphs: string[], chrome = '') =>
  `<html lang="${lang}"><head><title>t</title></head><body><nav><a href="/">首页</a> <a href="/a">国际</a> <a href="/b">军事</a></nav>${chrome}` +
  `<div class="content">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div><footer>版权所有 海风日报</footer></body></html>`;

const ZH = [
  '海风日报讯 “西方-2017”联合演习于九月中旬在白俄罗斯举行。',
  '据白俄罗斯国防部介绍，约一万两千名军人参加演习！',
  '演习分两个阶段进行，各国观察员应邀观摩。',
  '分析人士认为，演习规模引起邻国关注？',
];
const JA = [
  '港湾新報によると、NATOのサイバー演習は十二月にエストニアで行われる。',
  '防衛省は、これまでのオブザーバーとしての立場から一歩進め、初めて正式に参加すると発表した。',
  '参加国は約三十カ国にのぼる見通しで、演習は五日間続く。',
  '政府関係者は、同盟国との連携を深める機会になると話している。',
];

describe('article text in other scripts', () => {
  it('takes short Chinese paragraphs as the article, without the page chrome', () => {
    const text = collectArticleText(parseHtmlDocument(page('zh', ZH))).text;
    for (const p of ZH) expect(text).toContain(p);
    expect(text).not.toContain('版权所有');
  });
  it('takes short Japanese paragraphs as the article', () => {
    const text = collectArticleText(parseHtmlDocument(page('ja', JA))).text;
    for (const p of JA) expect(text).toContain(p);
  });
});
