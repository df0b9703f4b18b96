import { describe, expect, it } from 'vitest';
import { isPaused, parsePauseState, pauseChange, readPause, setAllPaused, setSitePaused, type PauseStorage } from '../../components/shared/pause';

function memoryStorage(initial: Record<string, unknown> = {}): PauseStorage & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    async get(key) {
      return key in data ? { [key]: data[key] } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('pause state', () => {
  it('reads corrupt or missing data as not paused', async () => {
    expect(await readPause(memoryStorage())).toEqual({ all: false, sites: [] });
    expect(parsePauseState({ all: 'yes', sites: [1, 'WWW.Example.com', ''] })).toEqual({ all: false, sites: ['example.com'] });
  });

  it('pauses a site with its subdomains, and only that site', async () => {
    const area = memoryStorage();
    await setSitePaused(area, 'www.example.com', true);
    expect(area.data.pause).toEqual({ all: false, sites: ['example.com'] });
    const state = await readPause(area);
    expect(isPaused(state, 'example.com')).toBe(true);
    expect(isPaused(state, 'news.example.com')).toBe(true);
    expect(isPaused(state, 'notexample.com')).toBe(false);
    expect(isPaused(state, null)).toBe(false);
    await setSitePaused(area, 'EXAMPLE.com', false);
    expect(isPaused(await readPause(area), 'example.com')).toBe(false);
  });

  it('pauses everywhere without forgetting the sites', async () => {
    const area = memoryStorage({ pause: { all: false, sites: ['a.org'] } });
    await setAllPaused(area, true);
    expect(area.data.pause).toEqual({ all: true, sites: ['a.org'] });
    expect(isPaused(await readPause(area), 'b.org')).toBe(true);
    await setAllPaused(area, false);
    expect(await readPause(area)).toEqual({ all: false, sites: ['a.org'] });
  });

  it('tells storage listeners about pause changes only', () => {
    expect(pauseChange({ other: { newValue: 1 } })).toBeNull();
    expect(pauseChange({ pause: { newValue: { all: true, sites: [] } } })).toEqual({ all: true, sites: [] });
    expect(pauseChange({ pause: {} })).toEqual({ all: false, sites: [] });
  });
});
