/** Word tokens with offsets, shared by the scanners of one sentence. */
export interface Token {
  /** Lower-cased surface. */
  t: string;
  /** Original surface. */
  raw: string;
  start: number;
  end: number;
}

const TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?\+?|\d+(?:\.\d+)?\+?|[A-Za-z]+(?:[-'’][A-Za-z]+)*|[^\sA-Za-z\d]/g;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    out.push({ t: m[0].toLowerCase(), raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Index of the first token that starts at or after `offset`. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
