/**
 * The stepping forms of the service worker's last long steps (issue 19, item 3): each gives what
 * its plain form gives, and yields along the way so the worker can give the thread away.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { extractClaims, extractClaimsInSteps, findDerivation, findDerivationInSteps, type PageForDerivation } from '../../lib/claims';
import { extractIntlClaims, extractIntlClaimsInSteps } from '../../lib/claims/intl';
import { readSeeds } from '../../lib/dataset/seeds-fs';
import { createService } from '../../lib/background/service';
import { holdingPacing } from '../../lib/background/slices';
import { buildDatasetFromSeeds } from '../../lib/dataset/seeds-fs';
import { createDetector, createDetectorInSteps } from '../../lib/detect';
import { buildGazetteer, buildGazetteerInSteps } from '../../lib/detect/gazetteer';
import { tokenize, tokenizeInSteps } from '../../lib/detect/tokens';
import { openKb } from '../../lib/kb/db';
import type { ExtractInput } from '../../lib/claims/types';
import { runSteps, runStepsWith, type Steps } from '../../lib/steps';
import type { Mention, Source } from '../../lib/types';

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

describe('extractIntlClaimsInSteps', () => {
  const entities = readSeeds('seeds').entities;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const detector = createDetector(entities);
  const input = (text: string): ExtractInput => ({ text, published: '2017-09-10', url: null, sourceId: 'page', mentions: detector.detect(text), entity: (id) => byId.get(id) });
  // Our own sentences (invented outlets: Северный вестник, 海风日报).
  const pages = {
    ru: Array.from({ length: 12 }, (_, i) => `В учениях «Запад-2017» участвуют ${12000 + i * 100} военнослужащих и ${40 + i} самолетов, сообщает Северный вестник. Маневры пройдут с 14 по 20 сентября.`).join(' '),
    zh: Array.from({ length: 12 }, (_, i) => `中俄“海上联合-2017”军事演习于7月${20 + (i % 8)}日开始，双方派出约${10 + i}艘舰艇参加演习，海风日报报道。`).join(''),
  } as const;

  for (const [lang, text] of Object.entries(pages) as ['ru' | 'zh', string][]) {
    it(`reads a ${lang} page to the same claims as extractIntlClaims, one sentence per step`, () => {
      const plain = extractIntlClaims(input(text), lang);
      const { value, yields } = stepped(extractIntlClaimsInSteps(input(text), lang));
      expect(value).toEqual(plain);
      expect(plain.length).toBeGreaterThan(12);
      // A step per sentence: at least the twelve that name the exercise.
      expect(yields).toBeGreaterThanOrEqual(12);
      // The page's extraction takes the same steps (it no longer reads these pages in one).
      expect(stepped(extractClaimsInSteps(input(text))).yields).toBe(yields);
      expect(runSteps(extractClaimsInSteps(input(text)))).toEqual(extractClaims(input(text)));
    });
  }

  it('told to stop, keeps the claims of the sentences before', () => {
    const all = extractIntlClaims(input(pages.ru), 'ru');
    const steps = extractIntlClaimsInSteps(input(pages.ru), 'ru');
    let step = steps.next(false);
    let stopAt = 0;
    for (let n = 0; !step.done && n < 6; n++) {
      stopAt = step.value;
      step = steps.next(false);
    }
    expect(step.done).toBe(false);
    stopAt = step.done ? stopAt : step.value;
    const cut = steps.next(true);
    expect(cut.done).toBe(true);
    const kept = cut.value as ReturnType<typeof extractIntlClaims>;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    expect(kept.every((c) => (c.start ?? 0) < stopAt)).toBe(true);
    expect(all.filter((c) => (c.start ?? 0) < stopAt).map((c) => c.value)).toEqual(kept.map((c) => c.value));
  });
});

describe('the detector built in steps', () => {
  const entities = readSeeds('seeds').entities;

  it('compiles the gazetteer of buildGazetteer, fifty entities per step', () => {
    const { value, yields } = stepped(buildGazetteerInSteps(entities));
    expect(value).toEqual(buildGazetteer(entities));
    expect(entities.length).toBeGreaterThan(1000);
    expect(yields).toBe(Math.ceil(entities.length / 50) - 1);
  });

  it('finds what createDetector finds', () => {
    const texts = [
      'NATO opened Cyber Coalition 2019 in Estonia; Japan sent observers, the Japan Self-Defense Forces said.',
      'В учениях «Запад-2017» участвуют военные России и Белоруссии.',
      '中俄“海上联合-2017”军事演习开始，日本派出观察员。',
    ];
    const { value: stepwise } = stepped(createDetectorInSteps(entities));
    const plain = createDetector(entities);
    for (const text of texts) {
      expect(stepwise.detect(text), text).toEqual(plain.detect(text));
      expect(plain.detect(text).length, text).toBeGreaterThan(1);
    }
  });

  it('at a wake, gives the thread away while it compiles', async () => {
    // A fake clock: each look at it is 5 ms later, so a 40 ms slice holds a handful of steps.
    let clock = 0;
    const pacing = holdingPacing(40, () => (clock += 5));
    let pauses = 0;
    const counting = { pause: () => { const p = pacing.pause(); if (p) pauses++; return p; }, outOfTime: () => false };
    const { value } = await runStepsWith(createDetectorInSteps(entities), counting, false);
    expect(value.detect('Estonia hosted the drills.').map((m) => m.id)).toEqual(['country:EE']);
    expect(pauses).toBeGreaterThan(0);
    expect(pacing.longestHold()).toBeLessThanOrEqual(45);
  });

  it('the service tells how long the wake held the thread compiling it', async () => {
    const dataset = buildDatasetFromSeeds('seeds');
    const bg = createService({ loadDataset: async () => dataset, openDb: () => openKb(`stepped-forms-${Date.now()}`), collectFromTab: async () => null });
    const status = await bg.handle({ type: 'kb-status' });
    expect(status.wake?.detectorHold).toBeGreaterThan(0);
    expect(status.wake!.detectorHold!).toBeLessThanOrEqual(status.wake!.detector);
  }, 60_000);
});

describe('tokenizeInSteps', () => {
  it('cuts a page into the tokens tokenize gives, a few thousand per step, whatever else is tokenised meanwhile', () => {
    // Our own sentences, in the four scripts the detector reads, and a Latin name run into a figure.
    const text = Array.from({ length: 900 }, (_, i) => `Estonia hosted Locked Shields ${2010 + (i % 15)}. В учениях «Запад-2017» участвуют войска Белоруссии. 中俄“海上联合-2017”军事演习开始。NATO29カ国が参加した。`).join('\n');
    const steps = tokenizeInSteps(text);
    let yields = 0;
    let step = steps.next(false);
    while (!step.done) {
      yields++;
      // Another text tokenised between two steps does not disturb this one.
      expect(tokenize('Japan and Estonia').map((t) => t.key)).toEqual(['japan', 'and', 'estonia']);
      step = steps.next(false);
    }
    const plain = tokenize(text);
    expect(step.value).toEqual(plain);
    expect(plain.length).toBeGreaterThan(20_000);
    expect(yields).toBeGreaterThanOrEqual(Math.floor(plain.length / 4000) - 1);
  });
});
