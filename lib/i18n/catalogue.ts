/**
 * Message lookup over messages.json files the way Chrome and Firefox do it, for code that runs
 * without a browser: the first file holding the key wins (the user's language, then English),
 * named placeholders become their content, then `$1`…`$9` take the substitutions and `$$` is a
 * dollar sign. Message names are case-insensitive, as in the browsers.
 */
import type { MessageSource } from './source';

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalogue = Record<string, CatalogueEntry>;

function lowerKeys<T>(record: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}

export function renderMessage(entry: CatalogueEntry, substitutions: readonly string[]): string {
  const placeholders = lowerKeys(entry.placeholders ?? {});
  const text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name: string) => placeholders.get(name.toLowerCase())?.content ?? all);
  return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}

/** `files` from the most to the least preferred (the user's language first, English last). */
export function catalogueSource(files: readonly Catalogue[], uiLanguage: string): MessageSource {
  const maps = files.map((f) => lowerKeys(f));
  return {
    getMessage(key, substitutions) {
      for (const m of maps) {
        const entry = m.get(key.toLowerCase());
        if (entry) return renderMessage(entry, substitutions);
      }
      return '';
    },
    getUILanguage: () => uiLanguage,
  };
}
