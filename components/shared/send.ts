/**
 * Typed requests from extension pages to the background, and from extension pages to a tab's
 * content script. The answer's type follows from the request (lib/messages.ts); a background
 * error arrives as a thrown MessageError whose message the UI can show.
 */
import { browser } from 'wxt/browser';
import { ask, askTab, type AnswerOf, type BackgroundRequest, type TabAnswerOf, type TabRequest } from '@/lib/messages';

export function send<R extends BackgroundRequest>(request: R): Promise<AnswerOf<R['type']>> {
  return ask((message) => browser.runtime.sendMessage(message), request);
}

/** Asks a tab's content script; null where none answers (a browser page, a page loaded before the extension). */
export function sendToTab<R extends TabRequest>(tabId: number, request: R): Promise<TabAnswerOf<R['type']> | null> {
  return askTab((message) => browser.tabs.sendMessage(tabId, message), request);
}
