/**
 * Reading and touching what lives in Triangulate's closed shadow root on a Chromium page, the way
 * DevTools does (the DOM domain with `pierce`): verdict marks, the focus anchor, a button's place.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface ShadowNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: ShadowNode[];
  shadowRoots?: ShadowNode[];
}

export const attrOf = (n: ShadowNode, name: string): string | undefined => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
};

const kids = (n: ShadowNode) => [...(n.shadowRoots ?? []), ...(n.children ?? [])];

/** Every element inside the `triangulate-ui` host, in tree order. */
export async function shadowElements(page: Page): Promise<{ cdp: CDPSession; nodes: ShadowNode[] }> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: ShadowNode };
  const nodes: ShadowNode[] = [];
  const walk = (n: ShadowNode, inside: boolean) => {
    const here = inside || n.localName === 'triangulate-ui';
    if (here && n.nodeType === 1) nodes.push(n);
    for (const k of kids(n)) walk(k, here);
  };
  walk(root, false);
  return { cdp, nodes };
}

/** The verdict marks drawn on the page: their verdict and shape classes, and whether shown. */
export async function verdictMarks(page: Page): Promise<{ verdict: string; shape: string; hidden: boolean }[]> {
  const { cdp, nodes } = await shadowElements(page);
  await cdp.detach();
  return nodes
    .filter((n) => /\bvmark\b/.test(attrOf(n, 'class') ?? '') && !(attrOf(n, 'class') ?? '').includes('legend'))
    .filter((n) => n.localName === 'span')
    .map((n) => {
      const cls = attrOf(n, 'class') ?? '';
      return { verdict: /\bv-([\w-]+)/.exec(cls)?.[1] ?? '', shape: /\bs-([\w-]+)/.exec(cls)?.[1] ?? '', hidden: attrOf(n, 'hidden') !== undefined };
    });
}

/** The focus anchor: its name for screen readers, and whether it is shown (it hides when it loses focus). */
export async function focusAnchor(page: Page): Promise<{ label: string | null; shown: boolean } | null> {
  const { cdp, nodes } = await shadowElements(page);
  await cdp.detach();
  const anchor = nodes.find((n) => n.localName === 'button' && attrOf(n, 'class') === 'anchor');
  return anchor ? { label: attrOf(anchor, 'aria-label') ?? null, shown: attrOf(anchor, 'hidden') === undefined } : null;
}

/** Centre of the element with `data-testid` inside the shadow root, in viewport pixels; null when absent. */
export async function shadowPoint(page: Page, testId: string): Promise<{ x: number; y: number } | null> {
  const { cdp, nodes } = await shadowElements(page);
  try {
    const node = nodes.find((n) => attrOf(n, 'data-testid') === testId);
    if (!node) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  } finally {
    await cdp.detach();
  }
}

/** A tap (touchstart, touchend) at a viewport point, with touch emulation on. */
export async function tap(page: Page, x: number, y: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}
