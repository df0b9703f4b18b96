/**
 * A source's publisher from the outlet registry (seeds/curated/outlets.json), looked up where
 * sources are summarised (lib/pipeline/annotate.ts), so the registry stays out of the content script.
 */
import { OUTLETS, outletForUrl } from '../dataset/outlets';
import type { Publisher } from '../types';

let byName: Map<string, (typeof OUTLETS)[number]> | null = null;

const nameKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/^the\s+/, '').replace(/[\s.’'"]+/g, ' ').trim();

/**
 * The registry's word on a source: by the name of the outlet that wrote it, else by the address it was
 * published under. The name comes first because an address may be a reprint's: Nikkei's report kept in
 * an embassy's press digest is still a Japanese newspaper's, not a government's.
 */
export function publisherOf(source: { url: string | null; outlet: string }): Publisher | null {
  if (!byName) {
    byName = new Map();
    for (const o of OUTLETS) for (const n of [o.name, ...(o.aliases ?? []), ...(o.native ?? []).map((x) => x.text)]) if (!byName.has(nameKey(n))) byName.set(nameKey(n), o);
  }
  const outlet = (source.outlet.trim() ? byName.get(nameKey(source.outlet)) : undefined) ?? (source.url ? outletForUrl(source.url) : null);
  if (!outlet) return null;
  return { type: outlet.type, country: outlet.country, ...(outlet.stateOwner ? { stateOwner: outlet.stateOwner } : {}) };
}
