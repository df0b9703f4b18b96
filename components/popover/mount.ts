/**
 * The popover's host: a custom element holding a CLOSED shadow root, so page scripts cannot read
 * what the user's sources say. Styles go in through adoptedStyleSheets (CSSOM is not subject to
 * a page's style-src CSP); the host sits at the document's top-left corner with no size, so page
 * layout never moves. It holds three things:
 * - the card (position: fixed, beside the term);
 * - the verdict marks (./marks.ts), positioned against the host so they scroll with the page;
 * - a focus anchor: a button laid over the highlight the keyboard is on, so Escape returns focus
 *   to the highlight (highlights themselves are not elements and cannot hold focus), with a name
 *   a screen reader reads ("Zapad 2017, exercise, 3 claims: Enter shows what other sources say").
 */
import { h, render } from 'preact';
import css from '../../assets/styles/popover.css?inline';
import { createMarkLayer } from './marks';
import type { PaintedClaim } from '../../lib/page/annotator';
import type { PopoverModel } from './model';
import type { PanelOpening } from '../../lib/messages';
import { Popover } from './Popover';

export interface PopoverHost {
  show(model: PopoverModel, anchor: DOMRect, opts: { takeFocus: boolean; dark: boolean }): void;
  hide(): void;
  isOpen(): boolean;
  /** Whether an event path passes through the popover (pointer or focus inside it). */
  contains(event: Event): boolean;
  /** Draws the claims' verdict marks ([] removes them). */
  showClaims(claims: readonly PaintedClaim[], dark: boolean): void;
  /** Moves the marks and the focus anchor to where their text is now. */
  place(): void;
  /** Puts keyboard focus on a button over `range`, named `label`; Enter or Space calls `onActivate`. */
  focusAnchor(range: Range, label: string, onActivate: () => void): void;
  destroy(): void;
}

const GAP = 8;

/** Below the term if it fits, else above; clamped to the viewport horizontally and vertically. */
export function placeCard(anchor: { left: number; top: number; bottom: number }, card: { width: number; height: number }, view: { width: number; height: number }) {
  const left = Math.max(GAP, Math.min(anchor.left, view.width - card.width - GAP));
  const below = anchor.bottom + GAP;
  const above = anchor.top - card.height - GAP;
  const top = below + card.height <= view.height - GAP || above < GAP ? Math.min(below, Math.max(GAP, view.height - card.height - GAP)) : above;
  return { left, top };
}

export function createPopoverHost(doc: Document, handlers: { onClose: () => void; onOpenPanel: (entityId: string) => Promise<PanelOpening> }): PopoverHost {
  const host = doc.createElement('triangulate-ui');
  const shadow = host.attachShadow({ mode: 'closed' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  const layer = doc.createElement('div');
  layer.className = 'marks';
  const anchorButton = doc.createElement('button');
  anchorButton.type = 'button';
  anchorButton.className = 'anchor';
  anchorButton.hidden = true;
  const root = doc.createElement('div');
  shadow.append(layer, anchorButton, root);
  const marks = createMarkLayer(doc, layer, () => host.getBoundingClientRect());
  let open = false;
  let anchored: { range: Range; onActivate: () => void } | null = null;

  const connect = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };

  function placeAnchor(): void {
    if (!anchored) return;
    const r = anchored.range.getClientRects()[0];
    if (!r) return;
    const o = host.getBoundingClientRect();
    Object.assign(anchorButton.style, { left: `${r.left - o.left - 2}px`, top: `${r.top - o.top - 2}px`, width: `${r.width + 4}px`, height: `${r.height + 4}px` });
  }

  anchorButton.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      anchored?.onActivate();
    }
  });
  anchorButton.addEventListener('blur', () => {
    anchorButton.hidden = true;
    anchored = null;
  });

  return {
    show(model, anchor, { takeFocus, dark }) {
      connect();
      render(h(Popover, { model, onClose: handlers.onClose, onOpenPanel: handlers.onOpenPanel, takeFocus }), root);
      const card = root.firstElementChild as HTMLElement | null;
      if (!card) return;
      card.classList.toggle('dark', dark);
      const view = { width: doc.documentElement.clientWidth || 800, height: doc.defaultView?.innerHeight ?? 600 };
      const { left, top } = placeCard(anchor, { width: card.offsetWidth, height: card.offsetHeight }, view);
      card.style.left = `${left}px`;
      card.style.top = `${top}px`;
      open = true;
    },
    hide() {
      if (!open) return;
      render(null, root);
      open = false;
    },
    isOpen: () => open,
    contains(event) {
      return event.composedPath().includes(host);
    },
    showClaims(claims, dark) {
      if (claims.length) connect();
      layer.classList.toggle('dark', dark);
      marks.show(claims);
    },
    place() {
      marks.place();
      placeAnchor();
    },
    focusAnchor(range, label, onActivate) {
      connect();
      anchored = { range, onActivate };
      anchorButton.setAttribute('aria-label', label);
      anchorButton.hidden = false;
      placeAnchor();
      anchorButton.focus({ preventScroll: true });
    },
    destroy() {
      render(null, root);
      marks.show([]);
      host.remove();
      open = false;
    },
  };
}
