/**
 * Input caps for analysing a page, applied before any regex or NLP touches the text, so no page
 * (a 1.6 M-character archive, a 600,000-character "word") can hold the background for long.
 * Offsets are kept: the capped text is a prefix of the page's text with over-long tokens blanked
 * out by as many spaces, so every mention found in it still points at the same page characters.
 * What was left out is reported with the annotation, for the popup to say so.
 */
import { t, tPlural } from '../i18n/messages';
import type { Annotation } from '../types';

export interface InputLimits {
  /**
   * A run of non-space characters longer than this is not read (no entity name comes close).
   * In Chinese and Japanese, which write a paragraph without a space, their punctuation (、。，)
   * ends a run too: a clause is read, a run of thousands of characters with no stop is not.
   */
  maxTokenChars: number;
  /** Characters of the page's text that are analysed; the rest is not read. */
  maxChars: number;
  /** Sentences analysed; the text is cut after the last one. */
  maxSentences: number;
}

export const PAGE_LIMITS: InputLimits = { maxTokenChars: 200, maxChars: 200_000, maxSentences: 5_000 };

/** What the caps left out of a page's analysis (absent from an annotation when nothing was). */
export interface LimitsReport {
  /** Length of the page's text as received. */
  totalChars: number;
  /** The analysis covers the text's first `analysedChars` characters. */
  analysedChars: number;
  /** Why the text was cut, when it was. */
  cutBy: 'characters' | 'sentences' | null;
  /** Over-long tokens within the analysed part that were not read, and their characters. */
  longTokens: number;
  longTokenChars: number;
  /** The analysis ran out of time: claims were read up to this character only (mentions everywhere). */
  claimsStoppedAt?: number;
}

/** The annotation the background sends for a page: the shared type plus what the caps skipped. */
export interface LimitedAnnotation extends Annotation {
  limits?: LimitsReport;
}

export interface LimitedText {
  text: string;
  report: LimitsReport | null;
}

/** Whitespace as `\s` sees it, tested by code unit so the scan stays a plain loop. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Punctuation of the scripts written without spaces, by code unit: CJK symbols and punctuation
 * (、。「」…) and the full- and half-width forms' punctuation (，：；？！…), not their letters or digits.
 */
function isCjkPunctuation(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65);
}

const isStop = (c: number) => c === 46 || c === 33 || c === 63;

/** Where the `max`-th sentence ends (after its . ! ? followed by a space, or a line break), or -1. */
function sentenceCut(text: string, max: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ends = c === 10 ? i > 0 && !isStop(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== 10 : isStop(c) && (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1)));
    if (ends && ++count >= max) return i + 1;
  }
  return -1;
}

/**
 * The part of `text` worth analysing under `limits`, in one linear pass: a prefix of at most
 * `maxChars` characters (cut at a space where one is near), then of at most `maxSentences`
 * sentences, with every token longer than `maxTokenChars` replaced by spaces.
 */
export function applyInputLimits(text: string, limits: InputLimits = PAGE_LIMITS): LimitedText {
  let end = text.length;
  let cutBy: LimitsReport['cutBy'] = null;
  if (end > limits.maxChars) {
    end = limits.maxChars;
    // Back off to a space so no name is cut in half; a giant token just gets cut.
    for (let i = end; i > end - limits.maxTokenChars && i > 0; i--) {
      if (isSpace(text.charCodeAt(i - 1))) {
        end = i;
        break;
      }
    }
    cutBy = 'characters';
  }
  let prefix = end < text.length ? text.slice(0, end) : text;
  const sentences = sentenceCut(prefix, limits.maxSentences);
  if (sentences >= 0 && sentences < prefix.length) {
    prefix = prefix.slice(0, sentences);
    cutBy = 'sentences';
  }

  const parts: string[] = [];
  let longTokens = 0;
  let longTokenChars = 0;
  let copied = 0;
  let tokenStart = -1;
  for (let i = 0; i <= prefix.length; i++) {
    const space = i === prefix.length || isSpace(prefix.charCodeAt(i)) || isCjkPunctuation(prefix.charCodeAt(i));
    if (!space) {
      if (tokenStart < 0) tokenStart = i;
      continue;
    }
    if (tokenStart >= 0 && i - tokenStart > limits.maxTokenChars) {
      parts.push(prefix.slice(copied, tokenStart), ' '.repeat(i - tokenStart));
      copied = i;
      longTokens++;
      longTokenChars += i - tokenStart;
    }
    tokenStart = -1;
  }
  if (copied > 0) parts.push(prefix.slice(copied));
  const out = copied > 0 ? parts.join('') : prefix;

  if (!cutBy && longTokens === 0) return { text, report: null };
  return { text: out, report: { totalChars: text.length, analysedChars: out.length, cutBy, longTokens, longTokenChars } };
}

/**
 * The caps' report with where the claims stopped, when the analysis ran out of time (`stoppedAt`
 * is a character of the analysed text, which is a prefix of the page's `totalChars`).
 */
export function withClaimsStop(report: LimitsReport | null, totalChars: number, stoppedAt: number | undefined): LimitsReport | null {
  if (stoppedAt === undefined) return report;
  const base: LimitsReport = report ?? { totalChars, analysedChars: totalChars, cutBy: null, longTokens: 0, longTokenChars: 0 };
  return { ...base, claimsStoppedAt: stoppedAt };
}

/** One sentence for the popup: what part of the page the highlights and claims cover. */
export function limitsNotice(report: LimitsReport): string {
  const parts: string[] = [];
  const read = { analysed: report.analysedChars, total: report.totalChars };
  if (report.cutBy === 'characters') parts.push(t('limitsCharacters', read));
  else if (report.cutBy === 'sentences') parts.push(t('limitsSentences', read));
  if (report.longTokens > 0) parts.push(tPlural('limitsSkippedWords', report.longTokens, { chars: report.longTokenChars }));
  if (report.claimsStoppedAt !== undefined) parts.push(t('limitsClaimsStopped', { count: report.claimsStoppedAt }));
  return parts.join(' ');
}
