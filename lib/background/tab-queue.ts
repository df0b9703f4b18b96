/**
 * One analysis per tab at a time. A new request for a tab cancels the one in flight (the page
 * changed, or its SPA moved on); closing the tab or navigating it elsewhere cancels too. The
 * same text asked twice (the content script, then the side panel) shares one analysis.
 *
 * Analyses of different tabs take turns in time slices (slices.ts): each runs until its slice is
 * spent, then lets the worker handle what is waiting (another tab's request, a closed tab) and
 * the other analyses run their slice, a newly asked page before the long ones. A tab that asks
 * therefore waits for at most one slice, a giant page cannot hold the others up, and a cancelled
 * analysis stops at its next step. Each starts on a fresh task, so one cancelled before its turn
 * costs nothing.
 */
import { createSliceScheduler, nextTask, PAGE_BUDGET, slicedPacing, type SliceBudget, type SlicedPacing } from './slices';

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

export interface TabQueueOptions {
  budget?: SliceBudget;
  /** The clock slices are measured with (tests drive their own). */
  now?: () => number;
}

export function createTabQueue(options: TabQueueOptions = {}) {
  const running = new Map<number, Entry>();
  const budget = options.budget ?? PAGE_BUDGET;
  const scheduler = createSliceScheduler();

  function cancel(tabId: number, reason: string): void {
    const entry = running.get(tabId);
    if (!entry) return;
    entry.controller.abort(new CancelledError(reason));
    running.delete(tabId);
  }

  return {
    /**
     * Runs `task` for `tabId` in slices beside the other tabs' analyses, cancelling the tab's
     * earlier one. `key` identifies the input: an identical request joins the one in flight.
     * The task paces itself with `pacing` (pass it to annotateArticlePaced).
     */
    run<T>(tabId: number | undefined, key: string, url: string | null, task: (signal: AbortSignal, pacing: SlicedPacing) => Promise<T>): Promise<T> {
      if (tabId !== undefined) {
        const same = running.get(tabId);
        if (same && same.key === key && !same.controller.signal.aborted) return same.promise as Promise<T>;
        cancel(tabId, 'a newer request for this tab');
      }
      const controller = new AbortController();
      const { signal } = controller;
      const promise = nextTask().then(async () => {
        signal.throwIfAborted();
        const pacing = slicedPacing(signal, budget, options.now, scheduler);
        try {
          const value = await task(signal, pacing);
          signal.throwIfAborted();
          return value;
        } finally {
          pacing.done();
        }
      });
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
