/**
 * After the browser stops the idle service worker, the next page wakes it. compromise is evaluated
 * only when a page needs its tagger (lib/detect/tagger.ts): a wake on the seed page does not ask it,
 * and a page with people named like countries is still read right on a cold wake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersAvailable, launchChromium, type ChromiumSession } from './browsers';
import { HIGHLIGHT_TEXTS } from './inspect';
import { AMBIGUOUS_NAMES_ARTICLE, articleHtml, seedPageHtml, serve, type LocalServer } from './pages';
import { waitForChromiumState } from './page-state';
import { chromiumKbStatus, stopServiceWorkers } from './worker';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

describe.skipIf(!available)('service-worker wake in Chromium', () => {
  let server: LocalServer;
  let session: ChromiumSession;

  /** Loads a page, with the service worker stopped first when `cold`, and returns the texts of its entity highlights. */
  async function highlightedEntities(path: string, cold = false): Promise<string[]> {
    const page = await session.context.newPage();
    try {
      if (cold) await stopServiceWorkers(page);
      await page.goto(`${server.origin}${path}`);
      await waitForChromiumState(page);
      return ((await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>).entity ?? [];
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    server = await serve({ '/seed-000.html': seedPageHtml('000'), '/ambiguous.html': articleHtml(AMBIGUOUS_NAMES_ARTICLE) });
    session = await launchChromium();
    // The first load after install seeds the knowledge base; the wakes below only open it.
    await highlightedEntities('/seed-000.html');
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** The worker's account of its last start: a new one after each cold wake. */
  const lastWake = async () => JSON.stringify((await chromiumKbStatus(session))?.wake);

  it('a cold wake on a page without an ambiguous name never asks compromise', async () => {
    const before = await lastWake();
    expect(await highlightedEntities('/seed-000.html', true)).toContain('Cyber Coalition');
    const status = await chromiumKbStatus(session);
    expect(JSON.stringify(status?.wake), 'the worker was started again').not.toBe(before);
    expect(status?.taggerFirstUse).toBeNull();
  });

  it('a cold wake on a page with people named like countries asks it and tells them apart', async () => {
    const before = await lastWake();
    const painted = await highlightedEntities('/ambiguous.html', true);
    expect(await lastWake(), 'the worker was started again').not.toBe(before);
    // "Chad Bennett" and "Jordan Keller" are people; the countries are named once each.
    expect(painted.filter((t) => t === 'Chad')).toHaveLength(1);
    expect(painted.filter((t) => t === 'Jordan')).toHaveLength(1);
    expect(painted).toEqual(expect.arrayContaining(['Cyber Coalition', 'Estonia']));
    expect((await chromiumKbStatus(session))?.taggerFirstUse).toEqual(expect.any(Number));
  });
});
