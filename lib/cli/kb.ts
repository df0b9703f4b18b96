/**
 * The CLI's knowledge base: the same idb code as the extension, over fake-indexeddb in memory,
 * seeded from seeds/ and then given the user's --sources files through the import pipeline.
 */
import 'fake-indexeddb/auto';
import { basename } from 'node:path';
import { buildDatasetFromSeeds } from '../dataset/seeds-fs';
import { createDetector, type Detector } from '../detect';
import { openKb, type KbDatabase } from '../kb/db';
import { ingestArticles } from '../kb/ingest';
import { seedBundled } from '../kb/seed';
import { idbReader, type KbReader } from '../kb/store';
import type { ParsedFile } from '../import';

export interface CliKb {
  db: KbDatabase;
  kb: KbReader;
  detector: Detector;
}

export async function openCliKb(seedsDir: string): Promise<CliKb> {
  const db = await openKb(`triangulate-cli-${process.pid}-${Date.now()}`);
  await seedBundled(db, buildDatasetFromSeeds(seedsDir));
  const kb = idbReader(db);
  return { db, kb, detector: createDetector(await kb.entities()) };
}

export async function addSourceFile(cli: CliKb, file: string, parsed: ParsedFile): Promise<number> {
  const name = basename(file);
  const report = await ingestArticles(
    cli.db,
    parsed.articles.map((a) => ({ ...a })),
    { setId: `cli:${name}`, setName: name, origin: 'imported', detector: cli.detector, pause: async () => {} },
  );
  return report.imported.length;
}
