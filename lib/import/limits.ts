/**
 * Size limits on what one imported record may bring in. A longer field is cut (at a paragraph or
 * word where one is near) and the cut reported; nothing is cut silently.
 *
 * The text limit is the page limit (lib/pipeline/limits.ts): the analysis would not read further
 * than that on a page, so an import keeps the same amount. Titles and outlet names are one line
 * in every view; the limits leave room for long real headlines (the longest in the seeds are under
 * 200 characters) while keeping a pasted paragraph out of them.
 */
import { PAGE_LIMITS } from '../pipeline/limits';
import { splitSentences } from '../text/sentences';

export const IMPORT_LIMITS = {
  /** Characters of article text kept. */
  maxTextChars: PAGE_LIMITS.maxChars,
  /** Characters of a title kept. */
  maxTitleChars: 300,
  /** Characters of an outlet name kept. */
  maxOutletChars: 120,
  /** A title made from the text's first line is cut shorter: it stands for the article in lists. */
  derivedTitleChars: 120,
} as const;

/**
 * `text` cut to at most `max` characters, at the last paragraph break, else sentence end, else
 * space within its final tenth, so no sentence or word is cut in half where that can be helped.
 * With `ellipsis` (one-line fields) the cut is at a word and marked with "…".
 */
export function cutText(text: string, max: number, ellipsis = false): string {
  if (text.length <= max) return text;
  const room = ellipsis ? max - 1 : max;
  const head = text.slice(0, room);
  const floor = Math.floor(room * 0.9);
  const candidates = ellipsis ? [head.lastIndexOf(' ')] : [head.lastIndexOf('\n\n'), lastSentenceEnd(head), head.lastIndexOf(' ')];
  const end = candidates.find((at) => at >= floor) ?? room;
  const cut = head.slice(0, end).trimEnd();
  return ellipsis ? `${cut}…` : cut;
}

/** Where the last whole sentence of `text` ends (the one after it may be cut), or -1. */
function lastSentenceEnd(text: string): number {
  const sentences = splitSentences(text);
  return sentences.length > 1 ? sentences.at(-2)!.end : -1;
}
