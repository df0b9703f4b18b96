/** Pages for the display tests: the synthetic Zapad 2017 fixture as a news page (invented outlet, our own sentences). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleHtml, ROOT } from './pages';

/** A synthetic article fixture (`Title:`/`Outlet:`/`Published:`/`URL:` lines, a blank line, paragraphs) as a news page. */
export function fixturePageHtml(file: string): string {
  const text = readFileSync(join(ROOT, 'test/fixtures/articles', file), 'utf8');
  const [head, ...body] = text.split(/\n\s*\n/);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(head!)?.[1]?.trim() ?? null;
  return articleHtml({
    title: field('Title')!,
    outlet: field('Outlet')!,
    published: field('Published'),
    url: field('URL'),
    paragraphs: body.join('\n').split('\n').map((p) => p.trim()).filter(Boolean),
  });
}
