import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, displayChange, parseDisplaySettings, readDisplaySettings, setOffTopic } from '../../components/shared/display-settings';

function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
}

describe('display settings', () => {
  it('are quiet off-topic by default, and corrupt values mean the default', async () => {
    expect(await readDisplaySettings(memoryArea())).toEqual(DEFAULT_DISPLAY);
    expect(DEFAULT_DISPLAY.offTopic).toBe(false);
    for (const bad of [null, 'yes', 1, [], { offTopic: 'true' }]) expect(parseDisplaySettings(bad)).toEqual({ offTopic: false });
  });

  it('store the reader’s choice, and a storage change carries it to content scripts', async () => {
    const area = memoryArea();
    expect(await setOffTopic(area, true)).toEqual({ offTopic: true });
    expect(await readDisplaySettings(area)).toEqual({ offTopic: true });
    expect(displayChange({ display: { newValue: area.data.display } })).toEqual({ offTopic: true });
    expect(displayChange({ pause: { newValue: { all: true } } })).toBeNull();
  });
});
