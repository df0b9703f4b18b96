/**
 * Scores article-body extraction on the saved real pages in ../shared/pages (or $TRIANGULATE_PAGES)
 * the way that benchmark's README describes: 4-token shingles with counts, per-page TP/FP/FN
 * normalised by their sum, precision/recall/F1 from the sums. Prints collectArticleText beside
 * plain Readability, the time collectArticleText takes per page, and the worst pages.
 *   npx tsx scripts/body-f1.ts [--limit N] [--json]
 * The scoring functions are exported so the pages test checks the same figure this prints.
 */
import '../lib/dom/node';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHtmlDocument } from '../lib/dom/parse.ts';
import { collectArticleText } from '../lib/extract/body.ts';

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface Totals {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

export interface BenchPage {
  name: string;
  url: string;
  truth: string;
  html: string;
}

export const PAGES_DIR = process.env.TRIANGULATE_PAGES ?? resolve(import.meta.dirname, '..', '..', 'shared', 'pages');

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = tokens.slice(i, i + 4).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Shared, predicted-only and true-only shingles, divided by their sum so each page weighs the same. */
export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

export function totals(scores: PageScore[]): Totals {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: scores.length };
}

/** The benchmark pages in ground-truth order; empty when the folder is absent. */
export function loadPages(dir = PAGES_DIR, limit = Infinity): BenchPage[] {
  const truthFile = join(dir, 'ground-truth.json');
  if (!existsSync(truthFile)) return [];
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { url: string; articleBody: string }>;
  const pages: BenchPage[] = [];
  for (const [name, entry] of Object.entries(truth)) {
    if (pages.length >= limit) break;
    const file = join(dir, 'html', `${name}.html.gz`);
    if (!existsSync(file)) continue;
    pages.push({ name, url: entry.url, truth: entry.articleBody, html: gunzipSync(readFileSync(file)).toString('utf8') });
  }
  return pages;
}

export function readabilityText(html: string): string {
  return new Readability(parseHtmlDocument(html)).parse()?.textContent ?? '';
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function main(): void {
  const args = process.argv.slice(2);
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const json = args.includes('--json');
  const pages = loadPages(PAGES_DIR, limit);
  if (pages.length === 0) {
    console.log(`No benchmark pages at ${PAGES_DIR} (set TRIANGULATE_PAGES to the folder holding ground-truth.json).`);
    return;
  }

  const ours: (PageScore & { name: string; url: string; ms: number; words: number })[] = [];
  const theirs: PageScore[] = [];
  for (const page of pages) {
    const doc = parseHtmlDocument(page.html);
    const { text } = collectArticleText(doc);
    // The second run on the same (unchanged) page, so JIT warm-up and GC of the first do not count.
    const t0 = performance.now();
    collectArticleText(doc);
    const ms = performance.now() - t0;
    const words = (doc.body?.textContent ?? '').split(/\s+/).length;
    ours.push({ ...scorePage(page.truth, text), name: page.name, url: page.url, ms, words });
    theirs.push(scorePage(page.truth, readabilityText(page.html)));
  }
  const mine = totals(ours);
  const base = totals(theirs);
  const worst = [...ours].sort((a, b) => a.tp - b.tp).slice(0, 10);
  const times = ours.map((o) => o.ms);
  const timing = { medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), maxMs: Math.max(...times) };

  if (json) {
    console.log(JSON.stringify({ collectArticleText: mine, readability: base, timing, worst }, null, 2));
    return;
  }
  const fmt = (t: Totals) => `P ${t.precision.toFixed(3)}  R ${t.recall.toFixed(3)}  F1 ${t.f1.toFixed(3)}`;
  console.log(`pages: ${mine.pages}`);
  console.log(`collectArticleText  ${fmt(mine)}`);
  console.log(`Readability         ${fmt(base)}`);
  console.log(
    `time per page (collectArticleText, linkedom, warm): median ${timing.medianMs.toFixed(1)} ms, ` +
      `p95 ${timing.p95Ms.toFixed(1)} ms, max ${timing.maxMs.toFixed(1)} ms`,
  );
  console.log('worst pages (shared / predicted-only / true-only):');
  for (const w of worst) console.log(`  ${w.tp.toFixed(2)} ${w.fp.toFixed(2)} ${w.fn.toFixed(2)}  ${w.name.slice(0, 12)}  ${w.url}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
