/**
 * What the card says after "Compare sources" (issue 17, item 5): nothing when the panel opened;
 * in Firefox, where the toolbar popup opened instead, the one click left; where nothing could
 * open, the ways that always work, with the sidebar's shortcut as the reader has it set.
 */
import { describe, expect, it } from 'vitest';
import { compareHint } from '../../components/popover/panel-hint';

describe('compareHint', () => {
  it('says nothing when the panel opened', () => {
    expect(compareHint({ opened: 'panel', shortcut: null })).toBeNull();
  });

  it('names the popup button that takes the last click, and the shortcut when there is one', () => {
    expect(compareHint({ opened: 'popup', shortcut: null })).toBe('Firefox asks for one more click: choose “Open side panel” in the Triangulate window under the toolbar button.');
    expect(compareHint({ opened: 'popup', shortcut: 'Ctrl+Alt+S' })).toContain('Ctrl+Alt+S opens the sidebar in one step.');
  });

  it('when nothing opened, gives the shortcut as set (never a default the reader removed) and the toolbar path', () => {
    const withKey = compareHint({ opened: 'none', shortcut: 'Ctrl+Alt+S' })!;
    expect(withKey).toMatch(/^Press Ctrl\+Alt\+S to open Triangulate’s sidebar/);
    expect(withKey).toContain('toolbar button, then “Open side panel”');
    const without = compareHint({ opened: 'none', shortcut: null })!;
    expect(without).not.toMatch(/Alt\+Shift/);
    expect(without).toContain('sidebar menu');
    expect(without).toContain('toolbar button, then “Open side panel”');
  });
});
