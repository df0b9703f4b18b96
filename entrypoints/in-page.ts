/**
 * The content script (listed in the manifest by wxt.config.ts): wires the annotator, the popover
 * controller, the pause setting and the extension's tab messages.
 *
 * It is built as a plain script rather than with `defineContentScript`, on purpose. WXT's
 * content-script context posts a "content script started" message to the page's window (naming
 * the extension), invalidates itself when a document event of that name arrives, and announces
 * SPA navigations as window events: any page script can forge those events and stop or restart
 * us. Here nothing is taken from events the page can dispatch: SPA navigations are detected by
 * comparing addresses (lib/page/page-watcher.ts), and the extension going away (disabled,
 * reloaded, uninstalled) is detected from the extension side, by the runtime port closing and by
 * `browser.runtime.id` disappearing.
 */
import { browser } from 'wxt/browser';
import { createPopoverController } from '@/components/popover/controller';
import { PANEL_NOT_OPENED } from '@/components/popover/panel-hint';
import { displayChange, readDisplaySettings } from '@/components/shared/display-settings';
import { isPaused, pauseChange, readPause } from '@/components/shared/pause';
import { ask, dispatchTab, parseTabRequest, type AnswerOf, type BackgroundRequest, type TabHandlers } from '@/lib/messages';
import { createAnnotator } from '@/lib/page/annotator';

/** Whether this script still belongs to a live extension (false once it is disabled or reloaded). */
function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

function send<R extends BackgroundRequest>(request: R): Promise<AnswerOf<R['type']>> {
  return ask((message) => browser.runtime.sendMessage(message), request);
}

export default defineUnlistedScript(async () => {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const host = location.hostname;
  let paused = true;
  let offTopic = false;
  let torn = false;
  /** Pending looks at whether the extension is still there (see the port below). */
  const checks: number[] = [];

  const annotator = createAnnotator({
    doc: document,
    annotate: (article, metadata) => send({ type: 'annotate', article, metadata }),
    popover: (options) =>
      createPopoverController({
        ...options,
        openPanel: (entityId) => send({ type: 'open-panel', entityId }).catch(() => PANEL_NOT_OPENED),
      }),
    offTopic: () => offTopic,
    gone: () => !extensionAlive() && (teardown(), true),
  });

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || torn) return;
    const display = displayChange(changes);
    if (display && display.offTopic !== offTopic) {
      offTopic = display.offTopic;
      void annotator.repaint();
    }
    const state = pauseChange(changes);
    if (!state) return;
    paused = isPaused(state, host);
    if (paused) annotator.stop();
    else annotator.start();
  };

  const handlers: TabHandlers = {
    'collect-article': async () => annotator.collected(paused),
    reveal: async ({ start, end }) => annotator.reveal(start, end),
    'page-state': async () => annotator.state(),
    'show-all': () => annotator.showAll(),
    'move-focus': async ({ step }) => annotator.moveFocus(step),
  };
  // Only the extension reaches this listener (never the page); its messages are still checked.
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const request = torn ? null : parseTabRequest(message);
    return request ? dispatchTab(handlers, request) : undefined;
  };

  /** Removes everything of ours: highlights, popover host, listeners and observers. */
  function teardown(): void {
    if (torn) return;
    torn = true;
    for (const id of checks) window.clearTimeout(id);
    annotator.stop();
    try {
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension's APIs may already be gone with it.
    }
  }

  browser.storage.onChanged.addListener(onStorage);
  browser.runtime.onMessage.addListener(onMessage);
  // The port closes when the extension goes away, and also when an idle service worker is
  // stopped: only the former (no runtime id left) tears down. Chromium closes the port a moment
  // before it clears the runtime id, so the id is looked at again shortly after.
  browser.runtime.connect({ name: 'in-page' }).onDisconnect.addListener(() => {
    for (const ms of [0, 100, 1000, 5000]) checks.push(window.setTimeout(() => !extensionAlive() && teardown(), ms));
  });

  offTopic = (await readDisplaySettings(browser.storage.local)).offTopic;
  paused = isPaused(await readPause(browser.storage.local), host);
  if (!paused && !torn) annotator.start();
});
