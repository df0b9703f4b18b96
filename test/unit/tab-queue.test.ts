import { describe, expect, it } from 'vitest';
import { createTabQueue } from '../../lib/background/tab-queue';

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

  it('runs analyses one after another, and never starts one cancelled while it waited', async () => {
    const q = createTabQueue();
    const order: string[] = [];
    const slow = q.run(1, 'a', null, async () => {
      order.push('tab 1 start');
      await new Promise((r) => setTimeout(r, 30));
      order.push('tab 1 end');
    });
    const waiting = q.run(2, 'b', null, async () => void order.push('tab 2 (cancelled) ran'));
    const latest = q.run(2, 'c', null, async () => void order.push('tab 2'));
    await Promise.allSettled([slow, waiting, latest]);
    expect(order).toEqual(['tab 1 start', 'tab 1 end', 'tab 2']);
  });
});
