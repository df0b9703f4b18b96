import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/dom/parse.ts';
import { collectArticleText, collectArticleTextInSteps, rangeForOffsets, type ArticleText, type DomRangePoints } from '../../lib/extract/body.ts';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/extract', name), 'utf8');

function collect(name: string): { doc: Document; at: ArticleText } {
  const doc = parseHtmlDocument(fixture(name));
  return { doc, at: collectArticleText(doc) };
}

/** The page text between two DOM points, whitespace collapsed the way `text` collapses it inside a block. */
function pageTextBetween(doc: Document, points: DomRangePoints): string {
  const walker = doc.createTreeWalker(doc.body, 4);
  let inside = false;
  let out = '';
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    const from = node === points.startNode ? points.startOffset : 0;
    if (node === points.startNode) inside = true;
    if (!inside) continue;
    const to = node === points.endNode ? points.endOffset : node.data.length;
    out += node.data.slice(from, to);
    if (node === points.endNode) break;
  }
  return out.replace(/\s+/g, ' ');
}

describe('collectArticleText on an article page', () => {
  const { doc, at } = collect('article.html');

  it('keeps the article paragraphs in order', () => {
    expect(at.root).not.toBeNull();
    const first = at.text.indexOf('Fourteen nations sent troops to the Baltic Shield exercise');
    const last = at.text.indexOf('in the presence of the defence ministers');
    expect(first).toBe(0);
    expect(last).toBeGreaterThan(first);
    expect(at.text).toContain('now in its sixth edition, brings together about 3,000 soldiers');
    expect(at.text).toContain('Local residents were told to expect convoys');
  });

  it.each([
    'NAV-TEXT', 'HEADER-TEXT', 'FOOTER-TEXT', 'COOKIE-TEXT', 'SHARE-TEXT', 'ASIDE-TEXT', 'RELATED-TEXT',
    'COMMENT-TEXT', 'FORM-TEXT', 'INPUT-TEXT', 'SELECT-TEXT', 'AD-TEXT', 'CAPTION-TEXT',
  ])('leaves out page furniture: %s', (marker) => {
    expect(at.text).not.toContain(marker);
  });

  it.each([
    'SCRIPT-TEXT', 'STYLE-TEXT', 'INLINE-SCRIPT-TEXT', 'NOSCRIPT-TEXT', 'TEXTAREA-TEXT', 'EDITABLE-TEXT',
    'PRE-TEXT', 'CODE-TEXT', 'SVG-TEXT', 'HIDDEN-TEXT', 'ARIAHIDDEN-TEXT',
  ])('never takes text from code, fields, widgets or hidden elements: %s', (marker) => {
    expect(at.text).not.toContain(marker);
  });

  it('writes paragraphs as "\\n\\n", <br> as "\\n" and collapses whitespace runs to one space', () => {
    expect(at.text).toContain('officials of the allied command said.\n\nThe drill');
    expect(at.text).toContain('at the naval base\nin the presence');
    expect(at.text).toContain('Fourteen nations sent troops to the Baltic');
    expect(at.text).not.toMatch(/ {2}|\t|\n{3}|^\s|\s$/);
  });

  it('maps every segment to a slice of its own live Text node', () => {
    expect(at.segments.length).toBeGreaterThan(5);
    let previousEnd = 0;
    for (const seg of at.segments) {
      expect(doc.body.contains(seg.node)).toBe(true);
      expect(at.text.slice(seg.start, seg.end)).toBe(seg.node.data.slice(seg.offset, seg.offset + seg.end - seg.start));
      expect(seg.start).toBeGreaterThanOrEqual(previousEnd);
      // Between segments there are only separators.
      expect(at.text.slice(previousEnd, seg.start)).toMatch(/^( |\n|\n\n)?$/);
      previousEnd = seg.end;
    }
    expect(previousEnd).toBe(at.text.length);
  });

  it('maps an offset span across node boundaries back to the page', () => {
    const phrase = 'now in its sixth edition, brings';
    const start = at.text.indexOf(phrase);
    const points = rangeForOffsets(at, start, start + phrase.length);
    expect(points).not.toBeNull();
    expect(points!.startNode).not.toBe(points!.endNode);
    expect(points!.startNode.data.slice(points!.startOffset)).toMatch(/^now in its /);
    expect(points!.endNode.data.slice(0, points!.endOffset)).toMatch(/ edition, brings$/);
    expect(pageTextBetween(doc, points!)).toBe(phrase);
  });

  it('maps a span whose source has a whitespace run, and one across a <br>', () => {
    const phrase = 'Fourteen nations sent troops';
    const points = rangeForOffsets(at, 0, phrase.length)!;
    expect(points.startNode).toBe(points.endNode);
    expect(pageTextBetween(doc, points)).toBe(phrase);

    const across = 'naval base\nin the presence';
    const start = at.text.indexOf(across);
    const brPoints = rangeForOffsets(at, start, start + across.length)!;
    expect(brPoints.startNode.data.slice(brPoints.startOffset)).toMatch(/^naval base$/);
    expect(brPoints.endNode.data.slice(0, brPoints.endOffset)).toBe('in the presence');
  });

  it('snaps ends on separators inward and refuses spans with no page text', () => {
    const sep = at.text.indexOf('\n\nThe drill');
    const points = rangeForOffsets(at, sep, sep + 2 + 'The drill'.length)!;
    expect(points.startNode.data.slice(points.startOffset)).toMatch(/^The drill/);
    expect(rangeForOffsets(at, sep, sep + 2)).toBeNull();
    expect(rangeForOffsets(at, 5, 5)).toBeNull();
    expect(rangeForOffsets(at, at.text.length, at.text.length + 3)).toBeNull();
  });

  it('leaves the page DOM exactly as it was', () => {
    const fresh = parseHtmlDocument(fixture('article.html'));
    const before = fresh.documentElement.outerHTML;
    collectArticleText(fresh);
    collectArticleText(fresh);
    expect(fresh.documentElement.outerHTML).toBe(before);
  });
});

describe('collectArticleText on a short news item', () => {
  it('treats a page that declares itself an article as one, however short', () => {
    const brief =
      '<p>The coast guard said two patrol boats joined the search exercise on Tuesday morning.</p>' +
      '<p>The drill ends on Friday, officials of the invented port authority said.</p>';
    const plain = collectArticleText(parseHtmlDocument(`<html><head></head><body><main>${brief}</main></body></html>`));
    const declared = collectArticleText(parseHtmlDocument(
      `<html><head><meta property="og:type" content="article"></head><body><main>${brief}</main><footer>FOOTER-TEXT</footer></body></html>`));
    expect(plain.root).toBeNull();
    expect(declared.root).not.toBeNull();
    expect(declared.text).toBe(
      'The coast guard said two patrol boats joined the search exercise on Tuesday morning.\n\nThe drill ends on Friday, officials of the invented port authority said.');
  });
});

describe('collectArticleText without an article', () => {
  it('returns root null and only the prose paragraphs of main', () => {
    const { at } = collect('listing.html');
    expect(at.root).toBeNull();
    expect(at.text).toBe('Welcome to the Harbour Ledger. Our reporters cover the coast, the islands and the navy base every day of the year.');
    expect(at.segments[0]!.node.data).toContain('Welcome');
  });

  it('writes a <br> that ends an inline element as a line break', () => {
    const at = collectArticleText(parseHtmlDocument(
      '<main><p>The first line of a long prose paragraph ends here.<span> A span ends with a break.<br></span>The next line follows the break, in the same paragraph.</p></main>'));
    expect(at.text).toBe('The first line of a long prose paragraph ends here. A span ends with a break.\nThe next line follows the break, in the same paragraph.');
  });

  it('returns empty text for a page without prose', () => {
    const at = collectArticleText(parseHtmlDocument('<nav><a href="/">Home</a></nav><p>Short.</p>'));
    expect(at).toMatchObject({ text: '', segments: [], root: null });
  });
});

describe('collectArticleTextInSteps', () => {
  const names = readdirSync(resolve(import.meta.dirname, '../fixtures/extract')).filter((n) => n.endsWith('.html'));

  it('gives the same text and segments as collectArticleText, yielding between its steps', async () => {
    for (const name of names) {
      const doc = parseHtmlDocument(fixture(name));
      let pauses = 0;
      const stepped = await collectArticleTextInSteps(doc, async () => (pauses++, true));
      const whole = collectArticleText(doc);
      expect(stepped?.text, name).toBe(whole.text);
      expect(stepped?.segments.map((s) => [s.start, s.end, s.offset, s.node.data]), name).toEqual(whole.segments.map((s) => [s.start, s.end, s.offset, s.node.data]));
      expect(pauses === 0 || pauses === 3, name).toBe(true);
    }
  });

  it('gives up when told to', async () => {
    const doc = parseHtmlDocument(fixture(names.find((n) => collectArticleText(parseHtmlDocument(fixture(n))).root !== null)!));
    expect(await collectArticleTextInSteps(doc, async () => false)).toBeNull();
  });
});
