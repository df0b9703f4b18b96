/**
 * Verdict marks on the page, drawn inside the popover host's closed shadow root so page scripts
 * cannot read which claims other sources back or contradict (the page only sees a neutral
 * underline under each claim's words, lib/page/highlighter.ts).
 *
 * Each mark is a small shape at the end of the claim's words: its symbol (✓ ✗ ± ⇄ ≈ ≠ ↺ ?) and
 * its outline (round for support, square for a contradiction, a diamond for a disputed figure,
 * dashed for unverified) say the verdict without colour. Symbols come from CSS `content`, so the
 * marks add no text to the shadow tree, and they let the pointer through to the text.
 */
import type { PaintedClaim } from '../../lib/page/annotator';
import type { Verdict } from '../../lib/types';

/** The shape family of a verdict, for the mark's outline. */
export const MARK_SHAPE: Record<Verdict, 'round' | 'square' | 'diamond' | 'dashed'> = {
  corroborated: 'round',
  'as-original': 'round',
  close: 'round',
  'other-figures': 'round',
  conflicting: 'square',
  mixed: 'square',
  disputed: 'diamond',
  'retold-only': 'dashed',
  unverified: 'dashed',
};

export interface MarkLayer {
  /** Replaces the marks drawn (one per claim). */
  show(claims: readonly PaintedClaim[]): void;
  /** Moves every mark to its claim's current place (after a resize or a layout change). */
  place(): void;
  count(): number;
}

/** `origin` is the host's top-left corner in the viewport, read at each placement (the host scrolls with the page). */
export function createMarkLayer(doc: Document, layer: HTMLElement, origin: () => DOMRect): MarkLayer {
  let drawn: { claim: PaintedClaim; el: HTMLElement }[] = [];

  function place(): void {
    if (drawn.length === 0) return;
    const o = origin();
    for (const { claim, el } of drawn) {
      const rects = claim.range.getClientRects();
      const last = rects[rects.length - 1];
      if (!last || (last.width === 0 && last.height === 0)) {
        el.hidden = true;
        continue;
      }
      el.hidden = false;
      el.style.left = `${Math.round(last.right - o.left + 1)}px`;
      el.style.top = `${Math.round(last.top - o.top - 8)}px`;
    }
  }

  return {
    show(claims) {
      layer.replaceChildren();
      drawn = claims.map((claim) => {
        const el = doc.createElement('span');
        el.className = `vmark v-${claim.claim.verdict} s-${MARK_SHAPE[claim.claim.verdict]}`;
        el.setAttribute('aria-hidden', 'true');
        layer.append(el);
        return { claim, el };
      });
      place();
    },
    place,
    count: () => drawn.length,
  };
}
