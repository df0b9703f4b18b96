/** The extension's service worker in Chromium: stopping it as the browser does when idle, and asking it how its start went. */
import type { BrowserContext, Page } from 'playwright-core';
import type { KbStatus } from '../../lib/messages';

/**
 * Stops every service worker of the profile, as the browser does when one has been idle (30 s),
 * through `tab`'s DevTools session, and waits until they have stopped. Any tab event wakes the
 * background again (it listens to tabs.onUpdated and tabs.onRemoved): open the tab the cold wake
 * is measured in before, navigate it after, and close no tab in between.
 */
export async function stopServiceWorkers(tab: Page): Promise<void> {
  const cdp = await tab.context().newCDPSession(tab);
  try {
    const running = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) running.set(v.versionId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 5000;
    while ([...running.values()].some((s) => s !== 'stopped') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await cdp.detach();
  }
}

/** The background's kb-status, asked from an extension page (content scripts may not ask for it); null when it fails. */
export async function chromiumKbStatus(session: { context: BrowserContext; extensionId: string }): Promise<KbStatus | null> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const reply = (await page.evaluate("chrome.runtime.sendMessage({ type: 'kb-status' })")) as { ok: boolean; value?: KbStatus } | undefined;
    return reply?.ok ? (reply.value ?? null) : null;
  } finally {
    await page.close();
  }
}
