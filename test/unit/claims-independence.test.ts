import { describe, expect, it } from 'vitest';
import { creditedOutlet, wireName } from '../../lib/claims/credits';
import { findDerivation, retellerOf, canonicalUrl, shingleSignature, signatureSimilarity, textFingerprint } from '../../lib/claims';
import type { Mention, Source } from '../../lib/types';

// Synthetic outlets and texts.
const STORY =
  'The Sea Breeze exercise opened on Monday in the Black Sea with 32 countries, about 5,000 troops, 32 ships and 40 aircraft taking part, the organisers said. Ukraine and the United States co-host the drills, which run until 10 July. Ships will train near Odesa and crews will practise boarding and rescue at sea.';
const source = (id: string, outlet: string, extra: Partial<Source> = {}): Source => ({
  id, title: 'Sea Breeze', outlet, published: '2022-06-10', language: 'en', url: `https://${id}.example/story`, origin: 'imported', set: 't', entities: ['ex:sea-breeze'], ...extra,
});
const noOutlets = (): string[] => [];

describe('fingerprints and signatures', () => {
  it('fingerprints ignore case, spacing and punctuation only', () => {
    expect(textFingerprint('The drills,  began.')).toBe(textFingerprint('the DRILLS began'));
    expect(textFingerprint('The drills began.')).not.toBe(textFingerprint('The drills ended.'));
  });
  it('signatures estimate similarity', () => {
    expect(signatureSimilarity(shingleSignature(STORY), shingleSignature(STORY + ' (Meridian Wire)'))).toBeGreaterThan(0.8);
    expect(signatureSimilarity(shingleSignature(STORY), shingleSignature('Completely different words about a harbour festival and its many boats and stalls.'))).toBeLessThan(0.1);
  });
  it('compares URLs through the one canonicalizer', () => {
    expect(canonicalUrl('https://www.harbor-ledger.example/a/b/?utm_source=x&id=3#top')).toBe(canonicalUrl('http://harbor-ledger.example/a/b?id=3'));
  });
});

describe('findDerivation', () => {
  it('same URL is the same article', () => {
    const r = findDerivation({ text: 'x', url: 'https://www.a.example/story/?utm_medium=feed', title: '', mentions: [] }, [source('a', 'Harbor Ledger')], noOutlets);
    expect(r).toMatchObject({ derivedFrom: 'a', derivation: 'same-article' });
  });
  it('near-identical text from another outlet is wire copy', () => {
    const r = findDerivation({ text: `${STORY} (Meridian Wire)`, url: null, title: '', outlet: 'Coastal Gazette', mentions: [] }, [source('a', 'Harbor Ledger', { text: STORY })], noOutlets);
    expect(r).toMatchObject({ derivedFrom: 'a', derivation: 'wire-copy' });
  });
  it('a citation of a candidate outlet on the story names it as origin', () => {
    const text = 'About 5,000 troops are taking part in the Sea Breeze exercise, Harbor Ledger reported on 10 June.';
    const r = findDerivation({ text, url: null, title: '', outlet: 'Steppe Herald', mentions: [] }, [source('other', 'Granite Post'), source('a', 'Harbor Ledger')], noOutlets);
    // Credited in the lede: the story's origin is Harbor Ledger even where no copy of it is stored.
    expect(r).toEqual({ derivedFrom: 'a', derivation: 'citation', cited: ['Harbor Ledger'], retells: 'Harbor Ledger' });
  });
  it('resolves a translated outlet name through the outlet entity', () => {
    const text = 'More than 30 countries took part, Japan Economic News reported on December 3.';
    const at = text.indexOf('Japan Economic News');
    const mention: Mention = { type: 'organization', id: 'org:nikkei', name: 'Nikkei', text: 'Japan Economic News', start: at, end: at + 19, confidence: 0.85, form: 'variant' };
    const nikkei = source('n', 'Nikkei Asian Review', { published: '2019-12-03', entities: [] });
    const r = findDerivation({ text, url: null, title: '', mentions: [mention] }, [nikkei], (id) => (id === 'org:nikkei' ? ['Nikkei', 'Japan Economic News'] : []));
    expect(r).toMatchObject({ derivedFrom: 'n', derivation: 'citation' });
  });
  it('a citation dated away from the candidate, or of no candidate, derives from nothing', () => {
    const text = 'The drills began, Harbor Ledger reported on 2 March.';
    const r = findDerivation({ text, url: null, title: '', mentions: [] }, [source('a', 'Harbor Ledger')], noOutlets);
    expect(r).toEqual({ derivedFrom: null, derivation: null, cited: ['Harbor Ledger'], retells: 'Harbor Ledger' });
    expect(findDerivation({ text: STORY, url: null, title: '', mentions: [] }, [source('b', 'Granite Post', { text: 'Another story entirely, with other words.' })], noOutlets).derivedFrom).toBeNull();
  });
  it('of two copies of one story, the later or undated one, or the one crediting the other, retells', () => {
    const tass = { id: 't', published: '2025-09-12', outlet: 'Kestrel Agency' };
    const copy = { id: 'c', published: '2025-09-12', outlet: 'Brightwater Daily' };
    expect(retellerOf(tass, copy, (id) => (id === 'c' ? ['Kestrel Agency'] : []))).toBe('c');
    expect(retellerOf({ ...copy, published: '2025-09-13' }, tass)).toBe('c');
    expect(retellerOf(tass, { ...copy, published: null })).toBe('c');
  });
  it('two rewrites of one wire story that share whole sentences are one story', () => {
    const shared = 'The weeklong Harbour Shield manoeuvres launched on Tuesday span the northern coast, the islands and two seas, with ships from nine navies.';
    const a = `${shared} About 3,000 sailors take part, officials in Port Verran said. The drills end next week.`;
    const b = `Navies gathered off the northern coast this week. ${shared} The host navy sent twelve ships and four submarines to the area, its commander told the Lakeside Observer on Monday.`;
    expect(findDerivation({ text: b, url: null, title: '', outlet: 'Granite Post', mentions: [] }, [source('a', 'Harbor Ledger', { text: a })], noOutlets)).toMatchObject({ derivedFrom: 'a', derivation: 'wire-copy' });
  });
  it('an outlet quoting itself is not derived', () => {
    const r = findDerivation({ text: 'Harbor Ledger reported last week that the drills began.', url: null, title: '', outlet: 'Harbor Ledger', mentions: [] }, [source('a', 'Harbor Ledger')], noOutlets);
    expect(r.derivedFrom).toBeNull();
  });
});

describe('credits and origins', () => {
  it('a dateline credit names the story\'s origin; the agency\'s own page is not a retelling', () => {
    expect(creditedOutlet('PORT VERRAN (AP) — Navies began the Harbour Shield drills on Monday.')).toBe('AP');
    expect(creditedOutlet('LAKESIDE, May 4 (Xinhua) -- A joint naval exercise concluded on Saturday.')).toBe('Xinhua');
    expect(creditedOutlet('MOSCOW, September 12. /TASS/. The drills began.')).toBe('TASS');
    expect(creditedOutlet('This article was originally published by Radio Free Asia and is reprinted with permission.')).toBe('Radio Free Asia');
    expect(wireName('AP')).toBe('Associated Press');
    expect(creditedOutlet('Ships sailed on Monday.\nSource: Ministry of Defence of Eastmarch\nThe drills end on Friday.')).toBe('Ministry of Defence of Eastmarch');
    expect(creditedOutlet('The exercise ran in March. Credit: Harbourchannel')).toBeUndefined();
    expect(creditedOutlet('The exercise ran in March.\nCredit: Harbourchannel')).toBe('Harbourchannel');
    expect(creditedOutlet('Excerpt from opening remarks on the exercise by Eastmarch Spokesperson Ana Vell.')).toBe('Eastmarch');
    const page = { text: 'PORT VERRAN (AP) — Navies began the Harbour Shield drills on Monday.', url: null, title: '', mentions: [] };
    expect(findDerivation({ ...page, outlet: 'Granite Post' }, [], noOutlets).retells).toBe('Associated Press');
    expect(findDerivation({ ...page, outlet: 'Associated Press' }, [], noOutlets).retells).toBeUndefined();
  });
});
