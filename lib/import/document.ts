/**
 * One file, one article: a saved web page or a plain-text / Markdown file. Extraction itself
 * belongs to `lib/extract/`; this adds what a saved file tells about where it came from.
 */
import { extractArticleFromHtml } from '../extract/html';
import { extractArticleFromTextFile } from '../extract/text-file';
import { t } from '../i18n/messages';
import type { ArticleInput } from '../types';
import type { ImportResult, RawArticle } from './types';
import { failedFile, finishFile } from './validate';

export function parseHtmlFile(html: string): ImportResult {
  return single('html', () => extractArticleFromHtml(html, savedFromUrl(html)));
}

export function parseTextFile(text: string, fileName: string): ImportResult {
  return single('text', () => extractArticleFromTextFile(text, fileName));
}

function single(format: 'html' | 'text', extract: () => ArticleInput): ImportResult {
  let article: ArticleInput;
  try {
    article = extract();
  } catch (error) {
    return failedFile(format, 'unreadable-file', t('importWhyArticleUnreadable', { error: error instanceof Error ? error.message : String(error) }), { record: 1 });
  }
  return finishFile(format, [{ raw: rawOf(article), at: { record: 1 } }]);
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
