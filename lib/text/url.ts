/**
 * The one URL canonicalizer. The same article reaches Triangulate under many URLs: http or https,
 * with or without "www.", its mobile (m.) or AMP edition, a trailing slash, a fragment, campaign
 * and click-tracking parameters. Page, import, KB lookups by URL, dataset and export all compare
 * URLs through `canonicalUrl`, so an article is never taken for another source (and never
 * corroborates itself) because of how its link was written.
 */

/** Query parameters that track a click or a campaign and never select an article. */
const TRACKING =
  /^(?:utm_.*|fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref|ref_src|ref_url|referrer|cmpid|cmp|ocid|ito|icid|smid|sr_share|share|src|source|s_cid|cid|partner|guccounter|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|at_medium|at_campaign|at_custom\d*|xtor|wt\.mc_id|wt_mc|spm|taid|sh|rss|feature|__twitter_impression)$/i;

/** Parameters that ask for the AMP edition of the same article (`?amp`, `?amp=1`, `?outputType=amp`). */
function isAmpParam(key: string, value: string): boolean {
  const k = key.toLowerCase();
  return k === 'amp' || k === '_amp' || ((k === 'outputtype' || k === 'output') && value.toLowerCase() === 'amp');
}

/** Host prefixes of the same site's desktop, mobile and AMP editions. */
const EDITION_HOST = /^(?:www\d*|m|mobile|amp)\./;

/** Google's AMP cache: `www-example-com.cdn.ampproject.org/c/s/www.example.com/path` is `https://www.example.com/path`. */
const AMP_CACHE_HOST = /(?:^|\.)cdn\.ampproject\.org$/;
const AMP_CACHE_PATH = /^\/[a-z]\/(s\/)?([^/]+)(\/.*)?$/;

function parseHttp(url: string): URL | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
}

/** The query without tracking (and, with `amp`, AMP) parameters, in a stable order. */
function keptParams(u: URL, dropAmp: boolean): [string, string][] {
  return [...u.searchParams.entries()]
    .filter(([k, v]) => !TRACKING.test(k) && !(dropAmp && isAmpParam(k, v)))
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
}

/**
 * The key that names an article: `https://host/path?query` with the host's www., m., mobile. and
 * amp. prefixes removed, no trailing slash, no AMP path (`/amp`, `/amp/…`, `.amp.html`) or
 * parameter, no tracking parameters, the others sorted, and no fragment. Two URLs of the same
 * article give the same key. It is a key, not a link (the site may not answer without "www."):
 * show and open the URL as stored. Null for anything but http(s).
 */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u = parseHttp(url);
  if (!u) return null;
  let host = u.hostname.toLowerCase().replace(/\.$/, '');
  if (AMP_CACHE_HOST.test(host)) {
    const inner = AMP_CACHE_PATH.exec(u.pathname);
    const original = inner ? parseHttp(`${inner[1] ? 'https' : 'http'}://${inner[2]}${inner[3] ?? '/'}${u.search}`) : null;
    if (original) {
      u = original;
      host = u.hostname.toLowerCase().replace(/\.$/, '');
    }
  }
  while (EDITION_HOST.test(host) && host.split('.').length > 2) host = host.replace(EDITION_HOST, '');
  const path = u.pathname
    .replace(/\/{2,}/g, '/')
    .replace(/^\/amp(?=\/.)/i, '')
    .replace(/\.amp(\.html?)$/i, '$1')
    .replace(/\/+$/, '')
    .replace(/\/(?:amp|index\.html?|index\.php)$/i, '');
  const params = keptParams(u, true);
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `https://${host}${path || '/'}${query}`;
}

/**
 * A URL as it is stored and shown: the same link without its fragment and tracking parameters
 * (they say nothing about the article and may identify the reader). Null for anything but http(s).
 */
export function cleanUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = parseHttp(url);
  if (!u) return null;
  u.hash = '';
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  if (params.length !== [...u.searchParams.keys()].length) u.search = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return u.href;
}

/** Whether two URLs name the same article. */
export function sameArticleUrl(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = canonicalUrl(a);
  return ka !== null && ka === canonicalUrl(b);
}

/**
 * The year a news URL's path dates the article to: `/2013/09/zapad-2013/`, `/2017-09-14/`,
 * `/20170914/`. Null when the path carries no date (a year in a slug alone, "zapad-2013", is the
 * edition's name, not the publication's).
 */
export function yearFromUrl(url: string | null | undefined): number | null {
  const u = url ? parseHttp(url) : null;
  if (!u) return null;
  const m = /\/((?:19|20)\d\d)(?:[/-](?:0[1-9]|1[0-2])(?=[/-])|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=[/_.-]|$))/.exec(u.pathname);
  return m ? Number(m[1]) : null;
}
