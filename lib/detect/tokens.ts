/**
 * Tokenisation shared by the gazetteer (when it compiles names) and the detector (when it scans
 * an article), so both cut "Self-Defense", "U.S." or "Zapad-2017" the same way.
 */
import type { Steps } from '../steps';

export interface Token {
  /** Folded key: lower case, diacritics removed, "&" as "and". */
  key: string;
  /** Surface text. */
  raw: string;
  start: number;
  end: number;
  /**
   * Other stems of a declined Cyrillic word: "Китая" is keyed "кит" (less "-ая") but "Китай" is "кита";
   * the scan tries these when the key finds nothing ("кита", less "-я").
   */
  alts?: string[];
}

/**
 * Chinese and Japanese write without spaces: every Han, kana or prolonged-sound character is a token
 * of its own, so a name is a run of character tokens ("北约", "サイバー・コアリション") and the trie finds it
 * inside a sentence. Other letters and digits form words as before. (Set subtraction needs the `v` flag,
 * which the TypeScript target does not know yet, hence the constructor.)
 */
const CJK_CLASS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u30FC\\u3005';
const TOKEN = new RegExp(`[${CJK_CLASS}]|[[\\p{L}\\p{N}]--[${CJK_CLASS}]]+|&`, 'gv');
const COMBINING = /[\u0300-\u036f]/g;
const GLUED_FIGURE = /^([A-Za-z]{3,})(\d{2,})$/;
const CJK_NEXT = new RegExp(`[${CJK_CLASS}]`, 'v');
const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * Russian and Ukrainian names decline ("Россия", "России", "Россией"; "Білорусь", "Білорусі"): a Cyrillic
 * word is keyed by its stem, the word less one case or adjective ending, keeping at least three letters.
 * Names and text pass through the same function, so "Белоруссии" meets "Белоруссия" and "российских"
 * meets "российский". Longest endings first.
 */
const CYRILLIC_ENDINGS = [
  'иями', 'ями', 'ами', 'ией', 'ією', 'иях', 'ого', 'его', 'ому', 'ему', 'ими', 'ыми',
  'ях', 'ах', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ую', 'юю', 'ым', 'им', 'ом', 'ем', 'ия', 'ии', 'ию',
  'ья', 'ьи', 'ью', 'их', 'ых', 'ія', 'ії', 'ію', 'ою', 'ею', 'ів', 'ам', 'ої', 'ій', 'ів',
  'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'ь', 'й', 'і', 'ї', 'є',
];

function cyrillicStem(word: string): string {
  const w = word.replace(/ё/g, 'е');
  for (const ending of CYRILLIC_ENDINGS) {
    if (w.length - ending.length >= 3 && w.endsWith(ending)) return w.slice(0, -ending.length);
  }
  return w;
}

/** Every stem a declined word may have, besides its key: the word less each ending it ends with. */
function cyrillicAlternatives(word: string, key: string): string[] | undefined {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  const out: string[] = [];
  for (const ending of CYRILLIC_ENDINGS) {
    if (w.length - ending.length >= 3 && w.endsWith(ending)) {
      const stem = w.slice(0, -ending.length);
      if (stem !== key && !out.includes(stem)) out.push(stem);
    }
  }
  if (w !== key && !out.includes(w)) out.push(w);
  return out.length ? out : undefined;
}

export function foldKey(word: string): string {
  if (word === '&') return 'and';
  // Fast path: plain ASCII needs no NFD pass.

  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  // One Chinese or Japanese character is its own key (the commonest token on such pages).
  if (word.length === 1 && word.charCodeAt(0) >= 0x3000) return word;
  if (CYRILLIC.test(word)) return cyrillicStem(word.toLowerCase());
  // NFD would split Japanese voiced kana (ガ into カ and a combining mark): fold Latin letters only.
  if (/[\u3040-\u30ff]/.test(word)) return word;
  return word.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

/** The token `m` found in `text` (two when a Latin name runs into a figure), added to `tokens`. */
function addToken(tokens: Token[], text: string, m: RegExpExecArray): void {
  // "NATO29カ国": in Chinese or Japanese text a Latin name runs straight into a figure; split them
  // (three letters or more, two digits or more, so "G7" and "SNMG1" stay whole).
  const glued = GLUED_FIGURE.exec(m[0]);
  if (glued && CJK_NEXT.test(text.charAt(m.index + m[0].length))) {
    const cut = m.index + glued[1]!.length;
    tokens.push({ key: foldKey(glued[1]!), raw: glued[1]!, start: m.index, end: cut });
    tokens.push({ key: glued[2]!, raw: glued[2]!, start: cut, end: m.index + m[0].length });
    return;
  }
  const key = foldKey(m[0]);
  const token: Token = { key, raw: m[0], start: m.index, end: m.index + m[0].length };
  if (CYRILLIC.test(m[0])) {
    const alts = cyrillicAlternatives(m[0], key);
    if (alts) token.alts = alts;
  }
  tokens.push(token);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) addToken(tokens, text, m);
  return tokens;
}

/** Tokens read per step of tokenizeInSteps: about a millisecond of a page's text. */
const TOKENS_PER_STEP = 4000;

/**
 * `tokenize` in steps (lib/steps.ts), for a page's text: it yields every TOKENS_PER_STEP tokens,
 * where it got. It reads with its own copy of the pattern: while it waits, another text may be
 * tokenised with the shared one.
 */
export function* tokenizeInSteps(text: string): Steps<Token[]> {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN);
  let pauseAt = TOKENS_PER_STEP;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    addToken(tokens, text, m);
    if (tokens.length >= pauseAt) {
      yield m.index;
      pauseAt = tokens.length + TOKENS_PER_STEP;
    }
  }
  return tokens;
}

/** The normalised form of a whole name, used as the KB's alias index key. */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((t) => t.key)
    .join(' ');
}

/**
 * Whether the characters between two tokens may sit inside one name. Whitespace (line breaks
 * included), hyphens, apostrophes and slashes may; a full stop only after a one-letter token, as
 * in "U.S."; anything else (commas, brackets, sentence ends) ends the name.
 */
export function joinableGap(gap: string, previous: Token): boolean {
  if (gap.length === 0) return true;
  if (gap.length > 8) return false;
  let newlines = 0;
  for (const ch of gap) {
    // A wrapped line may split a name; a blank line between paragraphs may not.
    if (ch === '\n' && ++newlines > 1) return false;
    if (ch === '.') {
      if (previous.raw.length !== 1) return false;
    } else if (!/[\s\-‐‑–'’/・･]/u.test(ch)) {
      return false;
    }
  }
  return true;
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

export function isAllCaps(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}
