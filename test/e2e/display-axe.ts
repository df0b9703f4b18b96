/**
 * axe-core in real pages: injected through DevTools' evaluate (extension pages forbid script tags),
 * and run for the serious and critical violations. The popover lives in a closed shadow root that
 * axe cannot enter, so it is checked as rendered: its markup read through DevTools, set in an open
 * shadow root with its own stylesheet on a blank page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from './pages';
import { attrOf, shadowElements } from './display-inspect';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const POPOVER_CSS = readFileSync(join(ROOT, 'assets/styles/popover.css'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations on the page as it is now (WCAG 2.x A and AA rules, plus best practice). */
export function seriousViolations(page: Page): Promise<AxeFinding[]> {
  return seriousViolationsVia((expression) => page.evaluate(expression));
}

/** The same through any browser's evaluate (Firefox pages are driven by puppeteer over WebDriver BiDi). */
export async function seriousViolationsVia(evaluate: (expression: string) => Promise<unknown>): Promise<AxeFinding[]> {
  await evaluate(AXE);
  const found = (await evaluate('axe.run(document, { resultTypes: [\'violations\'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) })))')) as AxeFinding[];
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The open card's markup (with `dark` when the card is dark), read through DevTools' pierce. */
export async function popoverMarkup(page: Page): Promise<{ html: string; dark: boolean } | null> {
  const { cdp, nodes } = await shadowElements(page);
  try {
    const card = nodes.find((n) => n.localName === 'div' && /\bcard\b/.test(attrOf(n, 'class') ?? ''));
    if (!card) return null;
    const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { backendNodeId: card.backendNodeId })) as { outerHTML: string };
    return { html: outerHTML, dark: /\bdark\b/.test(attrOf(card, 'class') ?? '') };
  } finally {
    await cdp.detach();
  }
}

/** Runs axe on a copy of the popover, set in an open shadow root with its stylesheet on a blank page. */
export async function popoverViolations(context: BrowserContext, markup: { html: string; dark: boolean }): Promise<AxeFinding[]> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.setContent(`<!doctype html><html lang="en"><head><title>Popover copy</title></head><body style="margin:0;background:${markup.dark ? '#121417' : '#ffffff'}"><main><triangulate-ui></triangulate-ui></main></body></html>`);
    await page.evaluate(
      ({ html, css }) => {
        const root = document.querySelector('triangulate-ui')!.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = css;
        const holder = document.createElement('div');
        // The markup was rendered by our own Preact code from a test fixture; it is parsed here only to be audited.
        holder.innerHTML = html;
        root.append(style, holder);
        const card = holder.firstElementChild as HTMLElement;
        card.style.left = '10px';
        card.style.top = '10px';
        card.style.maxHeight = 'none';
        for (const d of root.querySelectorAll('details')) d.open = true;
      },
      { html: markup.html, css: POPOVER_CSS },
    );
    return await seriousViolations(page);
  } finally {
    await page.close();
  }
}
