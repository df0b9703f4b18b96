import { describe, expect, it } from 'vitest';
import { pageStatusLine } from '../../components/shared/page-status';
import type { PageState } from '../../lib/messages';

const base: PageState = { state: 'ready', mentions: 0, painted: 0, skipped: 0, notice: null, error: null, startedAt: 1, readyAt: 2 };

describe('popup line about the tab', () => {
  it('says how many highlights are shown of how many when the cap held some back', () => {
    expect(pageStatusLine({ ...base, mentions: 12_000, painted: 300, skipped: 11_700 })).toBe('Showing 300 of 12,000 highlights (exercises and checked claims first).');
    expect(pageStatusLine({ ...base, mentions: 27, painted: 27 })).toBe('27 highlights on this page.');
    expect(pageStatusLine({ ...base, mentions: 1, painted: 1 })).toBe('1 highlight on this page.');
  });

  it('covers the other states, and says nothing while paused (the pause switch says it)', () => {
    expect(pageStatusLine({ ...base, state: 'working' })).toBe('Analysing this page…');
    expect(pageStatusLine({ ...base, state: 'no-article' })).toBe('No article text found on this page.');
    expect(pageStatusLine({ ...base, state: 'error', error: 'No answer from the background' })).toBe('Could not analyse this page: No answer from the background.');
    expect(pageStatusLine({ ...base, mentions: 0 })).toBe('No exercise, country or organization mentioned on this page.');
    // Quiet off-topic: mentions found, none painted because the page names no exercise.
    expect(pageStatusLine({ ...base, mentions: 8, painted: 0, skipped: 0 })).toBe('This page names no exercise, so nothing is highlighted.');
    expect(pageStatusLine({ ...base, state: 'paused' })).toBeNull();
  });
});
