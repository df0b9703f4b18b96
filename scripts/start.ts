/**
 * `npm start`: serves the seed articles on localhost and opens Chromium with the built extension
 * on seed 000. Without a display (CI, SSH) it runs the same page headless, prints what the
 * extension found and what the "Cyber Coalition" popover says, and saves a screenshot.
 */
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browsers';
import { chromiumPopoverText, HIGHLIGHT_TEXTS, pointOfText } from '../test/e2e/inspect';
import { chromiumPageState, waitForChromiumState } from '../test/e2e/page-state';
import { ROOT, serve, seedPageHtml } from '../test/e2e/pages';

const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
const server = await serve({ '/': seedPageHtml('000'), '/seed-000.html': seedPageHtml('000'), '/seed-002.html': seedPageHtml('002') });
const url = `${server.origin}/seed-000.html`;
console.log(`Seed article served at ${url} (seed 002 at ${server.origin}/seed-002.html)`);
const session = await launchChromium({ headless });
const page = session.context.pages()[0] ?? (await session.context.newPage());
await page.goto(url);
await waitForChromiumState(page);

if (!headless) {
  console.log('Chromium is open with Triangulate loaded: hover a highlighted name, or press Alt+Shift+N. Close the window to stop.');
  await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
  await server.close();
  process.exit(0);
}

const painted = (await page.evaluate(HIGHLIGHT_TEXTS)) as Record<string, string[]>;
console.log(`\nTriangulate highlighted ${(await chromiumPageState(page))?.painted ?? 0} mentions:`);
console.log(`  ${[...new Set(painted.entity ?? [])].join(', ')}`);
const at = (await page.evaluate(pointOfText('Cyber Coalition'))) as { x: number; y: number };
await page.mouse.move(at.x, at.y);
await page.waitForTimeout(600);
console.log(`\nHovering "Cyber Coalition" shows:\n  ${(await chromiumPopoverText(page)).slice(0, 600)}…`);
const shot = join(ROOT, '.output', 'start-screenshot.png');
await page.screenshot({ path: shot });
console.log(`\nScreenshot saved to ${shot}`);
await session.close();
await server.close();
