/**
 * Parse HTML or XML into a Document in any environment: the browser's own DOMParser where there is
 * one (extension pages), linkedom in Node (CLI, tests). Parsing never runs scripts either way.
 */
import { DOMParser as LinkedomParser } from 'linkedom';

type Mime = 'text/html' | 'text/xml';

function parserFor(): { parseFromString(text: string, mime: Mime): Document } {
  const native = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (native) return new native();
  return new LinkedomParser() as unknown as { parseFromString(text: string, mime: Mime): Document };
}

export function parseHtmlDocument(html: string): Document {
  // linkedom, unlike browsers, does not build <html>/<body> around a bare fragment.
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parserFor().parseFromString(whole, 'text/html');
}

export function parseXmlDocument(xml: string): Document {
  return parserFor().parseFromString(xml, 'text/xml');
}
