/**
 * Where the interface's words and locale come from: the browser's i18n API in the extension
 * (every context has it, content scripts included), or a catalogue registered by Node code
 * (./node.ts: the CLI, tests and scripts). Kept apart from ./messages.ts and ./intl.ts, which
 * both read it.
 */

export interface MessageSource {
  /** The message in the user's language, else in English; '' when no catalogue has the key. */
  getMessage(key: string, substitutions: string[]): string;
  /** The browser's interface language (BCP 47): numbers and dates are formatted for it. */
  getUILanguage(): string;
}

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

let registered: MessageSource | null = null;
let generation = 0;

/** Registers the catalogue Node code reads (the extension needs none: the browser has its own). */
export function useMessageSource(source: MessageSource): void {
  registered = source;
  generation++;
}

/** Changes each time another source is registered, so cached formatters know to start again. */
export function sourceGeneration(): number {
  return generation;
}

export function messageSource(): MessageSource {
  if (registered) return registered;
  const i18n = (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
  if (typeof i18n?.getMessage !== 'function') throw new Error('No message catalogue: outside the extension, import lib/i18n/node.ts first.');
  registered = {
    getMessage(key, substitutions) {
      // A content script whose extension was reloaded loses its API; a missing word beats a broken card.
      try {
        return i18n.getMessage(key, substitutions);
      } catch {
        return '';
      }
    },
    getUILanguage() {
      try {
        return i18n.getUILanguage();
      } catch {
        return 'en';
      }
    },
  };
  return registered;
}
