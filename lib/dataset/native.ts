/**
 * Names in the languages news is written in, merged into the entities at build time: the table in
 * seeds/entities/native-names.json, and for every simplified Chinese name its traditional form
 * (Taiwan and Hong Kong outlets write 北約 and 俄羅斯 where mainland ones write 北约 and 俄罗斯).
 * opencc-js does the conversion (the reference open-source converter, used here at build time only,
 * so none of its dictionaries ship in the extension).
 */
import * as OpenCC from 'opencc-js';
import type { Entity } from '../types';

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
    const added = table.native[e.id] ?? [];
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
