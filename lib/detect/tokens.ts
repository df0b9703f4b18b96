/**
 * Tokenisation shared by the gazetteer (when it compiles names) and the detector (when it scans
 * an article), so both cut "Self-Defense", "U.S." or "Zapad-2017" the same way.
 */

export interface Token {
  /** Folded key: lower case, diacritics removed, "&" as "and". */
  key: string;
  /** Surface text. */
  raw: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+|&/gu;
const COMBINING = /[\u0300-\u036f]/g;

export function foldKey(word: string): string {
  if (word === '&') return 'and';
  // Fast path: plain ASCII needs no NFD pass.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    tokens.push({ key: foldKey(m[0]), raw: m[0], start: m.index, end: m.index + m[0].length });
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
    } else if (!/[\s\-‐‑–'’/]/u.test(ch)) {
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
