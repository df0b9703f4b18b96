/**
 * The dataset compiled from seeds/ on the spot, for runs from the sources (tests, scripts). The
 * bundled CLI never calls this: its dataset was compiled at build time.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDatasetFromSeeds } from '../dataset/seeds-fs';
import type { Dataset } from '../dataset/types';

const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

let compiled: Dataset | undefined;

/** Compiled once per process: every test run of the CLI shares it. */
export function datasetFromSeeds(): Dataset {
  compiled ??= buildDatasetFromSeeds(SEEDS_DIR);
  return compiled;
}
