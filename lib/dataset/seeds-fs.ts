/** Reads seeds/ from disk (Node only: the build, the CLI and tests). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../types';
import { buildDataset } from './build';
import type { CuratedFile, Dataset, DatasetInput, OutletsFile, SeedDocumentMeta } from './types';

/** The outlet registry lives beside the curated files but is not one. */
export const OUTLETS_FILE = 'outlets.json';

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

const ENTITY_FILES = ['countries.json', 'organizations.json', 'exercises.json'];

export function readSeeds(seedsDir: string): DatasetInput {
  const entities: Entity[] = [];
  for (const name of ENTITY_FILES) {
    const path = join(seedsDir, 'entities', name);
    if (existsSync(path)) entities.push(...readJson<Entity[]>(path));
  }
  const docsDir = join(seedsDir, 'documents');
  const documents = readJson<SeedDocumentMeta[]>(join(docsDir, 'index.json')).map((meta) => ({
    meta,
    text: readFileSync(join(docsDir, meta.file), 'utf8'),
  }));
  const curatedDir = join(seedsDir, 'curated');
  const curated = jsonFiles(curatedDir)
    .filter((p) => !p.endsWith(`/${OUTLETS_FILE}`))
    .map((p) => readJson<CuratedFile>(p));
  const outletsPath = join(curatedDir, OUTLETS_FILE);
  const outlets = existsSync(outletsPath) ? readJson<OutletsFile>(outletsPath).outlets : [];
  return { entities, outlets, documents, curated };
}

export function buildDatasetFromSeeds(seedsDir: string): Dataset {
  return buildDataset(readSeeds(seedsDir));
}
