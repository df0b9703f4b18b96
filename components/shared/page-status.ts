/**
 * The popup's line about the current tab, from the content script's `page-state` answer: whether
 * the page is being analysed, how many highlights are shown of how many, and what the analysis
 * caps left out. Pure, so it is unit-tested without a browser.
 */
import type { PageState } from '../../lib/messages';

const n = (x: number) => x.toLocaleString('en-US');

export function pageStatusLine(page: PageState): string | null {
  switch (page.state) {
    case 'starting':
    case 'working':
      return 'Analysing this page…';
    case 'no-article':
      return 'No article text found on this page.';
    case 'error':
      return `Could not analyse this page: ${page.error ?? 'unknown error'}.`;
    case 'paused':
      return null;
    case 'ready':
      if (page.mentions === 0) return 'No exercise, country or organization mentioned on this page.';
      if (page.painted + page.skipped === 0) return 'This page names no exercise, so nothing is highlighted.';
      if (page.skipped > 0) return `Showing ${n(page.painted)} of ${n(page.painted + page.skipped)} highlights (exercises and checked claims first).`;
      return `${n(page.painted)} highlight${page.painted === 1 ? '' : 's'} on this page.`;
  }
}
