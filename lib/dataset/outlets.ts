/**
 * The outlet registry (seeds/curated/outlets.json): who publishes under which domains, what kind of
 * publisher it is and which state owns it. Pages, imports and the bundled dataset resolve a URL to its
 * outlet here, so a story is shown under the outlet that really published it, and the independence
 * rules can tell a ministry from the state media of the same government.
 */
import registry from '../../seeds/curated/outlets.json';

export type OutletType =
  | 'government'
  | 'international-organization'
  | 'wire'
  | 'state-media'
  | 'newspaper'
  | 'broadcaster'
  | 'think-tank'
  | 'blog-aggregator';

export interface Outlet {
  /** `outlet:<slug>`. */
  id: string;
  name: string;
  /** Names in the outlet's own languages ("ТАСС", "日本経済新聞"). */
  native?: { text: string; lang: string }[];
  /** Other names its stories are published or credited under ("Nikkei Asian Review" for Nikkei). */
  aliases?: string[];
  type: OutletType;
  /** ISO 3166-1 alpha-2 code of the country it publishes from; null for international bodies or when not established. */
  country: string | null;
  /** Country whose state owns or controls it. */
  stateOwner?: string;
  /** Registered domains it publishes under, mirrors included; subdomains match too. */
  domains: string[];
  /** Wikidata id of the outlet, where checked. */
  ref?: string;
}

export const OUTLETS: readonly Outlet[] = (registry as unknown as { outlets: Outlet[] }).outlets;

/** Google's AMP cache serves `www.example.com` pages from `www-example-com.cdn.ampproject.org/c/s/www.example.com/...`. */
const AMP_CACHE = /(?:^|\.)cdn\.ampproject\.org$/;

/** The lowercased host a URL was published under (an AMP cache's original host), or null when it does not parse. */
export function publishingHost(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (AMP_CACHE.test(host)) {
    const inner = /^\/[a-z]\/(?:s\/)?([^/]+)/.exec(parsed.pathname)?.[1];
    if (inner) return inner.toLowerCase().replace(/\.$/, '');
  }
  return host;
}

/** A URL → outlet lookup over a registry: the longest registered domain the host ends with wins. */
export function createOutletLookup(outlets: readonly Outlet[]): (url: string) => Outlet | null {
  const byDomain = new Map<string, Outlet>();
  for (const outlet of outlets) for (const domain of outlet.domains) byDomain.set(domain.toLowerCase(), outlet);
  return (url) => {
    const host = publishingHost(url);
    if (!host) return null;
    // www., m., amp. and any other subdomain fall through to the registered domain; a more specific
    // registered subdomain (c6f.navy.mil before navy.mil) is met first.
    for (let at = 0; at !== -1; at = host.indexOf('.', at) + 1 || -1) {
      const outlet = byDomain.get(host.slice(at));
      if (outlet) return outlet;
    }
    return null;
  };
}

let bundledLookup: ((url: string) => Outlet | null) | null = null;

/** The bundled registry's outlet for a URL, or null when the domain is not registered. */
export function outletForUrl(url: string): Outlet | null {
  bundledLookup ??= createOutletLookup(OUTLETS);
  return bundledLookup(url);
}
