/**
 * One analysis per tab at a time. A new request for a tab cancels the one in flight (the page
 * changed, or its SPA moved on); closing the tab or navigating it elsewhere cancels too. The
 * same text asked twice (the content script, then the side panel) shares one analysis.
 *
 * Analyses of different tabs run one after another, each starting on a fresh macrotask, so a
 * page's work never interleaves with another's and a request that was cancelled while it
 * waited costs nothing. With the input caps (lib/pipeline/limits.ts) one analysis is bounded,
 * so a tab waits at most for the analysis ahead of it.
 */

class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(reason: string) {
    super(`Analysis cancelled: ${reason}`);
  }
}

interface Entry {
  controller: AbortController;
  key: string;
  url: string | null;
  promise: Promise<unknown>;
}

const withoutHash = (url: string) => url.split('#')[0];

/** A macrotask boundary: lets tab events and newer requests be handled before the next step. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createTabQueue() {
  const running = new Map<number, Entry>();
  let tail: Promise<unknown> = Promise.resolve();

  function cancel(tabId: number, reason: string): void {
    const entry = running.get(tabId);
    if (!entry) return;
    entry.controller.abort(new CancelledError(reason));
    running.delete(tabId);
  }

  return {
    /**
     * Runs `task` for `tabId` after the analyses queued before it, cancelling the tab's earlier
     * one. `key` identifies the input: an identical request joins the one in flight.
     */
    run<T>(tabId: number | undefined, key: string, url: string | null, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
      if (tabId !== undefined) {
        const same = running.get(tabId);
        if (same && same.key === key && !same.controller.signal.aborted) return same.promise as Promise<T>;
        cancel(tabId, 'a newer request for this tab');
      }
      const controller = new AbortController();
      const { signal } = controller;
      const start = tail.then(nextTask, nextTask);
      const promise = start.then(async () => {
        signal.throwIfAborted();
        const value = await task(signal);
        signal.throwIfAborted();
        return value;
      });
      tail = promise.catch(() => undefined);
      if (tabId !== undefined) {
        const entry: Entry = { controller, key, url, promise };
        running.set(tabId, entry);
        const done = () => {
          if (running.get(tabId) === entry) running.delete(tabId);
        };
        promise.then(done, done);
      }
      return promise;
    },
    /** The tab was closed. */
    closed(tabId: number): void {
      cancel(tabId, 'the tab was closed');
    },
    /** The tab now shows `url`: an analysis of another address is no longer wanted. */
    navigated(tabId: number, url: string): void {
      const entry = running.get(tabId);
      if (entry && (entry.url === null || withoutHash(entry.url) !== withoutHash(url))) cancel(tabId, 'the tab navigated away');
    },
    /** Tabs with an analysis queued or running. */
    get size(): number {
      return running.size;
    },
  };
}
