/**
 * `npm run dataset`: validates seeds/, prints what the curated data holds (series, editions, sources,
 * outlets, claims, editions per year) and the validation errors, then compiles the dataset to
 * .output/dataset.json (the extension build does the same). Exits 1 when a record is invalid.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from '../lib/dataset/build';
import { readCuratedSeeds, readSeeds } from '../lib/dataset/seeds-fs';
import { formatValidationErrors, validateDataset } from '../lib/dataset/validate';
import { formatCounts } from './dataset-counts';

const root = join(new URL('.', import.meta.url).pathname, '..');
const seeds = join(root, 'seeds');
const curated = readCuratedSeeds(seeds);
const errors = validateDataset(curated);

console.log(formatCounts(new Map(curated.curated.map((f) => [f.file, f.data]))));
console.log(`outlets: ${curated.outlets.data.outlets.length} in the registry, ${new Set(curated.curated.flatMap((f) => f.data.sources.map((s) => s.outletId))).size} with a curated source`);
console.log(`validation errors: ${errors.length}`);
if (errors.length) {
  console.error(formatValidationErrors(errors, Infinity));
  process.exit(1);
}

const dataset = buildDataset(readSeeds(seeds));
mkdirSync(join(root, '.output'), { recursive: true });
const out = join(root, '.output', 'dataset.json');
const json = JSON.stringify(dataset);
writeFileSync(out, json);
console.log(`dataset ${dataset.version}: ${dataset.entities.length} entities, ${dataset.sources.length} sources, ${dataset.claims.length} claims, ${(json.length / 1024).toFixed(0)} KiB → ${out}`);
