/**
 * Opens the popover for a painted mention on hover (after a short delay) or from the keyboard
 * (Alt+Shift+N / Alt+Shift+P walk the highlights), and closes it on Escape or when the pointer
 * leaves. Every listener and timer is tied to the annotator's AbortSignal; aborting it also
 * removes the popover's host from the page.
 */
import type { PageView, PaintedMention, PopoverFactory, PopoverPort } from '../../lib/page/annotator';
import { buildPopoverModel } from './model';
import { createPopoverHost, type PopoverHost } from './mount';

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 250;

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

type PopoverControllerOptions = Parameters<PopoverFactory>[0] & {
  /** "Open in side panel" in the card. */
  openPanel: (entityId: string) => void;
};

export function createPopoverController({ doc, signal, view, gone, openPanel }: PopoverControllerOptions): PopoverPort {
  const win = doc.defaultView!;
  const html = doc.documentElement;
  let host: PopoverHost | null = null;
  let current: PaintedMention | null = null;
  let focusIndex = -1;
  let openTimer = 0;
  let closeTimer = 0;
  let pendingMove: PointerEvent | null = null;
  let frame = 0;

  signal.addEventListener(
    'abort',
    () => {
      win.cancelAnimationFrame(frame);
      win.clearTimeout(openTimer);
      win.clearTimeout(closeTimer);
      host?.destroy();
      host = null;
      current = null;
    },
    { once: true },
  );

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

  function hostPopover(): PopoverHost {
    host ??= createPopoverHost(doc, {
      onClose: () => close(true),
      onOpenPanel: (entityId) => {
        if (!gone()) openPanel(entityId);
      },
    });
    return host;
  }

  function openFor(p: PaintedMention, takeFocus: boolean): void {
    const v = view();
    if (!v || signal.aborted) return;
    current = p;
    const rect = p.range.getBoundingClientRect();
    hostPopover().show(buildPopoverModel(v.annotation, p.mention), rect, { takeFocus, dark: dark() });
  }

  function close(returnFocus = false): void {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    closeTimer = 0;
    host?.hide();
    current = null;
    if (returnFocus) view()?.mark('focus', []);
  }

  /** The painted mention under a viewport point, checked against the range's own boxes. */
  function paintedAt(v: PageView, x: number, y: number): PaintedMention | null {
    const d = doc as CaretDocument;
    const node = d.caretPositionFromPoint?.(x, y)?.offsetNode ?? d.caretRangeFromPoint?.(x, y)?.startContainer;
    if (!node) return null;
    for (const p of v.at(node)) {
      for (const r of p.range.getClientRects()) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return p;
    }
    return null;
  }

  function onPointerMove(e: PointerEvent): void {
    if (host?.contains(e)) {
      win.clearTimeout(closeTimer);
      closeTimer = 0;
      return;
    }
    if (pendingMove) {
      pendingMove = e;
      return;
    }
    pendingMove = e;
    frame = win.requestAnimationFrame(() => {
      const ev = pendingMove!;
      pendingMove = null;
      const v = view();
      if (!v || gone()) return;
      const hit = paintedAt(v, ev.clientX, ev.clientY);
      if (hit) {
        win.clearTimeout(closeTimer);
        closeTimer = 0;
        if (hit !== current) {
          win.clearTimeout(openTimer);
          openTimer = win.setTimeout(() => openFor(hit, false), current ? 0 : HOVER_OPEN_MS);
        }
      } else {
        win.clearTimeout(openTimer);
        // A grace period lets the pointer travel from the term to the card without flicker.
        if (current && !closeTimer) closeTimer = win.setTimeout(() => ((closeTimer = 0), close()), HOVER_CLOSE_MS);
      }
    });
  }

  function moveFocus(step: 1 | -1): void {
    const v = view();
    const list = v?.ordered() ?? [];
    if (!v || list.length === 0) return;
    focusIndex = (focusIndex + step + list.length) % list.length;
    const p = list[focusIndex]!;
    v.mark('focus', [p.range]);
    p.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    openFor(p, true);
  }

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && host?.isOpen()) {
      close(true);
      return;
    }
    // Alt+Shift+N / Alt+Shift+P walk the highlights, like "next/previous match" in find bars.
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.code === 'KeyP')) {
      if (gone()) return;
      e.preventDefault();
      moveFocus(e.code === 'KeyN' ? 1 : -1);
    }
  }

  doc.addEventListener('pointermove', onPointerMove, { passive: true, signal });
  doc.addEventListener('keydown', onKeyDown, { signal, capture: true });

  return {
    focusEntity(entityId) {
      const list = view()?.ordered() ?? [];
      const index = list.findIndex((p) => p.mention.id === entityId);
      if (index < 0) return false;
      focusIndex = index - 1;
      moveFocus(1);
      return true;
    },
    close: () => close(),
  };
}
