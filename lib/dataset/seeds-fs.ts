/** Reads seeds/ from disk (Node only: the build, the CLI and tests). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Entity } from '../types';
import { withNativeNames, type NativeNames } from './native';
import { buildDataset } from './build';
import type { CuratedFile, Dataset, DatasetInput, OutletsFile, SeedDocumentMeta } from './types';
import { DatasetValidationError, validateDataset, type ValidationInput } from './validate';

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
/** Country and organization names in Russian, Ukrainian, Chinese and Japanese (see its `_about`). */
const NATIVE_FILE = 'native-names.json';

function readEntities(seedsDir: string): Entity[] {
  const entities: Entity[] = [];
  for (const name of ENTITY_FILES) {
    const path = join(seedsDir, 'entities', name);
    if (existsSync(path)) entities.push(...readJson<Entity[]>(path));
  }
  const names = join(seedsDir, 'entities', NATIVE_FILE);
  return existsSync(names) ? withNativeNames(entities, readJson<NativeNames>(names)) : entities;
}

/** The curated files and the outlet registry, each with its file name, as the validator reads them. */
export function readCuratedSeeds(seedsDir: string): ValidationInput {
  const dir = join(seedsDir, 'curated');
  const outletsPath = join(dir, OUTLETS_FILE);
  return {
    curated: jsonFiles(dir)
      .filter((p) => basename(p) !== OUTLETS_FILE)
      .map((p) => ({ file: basename(p), data: readJson<CuratedFile>(p) })),
    outlets: { file: OUTLETS_FILE, data: existsSync(outletsPath) ? readJson<OutletsFile>(outletsPath) : { outlets: [] } },
    entities: readEntities(seedsDir),
  };
}

export function readSeeds(seedsDir: string): DatasetInput {
  const docsDir = join(seedsDir, 'documents');
  const documents = readJson<SeedDocumentMeta[]>(join(docsDir, 'index.json')).map((meta) => ({
    meta,
    text: readFileSync(join(docsDir, meta.file), 'utf8'),
  }));
  const curated = readCuratedSeeds(seedsDir);
  return { entities: curated.entities, outlets: curated.outlets.data.outlets, documents, curated: curated.curated.map((f) => f.data) };
}

/** Validates the curated seeds and compiles them; throws a DatasetValidationError naming every bad record. */
export function buildDatasetFromSeeds(seedsDir: string): Dataset {
  const errors = validateDataset(readCuratedSeeds(seedsDir));
  if (errors.length) throw new DatasetValidationError(errors);
  return buildDataset(readSeeds(seedsDir));
}
