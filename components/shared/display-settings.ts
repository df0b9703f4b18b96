/**
 * The reader's display choices, kept in storage.local under `display` so the popup writes them
 * and every content script sees the change at once (storage.onChanged), like the pause setting.
 */
import type { PauseStorage } from './pause';

export const DISPLAY_KEY = 'display';

export interface DisplaySettings {
  /** Highlight pages that name no exercise, and entities far from exercise content. Off by default. */
  offTopic: boolean;
}

export const DEFAULT_DISPLAY: DisplaySettings = { offTopic: false };

/** Anything stored under the key, validated: corrupt or foreign data means the defaults. */
export function parseDisplaySettings(value: unknown): DisplaySettings {
  if (typeof value !== 'object' || value === null) return DEFAULT_DISPLAY;
  return { offTopic: (value as Record<string, unknown>).offTopic === true };
}

export async function readDisplaySettings(area: PauseStorage): Promise<DisplaySettings> {
  return parseDisplaySettings((await area.get(DISPLAY_KEY))[DISPLAY_KEY]);
}

export async function setOffTopic(area: PauseStorage, on: boolean): Promise<DisplaySettings> {
  const next = { ...(await readDisplaySettings(area)), offTopic: on };
  await area.set({ [DISPLAY_KEY]: next });
  return next;
}

/** For storage.onChanged listeners: the new settings when `display` changed, else null. */
export function displayChange(changes: Record<string, { newValue?: unknown }>): DisplaySettings | null {
  const change = changes[DISPLAY_KEY];
  return change ? parseDisplaySettings(change.newValue) : null;
}
