import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/dom/parse.ts';
import { collectArticleText } from '../../lib/extract/body.ts';
import { loadPages, PAGES_DIR, scorePage, totals } from '../../scripts/body-f1.ts';

// Real saved news pages (Scrapinghub/Zyte article-extraction benchmark, MIT), kept outside the repo.
const pages = loadPages(PAGES_DIR, 40);
if (pages.length === 0) console.log(`extract-pages: no benchmark pages at ${PAGES_DIR}; skipped (set TRIANGULATE_PAGES).`);

describe.skipIf(pages.length === 0)('collectArticleText on real pages', () => {
  it('reaches F1 >= 0.95 on the first 40 benchmark pages, never touching the page', () => {
    const scores = pages.map((page) => {
      const doc = parseHtmlDocument(page.html);
      const before = doc.documentElement.outerHTML;
      const { text } = collectArticleText(doc);
      expect(doc.documentElement.outerHTML, page.url).toBe(before);
      return scorePage(page.truth, text);
    });
    expect(totals(scores).f1).toBeGreaterThanOrEqual(0.95);
  });
});

describe('body-f1 scoring', () => {
  it('counts shared, predicted-only and true-only 4-token shingles per page', () => {
    expect(scorePage('a b c d e', 'a b c d e')).toEqual({ tp: 1, fp: 0, fn: 0 });
    // truth shingles: abcd, bcde; predicted: abcd, bcdx -> 1 shared, 1 each side.
    const s = scorePage('a b c d e', 'a, b. c d x');
    expect([s.tp, s.fp, s.fn].map((x) => x * 3)).toEqual([1, 1, 1]);
    expect(totals([{ tp: 1, fp: 0, fn: 0 }, { tp: 0, fp: 0, fn: 1 }])).toMatchObject({ precision: 1, recall: 0.5, pages: 2 });
  });
});
