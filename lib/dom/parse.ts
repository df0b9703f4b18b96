/**
 * Parse HTML or XML into a Document in any environment: the browser's own DOMParser in extension
 * pages, or a fallback that Node entry points register (lib/dom/node.ts, linkedom). Keeping
 * linkedom out of this module keeps it out of the extension's bundles. Parsing never runs scripts.
 */

type Mime = 'text/html' | 'text/xml';

export interface DomParserLike {
  parseFromString(text: string, mime: Mime): Document;
}

let fallback: (() => DomParserLike) | null = null;

/** Called once by Node entry points (CLI, tests, scripts) that have no native DOMParser. */
export function useFallbackDomParser(make: () => DomParserLike): void {
  fallback = make;
}

function parserFor(): DomParserLike {
  const native = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (native) return new native();
  if (fallback) return fallback();
  throw new Error('No DOMParser here: in Node, import lib/dom/node.ts first');
}

export function parseHtmlDocument(html: string): Document {
  // linkedom, unlike browsers, does not build <html>/<body> around a bare fragment.
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parserFor().parseFromString(whole, 'text/html');
}

export function parseXmlDocument(xml: string): Document {
  return parserFor().parseFromString(xml, 'text/xml');
}
