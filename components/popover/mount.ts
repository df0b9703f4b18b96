/**
 * The popover's host: a custom element holding a CLOSED shadow root, so page scripts cannot read
 * what the user's sources say. Styles go in through adoptedStyleSheets (CSSOM is not subject to
 * a page's style-src CSP); the host is position: fixed with no size, so page layout never moves.
 */
import { h, render } from 'preact';
import css from '../../assets/styles/popover.css?inline';
import type { PopoverModel } from './model';
import { Popover } from './Popover';

export interface PopoverHost {
  show(model: PopoverModel, anchor: DOMRect, opts: { takeFocus: boolean; dark: boolean }): void;
  hide(): void;
  isOpen(): boolean;
  /** Whether an event path passes through the popover (pointer or focus inside it). */
  contains(event: Event): boolean;
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

export function createPopoverHost(doc: Document, handlers: { onClose: () => void; onOpenPanel: (entityId: string) => void }): PopoverHost {
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
  const root = doc.createElement('div');
  shadow.append(root);
  let open = false;

  return {
    show(model, anchor, { takeFocus, dark }) {
      if (!host.isConnected) doc.documentElement.append(host);
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
    destroy() {
      render(null, root);
      host.remove();
      open = false;
    },
  };
}
