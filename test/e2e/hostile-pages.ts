/**
 * The hand-made hostile pages (test/fixtures/hostile) and what the robustness suites read from
 * each: a digest of the page's own DOM (ours left out), whether a page payload ran, the first
 * highlight's position. Shared by robustness.e2e.ts (Chromium) and robustness-firefox.e2e.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serve, type LocalServer } from './pages';

export const HOSTILE_DIR = join(ROOT, 'test/fixtures/hostile');
/** Pages a test opens (frames-child.html is only a frame of frames.html). */
export const HOSTILE_PAGES = readdirSync(HOSTILE_DIR).filter((f) => f.endsWith('.html') && f !== 'frames-child.html').sort();

export const SHARED_PAGES = process.env.TRIANGULATE_PAGES ?? join(ROOT, '../shared/pages');
export const sharedPagesPresent = () => existsSync(join(SHARED_PAGES, 'ground-truth.json')) && existsSync(join(SHARED_PAGES, 'html'));

export function serveHostilePages(): Promise<LocalServer> {
  const routes: Record<string, string> = {};
  for (const f of readdirSync(HOSTILE_DIR).filter((n) => n.endsWith('.html'))) routes[`/${f}`] = readFileSync(join(HOSTILE_DIR, f), 'utf8');
  return serve(routes);
}

/** Pages whose own script keeps changing the page for a while: wait for this before reading it. */
export const SETTLED: Record<string, string> = {
  'mutation-flood.html': 'document.getElementById(\'ticker\')?.textContent === \'Live: the exercise day is over.\'',
};

/**
 * Evaluated in a page: its DOM as elements with attributes (and form values), text, open shadow
 * roots and same-origin frames, our `triangulate-ui` host left out; hashed (FNV-1a) with a count.
 * Iterative, since a hostile page nests thousands of levels deep. It uses only what a page cannot
 * have replaced in the context it runs in (test code runs in the page's world, so a page that
 * overrides DOM methods would lie to it: the digest reads properties through saved descriptors).
 */
export const DOM_DIGEST = `(() => {
  const get = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  const childNodes = get(Node.prototype, 'childNodes');
  const nodeType = get(Node.prototype, 'nodeType');
  const localName = get(Element.prototype, 'localName');
  const attributes = get(Element.prototype, 'attributes');
  const shadowRoot = get(Element.prototype, 'shadowRoot');
  const data = get(CharacterData.prototype, 'data');
  let hash = 0x811c9dc5;
  let count = 0;
  const add = (s) => {
    count++;
    for (let i = 0; i < s.length; i++) {
      hash ^= s.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  const stack = [document.documentElement];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') {
      add(node);
      continue;
    }
    const type = nodeType.call(node);
    if (type === 1) {
      const name = localName.call(node);
      if (name === 'triangulate-ui') continue;
      let attrs = '';
      for (const a of attributes.call(node)) attrs += ' ' + a.name + '=' + a.value;
      const value = name === 'input' || name === 'textarea' ? ' value=' + node.value : '';
      add('<' + name + attrs + value);
      stack.push('</' + name + '>');
      const kids = [...childNodes.call(node)];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      const root = shadowRoot.call(node);
      if (root) {
        stack.push('#shadow-end');
        const inner = [...childNodes.call(root)];
        for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]);
        stack.push('#shadow');
      }
      if (name === 'iframe') {
        let doc = null;
        try { doc = node.contentDocument; } catch {}
        if (doc && doc.documentElement) stack.push(doc.documentElement, '#frame');
      }
    } else if (type === 3) {
      add(data.call(node));
    }
  }
  return { hash, count };
})()`;

/** Evaluated in a page: where the first of our highlights is, to hover it (null when none is painted). */
export const FIRST_HIGHLIGHT = `(() => {
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('triangulate-')) continue;
    for (const r of h) {
      const box = r.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.top >= 0 && box.top < innerHeight) return { x: box.left + box.width / 2, y: box.top + box.height / 2, text: r.toString() };
    }
  }
  return null;
})()`;
