/**
 * Names in the languages news is written in, merged into the entities at build time: the table in
 * seeds/entities/native-names.json, and for every simplified Chinese name its traditional form
 * (Taiwan and Hong Kong outlets write 北約 and 俄羅斯 where mainland ones write 北约 and 俄罗斯).
 * opencc-js does the conversion (the reference open-source converter, used here at build time only,
 * so none of its dictionaries ship in the extension).
 */
import countries from 'i18n-iso-countries';
// Imported, not required at run time, so the bundled CLI build (which runs this from a temporary folder) has them too.
import ja from 'i18n-iso-countries/langs/ja.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import uk from 'i18n-iso-countries/langs/uk.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import * as OpenCC from 'opencc-js';
import type { Entity } from '../types';

const LIBRARY_LOCALES = ['ru', 'uk', 'zh', 'ja'] as const;
let localesReady = false;

/**
 * Country names in Russian, Ukrainian, Chinese and Japanese from i18n-iso-countries (the country library the
 * project already uses): "КНР (Китайская Народная Республика)" gives both its parts.
 */
function libraryNames(code: string): NativeName[] {
  if (!localesReady) {
    for (const locale of [ru, uk, zh, ja]) countries.registerLocale(locale);
    localesReady = true;
  }
  const out: NativeName[] = [];
  for (const lang of LIBRARY_LOCALES) {
    const names = countries.getName(code, lang, { select: 'all' }) ?? [];
    for (const name of names) {
      // "КНР (Китайская Народная Республика)": an abbreviation and its expansion, both names; "Внешние малые
      // острова (США)": a name and a note, only the name.
      const [outer = '', inner] = name.split(/\s*[()]\s*/);
      const parts = inner && outer === outer.toUpperCase() ? [outer, inner] : [outer];
      for (const part of parts) {
        const text = part.replace(/,.*$/, '').trim();
        if (text.length >= 2 && !out.some((n) => n.text === text)) out.push({ text, lang });
      }
    }
  }
  return out;
}

type NativeName = { text: string; lang: string; translation?: string };

export interface NativeNames {
  native: Record<string, NativeName[]>;
  /** Demonym adjectives (Russian, Ukrainian), in their dictionary form; the tokenizer stems them. */
  demonyms: Record<string, NativeName[]>;
}

let converters: ((text: string) => string)[] | null = null;

function traditional(text: string): string[] {
  converters ??= [OpenCC.Converter({ from: 'cn', to: 'tw' }), OpenCC.Converter({ from: 'cn', to: 'hk' })];
  return [...new Set(converters.map((c) => c(text)))].filter((t) => t !== text);
}

/** The entities with the table's names added and every simplified Chinese name doubled in traditional script. */
export function withNativeNames(entities: Entity[], table: NativeNames): Entity[] {
  return entities.map((e) => {
    const added = [...(table.native[e.id] ?? []), ...(e.id.startsWith('country:') ? libraryNames(e.id.slice(8)) : [])];
    const demonyms = table.demonyms[e.id] ?? [];
    const native: NativeName[] = [...(e.native ?? [])];
    for (const n of added) if (!native.some((m) => m.text === n.text)) native.push(n);
    for (const n of [...native]) {
      if (n.lang !== 'zh' && n.lang !== 'zh-Hans') continue;
      for (const t of traditional(n.text)) if (!native.some((m) => m.text === t)) native.push({ ...n, text: t, lang: 'zh-Hant' });
    }
    if (!native.length && !demonyms.length) return e;
    const out: Entity = { ...e, native };
    if (demonyms.length) out.demonyms = [...(e.demonyms ?? []), ...demonyms.map((d) => d.text).filter((t) => !(e.demonyms ?? []).includes(t))];
    return out;
  });
}
