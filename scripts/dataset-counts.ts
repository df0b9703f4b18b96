/**
 * Counts what the curated seed files hold (exercise series, editions, sources, claims), over all
 * files and per file, so the issue's targets can be checked at a glance:
 *   npx tsx scripts/dataset-counts.ts
 * The counting functions are exported so the data test checks the same numbers this prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { CuratedFile } from '../lib/dataset/types';

export type { CuratedClaim, CuratedFile, CuratedSource } from '../lib/dataset/types';

export interface DatasetCounts {
  series: number;
  editions: number;
  sources: number;
  claims: number;
}

export const YEARS = Array.from({ length: 12 }, (_, i) => 2015 + i);

/** Editions (series × year) per year, for the years the issue tracks. */
export function editionsPerYear(files: Iterable<CuratedFile>, years: number[] = YEARS): Map<number, number> {
  const editions = new Set<string>();
  for (const file of files) for (const claim of file.claims) editions.add(`${claim.subject}@${claim.edition}`);
  const perYear = new Map(years.map((y) => [y, 0]));
  for (const key of editions) {
    const year = Number(key.slice(key.lastIndexOf('@') + 1));
    if (perYear.has(year)) perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  return perYear;
}

export const CURATED_DIR = resolve(import.meta.dirname, '..', 'seeds', 'curated');

/** Every `*.json` in the curated folder, parsed, keyed by file name (sorted for stable output). */
export function readCuratedFiles(dir: string = CURATED_DIR): Map<string, CuratedFile> {
  const files = new Map<string, CuratedFile>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'outlets.json').sort()) {
    files.set(name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as CuratedFile);
  }
  return files;
}

/** Series and editions are counted from claims: a series nobody reported on is not data. */
export function countDataset(files: Iterable<CuratedFile>): DatasetCounts {
  const series = new Set<string>();
  const editions = new Set<string>();
  const sources = new Set<string>();
  let claims = 0;
  for (const file of files) {
    for (const source of file.sources) sources.add(source.id);
    for (const claim of file.claims) {
      series.add(claim.subject);
      editions.add(`${claim.subject}@${claim.edition}`);
      claims += 1;
    }
  }
  return { series: series.size, editions: editions.size, sources: sources.size, claims };
}

function formatRow(label: string, counts: DatasetCounts): string {
  const cells = [counts.series, counts.editions, counts.sources, counts.claims].map((n) => String(n).padStart(10));
  return `${label.padEnd(28)}${cells.join('')}`;
}

/** The counts table, per file and over all files, then editions per year. */
export function formatCounts(files: Map<string, CuratedFile>): string {
  const lines = [`${''.padEnd(28)}${['series', 'editions', 'sources', 'claims'].map((h) => h.padStart(10)).join('')}`];
  for (const [name, file] of files) lines.push(formatRow(name, countDataset([file])));
  lines.push(formatRow('all files', countDataset(files.values())));
  const perYear = editionsPerYear(files.values());
  lines.push(`editions per year: ${[...perYear].map(([y, n]) => `${y} ${n}`).join(' · ')}`);
  return lines.join('\n');
}

function main(): void {
  console.log(formatCounts(readCuratedFiles()));
}

// Run only as a command, not when the data test imports the counting functions.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
