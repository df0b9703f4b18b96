/**
 * "Pause Triangulate" state, kept in storage.local under `pause` so the popup writes it and every
 * content script sees the change at once (storage.onChanged). Pure over a storage-like area, so
 * the content script, the popup and the tests share it.
 */
export const PAUSE_KEY = 'pause';

export interface PauseState {
  all: boolean;
  /** Hostnames, lower-case, without a leading "www.". */
  sites: string[];
}

export const NOT_PAUSED: PauseState = { all: false, sites: [] };

/** The subset of storage.local this module needs (browser.storage.local satisfies it). */
export interface PauseStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** "WWW.Example.com." → "example.com": the site a user means, whatever the tab's spelling. */
export function siteKey(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Anything stored under the key, validated: corrupt or foreign data means "not paused". */
export function parsePauseState(value: unknown): PauseState {
  if (typeof value !== 'object' || value === null) return NOT_PAUSED;
  const v = value as Record<string, unknown>;
  const sites = Array.isArray(v.sites) ? v.sites.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map(siteKey) : [];
  return { all: v.all === true, sites: [...new Set(sites)] };
}

/** A site pause also covers its subdomains: pausing example.com pauses news.example.com. */
export function isSitePaused(state: PauseState, hostname: string): boolean {
  const host = siteKey(hostname);
  return state.sites.some((site) => host === site || host.endsWith(`.${site}`));
}

export function isPaused(state: PauseState, hostname: string | null): boolean {
  return state.all || (hostname !== null && isSitePaused(state, hostname));
}

export function withSitePaused(state: PauseState, hostname: string, paused: boolean): PauseState {
  const site = siteKey(hostname);
  const others = state.sites.filter((s) => s !== site);
  return { all: state.all, sites: paused ? [...others, site] : others };
}

export async function readPause(area: PauseStorage): Promise<PauseState> {
  return parsePauseState((await area.get(PAUSE_KEY))[PAUSE_KEY]);
}

export async function setSitePaused(area: PauseStorage, hostname: string, paused: boolean): Promise<PauseState> {
  const next = withSitePaused(await readPause(area), hostname, paused);
  await area.set({ [PAUSE_KEY]: next });
  return next;
}

export async function setAllPaused(area: PauseStorage, paused: boolean): Promise<PauseState> {
  const next = { ...(await readPause(area)), all: paused };
  await area.set({ [PAUSE_KEY]: next });
  return next;
}

/** For storage.onChanged listeners: the new state when `pause` changed, else null. */
export function pauseChange(changes: Record<string, { newValue?: unknown }>): PauseState | null {
  const change = changes[PAUSE_KEY];
  return change ? parsePauseState(change.newValue) : null;
}
