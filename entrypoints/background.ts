import { badgeFor } from '@/lib/background/badge';
import { createService } from '@/lib/background/service';
import type { Dataset } from '@/lib/dataset/types';
import { allowed, askTab, callerOf, IMPORT_PORT, parseRequest, type Envelope, type PanelOpening, type TabRequest } from '@/lib/messages';

async function openPanel(tabId: number | undefined, entityId: string | null): Promise<PanelOpening> {
  const query = new URLSearchParams();
  if (tabId !== undefined) query.set('tabId', String(tabId));
  if (entityId) query.set('entity', entityId);
  const path = `sidepanel.html?${query}`;
  const chromePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void>; setOptions(o: { tabId: number; path: string; enabled: boolean }): Promise<void> } } }).chrome?.sidePanel;
  if (chromePanel && tabId !== undefined) {
    // open() needs the click's user gesture, which an await before it would lose: both calls go out
    // in this turn (the browser applies them in order), and only then is anything awaited.
    const configured = chromePanel.setOptions({ tabId, path, enabled: true });
    const opened = chromePanel.open({ tabId });
    await Promise.all([configured, opened]);
    return { opened: 'panel', shortcut: null };
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void>; setPanel(o: { panel: string; tabId?: number }): Promise<void> } }).sidebarAction;
  if (!sidebar) return { opened: 'none', shortcut: null };
  // Firefox opens its sidebar only from a user action in an extension page or its own controls; a
  // click relayed from a content script is refused ("may only be called from a user input handler").
  // Tried first all the same, in this turn, in case a later Firefox lets the gesture through.
  const configured = sidebar.setPanel({ panel: browser.runtime.getURL(`/${path}` as '/sidepanel.html'), ...(tabId !== undefined ? { tabId } : {}) });
  const opened = sidebar.open().then(
    () => true,
    () => false,
  );
  await configured;
  if (await opened) return { opened: 'panel', shortcut: null };
  return { opened: (await openToolbarPopup(tabId)) ? 'popup' : 'none', shortcut: await sidebarShortcut() };
}

/**
 * Firefox: the toolbar popup, opened for the tab with its "Open side panel" button focused. Firefox
 * opens an action's popup without a user action (bug 1799344; the pref
 * extensions.openPopupWithoutUserGesture.enabled is on in ESR 153), and a click in the popup is one
 * it accepts for sidebarAction.open(). The sidebar then shows the panel set for the tab above.
 */
async function openToolbarPopup(tabId: number | undefined): Promise<boolean> {
  // Typed here: the polyfill's types know neither openPopup nor a null popup (back to the default).
  const action = (browser as unknown as { browserAction?: { openPopup?(): Promise<void>; setPopup(o: { tabId: number; popup: string | null }): Promise<void> } }).browserAction;
  if (!action?.openPopup || tabId === undefined) return false;
  try {
    await action.setPopup({ tabId, popup: `popup.html?tabId=${tabId}&compare=1` });
    await action.openPopup();
    return true;
  } catch {
    return false;
  } finally {
    // The popup opened with its address already read; the toolbar button goes back to the usual one.
    await action.setPopup({ tabId, popup: null }).catch(() => undefined);
  }
}

/** The sidebar's shortcut as the reader has it set (about:addons lets them change or remove it). */
async function sidebarShortcut(): Promise<string | null> {
  const commands = await browser.commands.getAll().catch(() => []);
  return commands.find((c) => c.name === '_execute_sidebar_action')?.shortcut || null;
}

/** An extension resource built by wxt.config.ts (WXT's typed public paths do not list generated files). */
async function resource(path: string): Promise<Response> {
  return fetch((browser.runtime.getURL as (path: string) => string)(path));
}

export default defineBackground(() => {
  const service = createService({
    // Only the version is read on a wake; the dataset itself when the KB holds another one.
    datasetVersion: async () => (await (await resource('/dataset-version.txt')).text()).trim(),
    loadDataset: async () => (await (await resource('/dataset.json')).json()) as Dataset,
    collectFromTab: (tabId) => askTab((message) => browser.tabs.sendMessage(tabId, message), { type: 'collect-article' }),
    openPanel,
    // A service worker has no DOMParser, and imports parse HTML pages and XML feeds: linkedom
    // stands in (Firefox's background page has the browser's own, which lib/dom/parse.ts
    // prefers). Loaded when an import starts, so a wake does not evaluate it.
    beforeImport: async () => {
      await import('@/lib/dom/node');
    },
    onAnnotated: (tabId, annotation) => {
      // Chromium MV3 calls it `action`, Firefox MV2 `browserAction`.
      const action = browser.action ?? browser.browserAction;
      const badge = badgeFor(annotation);
      void action?.setBadgeText({ tabId, text: badge.text }).catch(() => undefined);
      void action?.setTitle({ tabId, title: badge.title }).catch(() => undefined);
      void action?.setBadgeBackgroundColor({ tabId, color: '#8a1c1c' }).catch(() => undefined);
    },
  });
  const origin = browser.runtime.getURL('/');

  browser.runtime.onInstalled.addListener(() => {
    void service.whenReady();
  });
  browser.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));
  // The keyboard commands declared in wxt.config.ts walk the highlights of the page they were pressed on.
  browser.commands?.onCommand.addListener((command, tab) => {
    const step = command === 'next-highlight' ? 1 : command === 'previous-highlight' ? -1 : 0;
    if (!step || tab?.id === undefined) return;
    void browser.tabs.sendMessage(tab.id, { type: 'move-focus', step } satisfies TabRequest).catch(() => undefined);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) service.tabNavigated(tabId, change.url);
  });

  // Ports: a content script holds one only to learn when the extension goes away (it closes
  // then); the options page runs an import over one. The sender is judged once, at connection.
  browser.runtime.onConnect.addListener((port) => {
    const caller = callerOf(port.sender ?? {}, browser.runtime.id, origin);
    if (port.name === IMPORT_PORT && caller.kind === 'extension-page') service.serveImport(port);
    else if (port.name !== 'in-page' || caller.kind !== 'content-script') port.disconnect();
  });

  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<Envelope<unknown>> | undefined => {
    const request = parseRequest(message);
    if (!request) return undefined;
    const caller = callerOf(sender, browser.runtime.id, origin);
    if (!allowed(caller.kind, request.type)) return Promise.resolve({ ok: false, error: `"${request.type}" is not allowed from this sender` });
    return service.handle(request, caller).then(
      (value) => ({ ok: true, value }),
      (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  });
});
