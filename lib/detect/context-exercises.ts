/**
 * Exercises that are not in the data, recognised by how articles introduce them: "an exercise
 * code-named Sea Breeze", "the Iron Tiger drills", "Steppe Eagle 2019 exercise". Reported with
 * lower confidence under a provisional id (`ex:x-<slug>`), and still highlighted.
 */
import type { Mention } from '../types';
import { isCapitalised, type Token } from './tokens';

const EXERCISE_WORDS = new Set(['exercise', 'exercises', 'drill', 'drills', 'wargame', 'wargames', 'manoeuvres', 'maneuvers', 'manoeuvre', 'maneuver']);
const NAMING_WORDS = new Set(['codenamed', 'named', 'dubbed', 'called', 'titled']);
/** Words trimmed from the edges of a candidate name: they describe an exercise rather than name it. */
const EDGE_WORDS = new Set(
  (
    'the a an this that these those its their our his her joint annual military naval air army navy combined multinational international ' +
    'allied bilateral trilateral large major massive live strategic tactical command staff defense defence cyber nuclear ' +
    'european asian american african russian chinese new recent last next first second third previous upcoming biennial ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'in on at for during after before while when as and or but with from to of by us u s uk eu nato un'
  ).split(' '),
);
/** Geographic words that may sit inside a name ("Sea Breeze") but are not a name alone ("Black Sea drills"). */
const PLACE_WORDS = new Set(
  'baltic arctic pacific atlantic mediterranean black red north south east west western eastern northern southern central nordic sea ocean gulf land field mountain desert coast'.split(
    ' ',
  ),
);

function slug(words: string[]): string {
  return words
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function overlaps(mentions: Mention[], start: number, end: number): boolean {
  return mentions.some((m) => start < m.end && end > m.start);
}

/** A run of capitalised, non-descriptive tokens starting at `from`, at most four long, in one line. */
function nameRun(text: string, tokens: Token[], from: number, direction: 1 | -1): number[] {
  const run: number[] = [];
  for (let k = from; k >= 0 && k < tokens.length && run.length < 4; k += direction) {
    const t = tokens[k]!;
    if (!isCapitalised(t.raw) || /^\d/.test(t.raw)) break;
    if (run.length > 0) {
      const a = direction === 1 ? tokens[k - 1]! : t;
      const b = direction === 1 ? t : tokens[k + 1]!;
      if (!/^[ -]$/.test(text.slice(a.end, b.start))) break;
    }
    run.push(k);
  }
  if (direction === -1) run.reverse();
  // Trim descriptive words at the edges ("the Joint Sea Breeze" keeps "Sea Breeze").
  while (run.length && EDGE_WORDS.has(tokens[run[0]!]!.key)) run.shift();
  while (run.length && EDGE_WORDS.has(tokens[run[run.length - 1]!]!.key)) run.pop();
  if (run.every((k) => PLACE_WORDS.has(tokens[k]!.key) || EDGE_WORDS.has(tokens[k]!.key))) return [];
  return run;
}

function yearAfter(text: string, tokens: Token[], k: number): number | null {
  const t = tokens[k + 1];
  if (!t || !/^(19|20)\d{2}$/.test(t.raw)) return null;
  return /^[\s-]$/.test(text.slice(tokens[k]!.end, t.start)) ? Number(t.raw) : null;
}

export function findContextExercises(text: string, tokens: Token[], known: Mention[]): Mention[] {
  const found: Mention[] = [];
  const emit = (run: number[], year: number | null) => {
    const start = tokens[run[0]!]!.start;
    const last = year !== null ? run[run.length - 1]! + 1 : run[run.length - 1]!;
    const end = tokens[last]!.end;
    if (overlaps(known, start, end) || overlaps(found, start, end)) return;
    const words = run.map((k) => tokens[k]!.raw);
    found.push({
      type: 'exercise',
      id: `ex:x-${slug(words)}`,
      name: words.join(' '),
      text: text.slice(start, end),
      start,
      end,
      confidence: 0.6,
      form: 'context',
      ...(year !== null ? { edition: year } : {}),
    });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "exercise code-named X" / "drills dubbed X"
    if (EXERCISE_WORDS.has(t.key)) {
      let k = i + 1;
      if (tokens[k]?.key === 'code' && tokens[k + 1]?.key === 'named') k += 2;
      else if (tokens[k] && NAMING_WORDS.has(tokens[k]!.key)) k += 1;
      else k = -1;
      if (k > 0) {
        const run = nameRun(text, tokens, k, 1);
        if (run.length) emit(run, yearAfter(text, tokens, run[run.length - 1]!));
        continue;
      }
      // "the X drills" / "X 2019 exercise"
      let end = i - 1;
      const year = tokens[end] && /^(19|20)\d{2}$/.test(tokens[end]!.raw) ? Number(tokens[end]!.raw) : null;
      if (year !== null) end--;
      const run = end >= 0 ? nameRun(text, tokens, end, -1) : [];
      if (!run.length) continue;
      const before = tokens[run[0]! - 1];
      const introduced = year !== null || (before !== undefined && ['the', 'a', 'an'].includes(before.key));
      if (introduced && run[run.length - 1] === end) emit(run, year);
    }
  }
  return found;
}
