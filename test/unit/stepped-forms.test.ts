/**
 * The stepping forms of the service worker's last long steps (issue 19, item 3): each gives what
 * its plain form gives, and yields along the way so the worker can give the thread away.
 */
import { describe, expect, it } from 'vitest';
import { findDerivation, findDerivationInSteps, type PageForDerivation } from '../../lib/claims';
import type { Mention, Source } from '../../lib/types';
import type { Steps } from '../../lib/steps';

/** Runs `steps` to the end, counting its yields. */
function stepped<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next(false);
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

// Synthetic outlets and sentences.
const OUTLETS = Array.from({ length: 90 }, (_, i) => `Meridian Courier ${i}`);
const stored = (i: number, extra: Partial<Source> = {}): Source => ({
  id: `s${i}`, title: 'Harbour drills', outlet: OUTLETS[i % OUTLETS.length]!, published: '2021-03-0' + (1 + (i % 9)), language: 'en',
  url: `https://courier-${i}.example/drills`, origin: 'imported', set: 't', entities: ['org:alliance'], ...extra,
});

function citingPage(): PageForDerivation {
  const sentences: string[] = [];
  const mentions: Mention[] = [];
  let text = '';
  for (let i = 0; i < 400; i++) {
    const outlet = OUTLETS[(i * 7) % OUTLETS.length]!;
    const sentence = `Crews trained near the harbour for the ${i}th time, ${outlet} reported on March ${1 + (i % 9)}. The alliance said the drills were routine. `;
    const at = text.length + sentence.indexOf('alliance');
    mentions.push({ type: 'organization', id: 'org:alliance', name: 'Alliance', text: 'alliance', start: at, end: at + 8, confidence: 1, form: 'name' });
    text += sentence;
    sentences.push(sentence);
  }
  return { text, url: null, title: 'Harbour drills', outlet: 'Granite Post', mentions };
}

describe('findDerivationInSteps', () => {
  it('finds what findDerivation finds, yielding between its readings of the page and of the stored outlets', () => {
    const page = citingPage();
    const candidates = Array.from({ length: 200 }, (_, i) => stored(i));
    const outletOf = (id: string) => (id === 'org:alliance' ? ['Alliance', 'the alliance'] : []);
    const plain = findDerivation(page, candidates, outletOf);
    const { value, yields } = stepped(findDerivationInSteps(page, candidates, outletOf));
    expect(value).toEqual(plain);
    expect(plain.derivedFrom).not.toBeNull();
    // After the mentions, the registry's names, each 32 of the 90 stored outlets and the credit line.
    expect(yields).toBeGreaterThanOrEqual(5);
  });

  it('yields before each stored text it compares with the page', () => {
    const story = 'Crews of four navies trained near the harbour on Monday, boarding a freighter and rescuing sailors from a burning deck before the storm came in.';
    const candidates = [stored(1, { text: 'A market opened in the old town with music and food stalls along the river.' }), stored(2, { text: story })];
    const page = { text: `${story} Officials called it a success.`, url: null, title: 'x', outlet: 'Granite Post', mentions: [] };
    const { value, yields } = stepped(findDerivationInSteps(page, candidates, () => []));
    expect(value).toEqual(findDerivation(page, candidates, () => []));
    expect(value.derivation).toBe('wire-copy');
    expect(yields).toBeGreaterThanOrEqual(5);
  });

  it('finds a stored outlet cited as a word of its own, whatever is written around it', () => {
    const cited = (text: string, outlet: string) => findDerivation({ text, url: null, title: '', mentions: [] }, [stored(0, { outlet })], () => []).cited;
    // A letter outside the Basic Multilingual Plane is two UTF-16 units, neither a letter on its own.
    expect(cited('Drills began, 𠀀Meridian Courier 0 reported.', 'Meridian Courier 0')).toEqual(['Meridian Courier 0']);
    expect(cited('Drills began, XMeridian Courier 0 reported.', 'Meridian Courier 0')).toEqual([]);
    expect(cited('Drills began, Meridian Courier 07 reported.', 'Meridian Courier 0')).toEqual([]);
    // A name that can overlap itself is looked for as before: each search starts after the last occurrence.
    expect(cited('Drills began, Ka-Ka-Ka reported.', 'Ka-Ka')).toEqual([]);
    expect(cited('Drills began, as Ka-Ka reported.', 'Ka-Ka')).toEqual(['Ka-Ka']);
    expect(cited('Старт учений, сообщает Вестник Гавани.', 'Вестник Гавани')).toEqual(['Вестник Гавани']);
  });
});
