/** Pure checks behind scripts/robustness.ts: layout snapshots compared, highlights placed against the true article body. */

/** One element's box in document coordinates, rounded to 1px, with a short path to name it in reports. */
export interface Box {
  path: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutDiff {
  /** Rendered elements in one snapshot and not the other (count difference). */
  added: number;
  /** Boxes whose position or size changed, first few named. */
  moved: number;
  examples: string[];
}

/**
 * Element-by-element comparison of the rendered boxes, in document order. Boxes with no size
 * (scripts, hidden and 0x0 tracking frames that pages insert at varying moments) are left out:
 * they move nothing, and keeping them would shift every later element out of alignment.
 */
export function compareLayouts(beforeAll: Box[], afterAll: Box[], maxExamples = 3): LayoutDiff {
  const rendered = (boxes: Box[]) => boxes.filter((b) => b.w > 0 || b.h > 0);
  const before = rendered(beforeAll);
  const after = rendered(afterAll);
  const diff: LayoutDiff = { added: after.length - before.length, moved: 0, examples: [] };
  const n = Math.min(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a.path === b.path && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h) continue;
    diff.moved++;
    if (diff.examples.length < maxExamples) diff.examples.push(`${b.path}: ${a.x},${a.y} ${a.w}x${a.h} → ${b.x},${b.y} ${b.w}x${b.h}${a.path === b.path ? '' : ` (was ${a.path})`}`);
  }
  // Elements past the shorter list are the extra ones (or the first of a shifted run).
  const extra = diff.added > 0 ? after.slice(n) : before.slice(n);
  for (const e of extra.slice(0, maxExamples)) diff.examples.push(`${diff.added > 0 ? 'added' : 'removed'} ${e.path} at ${e.x},${e.y} ${e.w}x${e.h}`);
  return diff;
}

export const layoutChanged = (d: LayoutDiff) => d.moved !== 0 || d.added !== 0;

/** Word tokens as the extraction benchmark counts them (`\w+`, Unicode), lower-cased. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** A highlight as read from the page: its text and a few words around it from the same text node. */
export interface PaintedText {
  text: string;
  before: string;
  after: string;
}

export type Placement = 'body' | 'headline' | 'outside';

/**
 * Where a highlight sits. The true body text is all we know of the article's place, so a
 * highlight counts as inside when its words with their neighbours (up to three on each side)
 * occur in the body; the bare name alone would also match a sidebar that repeats it.
 */
export function placeHighlight(painted: PaintedText, body: string, headline: string): Placement {
  const near = (text: string, n: number, fromEnd: boolean) => {
    const w = words(text);
    return fromEnd ? w.slice(Math.max(0, w.length - n)) : w.slice(0, n);
  };
  const core = words(painted.text);
  if (core.length === 0) return 'body';
  const phrase = [...near(painted.before, 3, true), ...core, ...near(painted.after, 3, false)].join(' ');
  if (` ${words(body).join(' ')} `.includes(` ${phrase} `)) return 'body';
  if (` ${words(headline).join(' ')} `.includes(` ${core.join(' ')} `)) return 'headline';
  return 'outside';
}
