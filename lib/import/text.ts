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

// Tag names that make a field markup. Listed, so that plain text such as "x<y and z>w" is not taken
// for markup; the elements whose content is not text (svg, script...) are among them.
const TAG_NAMES =
  'a|abbr|article|aside|audio|b|base|blockquote|body|br|button|canvas|caption|cite|code|dd|del|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|li|link|main|mark|math|meta|nav|noembed|noframes|noscript|object|ol|p|picture|plaintext|pre|q|s|script|section|select|small|source|span|strong|style|sub|sup|svg|table|tbody|td|textarea|th|thead|time|title|tr|u|ul|video|xmp';
// A whole tag, `<p>`, `</div>`, `<br/>`, `<img src="x">`.
const WHOLE_TAG = new RegExp(`<\\/?(?:${TAG_NAMES})(?:\\s[^<>]{0,2000})?\\/?>`, 'iy');
// The start of one, complete or not: `<svg` followed by a space, `/`, `>` or the end.
const TAG_START = new RegExp(`<\\/?(?:${TAG_NAMES})(?=[\\s/>]|$)`, 'gi');
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
// An opening tag that never closes its `>`: the name and the `name=value` attributes after it.
// Quoted values are bounded, so a hostile field of many `<b a="` cannot make each tag scan to its end.
const BROKEN_TAG = /<\/?[a-z][a-z0-9-]*(?:\s+[\w:-]+\s*=\s*(?:"[^"<>]{0,500}"|'[^'<>]{0,500}'|[^\s<>"']*))*/iy;
// Elements whose content the HTML parser does not read as text, up to their end tag: left open,
// they would swallow the rest of the field.
const RAW_CONTENT = ['script', 'style', 'svg', 'math', 'template', 'iframe', 'object', 'noscript', 'noembed', 'noframes', 'textarea', 'title', 'xmp', 'plaintext'];

export function looksLikeHtml(text: string): boolean {
  TAG_START.lastIndex = 0;
  return TAG_START.test(text) || ENTITY.test(text);
}

/**
 * Makes markup safe to hand to an HTML parser without losing text: a tag whose `>` never comes is
 * dropped (its attributes with it, the words after it kept), and so is the opening tag of an
 * element that swallows content (`<svg>`, `<script>`, `<!--`) when nothing closes it.
 */
function defuseMarkup(html: string): string {
  let out = '';
  let copied = 0;
  const lower = html.toLowerCase();
  // Where each swallowing element is last closed: an opening tag after that point is never closed.
  const lastClose = new Map(RAW_CONTENT.map((name) => [name, lower.lastIndexOf(`</${name}`)]));
  TAG_START.lastIndex = 0;
  for (let m = TAG_START.exec(html); m; m = TAG_START.exec(html)) {
    WHOLE_TAG.lastIndex = m.index;
    const whole = WHOLE_TAG.exec(html);
    if (whole) {
      const name = /^<\/?([a-z0-9]+)/i.exec(whole[0])![1]!.toLowerCase();
      const opens = !whole[0].startsWith('</') && !whole[0].endsWith('/>') && RAW_CONTENT.includes(name);
      if (opens && (name === 'plaintext' || lastClose.get(name)! < WHOLE_TAG.lastIndex)) {
        out += html.slice(copied, m.index);
        copied = WHOLE_TAG.lastIndex;
      }
      TAG_START.lastIndex = WHOLE_TAG.lastIndex;
      continue;
    }
    BROKEN_TAG.lastIndex = m.index;
    BROKEN_TAG.exec(html);
    out += html.slice(copied, m.index);
    copied = BROKEN_TAG.lastIndex;
    TAG_START.lastIndex = copied;
  }
  out += html.slice(copied);
  // An unclosed comment hides everything after it; an unclosed `<![CDATA[` or `<!x` up to the next `>`.
  return out.replace(/<!--(?![\s\S]*?-->)/g, '').replace(/<!(?!--)(?![^<>]*>)/g, '');
}

/** The text of a field that may be HTML or plain text, and whether tags were removed from it. */
export function plainTextOf(value: string): { text: string; markup: boolean } {
  if (!looksLikeHtml(value)) return { text: tidyText(value), markup: false };
  TAG_START.lastIndex = 0;
  const markup = TAG_START.test(value) || /<!--/.test(value);
  return { text: htmlToText(defuseMarkup(value)), markup };
}

/** The text of a field that may be HTML or plain text. */
export function plainText(value: string): string {
  return plainTextOf(value).text;
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
