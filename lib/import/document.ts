/**
 * One file, one article: a saved web page or a plain-text / Markdown file. Extraction itself
 * belongs to `lib/extract/`; this adds what a saved file tells about where it came from.
 */
import { extractArticleFromHtml } from '../extract/html';
import { extractArticleFromTextFile } from '../extract/text-file';
import type { ArticleInput } from '../types';
import type { ParsedFile, RawArticle } from './types';
import { validateRecord } from './validate';

export function parseHtmlFile(html: string): ParsedFile {
  return single('html', () => extractArticleFromHtml(html, savedFromUrl(html)));
}

export function parseTextFile(text: string, fileName: string): ParsedFile {
  return single('text', () => extractArticleFromTextFile(text, fileName));
}

function single(format: 'html' | 'text', extract: () => ArticleInput): ParsedFile {
  const result: ParsedFile = { format, articles: [], rejected: [] };
  let article: ArticleInput;
  try {
    article = extract();
  } catch (error) {
    result.rejected.push({ record: 1, reason: `could not read the article: ${error instanceof Error ? error.message : String(error)}` });
    return result;
  }
  const outcome = validateRecord(rawOf(article), { record: 1 });
  if ('article' in outcome) result.articles.push(outcome.article);
  else result.rejected.push(outcome.rejection);
  return result;
}

/** Extractors return typed fields; checked again here because their input was untrusted. */
function rawOf(article: ArticleInput): RawArticle {
  const raw: RawArticle = {};
  for (const key of ['title', 'text', 'url', 'outlet', 'published', 'language'] as const) {
    const value = article[key];
    if (typeof value === 'string') raw[key] = value;
  }
  return raw;
}

/**
 * The page's address as the saving browser recorded it: Chrome and IE write
 * `<!-- saved from url=(0042)https://... -->`, the SingleFile extension a `url:` line in its header comment.
 */
export function savedFromUrl(html: string): string | null {
  const head = html.slice(0, 4096);
  const m = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head) ?? /<!--[^]*?Page saved with SingleFile[^]*?\burl:\s*(\S+)[^]*?-->/i.exec(head);
  return m ? m[1]! : null;
}
