/**
 * An article from a .txt or .md file. An optional header of `Title:`, `Outlet:`, `Published:`,
 * `URL:` and `Language:` lines, ended by a blank line, is metadata and not part of the text.
 * Without a header the first non-empty line (markdown `#` marks removed) is the title and the
 * whole content is the text.
 */
import type { ArticleInput } from '../types.ts';
import { normaliseDate } from './metadata.ts';

const HEADER_LINE = /^(title|outlet|published|url|language)[ \t]*:[ \t]*(.*)$/i;

type HeaderKey = 'title' | 'outlet' | 'published' | 'url' | 'language';

/** The header fields and the line where the text starts, or null when the file has no header. */
function readHeader(lines: string[]): { fields: Partial<Record<HeaderKey, string>>; body: number } | null {
  const fields: Partial<Record<HeaderKey, string>> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') break;
    const match = HEADER_LINE.exec(line.trim());
    // A first paragraph that only starts like a header is text.
    if (!match) return null;
    const value = match[2]!.trim();
    if (value !== '') fields[match[1]!.toLowerCase() as HeaderKey] = value;
  }
  return i > 0 ? { fields, body: i + 1 } : null;
}

function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function titleFromText(text: string, fileName: string): string {
  const first = text.split('\n').find((line) => line.trim() !== '');
  if (first === undefined) return fileName.replace(/\.[^.]+$/, '');
  return first.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '').trim();
}

export function extractArticleFromTextFile(content: string, fileName: string): ArticleInput {
  const normalised = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  const header = readHeader(lines);
  if (!header) {
    const text = normalised.trim();
    return { title: titleFromText(text, fileName), published: null, url: null, text };
  }
  const { fields } = header;
  const text = lines.slice(header.body).join('\n').trim();
  return {
    title: fields.title ?? titleFromText(text, fileName),
    published: normaliseDate(fields.published),
    url: httpUrl(fields.url),
    text,
    ...(fields.outlet ? { outlet: fields.outlet } : {}),
    ...(fields.language ? { language: fields.language } : {}),
  };
}
