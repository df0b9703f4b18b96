/**
 * Reading what a user sees. The popover lives in a closed shadow root that page scripts cannot
 * reach (that is the point), so tests read it the way DevTools does: Chromium's DOM domain with
 * `pierce`, and WebDriver BiDi serialisation with `includeShadowTree: "all"` in Firefox.
 */
import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.localName === 'style') return '';
  const parts = [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf);
  return parts.join(node.localName && /^(p|li|h2|h3|div|header|footer|section|summary|q)$/.test(node.localName) ? ' ' : '');
}

function find(node: CdpNode, name: string): CdpNode | null {
  if (node.localName === name) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = find(child, name);
    if (hit) return hit;
  }
  return null;
}

/** Text inside Triangulate's closed shadow root on a Chromium page ('' when there is none). */
export async function chromiumPopoverText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = find(root, 'triangulate-ui');
    return host ? textOf(host).replace(/\s+/g, ' ').trim() : '';
  } finally {
    await cdp.detach();
  }
}

/** A computed style property of the popover card (inside the closed shadow root) on a Chromium page. */
export async function chromiumPopoverStyle(page: Page, property: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode & { attributes?: string[] } };
    const findCard = (node: CdpNode & { attributes?: string[] }): (CdpNode & { attributes?: string[] }) | null => {
      const attrs = node.attributes ?? [];
      const cls = attrs[attrs.indexOf('class') + 1] ?? '';
      if (node.localName === 'div' && attrs.includes('class') && /\bcard\b/.test(cls)) return node;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        const hit = findCard(child);
        if (hit) return hit;
      }
      return null;
    };
    const host = find(root, 'triangulate-ui');
    const card = host ? findCard(host) : null;
    if (!card) return null;
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: card.nodeId })) as { computedStyle: { name: string; value: string }[] };
    return computedStyle.find((p) => p.name === property)?.value ?? null;
  } finally {
    await cdp.detach();
  }
}

/** The texts painted with each Triangulate highlight (CSS Custom Highlight API registry). */
export const HIGHLIGHT_TEXTS = `(() => {
  const out = {};
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('triangulate-')) continue;
    out[name.slice(12)] = [...h].map((r) => r.toString());
  }
  return out;
})()`;

/** Centre of the first occurrence of `text` in the page's visible text nodes. */
export const pointOfText = (text: string) => `(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.data.indexOf(${JSON.stringify(text)});
    if (i < 0) continue;
    const r = document.createRange();
    r.setStart(n, i);
    r.setEnd(n, i + ${text.length});
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const b = r.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }
  return null;
})()`;

interface BidiNode {
  type: string;
  value?: { nodeType: number; localName?: string; nodeValue?: string; children?: BidiNode[]; shadowRoot?: BidiNode | null };
}

function bidiText(node: BidiNode | null | undefined): string {
  const v = node?.value;
  if (!v) return '';
  if (v.nodeType === 3) return v.nodeValue ?? '';
  if (v.localName === 'style') return '';
  const inner = [bidiText(v.shadowRoot), ...(v.children ?? []).map(bidiText)];
  return inner.join(v.localName && /^(p|li|h2|h3|div|header|footer|section|summary|q)$/.test(v.localName) ? ' ' : '');
}

/** Text inside Triangulate's closed shadow root on a Firefox page, via WebDriver BiDi. */
export async function firefoxPopoverText(browser: unknown, page: unknown): Promise<string> {
  const connection = (browser as { connection: { send(method: string, params: unknown): Promise<{ result: { result: BidiNode } }> } }).connection;
  const context = (page as { mainFrame(): { _id: string } }).mainFrame()._id;
  const reply = await connection.send('script.evaluate', {
    expression: 'document.querySelector("triangulate-ui")',
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
  });
  return bidiText(reply.result.result).replace(/\s+/g, ' ').trim();
}

interface BidiElement {
  sharedId?: string;
  value?: { attributes?: Record<string, string>; children?: BidiElement[]; shadowRoot?: BidiElement | null };
}

function findByTestId(node: BidiElement | null | undefined, testId: string): BidiElement | null {
  const v = node?.value;
  if (!v) return null;
  if (v.attributes?.['data-testid'] === testId) return node!;
  for (const child of [v.shadowRoot, ...(v.children ?? [])]) {
    const found = findByTestId(child, testId);
    if (found) return found;
  }
  return null;
}

/**
 * Clicks an element of Triangulate's closed shadow root on a Firefox page as a user would: a
 * WebDriver BiDi pointer action aimed at the element (found by its test id), so the page gets
 * real, trusted input.
 */
export async function firefoxClickInPopover(browser: unknown, page: unknown, testId: string): Promise<void> {
  const connection = (browser as { connection: { send(method: string, params: unknown): Promise<{ result: { result: BidiElement } }> } }).connection;
  const context = (page as { mainFrame(): { _id: string } }).mainFrame()._id;
  const reply = await connection.send('script.evaluate', {
    expression: 'document.querySelector("triangulate-ui")',
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
  });
  const target = findByTestId(reply.result.result, testId);
  if (!target?.sharedId) throw new Error(`no [data-testid="${testId}"] in the popover`);
  const origin = { type: 'element', element: { sharedId: target.sharedId } };
  await connection.send('input.performActions', {
    context,
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: 0, y: 0, origin }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }],
  });
}

/**
 * Evaluates `expression` in Firefox's browser window (chrome scope, which launchFirefox's
 * --remote-allow-system-access opens): where the sidebar and the toolbar popup live.
 */
export async function firefoxChrome(browser: unknown): Promise<(expression: string) => Promise<unknown>> {
  const connection = (browser as { connection: { send(method: string, params: unknown): Promise<{ result: Record<string, unknown> }> } }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const chrome = tree.contexts[0]!.context;
  return async (expression) => {
    const reply = (await connection.send('script.evaluate', { expression, target: { context: chrome }, awaitPromise: true })).result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
    if (reply.type === 'exception') throw new Error(`chrome script failed: ${reply.exceptionDetails?.text ?? ''}`);
    return reply.result?.value;
  };
}

/** The document in Triangulate's sidebar (its address and title), or empty strings while it is closed. */
export async function firefoxSidebar(chrome: (expression: string) => Promise<unknown>): Promise<{ url: string; title: string }> {
  return JSON.parse(String(await chrome(`(() => {
    const b = document.getElementById('sidebar')?.contentDocument?.getElementById('webext-panels-browser');
    return JSON.stringify({ url: b?.currentURI?.spec ?? '', title: b?.contentTitle ?? '' });
  })()`))) as { url: string; title: string };
}

/** The open toolbar popup's address ('' when none is open). */
export const FIREFOX_TOOLBAR_POPUP = `(() => {
  const panel = [...document.querySelectorAll('panel')].find((p) => p.state === 'open' && p.querySelector('browser'));
  return panel?.querySelector('browser')?.currentURI?.spec ?? '';
})()`;

/**
 * Presses Enter in the open toolbar popup as the keyboard would. Firefox gives the popup focus when
 * it opens; a headless window has no OS focus, so the popup's <browser> is focused first, then
 * the key goes through Firefox's own input path (nsITextInputProcessor), trusted like a real key.
 */
export const FIREFOX_ENTER_IN_POPUP = `(() => {
  const panel = [...document.querySelectorAll('panel')].find((p) => p.state === 'open' && p.querySelector('browser'));
  panel.querySelector('browser').focus();
  const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
  if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
  const enter = new KeyboardEvent('', { key: 'Enter', code: 'Enter', keyCode: 13 });
  tip.keydown(enter);
  tip.keyup(enter);
  return true;
})()`;
