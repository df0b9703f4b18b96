/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds. Full text from `content:encoded` or Atom `<content>`,
 * else the description or summary; HTML (escaped, CDATA or Atom xhtml) reduced to text.
 * Elements are matched by local name, so namespace prefixes do not matter.
 */
import { parseXmlDocument } from '../dom/parse';
import { t } from '../i18n/messages';
import { elementText, localNameOf, plainText, plainTextOf, tidyText } from './text';
import type { ImportResult, RawArticle, RawRecord } from './types';
import { failedFile, finishFile } from './validate';

type FeedFormat = 'rss' | 'atom';

export function parseFeed(text: string): ImportResult {
  const root = feedRoot(text) ?? feedRoot(repairXml(text));
  if (!root) return failedFile('unknown', 'unsupported-format', t('importWhyNotFeed'));
  const { format, items, channel } = root;
  if (items.length === 0) return failedFile(format, 'no-records', t('importWhyFeedEmpty'));
  // Read once: the channel holds every item, so per-item lookups in it would cost n² on big feeds.
  const feed = format === 'atom' ? atomFeedFields(channel) : rssChannelFields(channel);
  const records: RawRecord[] = items.map((item, i) => ({ raw: format === 'atom' ? atomEntry(item, feed) : rssItem(item, feed), at: { record: i + 1 } }));
  return finishFile(format, records);
}

/** Is this text a feed, judged by its root element? */
export function feedFormatOf(text: string): FeedFormat | null {
  const head = text
    .slice(0, 4096)
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '')
    .trimStart();
  const m = /^<(?:[\w-]+:)?(rss|rdf|channel|feed)[\s>/]/i.exec(head);
  if (!m) return null;
  return m[1]!.toLowerCase() === 'feed' ? 'atom' : 'rss';
}

interface FeedRoot {
  format: FeedFormat;
  items: Element[];
  /** The element that holds feed-wide fields: RSS `<channel>`, Atom `<feed>`. */
  channel: Element;
}

function feedRoot(text: string): FeedRoot | null {
  let doc: Document;
  try {
    doc = parseXmlDocument(text);
  } catch {
    return null;
  }
  // Browsers answer malformed XML with a <parsererror> document instead of throwing.
  if (doc.getElementsByTagName('parsererror').length > 0) return null;
  const root = doc.documentElement;
  if (!root) return null;
  switch (localNameOf(root)) {
    case 'feed':
      return { format: 'atom', items: childrenNamed(root, 'entry'), channel: root };
    case 'rss': {
      const channel = childNamed(root, 'channel') ?? root;
      // RSS 0.91 files sometimes put items beside the channel instead of inside it.
      return { format: 'rss', items: [...childrenNamed(channel, 'item'), ...(channel === root ? [] : childrenNamed(root, 'item'))], channel };
    }
    case 'rdf':
      return { format: 'rss', items: childrenNamed(root, 'item'), channel: childNamed(root, 'channel') ?? root };
    case 'channel':
      return { format: 'rss', items: childrenNamed(root, 'item'), channel: root };
    default:
      return null;
  }
}

/** What a feed gives all its items: its name, its address (base for relative links), its language. */
interface FeedFields {
  outlet: string;
  base: string;
  language: string;
}

function rssChannelFields(channel: Element): FeedFields {
  return {
    outlet: plainText(textOf(childNamed(channel, 'title'))),
    base: textOf(childNamed(channel, 'link', true)),
    language: textOf(childNamed(channel, 'language')),
  };
}

function atomFeedFields(feed: Element): FeedFields {
  return {
    outlet: textConstruct(childNamed(feed, 'title')),
    base: xmlBase(feed) ?? attributeLink(feed),
    language: feed.getAttribute('xml:lang') ?? '',
  };
}

function rssItem(item: Element, feed: FeedFields): RawArticle {
  const raw: RawArticle = {};
  const title = plainTextOf(textOf(childNamed(item, 'title')));
  set(raw, 'title', title.text);
  // Feeds carry HTML in their content by design; a title is text, so markup there is reported.
  if (title.markup && title.text.trim()) raw.markup = ['title'];
  set(raw, 'text', plainText(textOf(childNamed(item, 'encoded'))) || plainText(textOf(childNamed(item, 'description') ?? childNamed(item, 'summary'))));
  const guid = childNamed(item, 'guid');
  const permalink = guid && guid.getAttribute('isPermaLink') !== 'false' ? textOf(guid) : '';
  const link = textOf(childNamed(item, 'link', true)) || attributeLink(item) || permalink;
  set(raw, 'url', resolve(link, feed.base));
  set(raw, 'outlet', plainText(textOf(childNamed(item, 'source'))) || feed.outlet);
  set(raw, 'published', textOf(childNamed(item, 'pubdate') ?? childNamed(item, 'date') ?? childNamed(item, 'published') ?? childNamed(item, 'updated')));
  set(raw, 'language', textOf(childNamed(item, 'language')) || feed.language);
  set(raw, 'id', textOf(guid));
  return raw;
}

function atomEntry(entry: Element, feed: FeedFields): RawArticle {
  const raw: RawArticle = {};
  set(raw, 'title', textConstruct(childNamed(entry, 'title')));
  const content = childNamed(entry, 'content');
  // Out-of-line content (`src=`) is elsewhere on the web; the summary is all the file holds.
  const inline = content && !content.hasAttribute('src') ? textConstruct(content) : '';
  set(raw, 'text', inline || textConstruct(childNamed(entry, 'summary')));
  set(raw, 'url', resolve(attributeLink(entry), xmlBase(entry) ?? feed.base));
  const source = childNamed(entry, 'source');
  set(raw, 'outlet', textConstruct(source ? childNamed(source, 'title') : undefined) || feed.outlet);
  set(raw, 'published', textOf(childNamed(entry, 'published') ?? childNamed(entry, 'issued') ?? childNamed(entry, 'updated') ?? childNamed(entry, 'modified')));
  set(raw, 'language', entry.getAttribute('xml:lang') ?? feed.language);
  set(raw, 'id', textOf(childNamed(entry, 'id')));
  return raw;
}

function set(raw: RawArticle, field: Exclude<keyof RawArticle, 'markup'>, value: string): void {
  if (value.trim()) raw[field] = value;
}

/** Atom text constructs: `type="xhtml"` holds markup, `type="html"` escaped HTML, else plain text. */
function textConstruct(el: Element | undefined): string {
  if (!el) return '';
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return elementText(el);
  if (type === 'html' || type === 'text/html') return plainText(textOf(el));
  return tidyText(textOf(el));
}

/** Atom `<link rel="alternate" href>`, or a link without rel, or the first link with an href. */
function attributeLink(el: Element): string {
  const links = childrenNamed(el, 'link').filter((l) => l.hasAttribute('href'));
  const alternate = links.find((l) => l.getAttribute('rel') === 'alternate') ?? links.find((l) => !l.hasAttribute('rel')) ?? links[0];
  return alternate?.getAttribute('href') ?? '';
}

function xmlBase(el: Element): string | undefined {
  return el.getAttribute('xml:base') ?? undefined;
}

function resolve(href: string, base: string | undefined): string {
  const trimmed = href.trim();
  if (!trimmed) return '';
  try {
    return new URL(trimmed, base?.trim() || undefined).href;
  } catch {
    return trimmed;
  }
}

function textOf(el: Element | undefined): string {
  return el?.textContent ?? '';
}

/**
 * First child with this local name. With `unprefixed`, a bare element wins over a prefixed one:
 * an RSS `<link>` holds the article URL, an `<atom:link>` beside it usually the feed's own.
 */
function childNamed(el: Element, name: string, unprefixed = false): Element | undefined {
  const matches = childrenNamed(el, name);
  return (unprefixed ? matches.find((c) => !c.tagName.includes(':') && c.textContent?.trim()) : undefined) ?? matches[0];
}

function childrenNamed(el: Element, name: string): Element[] {
  return Array.from(el.children).filter((c) => localNameOf(c) === name);
}

// HTML entities feeds use although XML does not define them; unknown ones are kept as visible text.
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 160, iexcl: 161, cent: 162, pound: 163, euro: 8364, yen: 165, copy: 169, laquo: 171, reg: 174, deg: 176,
  middot: 183, raquo: 187, eacute: 233, egrave: 232, aacute: 225, agrave: 224, oacute: 243, uuml: 252, ouml: 246,
  auml: 228, szlig: 223, ccedil: 231, ntilde: 241, ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218,
  ldquo: 8220, rdquo: 8221, bdquo: 8222, bull: 8226, hellip: 8230, prime: 8242, trade: 8482, times: 215, shy: 173,
};
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Malformed feeds are common (a bare `&` in a title, `&nbsp;`); strict parsers give up on them.
 * Escape what XML cannot read, outside CDATA sections, and let the parser try again.
 */
export function repairXml(text: string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/&(#\d{1,7};|#x[0-9a-f]{1,6};|([a-z][a-z0-9]*);)?/gi, (whole, ref: string | undefined, name: string | undefined) => {
            if (!ref) return '&amp;';
            if (!name || XML_ENTITIES.has(name)) return whole;
            const code = HTML_ENTITIES[name.toLowerCase()];
            return code === undefined ? `&amp;${name};` : `&#${code};`;
          }),
    )
    .join('');
}
