/**
 * The language an article is written in, told from its script: enough to pick the readers for its
 * numbers, dates and cue words. Latin text is English here (the only Latin-script language the claim
 * readers know); Cyrillic is Ukrainian when it has letters Russian lacks (і, ї, є, ґ), Russian otherwise;
 * Han text is Japanese when it has kana, Chinese otherwise.
 */
export type TextLanguage = 'en' | 'ru' | 'uk' | 'zh' | 'ja';

const SAMPLE = 20_000;

export function languageOf(text: string): TextLanguage {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let latin = 0;
  let cyrillic = 0;
  let han = 0;
  let kana = 0;
  let ukrainian = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) {
      cyrillic++;
      // і ї є ґ (and capitals): Ukrainian letters.
      if (c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491 || c === 0x406 || c === 0x407 || c === 0x404 || c === 0x490) ukrainian++;
    } else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  // Chinese and Japanese characters carry a word or more each: weigh them as three Latin letters.
  const cjk = (han + kana) * 3;
  if (cyrillic > latin && cyrillic > cjk) return ukrainian > cyrillic * 0.01 ? 'uk' : 'ru';
  if (cjk > latin && cjk > cyrillic) return kana > han * 0.05 ? 'ja' : 'zh';
  return 'en';
}

/** Whether text in this language is read by the readers of lib/claims/intl.ts. */
export function isIntl(lang: string): lang is 'ru' | 'uk' | 'zh' | 'ja' {
  return lang === 'ru' || lang === 'uk' || lang === 'zh' || lang === 'ja';
}
