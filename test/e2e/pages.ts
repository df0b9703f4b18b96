/**
 * Local copies of articles for browser tests and `npm start`: the seed documents rendered as a
 * news page (with navigation, a sidebar and a footer the extension must leave alone), served from
 * 127.0.0.1 so no test ever leaves the machine.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { SeedDocumentMeta } from '../../lib/dataset/types';

export const ROOT = join(new URL('.', import.meta.url).pathname, '..', '..');

/**
 * Where tests save screenshots: an ignored folder (tests never rewrite tracked files), or
 * $TRIANGULATE_SCREENSHOTS, e.g. docs/screenshots when refreshing the README's pictures on purpose.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.TRIANGULATE_SCREENSHOTS ?? join(ROOT, 'test/e2e/.artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface ArticlePage {
  title: string;
  outlet: string;
  published: string | null;
  url?: string | null;
  paragraphs: string[];
  /** The page's language (`<html lang>`); English when absent. */
  lang?: string;
}

/** A news page around an article: chrome first, then the article, then related links and a footer. */
export function articleHtml(page: ArticlePage): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: page.title,
    datePublished: page.published,
    publisher: { '@type': 'Organization', name: page.outlet },
    ...(page.url ? { url: page.url } : {}),
  };
  return `<!doctype html>
<html lang="${page.lang ?? 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(page.title)} | ${escapeHtml(page.outlet)}</title>
<meta property="og:site_name" content="${escapeHtml(page.outlet)}">
<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>
<style>body{font:17px/1.6 Georgia,serif;max-width:760px;margin:0 auto;padding:0 16px;color:#222}nav a{margin-right:12px}aside{border-top:1px solid #ccc;margin-top:32px;font-size:14px}</style>
</head><body>
<header><nav aria-label="Sections"><a href="/">Home</a><a href="/world">World</a><a href="/security">Security</a><a href="/markets">Markets</a></nav></header>
<main><article>
<h1>${escapeHtml(page.title)}</h1>
<p class="byline">${escapeHtml(page.outlet)}${page.published ? ` · <time datetime="${page.published}">${page.published}</time>` : ''}</p>
${page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Markets rally as China data surprises</a></li><li><a href="/b">NATO summit agenda published</a></li></ul></aside>
</main>
<footer><p>© Test fixture page. Contact · Privacy · Terms</p></footer>
</body></html>`;
}

/**
 * Synthetic (invented outlet, our own sentences): countries that are also first names, once as a
 * person ("Chad Bennett", "Jordan Keller") and once as the country. Only compromise's tagger tells
 * them apart (lib/detect/tagger.ts), so a page like this is one that needs it.
 */
export const AMBIGUOUS_NAMES_ARTICLE: ArticlePage = {
  title: 'A retired officer on the Cyber Coalition drills',
  outlet: 'Lindenport Courier',
  published: '2024-12-04',
  url: 'https://lindenport.test/cyber-coalition-officer',
  paragraphs: [
    'Chad Bennett, a retired signals officer, followed the Cyber Coalition exercise from Tallinn this week.',
    'Teams from Estonia, Chad and Jordan joined the drills, the organisers said.',
    'Bennett said that Jordan Keller, a former colleague, had trained some of the defenders.',
  ],
};

export function seedMeta(file: string): SeedDocumentMeta {
  const index = JSON.parse(readFileSync(join(ROOT, 'seeds/documents/index.json'), 'utf8')) as SeedDocumentMeta[];
  const meta = index.find((m) => m.file.startsWith(file));
  if (!meta) throw new Error(`no seed document ${file}`);
  return meta;
}

/** Seed document as a page: its paragraphs are the text's blank-line-separated blocks, minus the print header. */
export function seedPageHtml(file: string): string {
  const meta = seedMeta(file);
  const text = readFileSync(join(ROOT, 'seeds/documents', meta.file), 'utf8');
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter((b) => b && b !== meta.title && !/^print print$|^security >|^• december|^• ambassador/i.test(b));
  return articleHtml({ title: meta.title, outlet: meta.outlet, published: meta.published, url: meta.url, paragraphs: blocks });
}

export interface LocalServer {
  origin: string;
  close(): Promise<void>;
}

export interface Route {
  body: string;
  headers?: Record<string, string>;
}

/** Serves fixed routes (path → HTML, or body plus headers) on 127.0.0.1 at a free port. */
export function serve(routes: Record<string, string | Route | (() => string)>): Promise<LocalServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes[path];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const { body, headers } = typeof route === 'function' ? { body: route(), headers: {} } : typeof route === 'string' ? { body: route, headers: {} } : route;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}
