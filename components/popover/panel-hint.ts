/**
 * What the card says after "Compare sources" (issue 17, item 5). Firefox never opens its sidebar
 * from a click in a page (MDN, "User actions"): the background then opens the toolbar popup, whose
 * "Open side panel" button takes the one click Firefox accepts, or, when even that fails, the card
 * names the ways that always work, with the shortcut as the reader has it set.
 */
import { t } from '../../lib/i18n/messages';
import type { PanelOpening } from '../../lib/messages';

/** Null when the panel opened: the panel itself is the answer. */
export function compareHint({ opened, shortcut }: PanelOpening): string | null {
  const button = t('popupOpenSidePanel');
  if (opened === 'panel') return null;
  if (opened === 'popup') return shortcut ? t('popoverSidebarPopupShortcut', { button, shortcut }) : t('popoverSidebarPopup', { button });
  return shortcut ? t('popoverSidebarHintShortcut', { button, shortcut }) : t('popoverSidebarHint', { button });
}

export const PANEL_NOT_OPENED: PanelOpening = { opened: 'none', shortcut: null };
