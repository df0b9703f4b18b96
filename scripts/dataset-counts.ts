/**
 * Counts what the curated seed files hold (exercise series, editions, sources, claims), over all
 * files and per file, so the targets can be checked at a glance:
 *   npx tsx scripts/dataset-counts.ts
 * The counting functions are exported so the data test checks the same numbers this prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface CuratedSource {
  id: string;
  title: string;
  outlet: string;
  outletId: string;
  published: string;
  url: string;
  language: string;
  kind: string;
  derivedFrom?: string | null;
  derivation?: string;
  via?: string;
}

export interface CuratedClaim {
  source: string;
  subject: string;
  edition: number;
  kind: string;
  value: { type: string; [field: string]: unknown };
  scope: { kind: string; of?: string; label?: string };
  summary: string;
  attribution?: string | null;
  stance: 'official' | 'estimate' | null;
}

export interface CuratedFile {
  sources: CuratedSource[];
  claims: CuratedClaim[];
}

export interface DatasetCounts {
  series: number;
  editions: number;
  sources: number;
  claims: number;
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

function main(): void {
  const files = readCuratedFiles();
  console.log(`${''.padEnd(28)}${['series', 'editions', 'sources', 'claims'].map((h) => h.padStart(10)).join('')}`);
  for (const [name, file] of files) console.log(formatRow(name, countDataset([file])));
  console.log(formatRow('all files', countDataset(files.values())));
}

// Run only as a command, not when the data test imports the counting functions.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
