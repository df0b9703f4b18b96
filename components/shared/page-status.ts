/**
 * The popup's line about the current tab, from the content script's `page-state` answer: whether
 * the page is being analysed, how many highlights are shown of how many, and what the analysis
 * caps left out. Pure, so it is unit-tested without a browser.
 */
import { t, tPlural } from '../../lib/i18n/messages';
import type { PageState } from '../../lib/messages';

export function pageStatusLine(page: PageState): string | null {
  switch (page.state) {
    case 'starting':
    case 'working':
      return t('statusAnalysing');
    case 'no-article':
      return t('statusNoArticle');
    case 'error':
      return t('statusError', { error: page.error ?? t('unknownError') });
    case 'paused':
      return null;
    case 'ready':
      if (page.mentions === 0) return t('statusNoMentions');
      if (page.painted + page.skipped === 0) return t('statusNoExercise');
      if (page.skipped > 0) return t('statusShowing', { painted: page.painted, total: page.painted + page.skipped });
      return tPlural('statusHighlights', page.painted);
  }
}
