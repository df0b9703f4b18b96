/**
 * Tells the annotator when the page it painted has changed: an SPA route (the address changed
 * without a load) or new article text (a "read more", infinite scroll). Everything it listens to
 * is tied to one AbortSignal; aborting it removes every listener, observer and timer.
 *
 * Events a page can dispatch itself (popstate, hashchange, navigate) are only hints: on any of
 * them the watcher compares `location.href` with the address it last saw, so a forged event
 * changes nothing. Nothing here listens to `window` messages.
 */
import { whenIdle } from './schedule';

/** Quiet time after the last change before the page is looked at again (batches an SPA's renders). */
const SETTLE_MS = 600;
/** Characters of new text that make a mutation batch worth a look. */
const MIN_NEW_TEXT = 40;
const MARK_TAG = 'triangulate-mark';
const OUR_HOST = 'triangulate-ui';

export interface PageWatcherOptions {
  doc: Document;
  signal: AbortSignal;
  /** The element holding the article last painted (null when none was found). */
  articleRoot: () => Element | null;
  /** The page's address changed. */
  onNavigate: (url: string) => void;
  /** Text may have been added to or changed in the article: worth collecting again. */
  onContent: () => void;
  /** Called first on every callback; true stops the watcher's work (the extension went away). */
  gone?: () => boolean;
}

/** Ours, not the page's: the fallback highlighter's marks and the popover host. */
function isOurs(node: Node): boolean {
  const name = (node as Element).localName;
  return name === MARK_TAG || name === OUR_HOST;
}

/** The address without its fragment: jumping to an anchor is not a new page (hash routes change content, which is watched). */
const addressOf = (doc: Document) => (doc.location?.href ?? '').split('#')[0]!;

export function watchPage({ doc, signal, articleRoot, onNavigate, onContent, gone }: PageWatcherOptions): void {
  const win = doc.defaultView!;
  let lastUrl = addressOf(doc);
  let pending: { navigate: boolean; content: boolean } | null = null;
  let settleTimer = 0;

  function settle(): void {
    win.clearTimeout(settleTimer);
    settleTimer = win.setTimeout(() => {
      whenIdle(win, signal, () => {
        const what = pending;
        pending = null;
        if (!what || gone?.()) return;
        const url = addressOf(doc);
        if (url !== lastUrl) {
          lastUrl = url;
          onNavigate(url);
        } else if (what.content) onContent();
      });
    }, SETTLE_MS);
  }
  signal.addEventListener('abort', () => win.clearTimeout(settleTimer), { once: true });

  /** A hint that the address may have changed: acted on only if it really did. */
  function addressHint(): void {
    if (signal.aborted || gone?.()) return;
    if (addressOf(doc) === lastUrl) return;
    pending = { navigate: true, content: pending?.content ?? false };
    settle();
  }

  function mayChangeArticle(records: MutationRecord[]): boolean {
    const root = articleRoot();
    let added = 0;
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (root && root.contains(r.target) && (r.type === 'characterData' || r.removedNodes.length > 0)) return true;
      for (const node of r.addedNodes) {
        if (isOurs(node)) continue;
        added += (node.textContent ?? '').trim().length;
        if (added >= MIN_NEW_TEXT) return true;
      }
    }
    return false;
  }

  const observer = new MutationObserver((records) => {
    if (gone?.()) return;
    const content = mayChangeArticle(records);
    const moved = addressOf(doc) !== lastUrl;
    if (!content && !moved) return;
    pending = { navigate: (pending?.navigate ?? false) || moved, content: (pending?.content ?? false) || content };
    settle();
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  win.addEventListener('popstate', addressHint, { signal });
  win.addEventListener('hashchange', addressHint, { signal });
  // The Navigation API reports same-document navigations (pushState) even when no DOM changes.
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener?.('navigatesuccess', addressHint, { signal });
}
