/**
 * Title, outlet, date, address, language and author of an article page, from the structured
 * data publishers add for search engines and social cards (JSON-LD, Open Graph, meta tags), with
 * the visible page (`<title>`, `<time>`, `<html lang>`) as the fallback. Reads only; page data is
 * untrusted, so malformed JSON-LD is skipped rather than thrown on.
 */

export interface PageMetadata {
  title: string;
  outlet: string | null;
  /** YYYY-MM-DD, or a full ISO 8601 timestamp when the page gives a time. */
  published: string | null;
  url: string | null;
  language: string | null;
  author: string | null;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|TechArticle|LiveBlogPosting)$/;

const DATE_META_NAMES = [
  'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.date',
  'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'article.published', 'datepublished',
];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Every object in the JSON-LD blocks, `@graph` members included, in page order. */
function jsonLdObjects(doc: Document): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isObject(value)) {
      found.push(value);
      if (value['@graph'] !== undefined) visit(value['@graph'], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script[type]')) {
    if (!/^application\/ld\+json\b/i.test(script.getAttribute('type') ?? '')) continue;
    // Some CMSs wrap the JSON in HTML comments or CDATA markers.
    const source = (script.textContent ?? '').replace(/^\s*(<!--|\/\*\s*<!\[CDATA\[\s*\*\/)|(-->|\/\*\s*\]\]>\s*\*\/)\s*$/g, '');
    try {
      visit(JSON.parse(source), 0);
    } catch {
      // Malformed JSON-LD is common and carries nothing we could trust.
    }
  }
  return found;
}

function typeNames(obj: JsonObject): string[] {
  const type = obj['@type'];
  const list = Array.isArray(type) ? type : [type];
  // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:]/, ''));
}

/** A value or the object its `@id` points at inside the page's JSON-LD. */
function resolveRef(value: unknown, byId: Map<string, JsonObject>): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return byId.get(value['@id']) ?? value;
  }
  return value;
}

function namesOf(value: unknown, byId: Map<string, JsonObject>): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const resolved = resolveRef(item, byId);
    const name = typeof resolved === 'string' ? clean(resolved) : isObject(resolved) ? clean(resolved['name']) : null;
    if (name !== null && !/^https?:/i.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (isObject(value)) return clean(value['@id']) ?? clean(value['url']);
  return null;
}

interface JsonLdArticle {
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  author: string | null;
  language: string | null;
  site: string | null;
}

function readJsonLd(doc: Document): JsonLdArticle {
  const objects = jsonLdObjects(doc);
  const byId = new Map<string, JsonObject>();
  for (const obj of objects) if (typeof obj['@id'] === 'string') byId.set(obj['@id'], obj);
  const article = objects.find((obj) => typeNames(obj).some((t) => ARTICLE_TYPES.test(t)));
  const site = objects.find((obj) => typeNames(obj).includes('WebSite'));
  const siteName = site ? clean(site['name']) : null;
  if (!article) return { title: null, published: null, outlet: null, url: null, author: null, language: null, site: siteName };
  const authors = namesOf(article['author'], byId);
  return {
    title: clean(article['headline']) ?? clean(article['name']),
    published: normaliseDate(article['datePublished']) ?? normaliseDate(article['dateCreated']),
    outlet: namesOf(article['publisher'], byId)[0] ?? null,
    url: urlOf(article['url']) ?? urlOf(article['mainEntityOfPage']),
    author: authors.length > 0 ? authors.join(', ') : null,
    language: clean(article['inLanguage']),
    site: siteName,
  };
}

function metaContent(doc: Document, selector: string): string | null {
  for (const meta of doc.querySelectorAll(selector)) {
    const value = clean(meta.getAttribute('content'));
    if (value !== null) return value;
  }
  return null;
}

function metaByName(doc: Document, names: string[]): string | null {
  const wanted = new Set(names);
  for (const meta of doc.querySelectorAll('meta[name], meta[property], meta[itemprop]')) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    if (!wanted.has(key)) continue;
    const value = clean(meta.getAttribute('content'));
    if (value !== null) return value;
  }
  return null;
}

function httpEquiv(doc: Document, name: string): string | null {
  for (const meta of doc.querySelectorAll('meta[http-equiv]')) {
    if (meta.getAttribute('http-equiv')?.toLowerCase() === name) return clean(meta.getAttribute('content'));
  }
  return null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function plausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2100;
}

/**
 * A date as YYYY-MM-DD, or as a full ISO 8601 timestamp when a time is given. ISO timestamps keep
 * their own offset (the local publication date stays readable); other formats go through Date.
 */
export function normaliseDate(value: unknown): string | null {
  const text = clean(value);
  if (text === null) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    if (!plausibleYear(Number(y)) || Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
    if (h === undefined) return `${y}-${mo}-${d}`;
    const offset = zone === undefined ? '' : zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${offset}`;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return plausibleYear(Number(compact[1])) ? `${compact[1]}-${compact[2]}-${compact[3]}` : null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  if (!plausibleYear(date.getFullYear())) return null;
  // "Tue, 19 Nov 2019 08:02:00 GMT" names an instant; "November 19, 2019" names a day.
  if (/\d:\d\d/.test(text)) return date.toISOString();
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An absolute http(s) address, resolved against `base`; null for anything else. */
function httpUrl(value: string | null, base: string | null): string | null {
  if (value === null) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function normaliseLanguage(value: string | null): string | null {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

/** "Headline - Outlet", "Headline | Outlet" or "Outlet | Headline" without the outlet. */
export function stripOutletFromTitle(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const simple = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const target = simple(outlet);
  const suffix = /^(.*\S)\s+[-|–—·•]\s+(.+)$/.exec(title);
  if (suffix && simple(suffix[2]!) === target) return suffix[1]!;
  const prefix = /^(.+?)\s+[-|–—·•]\s+(\S.*)$/.exec(title);
  if (prefix && simple(prefix[1]!) === target) return prefix[2]!;
  return title;
}

function articleTime(doc: Document): string | null {
  const time = doc.querySelector('article time[datetime], time[pubdate][datetime], [itemprop="datePublished"][datetime], time[datetime]');
  return time ? normaliseDate(time.getAttribute('datetime')) : null;
}

export function readPageMetadata(doc: Document, url?: string | null): PageMetadata {
  const ld = readJsonLd(doc);
  const outlet = ld.outlet ?? metaContent(doc, 'meta[property="og:site_name"]') ?? ld.site ?? metaByName(doc, ['application-name']);

  const rawTitle =
    ld.title ??
    metaContent(doc, 'meta[property="og:title"]') ??
    metaByName(doc, ['twitter:title']) ??
    clean(doc.querySelector('title')?.textContent) ??
    clean(doc.querySelector('h1')?.textContent) ??
    '';

  const published =
    ld.published ??
    normaliseDate(metaContent(doc, 'meta[property="article:published_time"]')) ??
    normaliseDate(metaByName(doc, DATE_META_NAMES)) ??
    articleTime(doc);

  const base = url ?? null;
  const canonical = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ?? null;
  const pageUrl =
    httpUrl(canonical, base) ??
    httpUrl(metaContent(doc, 'meta[property="og:url"]'), base) ??
    httpUrl(ld.url, base) ??
    httpUrl(base, null);

  const ogLocale = metaContent(doc, 'meta[property="og:locale"]');
  const language =
    normaliseLanguage(doc.documentElement?.getAttribute('lang') ?? null) ??
    normaliseLanguage(ld.language) ??
    normaliseLanguage(httpEquiv(doc, 'content-language')) ??
    normaliseLanguage(ogLocale);

  const metaAuthor = metaByName(doc, ['author', 'article:author', 'parsely-author', 'sailthru.author']);
  const author = ld.author ?? (metaAuthor !== null && !/^https?:/i.test(metaAuthor) ? metaAuthor : null);

  return { title: stripOutletFromTitle(rawTitle, outlet), outlet, published, url: pageUrl, language, author };
}
