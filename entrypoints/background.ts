import { badgeFor } from '@/lib/background/badge';
import { createService } from '@/lib/background/service';
import type { Dataset } from '@/lib/dataset/types';
import { allowed, classifySender, parseRequest, type CollectedArticle, type Envelope, type TabRequest } from '@/lib/messages';

async function openPanel(tabId: number | undefined, entityId: string | null): Promise<boolean> {
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
    return true;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void>; setPanel(o: { panel: string; tabId?: number }): Promise<void> } }).sidebarAction;
  if (sidebar) {
    // Firefox opens its sidebar only from a user action in an extension page or its own controls:
    // a click relayed from a content script is refused, and the popover then says how to open it.
    const configured = sidebar.setPanel({ panel: browser.runtime.getURL(`/${path}` as '/sidepanel.html'), ...(tabId !== undefined ? { tabId } : {}) });
    const opened = sidebar.open().then(
      () => true,
      () => false,
    );
    await configured;
    return opened;
  }
  return false;
}

export default defineBackground(() => {
  const service = createService({
    // dataset.json is generated at build time (wxt.config.ts), so WXT's typed public paths do not list it.
    loadDataset: async () => (await (await fetch((browser.runtime.getURL as (path: string) => string)('/dataset.json'))).json()) as Dataset,
    collectFromTab: async (tabId) => {
      const request: TabRequest = { type: 'collect-article' };
      return ((await browser.tabs.sendMessage(tabId, request)) as CollectedArticle | undefined) ?? null;
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
    const request: TabRequest = { type: 'move-focus', step };
    void browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) service.tabNavigated(tabId, change.url);
  });

  // A content script holds a port only to learn when the extension goes away (it closes then).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'in-page' || !port.sender?.tab) port.disconnect();
  });

  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<Envelope<unknown>> | undefined => {
    const request = parseRequest(message);
    if (!request) return undefined;
    const kind = classifySender(sender, browser.runtime.id, origin);
    if (!allowed(kind, request)) return Promise.resolve({ ok: false, error: `"${request.type}" is not allowed from this sender` });
    return service.handle(request, sender.tab?.id, openPanel, kind === 'content-script' ? sender.url : undefined).then(
      (value) => ({ ok: true, value }),
      (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  });
});
