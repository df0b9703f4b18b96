/**
 * Paints mentions on the live page. Where the browser has the CSS Custom Highlight API, ranges
 * are registered with `CSS.highlights` and the page's DOM is not touched at all; elsewhere each
 * range's text nodes are wrapped in a `<triangulate-mark>` element, which `clear()` unwraps
 * again (normalising the split text nodes), so pausing leaves no trace either way.
 *
 * A page's scripts can read `CSS.highlights` (names and ranges) and our marks' classes, so the
 * styles are neutral: `entity` for every mention whatever its type, `claim` for a claim's words,
 * `focus` and `flash` for the reader's own moves. Nothing painted here says what other sources
 * say: verdicts are drawn inside the closed shadow root (components/popover/marks.ts).
 */

export type HighlightStyle = 'entity' | 'claim' | 'focus' | 'flash';

export interface PaintedRange {
  key: number;
  range: Range;
  styles: HighlightStyle[];
}

const STYLES: HighlightStyle[] = ['entity', 'claim', 'focus', 'flash'];
const MARK_TAG = 'triangulate-mark';

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}

function highlightApi(): { registry: HighlightRegistry; Highlight: new (...r: Range[]) => { add(r: Range): void; priority: number } } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: new (...r: Range[]) => { add(r: Range): void; priority: number } }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

/**
 * Quiet and neutral on light and dark pages: a translucent blue-grey tint for entities, a thin
 * solid grey line under a claim's words (never wavy or dotted: those read as spelling marks).
 */
function highlightCss(prefix: (style: HighlightStyle) => string): string {
  const rules: Record<HighlightStyle, string> = {
    entity: 'background-color: rgba(100, 140, 190, 0.2);',
    claim: 'text-decoration: underline 1px solid rgba(110, 120, 135, 0.9); text-underline-offset: 4px;',
    focus: 'background-color: rgba(255, 120, 0, 0.55);',
    flash: 'background-color: rgba(255, 80, 0, 0.7);',
  };
  return STYLES.map((s) => `${prefix(s)} { ${rules[s]} }`).join('\n');
}

export interface Highlighter {
  readonly native: boolean;
  /** Adds ranges to what is painted (a long page is painted in several calls). */
  add(ranges: PaintedRange[]): void;
  /** Replaces the ranges carrying a transient style (focus, flash). */
  mark(style: 'focus' | 'flash', ranges: Range[]): void;
  clear(): void;
}

export function createHighlighter(doc: Document): Highlighter {
  const api = highlightApi();
  let sheet: CSSStyleSheet | HTMLStyleElement | null = null;

  function installStyles(css: string): void {
    if (sheet) return;
    // adoptedStyleSheets adds no node to the page; a <style> is the fallback where it is missing.
    try {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, s];
      sheet = s;
    } catch {
      const style = doc.createElement('style');
      style.dataset.triangulate = '';
      style.textContent = css;
      (doc.head ?? doc.documentElement).append(style);
      sheet = style;
    }
  }

  function removeStyles(): void {
    if (!sheet) return;
    if (sheet instanceof CSSStyleSheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    else sheet.remove();
    sheet = null;
  }

  if (api) {
    const name = (s: HighlightStyle) => `triangulate-${s}`;
    const painted = new Map<HighlightStyle, { add(r: Range): void }>();
    return {
      native: true,
      add(ranges) {
        installStyles(highlightCss((s) => `::highlight(${name(s)})`));
        for (const r of ranges) {
          for (const style of r.styles) {
            let h = painted.get(style);
            if (!h) {
              h = new api.Highlight();
              painted.set(style, h);
              api.registry.set(name(style), h);
            }
            h.add(r.range);
          }
        }
      },
      mark(style, ranges) {
        installStyles(highlightCss((s) => `::highlight(${name(s)})`));
        const h = new api.Highlight(...ranges);
        h.priority = 10;
        api.registry.set(name(style), h);
      },
      clear() {
        for (const style of STYLES) api.registry.delete(name(style));
        painted.clear();
        removeStyles();
      },
    };
  }

  const marks = new Set<HTMLElement>();
  const transient = new Map<string, HTMLElement[]>();

  function wrap(range: Range, classes: string): HTMLElement[] {
    const out: HTMLElement[] = [];
    const nodes: Text[] = [];
    const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    if (range.commonAncestorContainer.nodeType === Node.TEXT_NODE) nodes.push(range.commonAncestorContainer as Text);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) nodes.push(n as Text);
    for (const node of nodes) {
      let target = node;
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : node.data.length;
      if (to <= from) continue;
      if (to < target.data.length) target.splitText(to);
      if (from > 0) target = target.splitText(from);
      const mark = doc.createElement(MARK_TAG);
      mark.className = classes;
      target.replaceWith(mark);
      mark.append(target);
      out.push(mark);
    }
    return out;
  }

  function unwrap(list: Iterable<HTMLElement>): void {
    for (const mark of list) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parent.normalize();
    }
  }

  return {
    native: false,
    add(ranges) {
      installStyles(`${MARK_TAG} { all: unset; display: inline; }\n` + highlightCss((s) => `${MARK_TAG}.t-${s}`));
      // Live ranges follow the text nodes that wrapping splits, so ranges can be wrapped in any order.
      for (const r of ranges) {
        for (const m of wrap(r.range, r.styles.map((s) => `t-${s}`).join(' '))) {
          m.dataset.key = String(r.key);
          marks.add(m);
        }
      }
    },
    mark(style, ranges) {
      for (const m of transient.get(style) ?? []) m.classList.remove(`t-${style}`);
      const hit: HTMLElement[] = [];
      for (const r of ranges) {
        for (const m of marks) {
          if (!r.intersectsNode(m)) continue;
          m.classList.add(`t-${style}`);
          hit.push(m);
        }
      }
      transient.set(style, hit);
    },
    clear() {
      unwrap(marks);
      marks.clear();
      transient.clear();
      removeStyles();
    },
  };
}
