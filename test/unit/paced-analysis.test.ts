/**
 * The page analysis in time slices (issue 19, item 3): paced, it gives the same annotation as run
 * straight through; out of time, it keeps the claims of the sentences it read and says where it
 * stopped; detection pauses block by block and never stops short; the KB's evidence is read in
 * bounded batches with pauses between them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextTask, slicedPacing } from '../../lib/background/slices';
import { openCliKb, type CliKb } from '../../lib/cli/kb';
import { buildDatasetFromSeeds } from '../../lib/dataset/seeds-fs';
import { annotateArticle, annotateArticlePaced } from '../../lib/pipeline/annotate';
import { applyInputLimits, limitsNotice, withClaimsStop } from '../../lib/pipeline/limits';
import type { KbReader } from '../../lib/kb/store';
import type { Pacing } from '../../lib/steps';
import type { ArticleInput, Claim } from '../../lib/types';
import { syntheticArticle, syntheticParagraphs } from '../../scripts/lib/synthetic';
import { loadDocuments } from '../fixtures/claims/fixtures';

let cli: CliKb;

beforeAll(async () => {
  cli = await openCliKb(buildDatasetFromSeeds(new URL('../../seeds', import.meta.url).pathname));
}, 60_000);

afterAll(() => cli?.db.close());

/** Gives the thread away at every step (the most a slice can split the work), counting the pauses. */
function everyStep(): Pacing & { pauses: number } {
  return {
    pauses: 0,
    pause() {
      this.pauses++;
      return nextTask();
    },
    outOfTime: () => false,
  };
}

const articles = (): ArticleInput[] => [
  ...loadDocuments().map((d) => ({ title: d.title, outlet: d.outlet, published: d.published, url: d.url, text: d.text })),
  // A page at the character cap, dense with exercises, counts, dates, places and roles (synthetic).
  (() => {
    const a = syntheticArticle(19, 40_000);
    return { ...a, text: applyInputLimits(a.text).text };
  })(),
];

describe('paced analysis', () => {
  it('gives exactly the annotation of the unpaced analysis, however often it pauses', async () => {
    const context = { detector: cli.detector, kb: cli.kb };
    let claims = 0;
    for (const article of articles()) {
      const pacing = everyStep();
      const paced = await annotateArticlePaced(article, context, pacing);
      const straight = await annotateArticle(article, context);
      expect(paced.annotation, article.title).toEqual(straight);
      expect(paced.claimsStoppedAt).toBeUndefined();
      // One pause per sentence read and per group of compared claims, at the least.
      expect(pacing.pauses).toBeGreaterThan(straight.claims.length / 50);
      claims += straight.claims.length;
    }
    expect(claims).toBeGreaterThan(500);
  }, 120_000);

  it('out of time, keeps every mention and the claims of the sentences read, and says where it stopped', async () => {
    const context = { detector: cli.detector, kb: cli.kb };
    const article = articles().at(-1)!;
    const full = await annotateArticle(article, context);
    // A fake clock: each step costs 1 ms, the work budget is 400 ms (so about 400 sentences).
    let clock = 0;
    const base = slicedPacing(new AbortController().signal, { sliceMs: 50, workMs: 400, wallMs: 1e9 }, () => clock);
    const pacing: Pacing = {
      pause: () => {
        clock += 1;
        return base.pause();
      },
      outOfTime: () => base.outOfTime(),
    };
    const cut = await annotateArticlePaced(article, context, pacing);
    const at = cut.claimsStoppedAt!;
    expect(at).toBeGreaterThan(1000);
    expect(at).toBeLessThan(article.text.length / 2);
    expect(cut.annotation.mentions).toEqual(full.mentions);
    const place = (c: { kind: string; start: number; text: string }) => `${c.kind}@${c.start}:${c.text}`;
    const before = full.claims.filter((c) => c.start < at).map(place);
    expect(before.length).toBeGreaterThan(20);
    expect(cut.annotation.claims.map(place)).toEqual(before);

    const limits = withClaimsStop(null, article.text.length, at)!;
    expect(limitsNotice(limits)).toBe(`Claims were read in the first ${at.toLocaleString('en-US')} characters only (time limit); highlights cover the rest.`);
  }, 60_000);
});

/** Twelve thousand mentions of countries and NATO in four roll calls, no exercise: detection is all the work (synthetic). */
function rollCall(): ArticleInput {
  const names = ['Estonia', 'Latvia', 'NATO', 'Lithuania', 'Poland', 'Finland', 'Japan', 'the European Union', 'Australia', 'India'];
  const calls = Array.from({ length: 4 }, (_, p) => `Taking part in the talks were ${Array.from({ length: 3000 }, (_, i) => names[(i + p) % names.length]).join(', ')} and observers.`);
  return { title: 'Synthetic roll call', outlet: 'Synthetic Ledger (test fixture)', published: '2020-06-01', url: 'https://synthetic.example/roll', text: calls.join('\n\n') };
}

describe('detection in steps (issue 19: no hold over one slice and one step)', () => {
  it('yields block by block and finds exactly what detect() finds', () => {
    const { text } = rollCall();
    const steps = cli.detector.detectInSteps(text);
    let yields = 0;
    let last = -1;
    let step = steps.next(false);
    for (; !step.done; step = steps.next(false)) {
      yields++;
      // Where it got, in characters: never backwards within a pass, never past the text.
      expect(step.value).toBeLessThanOrEqual(text.length);
      last = step.value;
    }
    expect(last).toBe(text.length);
    expect(step.value).toEqual(cli.detector.detect(text));
    expect(step.value.length).toBeGreaterThanOrEqual(12_000);
    // 24,000 tokens at 500 a step and 12,000 hits at 100 a step.
    expect(yields).toBeGreaterThan(150);
  });

  it('a stop sent during detection does not cut the mentions short', () => {
    const { text } = rollCall();
    const steps = cli.detector.detectInSteps(text);
    let step = steps.next(false);
    while (!step.done) step = steps.next(true);
    expect(step.value).toEqual(cli.detector.detect(text));
  });

  it('a page whose work is detection gives the thread away throughout it, with the same annotation', async () => {
    const context = { detector: cli.detector, kb: cli.kb };
    const article = rollCall();
    const pacing = everyStep();
    const paced = await annotateArticlePaced(article, context, pacing);
    expect(paced.annotation).toEqual(await annotateArticle(article, context));
    expect(paced.annotation.claims).toEqual([]);
    // Before, detection and the fingerprint were two steps: the page paused twice.
    expect(pacing.pauses).toBeGreaterThan(150);
  }, 60_000);

  it('out of time during detection, still finds every mention and reads no claim', async () => {
    const context = { detector: cli.detector, kb: cli.kb };
    const article = articles().at(-1)!;
    const full = await annotateArticle(article, context);
    // Each step costs 1 ms and the budget is 5 ms: the time runs out while the mentions are sought.
    let clock = 0;
    const base = slicedPacing(new AbortController().signal, { sliceMs: 50, workMs: 5, wallMs: 1e9 }, () => clock);
    const pacing: Pacing = {
      pause: () => {
        clock += 1;
        return base.pause();
      },
      outOfTime: () => base.outOfTime(),
    };
    const cut = await annotateArticlePaced(article, context, pacing);
    expect(cut.annotation.mentions).toEqual(full.mentions);
    expect(cut.annotation.claims).toEqual([]);
    expect(cut.claimsStoppedAt).toBe(0);
  }, 60_000);
});

/** A KB reader that logs its reads and the pauses between them. */
function loggingReader(kb: KbReader, log: string[]): KbReader {
  return {
    ...kb,
    entities: () => kb.entities(),
    sourcesMentioning: (ids, limit) => kb.sourcesMentioning(ids, limit),
    sourcesByUrlOrFingerprint: (url, fingerprint) => kb.sourcesByUrlOrFingerprint(url, fingerprint),
    claimsFor(keys, perKey) {
      log.push(`claims ${keys.length}`);
      return kb.claimsFor(keys, perKey);
    },
    sourcesById(ids) {
      log.push(`sources ${ids.length}`);
      return kb.sourcesById(ids);
    },
  };
}

describe('KB reads in bounded batches (issue 19)', () => {
  it('reads the evidence of a page with many claim keys in batches, pausing between them, and finds what one read finds', async () => {
    // A round-up: each paragraph about its own exercise and edition, so claims fall under many (subject, edition, kind) keys (synthetic).
    const text = applyInputLimits(syntheticParagraphs(30_000, 77).join('\n\n')).text;
    const article: ArticleInput = { title: 'Synthetic round-up', outlet: 'Synthetic Ledger (test fixture)', published: '2021-03-01', url: 'https://synthetic.example/round-up', text };
    const log: string[] = [];
    const pacing = everyStep();
    const logged: Pacing = {
      pause() {
        log.push('pause');
        return pacing.pause();
      },
      outOfTime: () => false,
    };
    const paced = await annotateArticlePaced(article, { detector: cli.detector, kb: loggingReader(cli.kb, log) }, logged);
    expect(paced.annotation).toEqual(await annotateArticle(article, { detector: cli.detector, kb: cli.kb }));

    const keyOf = (c: Claim) => `${c.subject}|${c.edition}|${c.kind}`;
    const claims = (await import('../../lib/pipeline/analyze')).analyzeArticle(article, 'page', cli.detector).claims;
    const keys = new Set(claims.map(keyOf));
    expect(keys.size).toBeGreaterThan(100);
    const reads = log.filter((e) => e.startsWith('claims ')).map((e) => Number(e.slice('claims '.length)));
    expect(reads.length).toBeGreaterThan(3);
    expect(Math.max(...reads)).toBeLessThanOrEqual(32);
    expect(reads.reduce((a, b) => a + b, 0)).toBe(keys.size);
    // Between two batches the pacing was asked whether to give the thread away.
    const firstRead = log.indexOf(`claims ${reads[0]}`);
    const between = log.slice(firstRead).filter((e) => !e.startsWith('sources '));
    for (let i = 1; i < between.length; i++) if (between[i]!.startsWith('claims ')) expect(between[i - 1]).toBe('pause');
    // The batches' evidence is one read's, in the same order.
    const one = await cli.kb.claimsFor(claims);
    const batched: Awaited<ReturnType<KbReader['claimsFor']>> = [];
    const unique = [...new Map(claims.map((c) => [keyOf(c), c])).values()];
    for (let i = 0; i < unique.length; i += 32) batched.push(...(await cli.kb.claimsFor(unique.slice(i, i + 32))));
    expect(batched).toEqual(one);
  }, 120_000);
});
