/**
 * Chromium with the built extension, started by us (not by Playwright) on a profile folder we
 * keep, so a test can kill it like a crash (SIGKILL to its process group: no shutdown, no flush)
 * and start it again on the same profile. Playwright drives it over the DevTools protocol.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Worker } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM } from './browsers';

export interface KillableChromium {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Kills the browser and every process it started, at once, as a crash or a power cut would. */
  kill(): Promise<void>;
  /** Closes the browser normally (it writes its state out first). */
  close(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts Chromium on `profile` with the extension built at `extension` (the same path keeps the same extension id). */
export async function startChromium(profile: string, extension = CHROME_BUILD): Promise<KillableChromium> {
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`no Chromium build at ${extension}: run npm run build:ext`);
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--window-size=1000,1400',
      'about:blank',
    ],
    // Its own process group, so the kill reaches the renderers and the utility processes too.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address: ${seen.slice(-500)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened: ${seen.slice(-500)}`)));
  });
  // Keep reading its log, or a full pipe would block the browser.
  child.stderr!.resume();
  const browser: Browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const extensionWorker = () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const worker = extensionWorker() ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    await exited(child);
    await browser.close().catch(() => undefined);
  };
  return {
    context,
    extensionId,
    worker,
    kill,
    async close() {
      await browser.close().catch(() => undefined);
      // Closing a browser Playwright connected to leaves it running: ask it to quit, then make sure.
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      const done = await Promise.race([exited(child).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      if (!done) await kill();
    },
  };
}
