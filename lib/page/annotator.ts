/**
 * The in-page half of Triangulate: finds the article, asks the background for its annotation,
 * paints the mentions and opens popovers on hover or keyboard focus. Everything it adds is torn
 * down by `stop()` (pause, navigation, extension reload), leaving the page as it was.
 */
import { buildPopoverModel, sentenceBounds, verdictsBySentence } from '../../components/popover/model';
import { createPopoverHost, type PopoverHost } from '../../components/popover/mount';
import { collectArticleText, rangeForOffsets, type ArticleText } from '../extract/body';
import { readPageMetadata } from '../extract/metadata';
import type { CollectedArticle, PageMetadata } from '../messages';
import type { Annotation, Mention, Verdict } from '../types';
import { createHighlighter, type HighlightStyle, type PaintedRange } from './highlighter';

export interface AnnotatorDeps {
  doc: Document;
  /** Sends `annotate` to the background. */
  annotate: (article: CollectedArticle['article'], metadata: PageMetadata) => Promise<Annotation>;
  openPanel: (entityId: string) => void;
}

interface Painted {
  mention: Mention;
  range: Range;
}

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 250;
const MUTATION_SETTLE_MS = 600;
/** Mentions painted per task. */
const PAINT_SLICE = 200;
/** Characters of new text that make a mutation batch worth a look. */
const MIN_NEW_TEXT = 40;

/** Gives the browser a turn: scheduler.yield where there is one, else a macrotask. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

export function pageMetadata(doc: Document): PageMetadata {
  const meta = readPageMetadata(doc, doc.location?.href ?? null);
  return { title: meta.title, outlet: meta.outlet ?? '', published: meta.published, url: meta.url, language: meta.language };
}

export function createAnnotator({ doc, annotate, openPanel }: AnnotatorDeps) {
  const win = doc.defaultView!;
  const html = doc.documentElement;
  const highlighter = createHighlighter(doc);
  let popover: PopoverHost | null = null;
  let article: ArticleText | null = null;
  let annotation: Annotation | null = null;
  let painted: Painted[] = [];
  let focusIndex = -1;
  let current: Painted | null = null;
  let openTimer = 0;
  let closeTimer = 0;
  let settleTimer = 0;
  let running: AbortController | null = null;
  let lastText = '';
  let lastUrl = '';
  let generation = 0;

  /** The card follows the page: a dark page gets a dark card; a page with no background follows the system. */
  const dark = (): boolean => {
    for (const el of [doc.body, html]) {
      if (!el) continue;
      const rgba = win.getComputedStyle(el).backgroundColor.match(/[\d.]+/g)?.map(Number) ?? [];
      const [r = 0, g = 0, b = 0, a = 1] = rgba;
      if (rgba.length >= 3 && a > 0.5) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
    }
    return win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  };

  function styleFor(m: Mention, verdicts: Map<number, Verdict>): HighlightStyle[] {
    const styles: HighlightStyle[] = [m.type];
    const verdict = annotation ? verdicts.get(sentenceBounds(annotation.text, m.start).start) : undefined;
    if (verdict === 'corroborated') styles.push('corroborated');
    else if (verdict === 'conflicting' || verdict === 'mixed') styles.push('conflicting');
    else if (verdict === 'unverified') styles.push('unverified');
    return styles;
  }

  function hostPopover(): PopoverHost {
    popover ??= createPopoverHost(doc, { onClose: () => closePopover(true), onOpenPanel: openPanel });
    return popover;
  }

  function openFor(p: Painted, takeFocus: boolean): void {
    if (!annotation) return;
    current = p;
    const rect = p.range.getBoundingClientRect();
    hostPopover().show(buildPopoverModel(annotation, p.mention), rect, { takeFocus, dark: dark() });
  }

  function closePopover(returnFocus = false): void {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    popover?.hide();
    current = null;
    if (returnFocus) highlighter.mark('focus', []);
  }

  /** The painted mention under a viewport point, checked against the range's own boxes. */
  function paintedAt(x: number, y: number): Painted | null {
    const caret =
      (doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }).caretPositionFromPoint?.(x, y) ??
      null;
    const node = caret?.offsetNode ?? (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y)?.startContainer;
    if (!node) return null;
    for (const p of painted) {
      if (!p.range.intersectsNode(node)) continue;
      for (const r of p.range.getClientRects()) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return p;
    }
    return null;
  }

  let pendingMove: PointerEvent | null = null;
  function onPointerMove(e: PointerEvent): void {
    if (popover?.contains(e)) {
      win.clearTimeout(closeTimer);
      return;
    }
    if (pendingMove) {
      pendingMove = e;
      return;
    }
    pendingMove = e;
    win.requestAnimationFrame(() => {
      const ev = pendingMove!;
      pendingMove = null;
      const hit = paintedAt(ev.clientX, ev.clientY);
      if (hit) {
        win.clearTimeout(closeTimer);
        if (hit !== current) {
          win.clearTimeout(openTimer);
          openTimer = win.setTimeout(() => openFor(hit, false), current ? 0 : HOVER_OPEN_MS);
        }
      } else {
        win.clearTimeout(openTimer);
        // A grace period lets the pointer travel from the term to the card without flicker.
        if (current && !closeTimer) closeTimer = win.setTimeout(() => ((closeTimer = 0), closePopover()), HOVER_CLOSE_MS);
      }
    });
  }

  function moveFocus(step: 1 | -1): void {
    if (painted.length === 0) return;
    focusIndex = (focusIndex + step + painted.length) % painted.length;
    const p = painted[focusIndex]!;
    highlighter.mark('focus', [p.range]);
    const el = p.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    openFor(p, true);
  }

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && popover?.isOpen()) {
      closePopover(true);
      return;
    }
    // Alt+Shift+N / Alt+Shift+P walk the highlights, like "next/previous match" in find bars.
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.code === 'KeyP')) {
      e.preventDefault();
      moveFocus(e.code === 'KeyN' ? 1 : -1);
    }
  }

  /**
   * Paints the mentions a slice at a time, yielding between slices, so a long page's thousand
   * highlights never hold the main thread in one long task.
   */
  async function paint(mine: number): Promise<void> {
    if (!article || !annotation) return;
    painted = [];
    highlighter.clear();
    const verdicts = verdictsBySentence(annotation);
    const mentions = annotation.mentions;
    for (let from = 0; from < mentions.length; from += PAINT_SLICE) {
      const ranges: PaintedRange[] = [];
      for (let key = from; key < Math.min(from + PAINT_SLICE, mentions.length); key++) {
        const m = mentions[key]!;
        const points = rangeForOffsets(article, m.start, m.end);
        if (!points) continue;
        const range = doc.createRange();
        range.setStart(points.startNode, points.startOffset);
        range.setEnd(points.endNode, points.endOffset);
        painted.push({ mention: m, range });
        ranges.push({ key, range, styles: styleFor(m, verdicts) });
      }
      highlighter.add(ranges);
      if (from + PAINT_SLICE < mentions.length) await yieldToMain();
      if (mine !== generation) return;
    }
    html.setAttribute('data-triangulate', 'ready');
    html.setAttribute('data-triangulate-mentions', String(painted.length));
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    article = collectArticleText(doc);
    lastText = article.text;
    lastUrl = doc.location?.href ?? '';
    if (!article.text.trim()) {
      annotation = null;
      html.setAttribute('data-triangulate', 'ready');
      html.setAttribute('data-triangulate-mentions', '0');
      return;
    }
    const metadata = pageMetadata(doc);
    const input = { title: metadata.title, outlet: metadata.outlet, published: metadata.published, url: metadata.url, ...(metadata.language ? { language: metadata.language } : {}), text: article.text };
    const result = await annotate(input, metadata);
    if (mine !== generation || !running) return;
    annotation = result;
    await paint(mine);
  }

  /**
   * Whether a batch of mutations could change the article: text added anywhere (a "read more",
   * an SPA route) or any change inside the article itself. Tickers, ad slots and our own
   * wrappers adding no text are ignored, so they never cost a re-extraction.
   */
  function mayChangeArticle(records: MutationRecord[]): boolean {
    const root = article?.root ?? null;
    let added = 0;
    for (const r of records) {
      const target = r.target;
      if (target instanceof Element && target.localName === 'triangulate-mark') continue;
      if (root && root.contains(target) && (r.type === 'characterData' || r.removedNodes.length > 0)) return true;
      for (const node of r.addedNodes) {
        if (node instanceof Element && node.localName === 'triangulate-mark') continue;
        added += (node.textContent ?? '').trim().length;
        if (added >= MIN_NEW_TEXT) return true;
      }
    }
    return false;
  }

  /** Later content (SPA routes, "read more", infinite scroll) is re-annotated once the DOM settles. */
  let pendingCheck = false;
  const observer = new MutationObserver((records) => {
    if (!pendingCheck && !mayChangeArticle(records) && (doc.location?.href ?? '') === lastUrl) return;
    pendingCheck = true;
    // One settle timer batches the records; the work then waits for an idle moment.
    win.clearTimeout(settleTimer);
    settleTimer = win.setTimeout(() => {
      const idle = (win as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
      const check = () => {
        pendingCheck = false;
        if (!running) return;
        if ((doc.location?.href ?? '') !== lastUrl) {
          closePopover();
          void run();
          return;
        }
        const fresh = collectArticleText(doc);
        if (fresh.text !== lastText) void run();
      };
      if (idle) idle(check, { timeout: 2000 });
      else check();
    }, MUTATION_SETTLE_MS);
  });

  return {
    start(): void {
      if (running) return;
      running = new AbortController();
      const { signal } = running;
      doc.addEventListener('pointermove', onPointerMove, { passive: true, signal });
      doc.addEventListener('keydown', onKeyDown, { signal, capture: true });
      observer.observe(doc.body ?? html, { childList: true, subtree: true, characterData: true });
      void run().catch(() => {
        html.setAttribute('data-triangulate', 'error');
      });
    },
    stop(): void {
      running?.abort();
      running = null;
      generation++;
      observer.disconnect();
      win.clearTimeout(settleTimer);
      closePopover();
      popover?.destroy();
      popover = null;
      highlighter.clear();
      painted = [];
      annotation = null;
      html.removeAttribute('data-triangulate');
      html.removeAttribute('data-triangulate-mentions');
    },
    collected(paused: boolean): CollectedArticle {
      const text = article?.text ?? collectArticleText(doc).text;
      const metadata = pageMetadata(doc);
      return {
        article: { title: metadata.title, outlet: metadata.outlet, published: metadata.published, url: metadata.url, ...(metadata.language ? { language: metadata.language } : {}), text },
        metadata,
        paused,
      };
    },
    reveal(start: number, end: number): boolean {
      if (!article) return false;
      const points = rangeForOffsets(article, start, end);
      if (!points) return false;
      const range = doc.createRange();
      range.setStart(points.startNode, points.startOffset);
      range.setEnd(points.endNode, points.endOffset);
      points.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      highlighter.mark('flash', [range]);
      win.setTimeout(() => highlighter.mark('flash', []), 1600);
      return true;
    },
    focusEntity(entityId: string): boolean {
      const index = painted.findIndex((p) => p.mention.id === entityId);
      if (index < 0) return false;
      focusIndex = index - 1;
      moveFocus(1);
      return true;
    },
  };
}

export type Annotator = ReturnType<typeof createAnnotator>;
