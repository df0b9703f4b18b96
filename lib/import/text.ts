/**
 * Text clean-up shared by every format: HTML to plain text with paragraph breaks, control
 * characters out, whitespace tidied.
 */
import { parseHtmlDocument } from '../dom/parse';

// Elements whose text is not article text.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'head', 'object', 'canvas']);

// Elements that start a new paragraph; everything else flows inline.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'caption',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Plain text of an element, HTML or XML (Atom xhtml content): blocks become paragraphs, `<br>`
 * a line break. Walks with an explicit stack so hostile nesting cannot overflow the call stack.
 */
export function elementText(root: Node): string {
  const out: string[] = [];
  // Closing markers are pushed as strings so a block's end also breaks the paragraph.
  const stack: (Node | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item.nodeType === TEXT_NODE || item.nodeType === CDATA_SECTION_NODE) {
      out.push((item.nodeValue ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    const name = localNameOf(item);
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      out.push('\n');
      continue;
    }
    const block = BLOCKS.has(name) || name === 'td' || name === 'th';
    const separator = name === 'td' || name === 'th' ? ' ' : '\n\n';
    if (block) {
      out.push(separator);
      stack.push(separator);
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return tidyText(out.join(''));
}

/** Plain text of an HTML string (CDATA content of feeds, HTML in JSON fields). */
export function htmlToText(html: string): string {
  const doc = parseHtmlDocument(html);
  return doc.body ? elementText(doc.body) : '';
}

// A common HTML tag (<p>, </div>, <br/>) or an entity reference: enough to treat a field as HTML.
// Tag names are listed so that plain text such as "a<b and c>d" is not taken for markup.
const HTML_MARKUP =
  /<\/?(?:a|abbr|article|aside|b|blockquote|br|caption|cite|code|dd|del|div|dl|dt|em|figcaption|figure|font|footer|h[1-6]|header|hr|i|iframe|img|ins|li|main|mark|nav|noscript|ol|p|picture|pre|q|s|script|section|small|source|span|strong|style|sub|sup|table|tbody|td|th|thead|time|tr|u|ul|video)(?:\s[^<>]*)?\/?>|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_MARKUP.test(text);
}

/** The text of a field that may be HTML or plain text. */
export function plainText(value: string): string {
  return looksLikeHtml(value) ? htmlToText(value) : tidyText(value);
}

// C0 and C1 control characters except tab and newlines, plus the BOM and lone surrogates left by bad decoding.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/** Multi-line text: control characters out, line ends unified, spaces collapsed, at most one blank line. */
export function tidyText(text: string): string {
  return stripControl(text.replace(/\r\n?/g, '\n'))
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One-line text (titles, outlet names): all whitespace runs become one space. */
export function tidyLine(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

/** Lower-case local name, without a namespace prefix (linkedom keeps `content:encoded` whole). */
export function localNameOf(node: Node): string {
  const name = (node as Element).localName ?? node.nodeName ?? '';
  return name.slice(name.lastIndexOf(':') + 1).toLowerCase();
}
