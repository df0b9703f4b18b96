import { describe, expect, it } from 'vitest';
import { deriveBatch, linkSeedDocuments, shingleSignature, textFingerprint } from '../../lib/claims';
import { buildDataset } from '../../lib/dataset/build';
import type { Source } from '../../lib/types';

// Synthetic outlets and one wire story.
const STORY =
  'The Sea Breeze exercise opened on Monday in the Black Sea with 32 countries, about 5,000 troops, 32 ships and 40 aircraft taking part, the organisers said. ' +
  'Ukraine and the United States co-host the drills, which run until 10 July. Ships will train near Odesa and crews will practise boarding and rescue at sea.';

function source(id: string, outlet: string, published: string | null, text: string | undefined, extra: Partial<Source> = {}): Source {
  return {
    id, title: id, outlet, published, language: 'en', url: `https://${id}.example/story`, origin: 'imported', set: 't', entities: ['ex:sea-breeze'],
    ...(text ? { text, fingerprint: textFingerprint(text), signature: shingleSignature(text) } : {}),
    ...extra,
  };
}
const item = (s: Source) => ({ source: s, mentions: [] });
const noOutlets = (): string[] => [];

describe('deriveBatch', () => {
  it('links the later copy to the earlier, whichever it was checked from', () => {
    const early = source('early', 'Harbor Ledger', '2022-06-10', STORY);
    const late = source('late', 'Coastal Gazette', '2022-06-11', `${STORY} (Meridian Wire)`);
    for (const batch of [[early, late], [late, early]]) {
      const { links } = deriveBatch(batch.map(item), { storedFor: () => [], outletOf: noOutlets, canRelink: () => true });
      expect([links.get('late')?.derivedFrom, links.get('early')?.derivedFrom]).toEqual(['early', null]);
      expect(links.get('late')?.derivation).toBe('wire-copy');
    }
  });

  it('relinks a stored later copy to the original found in the batch, but never a bundled one', () => {
    const stored = source('stored', 'Coastal Gazette', '2022-06-11', `${STORY} (Meridian Wire)`);
    const original = source('original', 'Harbor Ledger', '2022-06-10', STORY);
    const user = deriveBatch([item(original)], { storedFor: () => [stored], outletOf: noOutlets, canRelink: () => true });
    expect(user.links.get('original')?.derivedFrom).toBeNull();
    expect(user.relinked.get('stored')).toEqual({ derivedFrom: 'original', derivation: 'wire-copy' });
    // A bundled copy keeps the link its file declares; the import stays linked to it, so the two count as one story.
    const bundled = deriveBatch([item(original)], { storedFor: () => [{ ...stored, origin: 'bundled' }], outletOf: noOutlets, canRelink: (s) => s.origin !== 'bundled' });
    expect(bundled.relinked.size).toBe(0);
    expect(bundled.links.get('original')?.derivedFrom).toBe('stored');
  });

  it('a copy whose other copy already retells a third source joins that story', () => {
    const stored = source('stored', 'Coastal Gazette', '2022-06-11', `${STORY} (Meridian Wire)`, { derivedFrom: 'agency', derivation: 'citation' });
    const { links, relinked } = deriveBatch([item(source('early', 'Harbor Ledger', '2022-06-10', STORY))], { storedFor: () => [stored], outletOf: noOutlets, canRelink: () => true });
    expect(relinked.size).toBe(0);
    expect(links.get('early')?.derivedFrom).toBe('stored');
  });

  it('keeps a declared link as it is', () => {
    const a = source('a', 'Harbor Ledger', '2022-06-12', STORY, { derivedFrom: 'elsewhere', derivation: 'translation' });
    const b = source('b', 'Coastal Gazette', '2022-06-10', `${STORY} (Meridian Wire)`);
    const { links } = deriveBatch([{ ...item(a), declared: true }, item(b)], { storedFor: () => [], outletOf: noOutlets, canRelink: () => true });
    expect(links.get('a')).toMatchObject({ derivedFrom: 'elsewhere', derivation: 'translation' });
    // b is the earlier copy, but a's declared link is not turned around: b stays with a's story.
    expect(links.get('b')?.derivedFrom).toBe('a');
  });

  it('keeps a link set from the other side when nothing new is found, and never closes a loop', () => {
    const a = source('a', 'Harbor Ledger', '2022-06-10', 'A report with words of its own about the drills at sea, written by the ledger.', { derivedFrom: 'b', derivation: 'wire-copy' });
    const b = source('b', 'Coastal Gazette', '2022-06-11', 'Another report entirely, written by the gazette, with other words about the harbour.', { derivedFrom: 'a', derivation: 'wire-copy' });
    const { links } = deriveBatch([item(a), item(b)], { storedFor: () => [], outletOf: noOutlets, canRelink: () => true });
    const chain = [links.get('a')?.derivedFrom, links.get('b')?.derivedFrom];
    expect(chain.filter(Boolean)).toHaveLength(1);
  });
});

describe('bundled seed documents', () => {
  it('are checked for derivations at build time; declared links stay', () => {
    const meta = (id: string, outlet: string, published: string, extra = {}) => ({ file: `${id}.txt`, id, title: id, outlet, published, language: 'en', url: `https://${id}.example/a`, ...extra });
    const dataset = buildDataset({
      entities: [{ id: 'ex:sea-breeze', type: 'exercise', name: 'Sea Breeze', aliases: [], description: 'test' }],
      outlets: [],
      documents: [
        { meta: meta('src:copy', 'Coastal Gazette', '2022-06-11'), text: `${STORY} (Meridian Wire)` },
        { meta: meta('src:original', 'Harbor Ledger', '2022-06-10'), text: STORY },
        { meta: meta('src:declared', 'Steppe Herald', '2022-06-12', { derivedFrom: 'src:original', derivation: 'translation' }), text: 'A translated account of the drills in other words entirely, with its own sentences.' },
      ],
      curated: [],
    });
    const byId = new Map(dataset.sources.map((s) => [s.id, s]));
    expect(byId.get('src:copy')).toMatchObject({ derivedFrom: 'src:original', derivation: 'wire-copy' });
    expect(byId.get('src:original')?.derivedFrom).toBeNull();
    expect(byId.get('src:declared')).toMatchObject({ derivedFrom: 'src:original', derivation: 'translation' });
    expect(dataset.sources.map((s) => s.id)).toEqual(['src:copy', 'src:original', 'src:declared']);
  });

  it('linkSeedDocuments leaves a document with nothing found exactly as it was', () => {
    const s = source('solo', 'Harbor Ledger', '2022-06-10', STORY);
    expect(linkSeedDocuments([item(s)], [], noOutlets)[0]).toBe(s);
  });
});
