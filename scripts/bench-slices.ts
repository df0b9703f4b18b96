/**
 * The service worker's analysis in time slices (issue 19, item 3), measured through the real
 * background service in Node (fake-indexeddb, the bundled dataset): for pages that are hard on
 * the analysis, the time to answer, the longest stretch the event loop was held (what another
 * tab's request may wait: the longest uninterrupted run of the worker's work), and whether the
 * claims stopped at the time budget; then a hard page and the seed page asked for together in two
 * tabs. The browser's own figure for the worker's longest task is in bench-longtasks.ts.
 * Run: npx tsx scripts/bench-slices.ts (npm run bench calls benchSlices()).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createService } from '../lib/background/service';
import { holdingPacing } from '../lib/background/slices';
import { createDetector, createDetectorInSteps } from '../lib/detect';
import { runStepsWith } from '../lib/steps';
import { buildDatasetFromSeeds } from '../lib/dataset/seeds-fs';
import { openKb } from '../lib/kb/db';
import type { LimitedAnnotation } from '../lib/pipeline/limits';
import type { ArticleInput } from '../lib/types';
import { median } from './lib/figures';
import { syntheticArticle } from './lib/synthetic';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');

const ROLL = ['Estonia', 'Latvia', 'NATO', 'Lithuania', 'Poland', 'Zapad 2017', 'Finland', 'Japan', 'the European Union', 'Australia', 'India', 'RIMPAC 2018'];

/** Pages that are hard on the analysis (synthetic but for the seed document). */
function pages(): Record<string, ArticleInput> {
  const article = (title: string, text: string): ArticleInput => ({ title, outlet: 'Synthetic Ledger (benchmark fixture)', published: '2020-06-01', url: `https://bench.example/${encodeURIComponent(title)}`, text });
  const countries = ['Estonia', 'Latvia', 'Lithuania', 'Poland', 'Finland', 'Japan', 'Australia', 'India', 'Germany', 'France', 'Norway', 'Ukraine'];
  const exercises = ['Zapad 2017', 'Locked Shields 2019', 'Cyber Coalition 2019', 'RIMPAC 2018', 'Trident Juncture 2018', 'BALTOPS 2020'];
  const dense = Array.from({ length: 3000 }, (_, i) => `${countries[i % 12]}, ${countries[(i + 5) % 12]} and NATO joined ${exercises[i % 6]}.`).join(' ');
  const figures = Array.from({ length: 4000 }, (_, i) => `Zapad 2017 involved ${1000 + i} troops, ${i % 90} aircraft and ${i % 40} ships from ${i % 30} nations in Belarus between 14 and 20 September 2017, the ministry said.`).join(' ');
  const roll = Array.from({ length: 4 }, (_, p) => `Taking part in the drills were ${Array.from({ length: 3000 }, (_, i) => ROLL[(i + p) % ROLL.length]).join(', ')} and observers`).join('\n\n');
  // Russian and Chinese reporting (our own sentences, figures varied): read by the intl extractor.
  const russian = Array.from({ length: 1500 }, (_, i) =>
    `В учениях «Запад-2017» участвуют ${1000 + i} военнослужащих, около ${i % 70} самолетов и ${i % 40} кораблей, сообщило министерство обороны Белоруссии. Маневры пройдут с 14 по 20 сентября на полигонах Белоруссии и России.`).join(' ');
  const chinese = Array.from({ length: 4000 }, (_, i) =>
    `中俄“海上联合-2017”军事演习于7月${1 + (i % 28)}日开始，双方派出约${10 + (i % 30)}艘舰艇和${i % 20}架飞机参加演习。${i % 3 === 2 ? '\n' : ''}`).join('');
  const seed = readFileSync(join(ROOT, 'seeds/documents/000_8bf4eb82250f4ca7.txt'), 'utf8');
  return {
    'seed page 000': { title: 'Japan joins NATO cybersecurity drills', outlet: 'Nikkei Asian Review', published: '2019-12-03', url: 'https://bench.example/seed-000', text: seed },
    'reporting at the 200,000-character cap': article('synthetic reporting', syntheticArticle(19, 40_000).text),
    '12,000 mentions in short sentences': article('dense mentions', dense),
    '12,000 mentions in four roll calls': article('roll call', roll),
    'figures in every sentence (550,000 chars)': article('figures', figures),
    'one 600,000-character word': article('giant word', `Estonia hosted the drills. ${'x'.repeat(600_000)}`),
    [`Russian reporting (${Math.round(russian.length / 1000)},000 chars)`]: article('russian', russian),
    [`Chinese reporting (${Math.round(chinese.length / 1000)},000 chars)`]: article('chinese', chinese),
    '1.6 M-character reporting': article('archive', syntheticArticle(23, 270_000).text),
  };
}

/** The longest time the event loop went without running a task, while `work` ran. */
async function heldWhile<T>(work: Promise<T>): Promise<{ value: T; longestMs: number }> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { value: await work, longestMs: longest };
  } finally {
    running = false;
  }
}

const round = (ms: number) => Math.round(ms);
/** Runs per page: the machine is shared, one run's hold may be another process's doing. */
const RUNS = 3;

export async function benchSlices(): Promise<Record<string, number | string>> {
  const dataset = buildDatasetFromSeeds(join(ROOT, 'seeds'));
  const bg = createService({ loadDataset: async () => dataset, openDb: () => openKb(`bench-slices-${Date.now()}`), collectFromTab: async () => null });
  await bg.whenReady();
  const out: Record<string, number | string> = {};
  // The detector's build at a service-worker wake: once in one go (as before), once in slices.
  const whole: number[] = [];
  const sliced: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    createDetector(dataset.entities);
    whole.push(performance.now() - t0);
    const pacing = holdingPacing();
    await runStepsWith(createDetectorInSteps(dataset.entities), pacing, false);
    sliced.push(pacing.longestHold());
  }
  out[`detector build from the bundled entities, in one go (ms, median of ${RUNS})`] = round(median(whole));
  out[`detector build in slices (the wake's): longest hold (ms, median of ${RUNS})`] = round(median(sliced));
  const all = pages();
  let tab = 1;
  // Warm the engine once.
  await bg.handle({ type: 'annotate', article: all['seed page 000']! }, { tabId: tab++ });
  for (const [name, article] of Object.entries(all)) {
    const answered: number[] = [];
    const held: number[] = [];
    let value: LimitedAnnotation | undefined;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const outcome = await heldWhile(bg.handle({ type: 'annotate', article }, { tabId: tab++ }) as Promise<LimitedAnnotation>);
      answered.push(performance.now() - started);
      held.push(outcome.longestMs);
      value = outcome.value;
    }
    const stopped = value!.limits?.claimsStoppedAt;
    out[`${name}: answered (ms, median of ${RUNS})`] = round(median(answered));
    out[`${name}: longest hold of the event loop (ms, median of ${RUNS} / worst)`] = `${round(median(held))} / ${round(Math.max(...held))}`;
    out[`${name}: claims`] = `${value!.claims.length}${stopped !== undefined ? ` (stopped at character ${stopped.toLocaleString('en-US')}, time budget)` : ''}`;
  }
  // Two tabs at once: the hard page first, the seed page a moment later.
  for (const hard of ['12,000 mentions in short sentences', 'figures in every sentence (550,000 chars)']) {
    const t0 = performance.now();
    const heavy = bg.handle({ type: 'annotate', article: all[hard]! }, { tabId: tab++ }).then(() => performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
    const t1 = performance.now();
    const seed = bg.handle({ type: 'annotate', article: all['seed page 000']! }, { tabId: tab++ }).then(() => performance.now() - t1);
    const [heavyMs, seedMs] = await Promise.all([heavy, seed]);
    out[`beside "${hard}": seed page answered (ms)`] = round(seedMs);
    out[`beside "${hard}": the hard page answered (ms)`] = round(heavyMs);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchSlices();
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(72)} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`);
}
