/**
 * Giving the page its main thread back. Work is done in slices of at most SLICE_MS; between
 * slices the page runs its own tasks, input and rendering.
 */

/** Longest run of our work before yielding: well under the 50 ms that makes a long task. */
export const SLICE_MS = 8;

interface Scheduling {
  scheduler?: { yield?: () => Promise<void> };
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
}

/**
 * Resolves on a later task: `scheduler.yield()` where there is one (the continuation keeps its
 * place ahead of other queued work), else a macrotask. Resolves false if `signal` aborted meanwhile.
 */
export async function yieldToPage(win: Window, signal: AbortSignal): Promise<boolean> {
  const scheduler = (win as unknown as Scheduling).scheduler ?? (globalThis as Scheduling).scheduler;
  if (scheduler?.yield) await scheduler.yield.call(scheduler);
  else await new Promise<void>((resolve) => win.setTimeout(resolve, 0));
  return !signal.aborted;
}

/** Runs `task` when the page is idle (within `timeout` ms), or after a macrotask where idle callbacks do not exist. */
export function whenIdle(win: Window, signal: AbortSignal, task: () => void, timeout = 2000): void {
  const w = win as unknown as Scheduling;
  if (w.requestIdleCallback) {
    const id = w.requestIdleCallback(() => !signal.aborted && task(), { timeout });
    signal.addEventListener('abort', () => w.cancelIdleCallback?.(id), { once: true });
  } else {
    const id = win.setTimeout(() => !signal.aborted && task(), 0);
    signal.addEventListener('abort', () => win.clearTimeout(id), { once: true });
  }
}
