/**
 * Time slices for the service worker's analyses. An analysis runs in steps (lib/steps.ts); after
 * each step its pacing checks the clock, and once the slice's budget is spent it waits for the
 * next task, so the worker can take a message from another tab, hear that a tab closed, and give
 * the other analyses their slice before this one goes on. Analyses of several tabs thus take
 * turns, and a tab that asks waits for at most the slice already running.
 *
 * Each analysis also has a time budget: when its own work (or the time since it started) passes
 * it, the claims are no longer read further, and the page is answered with what was found, the
 * annotation saying where the claims stop.
 */
import type { Pacing } from '../steps';

export interface SliceBudget {
  /** Work between two yields to the event loop. */
  sliceMs: number;
  /** Work one analysis may do before its claims stop where they are. */
  workMs: number;
  /** Time since the analysis started (its turns included) after which its claims stop. */
  wallMs: number;
}

/**
 * 40 ms slices stay under the 50 ms of a long task. A page's claims stop after 2 s of its own
 * work, or 2.5 s after it started, so that with the KB reads and the comparison after them it is
 * answered within 3 s (issue 19, item 3).
 */
export const PAGE_BUDGET: SliceBudget = { sliceMs: 40, workMs: 2000, wallMs: 2500 };

/**
 * The next macrotask. In a browser a message channel rather than `setTimeout(0)`: nested timers
 * are clamped to 4 ms, which a hundred slices would turn into idle time. In Node (tests, the
 * benchmark) `setImmediate`, after which timers and I/O get their turn.
 */
export function nextTask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SlicedPacing extends Pacing {
  /** Milliseconds of work done so far (time spent waiting for a turn not counted). */
  worked(): number;
  /** Slices given away so far. */
  readonly pauses: number;
}

/**
 * Who gets the thread between slices. A newcomer (an analysis with less than `youngMs` of work
 * done: any ordinary page, all of it) goes before analyses that have worked longer: those wait
 * at their pause while a newcomer is under way, even while it only waits for the KB, whose every
 * read would otherwise cost it a slice of theirs. Long analyses share the thread among
 * themselves slice by slice, and each newcomer becomes one after `youngMs`, so none starves.
 */
export function createSliceScheduler(youngMs = 100) {
  const young = new Set<object>();
  let waiters: (() => void)[] = [];
  const release = () => {
    if (young.size > 0) return;
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  return {
    youngMs,
    /** An analysis starts: it is a newcomer until it has worked `youngMs`. */
    started(job: object): void {
      young.add(job);
    },
    /** It has worked long enough, or it ended: later analyses go first now. */
    grownOrDone(job: object): void {
      if (young.delete(job)) release();
    },
    /** Resolves once no newcomer is under way. */
    newcomersDone(): Promise<void> {
      return young.size === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}

export type SliceScheduler = ReturnType<typeof createSliceScheduler>;

/**
 * Pacing for one analysis: yields when a slice is spent (behind any newcomer once it has worked
 * `scheduler.youngMs`), rejects with the signal's reason once it is aborted (at the next step, or
 * when its turn comes), and runs out of time per `budget`. Call `done()` when the analysis ends.
 */
export function slicedPacing(
  signal: AbortSignal,
  budget: SliceBudget = PAGE_BUDGET,
  now: () => number = () => performance.now(),
  scheduler: SliceScheduler = createSliceScheduler(),
): SlicedPacing & { done(): void } {
  const job = {};
  scheduler.started(job);
  const started = now();
  let sliceStart = started;
  let worked = 0;
  let pauses = 0;
  return {
    pause() {
      if (signal.aborted) return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
      const t = now();
      if (t - sliceStart < budget.sliceMs) return null;
      worked += t - sliceStart;
      pauses++;
      const old = worked >= scheduler.youngMs;
      if (old) scheduler.grownOrDone(job);
      return nextTask()
        .then(() => (old ? scheduler.newcomersDone() : undefined))
        .then(() => {
          signal.throwIfAborted();
          sliceStart = now();
        });
    },
    outOfTime() {
      const t = now();
      return worked + (t - sliceStart) >= budget.workMs || t - started >= budget.wallMs;
    },
    worked: () => worked + (now() - sliceStart),
    get pauses() {
      return pauses;
    },
    done: () => scheduler.grownOrDone(job),
  };
}

/**
 * Pacing for work that must run to the end but should not hold the thread (the detector's build
 * at a wake): it gives the thread away once `sliceMs` of work has passed, and tells the longest
 * stretch it held it, its last included.
 */
export function holdingPacing(sliceMs: number = PAGE_BUDGET.sliceMs, now: () => number = () => performance.now()): Pacing & { longestHold(): number } {
  let start = now();
  let longest = 0;
  return {
    pause() {
      const t = now();
      if (t - start < sliceMs) return null;
      longest = Math.max(longest, t - start);
      return nextTask().then(() => {
        start = now();
      });
    },
    outOfTime: () => false,
    longestHold: () => Math.max(longest, now() - start),
  };
}
