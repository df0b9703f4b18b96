import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isPaused, pauseChange, readPause, setAllPaused, setSitePaused, type PauseState } from '../../components/shared/pause';

// The popup writes the pause state and every content script hears it through storage.onChanged:
// this drives that round trip through WXT's in-memory browser.
describe('pause state through browser.storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reaches listeners when the popup pauses a site, then everything', async () => {
    const heard: PauseState[] = [];
    fakeBrowser.storage.onChanged.addListener((changes, area) => {
      const state = area === 'local' ? pauseChange(changes) : null;
      if (state) heard.push(state);
    });
    expect(isPaused(await readPause(fakeBrowser.storage.local), 'news.example.com')).toBe(false);
    await setSitePaused(fakeBrowser.storage.local, 'www.example.com', true);
    await setAllPaused(fakeBrowser.storage.local, true);
    await setAllPaused(fakeBrowser.storage.local, false);
    await setSitePaused(fakeBrowser.storage.local, 'example.com', false);
    expect(heard.map((s) => [isPaused(s, 'news.example.com'), isPaused(s, 'other.org')])).toEqual([
      [true, false],
      [true, true],
      [true, false],
      [false, false],
    ]);
  });

  it('treats corrupt stored data as not paused', async () => {
    await fakeBrowser.storage.local.set({ pause: { all: 'yes', sites: [42, null] } });
    expect(await readPause(fakeBrowser.storage.local)).toEqual({ all: false, sites: [] });
  });
});
