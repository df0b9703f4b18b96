import { describe, expect, it } from 'vitest';
import { createTabQueue } from '../../lib/background/tab-queue';
import { runStepsWith, type Pacing, type Steps } from '../../lib/steps';

const never = (signal: AbortSignal) => new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

describe('per-tab analysis queue', () => {
  it('cancels a tab’s analysis when a newer request for the tab arrives', async () => {
    const q = createTabQueue();
    const first = q.run(1, 'old text', 'https://a.test/', never);
    const second = q.run(1, 'new text', 'https://a.test/', async () => 'new');
    await expect(first).rejects.toThrow(/Analysis cancelled: a newer request/);
    await expect(second).resolves.toBe('new');
  });

  it('lets the same request join the one in flight (content script, then side panel)', async () => {
    const q = createTabQueue();
    let runs = 0;
    const task = async () => (runs++, 'done');
    const [a, b] = await Promise.all([q.run(1, 'same', null, task), q.run(1, 'same', null, task)]);
    expect([a, b, runs]).toEqual(['done', 'done', 1]);
  });

  it('cancels when the tab closes, and when it navigates to another address (not to an anchor)', async () => {
    const q = createTabQueue();
    const closed = q.run(1, 'x', 'https://a.test/page', never);
    q.closed(1);
    await expect(closed).rejects.toThrow(/the tab was closed/);

    let anchorDone = false;
    const anchor = q.run(2, 'y', 'https://a.test/page', async (signal) => {
      await new Promise((r) => setTimeout(r, 20));
      anchorDone = !signal.aborted;
      return 'kept';
    });
    q.navigated(2, 'https://a.test/page#section');
    await expect(anchor).resolves.toBe('kept');
    expect(anchorDone).toBe(true);

    const moved = q.run(3, 'z', 'https://a.test/page', never);
    q.navigated(3, 'https://a.test/other');
    await expect(moved).rejects.toThrow(/navigated away/);
    expect(q.size).toBe(0);
  });

  it('never starts an analysis cancelled before its turn', async () => {
    const q = createTabQueue();
    const order: string[] = [];
    const waiting = q.run(2, 'b', null, async () => void order.push('tab 2 (cancelled) ran'));
    const latest = q.run(2, 'c', null, async () => void order.push('tab 2'));
    await Promise.allSettled([waiting, latest]);
    expect(order).toEqual(['tab 2']);
  });

  describe('in time slices', () => {
    // A fake clock: every step of work costs 10 ms, so a 40 ms slice is four steps.
    let clock = 0;
    const budget = { sliceMs: 40, workMs: 1e9, wallMs: 1e9 };
    const log: string[] = [];
    function* work(tab: string, steps: number, at?: { step: number; then: () => void }): Steps<string> {
      for (let i = 0; i < steps; i++) {
        clock += 10;
        log.push(tab);
        if (at && i === at.step) at.then();
        yield i;
      }
      return `${tab} done`;
    }
    const paced = (steps: Steps<string>) => (_signal: AbortSignal, pacing: Pacing) => runStepsWith(steps, pacing, false).then((o) => o.value);

    it('lets a tab that asks during another’s long analysis start within one slice, and finish before the long one goes on', async () => {
      clock = 0;
      log.length = 0;
      const q = createTabQueue({ budget, now: () => clock });
      let asked = -1;
      let small: Promise<string> | undefined;
      const big = q.run(1, 'big', null, paced(work('A', 200, { step: 10, then: () => {
        asked = log.length;
        // An ordinary page: 80 ms of work, under the 100 ms that makes an analysis a long one.
        small = q.run(2, 'small', null, paced(work('B', 8)));
      } })));
      expect(await big).toBe('A done');
      expect(await small).toBe('B done');
      const firstB = log.indexOf('B');
      // At most the rest of the running slice (four steps) between the request and tab 2's first step.
      expect(firstB - asked).toBeLessThanOrEqual(4);
      // Then tab 2 has the thread until it is done: the newcomer goes before the long analysis.
      expect(log.slice(firstB, log.lastIndexOf('B') + 1).join('')).toBe('BBBBBBBB');
    });

    it('lets two long analyses share the thread slice by slice', async () => {
      clock = 0;
      log.length = 0;
      const q = createTabQueue({ budget, now: () => clock });
      let second: Promise<string> | undefined;
      const first = q.run(1, 'a', null, paced(work('A', 200, { step: 30, then: () => void (second = q.run(2, 'b', null, paced(work('B', 200)))) })));
      expect(await first).toBe('A done');
      expect(await second).toBe('B done');
      // Once both are long ones (after tab 2's first 100 ms), neither runs more than a slice (four steps) at a time.
      const from = log.indexOf('B') + 12;
      const runs = log.slice(from, Math.min(log.lastIndexOf('A'), log.lastIndexOf('B')) + 1).join('').match(/A+|B+/g)!;
      expect(runs.length).toBeGreaterThan(20);
      expect(runs.slice(1).every((r) => r.length <= 4)).toBe(true);
    });

    it('stops a running analysis at its next step when its tab closes', async () => {
      clock = 0;
      log.length = 0;
      const q = createTabQueue({ budget, now: () => clock });
      const big = q.run(1, 'big', null, paced(work('A', 10_000, { step: 20, then: () => q.closed(1) })));
      await expect(big).rejects.toThrow(/the tab was closed/);
      expect(log.length).toBe(21);
    });
  });
});
