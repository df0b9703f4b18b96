/**
 * The command line's language: Node has no browser.i18n, so the CLI picks a catalogue from the
 * same public/_locales files (compiled into its bundle by scripts/build-cli.mjs) by the locale
 * the environment asks for, as POSIX programs do: LC_ALL, then LC_MESSAGES, then LANG
 * ("ru_RU.UTF-8"). The best-matching file comes first (ru_RU, then ru) and English fills what it
 * leaves out, as in the browsers. Numbers and dates follow the same locale; without one (unset,
 * C or POSIX) the words are English and numbers and dates British English, as before.
 */
import { catalogueSource, type Catalogue } from './catalogue';
import type { MessageSource } from './source';

/** The BCP 47 tag of the environment's locale ("ru_RU.UTF-8@euro" → "ru-RU"); null for none, C or POSIX. */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): string | null {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const tag = raw.replace(/[.@].*$/, '').replace(/_/g, '-');
  if (!tag || tag === 'C' || tag === 'POSIX') return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** Folder names of public/_locales to read for a locale, most specific first ("ru-RU" → ru_RU, ru), then English. */
function folderPreference(locale: string | null): string[] {
  const parts = locale ? locale.split('-') : [];
  const folders = parts.map((_, i) => parts.slice(0, parts.length - i).join('_'));
  return [...folders, 'en'].filter((f, i, all) => all.indexOf(f) === i);
}

/** The message source for `locale` from catalogues keyed by their public/_locales folder name. */
export function sourceForLocale(catalogues: Readonly<Record<string, Catalogue>>, locale: string | null): MessageSource {
  const byFolder = new Map(Object.entries(catalogues).map(([folder, c]) => [folder.toLowerCase(), c]));
  const files = folderPreference(locale)
    .map((f) => byFolder.get(f.toLowerCase()))
    .filter((c): c is Catalogue => c !== undefined);
  return catalogueSource(files, locale ?? 'en-GB');
}
