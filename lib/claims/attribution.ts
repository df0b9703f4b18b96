/**
 * Who a sentence says its facts come from: "the Russian Defense Ministry said",
 * "according to Western officials", "citing X", "X told Y". Kept as the sentence words, so the
 * reader sees them as written; `speakerKey` turns them into something two sources can share.
 */
import type { Span } from './types';

export interface Attribution extends Span {
  text: string;
  /** The speaker alone: "the Russian Defense Ministry". */
  speaker: string;
}

const VERBS =
  'said|says|told|tells|reported|reports|announced|announces|stated|claimed|claims|estimated|estimates|confirmed|confirms|noted|added|wrote|quoted|cited';

const ACCORDING = /\b(?:according to|citing|cited by|quoted by|as reported by)\s+([^,.;:“”"()]+)/i;
const INVERTED = new RegExp(`[,”"]\\s*(?:${VERBS.split('|').filter((v) => v !== 'told').join('|')})\\s+((?:the|a|an|[A-Z])[^.;“”"]*)`, 'g');
const FORWARD = new RegExp(`\\b(${VERBS})\\b`, 'g');
// Verbs and clause words that show a run of words is not a speaker's name.
const NOT_SPEAKER = /\b(?:is|are|was|were|has|have|had|will|would|can|could|which|that|who|and then|it is|there)\b|\d{3,}/i;

export function findAttribution(sentence: string): Attribution | null {
  const acc = ACCORDING.exec(sentence);
  if (acc) {
    const speaker = clip(acc[1]!);
    const end = acc.index + acc[0].length - (acc[1]!.length - speaker.length);
    return { text: sentence.slice(acc.index, end), speaker, start: acc.index, end };
  }
  INVERTED.lastIndex = 0;
  const inv = INVERTED.exec(sentence);
  if (inv) {
    const speaker = clip(inv[1]!);
    const start = inv.index + 1 + (/^\s*/.exec(sentence.slice(inv.index + 1))?.[0].length ?? 0);
    const end = inv.index + inv[0].length - (inv[1]!.length - speaker.length);
    return { text: sentence.slice(start, end), speaker, start, end };
  }
  FORWARD.lastIndex = 0;
  for (let m = FORWARD.exec(sentence); m; m = FORWARD.exec(sentence)) {
    const head = sentence.slice(0, m.index);
    const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf('”'), head.lastIndexOf('"'), head.lastIndexOf(';'), head.lastIndexOf('—'));
    const speaker = head.slice(cut + 1).trim();
    if (!speaker || speaker.split(/\s+/).length > 8 || NOT_SPEAKER.test(speaker)) continue;
    if (!/^(?:the|a|an|an?other|[A-Z])/i.test(speaker) || !/[A-Z]|official|ministry|media|report|spokes/i.test(speaker)) continue;
    const start = head.lastIndexOf(speaker);
    let end = m.index + m[0].length;
    // "told Nikkei", "told reporters": the listener is part of the attribution.
    if (m[1] === 'told' || m[1] === 'tells') end += /^\s+(?:the\s+)?[\w.]+(?:\s+[A-Z][\w.]*)*/.exec(sentence.slice(end))?.[0].length ?? 0;
    return { text: sentence.slice(start, end), speaker, start, end };
  }
  return null;
}

function clip(words: string): string {
  return words.trim().split(/\s+/).slice(0, 10).join(' ');
}

const GENERIC_SPEAKERS = new Set(['officials', 'sources', 'experts', 'analysts', 'report', 'reports', 'media', 'observers', 'it', 'he', 'she', 'they']);
const DEMONYM_TO_NAME: Record<string, string> = {
  russian: 'russia', belarusian: 'belarus', chinese: 'china', japanese: 'japan', american: 'us', 'u.s.': 'us',
  british: 'uk', ukrainian: 'ukraine', estonian: 'estonia', polish: 'poland', german: 'germany', french: 'france',
  swedish: 'sweden', finnish: 'finland', norwegian: 'norway', lithuanian: 'lithuania', latvian: 'latvia',
};
const FILLER = new Set(['the', 'a', 'an', 'of', 's', 'said', 'says', 'according', 'to', 'as', 'reported', 'by', 'announcement', 'official', 'figures', 'figure']);

/**
 * A key two attributions share when they name the same original speaker; null when the speaker is
 * too generic to tell ("officials", "the report").
 */
export function speakerKey(attribution: string | null | undefined): string | null {
  if (!attribution) return null;
  const words = attribution
    .toLowerCase()
    .replace(/defence/g, 'defense')
    .replace(/[’']s\b/g, '')
    .split(/[^a-z.]+/)
    .map((w) => DEMONYM_TO_NAME[w] ?? w.replace(/\.$/, ''))
    .filter((w) => w && !FILLER.has(w));
  if (!words.length || words.every((w) => GENERIC_SPEAKERS.has(w))) return null;
  return [...new Set(words)].sort().join(' ');
}
