/** Launches the built extension in Debian's Chromium (playwright-core) and Firefox ESR (puppeteer-core). */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ROOT } from './pages';

export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/** `build` loads another unpacked build (a benchmark's baseline); the default is this tree's. */
export async function launchChromium(opts: { headless?: boolean; build?: string } = {}): Promise<ChromiumSession> {
  const build = opts.build ?? CHROME_BUILD;
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`no Chromium build at ${build}: run npm run build:ext`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'triangulate-chromium-')), {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, close: () => context.close() };
}

export const FIREFOX_ADDON_ID = 'triangulate@example.org';
export const FIREFOX_ADDON_UUID = '5d1f2f3e-7c1a-4b7e-9a55-2e7d3c9b0a11';
export const FIREFOX_BASE = `moz-extension://${FIREFOX_ADDON_UUID}`;

/** Firefox ESR with the built extension (unless `extension: false`), its moz-extension:// UUID fixed so its pages have a known address. */
export async function launchFirefox(opts: { prefs?: Record<string, unknown>; extension?: boolean } = {}): Promise<Browser> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`no Firefox build at ${FIREFOX_BUILD}: run npm run build:ext`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // WebDriver BiDi refuses to navigate a tab to moz-extension:// pages unless system access is allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID }),
      ...opts.prefs,
    },
  });
  if (opts.extension !== false) await browser.installExtension(FIREFOX_BUILD);
  return browser;
}

export function browsersAvailable(): { chromium: boolean; firefox: boolean } {
  return { chromium: existsSync(CHROMIUM), firefox: existsSync(FIREFOX) };
}
