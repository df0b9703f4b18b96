/**
 * The page analysis in time slices (issue 19, item 3): paced, it gives the same annotation as run
 * straight through; out of time, it keeps the claims of the sentences it read and says where it
 * stopped; and in the background, a long page neither holds up another tab nor outlives its tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextTask, slicedPacing } from '../../lib/background/slices';
import { openCliKb, type CliKb } from '../../lib/cli/kb';
import { buildDatasetFromSeeds } from '../../lib/dataset/seeds-fs';
import { annotateArticle, annotateArticlePaced } from '../../lib/pipeline/annotate';
import { applyInputLimits, limitsNotice, withClaimsStop } from '../../lib/pipeline/limits';
import type { Pacing } from '../../lib/steps';
import type { ArticleInput } from '../../lib/types';
import { syntheticArticle } from '../../scripts/lib/synthetic';
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
