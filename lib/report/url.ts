/**
 * Page URLs and imported URLs are untrusted: only http(s) may become a link (no `javascript:`,
 * `data:`, `file:` or extension URLs), in the UI and in exported Markdown alike.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The hostname of an http(s) URL, lower-cased; null for anything else (chrome://, about:, files). */
export function httpHostname(url: string | null | undefined): string | null {
  const href = httpUrl(url);
  return href ? new URL(href).hostname.toLowerCase() : null;
}
