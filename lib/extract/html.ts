/**
 * An article from a saved HTML page: the same body finder and metadata reader the content script
 * uses, run on a parsed (inert) document. Serves `triangulate extract page.html` and the importer.
 */
import type { ArticleInput } from '../types.ts';
import { parseHtmlDocument } from '../dom/parse.ts';
import { collectArticleText } from './body.ts';
import { readPageMetadata } from './metadata.ts';

export function extractArticleFromHtml(html: string, url?: string | null): ArticleInput {
  const doc = parseHtmlDocument(html);
  const meta = readPageMetadata(doc, url);
  const { text } = collectArticleText(doc);
  return {
    title: meta.title,
    published: meta.published,
    url: meta.url,
    text,
    ...(meta.outlet !== null ? { outlet: meta.outlet } : {}),
    ...(meta.language !== null ? { language: meta.language } : {}),
  };
}
