/**
 * Every word the popover, the side panel and the popup show comes from the extension's message
 * catalogue, public/_locales/<language>/messages.json (the browsers' own i18n format). English
 * (`en`) is the default and complete; another language is one more file, and whatever it leaves
 * out the browser takes from English.
 *
 * Placeholders are named in the catalogue (`$COUNT$`, so a translation can move them around) and
 * passed by name here: a message's placeholders take $1, $2… in the alphabetical order of their
 * names (test/unit/i18n-catalogue.test.ts holds every file to that). A count picks its plural form
 * from `key_one`, `key_few`, `key_many`, `key_other`… by Intl.PluralRules in the catalogue's
 * language, falling back to `key_other`. Keys and placeholder names are typed from the English file.
 */
import type english from '../../public/_locales/en/messages.json';
import { formatNumber, pluralCategory } from './intl';
import { messageSource } from './source';

type Catalogue = typeof english;
export type MessageKey = keyof Catalogue;

type PlaceholderName<K extends MessageKey> = Catalogue[K] extends { placeholders: infer P } ? Extract<keyof P, string> : never;
/** Numbers are formatted for the user's locale; pass years and codes as strings. */
type Values<N extends string> = Record<N, string | number>;
type Args<N extends string> = [N] extends [never] ? [] : [values: Values<N>];

/** Keys with plural forms, named without the form: `popoverCount` for `popoverCount_one`, `popoverCount_other`… */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];
type PluralPlaceholder<B extends PluralKey> = Exclude<PlaceholderName<`${B}_other` & MessageKey>, 'count'>;

function substitutions(values: Values<string> | undefined): string[] {
  if (!values) return [];
  return Object.keys(values)
    .sort()
    .map((name) => {
      const v = values[name]!;
      return typeof v === 'number' ? formatNumber(v) : v;
    });
}

/** The message, its placeholders filled. A key no catalogue has shows as itself (tests keep that from shipping). */
export function t<K extends MessageKey>(key: K, ...args: Args<PlaceholderName<K>>): string {
  return messageSource().getMessage(key, substitutions(args[0])) || key;
}

function counted(base: string, count: number, type: Intl.PluralRuleType, values: Values<string> | undefined): string {
  const subs = substitutions({ ...values, count });
  const source = messageSource();
  return source.getMessage(`${base}_${pluralCategory(count, type)}`, subs) || source.getMessage(`${base}_other`, subs) || base;
}

/** The form of the message for `count` ("1 source", "3 sources"); `count` fills its `$COUNT$`. */
export function tPlural<B extends PluralKey>(base: B, count: number, ...args: Args<PluralPlaceholder<B>>): string {
  return counted(base, count, 'cardinal', args[0]);
}

/** The ordinal form for `count` ("1st", "2nd", "3rd", "4th" in English); `count` fills its `$COUNT$`. */
export function tOrdinal<B extends PluralKey>(base: B, count: number, ...args: Args<PluralPlaceholder<B>>): string {
  return counted(base, count, 'ordinal', args[0]);
}
