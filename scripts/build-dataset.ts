/** `npm run dataset`: compiles seeds/ to .output/dataset.json (the build does the same) and prints its size. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDatasetFromSeeds } from '../lib/dataset/seeds-fs';

const root = join(new URL('.', import.meta.url).pathname, '..');
const dataset = buildDatasetFromSeeds(join(root, 'seeds'));
mkdirSync(join(root, '.output'), { recursive: true });
const out = join(root, '.output', 'dataset.json');
const json = JSON.stringify(dataset);
writeFileSync(out, json);
console.log(`dataset ${dataset.version}: ${dataset.entities.length} entities, ${dataset.sources.length} sources, ${dataset.claims.length} claims, ${(json.length / 1024).toFixed(0)} KiB → ${out}`);
