import { describe, expect, it } from 'vitest';
import { publisherOf } from '../../lib/report/publisher';
import { otherLanguage, publisherLabel, sameGovernmentNotes } from '../../lib/report/sources';
import { digestLine, pageDigest } from '../../lib/report/table';
import type { AnnotatedClaim, Mention } from '../../lib/types';

describe('what a source is', () => {
  it('finds the publisher by address, mirrors and subdomains included, else by its name', () => {
    expect(publisherOf({ url: 'https://tass.com/defense/1', outlet: '' })).toEqual({ type: 'wire', country: 'RU', stateOwner: 'RU' });
    expect(publisherOf({ url: null, outlet: 'ТАСС' })?.type).toBe('wire');
    expect(publisherOf({ url: 'https://unknown-outlet.example/x', outlet: 'Harbour Street Ledger' })).toBeNull();
  });

  it('names the outlet that wrote the story, not the site that reprints it', () => {
    // Seed 000: Nikkei's report as kept in a U.S. embassy's press digest.
    expect(publisherOf({ url: 'https://jmh.usembassy.gov/20191203133687/', outlet: 'Nikkei Asian Review' })).toEqual({ type: 'newspaper', country: 'JP' });
    expect(publisherOf({ url: 'https://jmh.usembassy.gov/20191203133687/', outlet: '' })?.type).toBe('government');
  });

  it('says the type and country in plain words, and state ownership where the type does not', () => {
    expect(publisherLabel({ type: 'wire', country: 'RU', stateOwner: 'RU' })).toBe('Wire agency, Russia, state-owned');
    expect(publisherLabel({ type: 'state-media', country: 'CN', stateOwner: 'CN' })).toBe('State-owned media, China');
    expect(publisherLabel({ type: 'government', country: 'NO' })).toBe('Government or military, Norway');
    expect(publisherLabel({ type: 'international-organization', country: null })).toBe('International organization');
    expect(publisherLabel(undefined)).toBeNull();
  });

  it('ties a ministry and the state media of the same government, and nobody else', () => {
    const notes = sameGovernmentNotes([
      { id: 'a', outlet: 'Ministry of Defence of Russia', publisher: { type: 'government', country: 'RU' } },
      { id: 'b', outlet: 'TASS', publisher: { type: 'wire', country: 'RU', stateOwner: 'RU' } },
      { id: 'c', outlet: 'Reuters', publisher: { type: 'wire', country: 'GB' } },
      { id: 'd', outlet: 'Ministry of Defence of Belarus', publisher: { type: 'government', country: 'BY' } },
    ]);
    expect(notes.get('a')).toBe('not independent of TASS (same government: Russia)');
    expect(notes.get('b')).toBe('not independent of Ministry of Defence of Russia (same government: Russia)');
    expect(notes.has('c')).toBe(false);
    expect(notes.has('d')).toBe(false);
  });

  it('names a source’s language only when it is not the page’s', () => {
    expect(otherLanguage('ru', 'en')).toBe('in Russian');
    expect(otherLanguage('en-GB', 'en')).toBeNull();
    expect(otherLanguage('en', null)).toBeNull();
    expect(otherLanguage(undefined, 'ja')).toBeNull();
    expect(otherLanguage('zh', 'ja-JP')).toBe('in Chinese');
  });
});

describe('the page at a glance (popup)', () => {
  const claim = (verdict: AnnotatedClaim['verdict'], edition: number | null = 2017) => ({ subject: 'ex:zapad', subjectName: 'Zapad', edition, verdict }) as AnnotatedClaim;
  it('names each exercise with its editions and counts claims by how they fare', () => {
    const mentions = [{ type: 'exercise', id: 'ex:zapad', name: 'Zapad' }, { type: 'country', id: 'country:BY', name: 'Belarus' }] as Mention[];
    const d = pageDigest({ mentions, claims: [claim('corroborated'), claim('disputed'), claim('conflicting'), claim('retold-only'), claim('unverified'), claim('close', 2013)] });
    expect(d.exercises).toEqual(['Zapad 2013', 'Zapad 2017']);
    expect(digestLine(d)).toBe('6 claims: 1 corroborated, 2 disputed or contradicted, 2 unverified, 1 other');
    expect(digestLine(pageDigest({ mentions: [], claims: [] }))).toBe('No checkable claims (dates, counts, places, roles) on this page.');
  });
});
