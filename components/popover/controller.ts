/**
 * Opens the popover for a painted mention on hover (after a short delay), on a tap (touch), or
 * from the keyboard (the extension's commands, Alt+Shift+N / Alt+Shift+P by default, walk the
 * highlights), and closes it on Escape (focus goes back to the highlight), on a tap elsewhere or
 * when the pointer leaves. It also draws the claims' verdict marks. Every listener and timer is
 * tied to the annotator's AbortSignal; aborting it also removes the popover's host from the page.
 */
import type { PageView, PaintedMention, PopoverFactory, PopoverPort } from '../../lib/page/annotator';
import { wordsLanguage } from '../../lib/i18n/intl';
import { t, tPlural, type MessageKey } from '../../lib/i18n/messages';
import { verdictLabel } from '../../lib/report/format';
import type { EntityType } from '../../lib/types';
import type { PanelOpening } from '../../lib/messages';
import { buildPopoverModel } from './model';
import { PANEL_NOT_OPENED } from './panel-hint';
import { createPopoverHost, type PopoverHost } from './mount';

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 250;

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

type PopoverControllerOptions = Parameters<PopoverFactory>[0] & {
  /** "Compare sources" in the card; resolves to how far it got (the panel, Firefox's toolbar popup, or neither). */
  openPanel: (entityId: string) => Promise<PanelOpening>;
};

const TYPE_WORD: Record<EntityType, MessageKey> = { exercise: 'typeWordExercise', country: 'typeWordCountry', organization: 'typeWordOrganization' };

/** What a screen reader hears on a highlight the keyboard rests on. */
function anchorLabel(v: PageView, p: PaintedMention): string {
  const model = buildPopoverModel(v.annotation, p.mention);
  const claims = model.sentenceClaims.length;
  const about = { title: model.title, type: t(TYPE_WORD[p.mention.type]) };
  if (!claims) return t('anchorLabel', about);
  if (!model.verdict) return tPlural('anchorLabelClaims', claims, about);
  return tPlural('anchorLabelVerdict', claims, { ...about, verdict: verdictLabel(model.verdict).toLocaleLowerCase(wordsLanguage()) });
}

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
  let placeFrame = 0;

  signal.addEventListener(
    'abort',
    () => {
      win.cancelAnimationFrame(frame);
      win.cancelAnimationFrame(placeFrame);
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
      onOpenPanel: (entityId) => (gone() ? Promise.resolve(PANEL_NOT_OPENED) : openPanel(entityId)),
    });
    return host;
  }

  function openFor(p: PaintedMention, takeFocus: boolean): void {
    const v = view();
    if (!v || signal.aborted) return;
    current = p;
    const rect = p.range.getBoundingClientRect();
    hostPopover().show(buildPopoverModel(v.annotation, p.mention, doc.documentElement.lang || null), rect, { takeFocus, dark: dark() });
  }

  /** Closes the card; `returnFocus` (Escape) puts keyboard focus back on the highlight it was opened from. */
  function close(returnFocus = false): void {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    closeTimer = 0;
    const was = current;
    const hadFocus = !!host?.isOpen() && doc.activeElement?.localName === 'triangulate-ui';
    host?.hide();
    current = null;
    const v = view();
    if (!v || !was || !returnFocus) return;
    if (hadFocus) {
      v.mark('focus', [was.range]);
      host?.focusAnchor(was.range, anchorLabel(v, was), () => openFor(was, true));
    } else {
      v.mark('focus', []);
    }
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

  function moveFocus(step: 1 | -1): boolean {
    const v = view();
    const list = v?.ordered() ?? [];
    if (!v || list.length === 0) return false;
    focusIndex = (focusIndex + step + list.length) % list.length;
    const p = list[focusIndex]!;
    v.mark('focus', [p.range]);
    p.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    openFor(p, true);
    return true;
  }

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && host?.isOpen()) {
      close(true);
      return;
    }
    // The same keys as the extension's commands (wxt.config.ts). The browser takes them first where
    // the commands are registered; this serves where it did not assign them (a shortcut clash).
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.code === 'KeyP')) {
      if (gone()) return;
      e.preventDefault();
      moveFocus(e.code === 'KeyN' ? 1 : -1);
    }
  }

  /** Touch has no hover: a tap on a highlight opens its card, a tap anywhere else closes it. */
  function onPointerUp(e: PointerEvent): void {
    if (e.pointerType !== 'touch' || gone() || host?.contains(e)) return;
    const v = view();
    const hit = v && paintedAt(v, e.clientX, e.clientY);
    if (hit) {
      win.clearTimeout(closeTimer);
      closeTimer = 0;
      if (hit !== current) openFor(hit, false);
    } else if (current) {
      close();
    }
  }

  /** Marks follow their words when the page reflows (a resize, images loading, fonts). */
  function schedulePlace(): void {
    if (placeFrame || signal.aborted) return;
    placeFrame = win.requestAnimationFrame(() => {
      placeFrame = 0;
      host?.place();
    });
  }

  doc.addEventListener('pointermove', onPointerMove, { passive: true, signal });
  doc.addEventListener('pointerup', onPointerUp, { passive: true, signal });
  doc.addEventListener('keydown', onKeyDown, { signal, capture: true });
  win.addEventListener('resize', schedulePlace, { passive: true, signal });
  if (typeof ResizeObserver === 'function' && doc.body) {
    const observer = new ResizeObserver(schedulePlace);
    observer.observe(doc.body);
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }

  return {
    moveFocus: (step) => !gone() && moveFocus(step),
    showClaims(claims) {
      if (signal.aborted || (claims.length === 0 && !host)) return;
      hostPopover().showClaims(claims, dark());
    },
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
