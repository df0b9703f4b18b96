/**
 * Work that can pause. The engine's long loops are generators: each `yield` is a point where the
 * caller may give the thread away (the service worker, so other tabs get their turn) or ask the
 * work to stop early (a page whose analysis ran out of time). The value yielded says how far the
 * work got, in characters of the text; the value sent back is `true` to stop there.
 *
 * Imports, the CLI and the scorers run the same generators straight through (`runSteps`), so
 * every entry still goes through one analysis with the same results.
 */
export type Steps<T> = Generator<number, T, boolean | undefined>;

/** Runs `steps` to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next(false);
    if (step.done) return step.value;
  }
}

/** How a caller paces work: the service worker gives the thread away between slices and stops a page's claims when its time is up. */
export interface Pacing {
  /** A promise to wait for before going on (it rejects to cancel the work), or null to go on now. */
  pause(): Promise<void> | null;
  /** Whether work that can stop early should stop where it is. */
  outOfTime(): boolean;
}

/** How far work driven by `runStepsWith` got: where it stopped early, if it did. */
export interface StepsOutcome<T> {
  value: T;
  /** Characters of the text the work had reached when it was told to stop; absent when it ran to the end. */
  stoppedAt?: number;
}

/**
 * Runs `steps`, pausing when `pacing` says so; when `stoppable`, tells the work to stop at the
 * first step after `pacing.outOfTime()` turns true.
 */
export async function runStepsWith<T>(steps: Steps<T>, pacing: Pacing, stoppable: boolean): Promise<StepsOutcome<T>> {
  let stoppedAt: number | undefined;
  for (;;) {
    const step = steps.next(stoppedAt !== undefined);
    if (step.done) return stoppedAt === undefined ? { value: step.value } : { value: step.value, stoppedAt };
    if (stoppedAt !== undefined) continue;
    if (stoppable && pacing.outOfTime()) {
      stoppedAt = step.value;
      continue;
    }
    const wait = pacing.pause();
    if (wait) await wait;
  }
}
