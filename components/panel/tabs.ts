/**
 * The tab the panel shows. A side panel (Chromium) or sidebar (Firefox) belongs to one window,
 * so it follows that window's active tab: on switch, and when the tab finishes loading or
 * navigates (single-page sites change URL without a load).
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../shared/send';

export interface TabInfo {
  id: number;
  url: string | null;
}

export async function activeTab(): Promise<TabInfo | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? null } : null;
}

export async function tabInfo(tabId: number): Promise<TabInfo | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { id: tabId, url: tab.url ?? null };
  } catch {
    return null;
  }
}

/** Calls `onChange` whenever the panel should show another tab or reload this one; returns the unsubscribe. */
export function followActiveTab(currentTabId: () => number | null, onChange: (tab: TabInfo) => void): () => void {
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((w) => (windowId = w.id));

  const activated = (info: { tabId: number; windowId: number }) => {
    if (windowId !== undefined && info.windowId !== windowId) return;
    void tabInfo(info.tabId).then((t) => t && onChange(t));
  };
  const updated = (tabId: number, change: { status?: string; url?: string }, tab: { url?: string; active?: boolean; windowId?: number }) => {
    if (tabId !== currentTabId()) return;
    // A full navigation reports its URL with status "loading" and is handled at "complete";
    // a URL change without a load is a single-page site moving to another article.
    if (change.status === 'complete' || (change.url !== undefined && change.status !== 'loading')) onChange({ id: tabId, url: tab.url ?? change.url ?? null });
  };
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  return () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
  };
}

/** Asks the page to scroll to a range of its article text and flash it. */
export async function revealOnPage(tabId: number, start: number, end: number): Promise<void> {
  await sendToTab(tabId, { type: 'reveal', start, end });
}
