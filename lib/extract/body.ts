/**
 * Finds the article body of a live page and returns its text built from the page's own Text nodes,
 * so the content script can highlight any `[start, end)` of that text with a Range.
 *
 * The page is never modified. Readability chooses the content on a clone of the document; each
 * clone element carries, as an attribute, the index of its live twin (`cloneNode(true)` keeps the
 * structure, so `querySelectorAll('*')` lists both in the same order). Each Text node Readability
 * keeps is matched, by its characters and in document order, among the live Text nodes under its
 * nearest marked ancestor. Readability copies attributes when it renames elements and re-parses its
 * own HTML when it retries, so an attribute survives where node identity would not. The live walk
 * then writes only matched nodes, and never those under code, fields, hidden or boilerplate elements.
 *
 * Text rule (what the segments promise):
 *   text.slice(seg.start, seg.end) === seg.node.data.slice(seg.offset, seg.offset + seg.end - seg.start)
 * Segments never hold a whitespace character other than a single U+0020 between two non-space
 * characters. Every other whitespace run in the page (newlines, tabs, nbsp, several spaces) is
 * written to `text` as one space that belongs to no segment, and block boundaries are written as
 * "\n\n" (paragraph-like blocks) or "\n" (br, list items, table cells), also outside any segment.
 *
 * When Readability finds no article (search pages, home pages), `root` is null and the text is
 * that of the prose-like paragraphs of `main` (or the body): long enough, sentence-like, not
 * mostly links, outside navigation and other boilerplate. Mentions in running prose are still
 * worth showing there; menus and link lists are not.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';

export interface TextSegment {
  node: Text;
  /** Offsets in `ArticleText.text`. */
  start: number;
  end: number;
  /** Offset in `node.data` where the segment's text begins. */
  offset: number;
}

export interface ArticleText {
  text: string;
  segments: TextSegment[];
  /** The element that holds the article; null when no article was found (see the fallback above). */
  root: Element | null;
}

export interface DomRangePoints {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** Never text a reader reads as the article: code, widgets, embedded documents, form fields. */
const NEVER_TEXT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'PRE', 'CODE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD',
  'TITLE', 'LINK', 'META',
]);

/** Page furniture that is never the article's own prose, even inside the article element. */
const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FORM', 'FOOTER', 'HEADER', 'DIALOG', 'MENU', 'FIGURE', 'FIGCAPTION']);
const BOILERPLATE_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alertdialog', 'menu',
  'menubar', 'toolbar',
]);

const PARAGRAPH_BREAK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'MAIN',
  'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'FIGURE', 'FIGCAPTION', 'UL', 'OL', 'DL', 'TABLE', 'HR',
  'ADDRESS', 'DETAILS', 'SUMMARY', 'FIELDSET', 'CAPTION', 'CENTER', 'HGROUP',
]);
const LINE_BREAK = new Set(['BR', 'LI', 'DT', 'DD', 'TR', 'TD', 'TH']);

/** Class/id words of share bars, ads, cookie banners, related links and comments. */
const BOILERPLATE_NAME =
  /(^|[-_\s])(share|sharing|social|advert|advertisement|ads?|adslot|sponsor(ed)?|promo|cookie|consent|gdpr|newsletter|related|recommend(ed|ations)?|comments?|disqus|byline|breadcrumbs?|subscribe|caption|credits?|outbrain|taboola)($|[-_\s])/i;

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;

const INDEX_ATTR = 'data-triangulate-live-index';

/** Separator strength: a stronger pending separator wins over a weaker one. */
const Gap = { None: 0, Space: 1, Line: 2, Paragraph: 3 } as const;
type Gap = (typeof Gap)[keyof typeof Gap];
const GAP_TEXT = ['', ' ', '\n', '\n\n'] as const;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

function isBoilerplate(el: Element): boolean {
  if (BOILERPLATE_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role !== null && BOILERPLATE_ROLES.has(role)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return names.length > 1 && BOILERPLATE_NAME.test(names);
}

/** Photo credits and copyright lines: short blocks a reader does not read as the story. */
const CREDIT_LINE =
  /^\s*(©|\(c\)\s|copyright\b|all rights reserved|(photo(graph)?s?|image|picture|credit)\s*(by|:|\|))|\b(getty images|via getty|shutterstock|ap photo|reuters\/[a-z]|afp photo|epa-efe)\b/i;
const CREDIT_TAGS = new Set(['P', 'SMALL', 'SPAN', 'DIV', 'LI', 'CITE']);

function isCreditLine(el: Element): boolean {
  if (!CREDIT_TAGS.has(el.tagName.toUpperCase()) || el.childElementCount > 3) return false;
  const text = el.textContent ?? '';
  return text.length < 160 && CREDIT_LINE.test(text);
}

function skipsSubtree(el: Element): boolean {
  return NEVER_TEXT.has(el.tagName.toUpperCase()) || isHidden(el) || isBoilerplate(el) || isCreditLine(el);
}

/** Writes text and separators; remembers which node each written run came from. */
class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private gap: Gap = Gap.None;
  readonly segments: TextSegment[] = [];

  breakAt(gap: Gap): void {
    if (gap > this.gap) this.gap = gap;
  }

  addNode(node: Text): void {
    const data = node.data;
    // Runs of non-space characters joined by single spaces are copied verbatim; any other
    // whitespace becomes a pending separator so that segment text is always a slice of the node.
    const runs = /\S+(?: \S+)*/g;
    let last = 0;
    for (let m = runs.exec(data); m !== null; m = runs.exec(data)) {
      if (m.index > last) this.breakAt(Gap.Space);
      if (this.length > 0 && this.gap > Gap.None) {
        const sep = GAP_TEXT[this.gap];
        this.parts.push(sep);
        this.length += sep.length;
      }
      this.gap = Gap.None;
      const run = m[0];
      this.segments.push({ node, start: this.length, end: this.length + run.length, offset: m.index });
      this.parts.push(run);
      this.length += run.length;
      last = m.index + run.length;
    }
    if (last < data.length) this.breakAt(Gap.Space);
  }

  text(): string {
    return this.parts.join('');
  }
}

function gapFor(tagName: string): Gap {
  if (PARAGRAPH_BREAK.has(tagName)) return Gap.Paragraph;
  if (LINE_BREAK.has(tagName)) return Gap.Line;
  return Gap.None;
}

/**
 * Walks `root` in document order without recursion (deep pages would overflow the stack) and
 * writes the Text nodes that `keeps` accepts, with a separator wherever a block opens or closes.
 */
function writeSubtree(root: Element, keeps: (text: Text) => boolean, out: TextBuilder): void {
  out.breakAt(Gap.Paragraph);
  let node: Node | null = root.firstChild;
  while (node !== null && node !== root) {
    if (node.nodeType === 3) {
      if (keeps(node as Text)) out.addNode(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      out.breakAt(gapFor(el.tagName.toUpperCase()));
      if (el.firstChild !== null && !skipsSubtree(el)) {
        node = el.firstChild;
        continue;
      }
    }
    // Climb out of finished elements, closing each block on the way up.
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node !== null && node !== root && node.nodeType === 1) out.breakAt(gapFor((node as Element).tagName.toUpperCase()));
    }
    if (node === null || node === root) break;
    node = node.nextSibling;
  }
  out.breakAt(Gap.Paragraph);
}

interface ArticleChoice {
  root: Element;
  kept: Set<Text>;
}

interface MarkedClone {
  live: NodeListOf<Element>;
  clone: Document;
}

/** A clone of the page whose every element carries the index of its live twin. */
function markedClone(doc: Document): MarkedClone | null {
  // querySelectorAll: a static list in document order (linkedom's getElementsByTagName('*') is empty).
  const live = doc.querySelectorAll('*');
  const clone = doc.cloneNode(true) as Document;
  const twins = clone.querySelectorAll('*');
  if (twins.length !== live.length) return null;
  for (let i = 0; i < twins.length; i++) twins[i]!.setAttribute(INDEX_ATTR, String(i));
  return { live, clone };
}

/** Readability's choice of article element in the clone (null when it finds none). */
function readabilityContent(clone: Document): Element | null {
  // Chinese and Japanese say as much in a third of the characters: Readability's 500-character bar is lowered to match.
  const cjk = isCjkPage(clone);
  return new Readability<Element>(clone, { serializer: (el) => el as Element, ...(cjk ? { charThreshold: 180 } : {}) }).parse()?.content ?? null;
}

/** Runs Readability on a clone and maps the text it keeps back to live Text nodes. */
function chooseArticle(doc: Document): ArticleChoice | null {
  const marked = markedClone(doc);
  const content = marked && readabilityContent(marked.clone);
  return content ? keptText(marked.live, marked.clone, content) : null;
}

/** The live Text nodes whose characters Readability kept in `content`, and the element holding them. */
function keptText(live: NodeListOf<Element>, clone: Document, content: Element): ArticleChoice | null {
  // Readability wraps loose text in new <p>s and unwraps single-child <div>s, and its retries
  // re-parse HTML (which may split or join Text nodes), so kept text is found by its characters,
  // in document order, among the live Text nodes under its nearest marked ancestor.
  const cursors = new Map<Element, TextCursor>();
  const kept = new Set<Text>();
  let root: Element | null = null;
  const walker = clone.createTreeWalker(content, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (!/\S/.test(data)) continue;
    let marked = node.parentElement;
    while (marked !== null && !marked.hasAttribute(INDEX_ATTR)) marked = marked.parentElement;
    const twin = marked ? live[Number(marked.getAttribute(INDEX_ATTR))] : undefined;
    if (!twin) continue;
    let cursor = cursors.get(twin);
    if (!cursor) {
      cursor = new TextCursor(twin);
      cursors.set(twin, cursor);
    }
    for (const text of cursor.take(data)) {
      kept.add(text);
      root = root === null ? text.parentElement : widen(root, text);
    }
  }
  return root ? { root, kept } : null;
}

/** The live Text nodes under an element as one string, consumed front to back. */
class TextCursor {
  private readonly texts: Text[] = [];
  private readonly starts: number[] = [];
  private readonly joined: string;
  private position = 0;
  private index = 0;

  constructor(el: Element) {
    const parts: string[] = [];
    let length = 0;
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const data = (node as Text).data;
      this.texts.push(node as Text);
      this.starts.push(length);
      parts.push(data);
      length += data.length;
    }
    this.joined = parts.join('');
  }

  /** The Text nodes holding the next occurrence of `data`; none when it does not occur. */
  take(data: string): Text[] {
    const at = this.joined.indexOf(data, this.position);
    if (at < 0) return [];
    const end = at + data.length;
    while (this.index + 1 < this.texts.length && this.starts[this.index + 1]! <= at) this.index++;
    const found: Text[] = [];
    for (let i = this.index; i < this.texts.length && this.starts[i]! < end; i++) found.push(this.texts[i]!);
    this.position = end;
    return found;
  }
}

/** The nearest ancestor of `root` (or itself) that also holds `node`. */
function widen(root: Element, node: Node): Element {
  let el: Element | null = root;
  while (el !== null && !el.contains(node)) el = el.parentElement;
  return el ?? root;
}

/**
 * Looser than Readability's defaults (140 chars, score 20), which turn down short news items; still
 * enough to tell a home or search page (headline links, short teasers) from an article, and it
 * spares such pages the cost of cloning the document.
 */
const READERABLE = { minContentLength: 80, minScore: 10 };
/** The same bars for pages in Chinese or Japanese, where a character carries about as much as a word. */
const READERABLE_CJK = { minContentLength: 15, minScore: 6 };
const CJK = /[\u3040-\u30ff\u4e00-\u9fff]/g;

/** Whether most of a page's letters are Chinese or Japanese (a sample of its text is enough). */
function isCjkPage(doc: Document): boolean {
  const sample = (doc.body?.textContent ?? '').slice(0, 4000);
  const cjk = sample.match(CJK)?.length ?? 0;
  return cjk > 0 && cjk * 3 >= sample.replace(/\s+/g, '').length;
}

/** A paragraph's length as prose: Chinese and Japanese characters count three. */
function proseLength(text: string): number {
  return text.length + 2 * (text.match(CJK)?.length ?? 0);
}

const ARTICLE_LD_TYPE = /"@type"\s*:\s*\[?\s*(?:"[^"]*"\s*,\s*)*"(?:[^"]*[/:])?(?:\w*Article|BlogPosting|Report)"/;

/** Whether the page calls itself an article (Open Graph or JSON-LD), however little prose it has. */
function declaresArticle(doc: Document): boolean {
  if (doc.querySelector('meta[property="og:type"][content="article"]')) return true;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    if (ARTICLE_LD_TYPE.test(script.textContent ?? '')) return true;
  }
  return false;
}

const MIN_PROSE_CHARS = 80;

/** Paragraphs that read like prose, for pages without an article (see the file comment). */
function proseParagraphs(doc: Document): Element[] {
  const scope = doc.querySelector('main, [role="main"]') ?? doc.body;
  if (!scope) return [];
  const found: Element[] = [];
  for (const p of scope.querySelectorAll('p')) {
    if (insideSkipped(p, scope)) continue;
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (proseLength(text) < MIN_PROSE_CHARS || !/[.!?…。！？]/.test(text)) continue;
    let linked = 0;
    for (const a of p.querySelectorAll('a')) linked += (a.textContent ?? '').length;
    if (linked > text.length / 2) continue;
    found.push(p);
  }
  return found;
}

function insideSkipped(el: Element, scope: Element): boolean {
  for (let node: Element | null = el; node !== null && node !== scope; node = node.parentElement) {
    if (skipsSubtree(node)) return true;
  }
  return false;
}

function articleText(doc: Document, choice: ArticleChoice | null): ArticleText {
  const out = new TextBuilder();
  if (choice) {
    const { root, kept } = choice;
    writeSubtree(root, (text) => kept.has(text), out);
    return { text: out.text(), segments: out.segments, root };
  }
  for (const p of proseParagraphs(doc)) writeSubtree(p, () => true, out);
  return { text: out.text(), segments: out.segments, root: null };
}

const readerable = (doc: Document) => !!doc.body && (declaresArticle(doc) || isProbablyReaderable(doc, isCjkPage(doc) ? READERABLE_CJK : READERABLE));

export function collectArticleText(doc: Document): ArticleText {
  return articleText(doc, readerable(doc) ? chooseArticle(doc) : null);
}

/**
 * The same text as `collectArticleText`, in four steps with a turn for the page between them
 * (`pause` resolves false to give up: null then), so a large page's extraction is several short
 * tasks rather than one long one. Readability's parse is the longest step.
 */
export async function collectArticleTextInSteps(doc: Document, pause: () => Promise<boolean>): Promise<ArticleText | null> {
  let choice: ArticleChoice | null = null;
  if (readerable(doc)) {
    if (!(await pause())) return null;
    const marked = markedClone(doc);
    if (!(await pause())) return null;
    const content = marked && readabilityContent(marked.clone);
    if (!(await pause())) return null;
    choice = content ? keptText(marked.live, marked.clone, content) : null;
  }
  return articleText(doc, choice);
}

/** Index of the first segment for which `past(segment)` holds; `past` must be monotone. */
function firstWhere(segments: TextSegment[], past: (seg: TextSegment) => boolean): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(segments[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The live DOM points for `[start, end)` of `at.text`, ready for `Range.setStart/setEnd`. Ends that
 * fall on a separator snap inward to the nearest text; null when the span holds no page text.
 */
export function rangeForOffsets(at: ArticleText, start: number, end: number): DomRangePoints | null {
  if (!(start < end)) return null;
  const { segments } = at;
  const a = segments[firstWhere(segments, (seg) => seg.end > start)];
  const b = segments[firstWhere(segments, (seg) => seg.start >= end) - 1];
  if (!a || !b || a.start >= end || b.end <= start) return null;
  return {
    startNode: a.node,
    startOffset: a.offset + Math.max(0, start - a.start),
    endNode: b.node,
    endOffset: b.offset + Math.min(b.end, end) - b.start,
  };
}
