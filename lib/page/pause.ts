/** Pause settings, stored in browser.storage.local under `pause`, read by the content script and the popup. */
export interface PauseState {
  all: boolean;
  sites: string[];
}

export const PAUSE_KEY = 'pause';

export function parsePause(v: unknown): PauseState {
  const o = v as Partial<PauseState> | null | undefined;
  return {
    all: o?.all === true,
    sites: Array.isArray(o?.sites) ? o.sites.filter((s): s is string => typeof s === 'string') : [],
  };
}

export function isPaused(state: PauseState, hostname: string): boolean {
  return state.all || state.sites.includes(hostname);
}
