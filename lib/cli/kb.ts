/**
 * The CLI's knowledge base: the extension's own idb code over fake-indexeddb, an in-memory
 * IndexedDB, so seeding, import (one transaction per batch, derivation) and reads are the same
 * code paths as in the browser. Seeded from the dataset compiled at build time (the bundle) or
 * from seeds/ (tests), then given the user's --sources files through the import pipeline.
 */
import 'fake-indexeddb/auto';
import type { Dataset } from '../dataset/types';
import { createDetector, type Detector } from '../detect';
import { openKb, type KbDatabase } from '../kb/db';
import { ingestArticles, type IngestReport } from '../kb/ingest';
import { seedBundled } from '../kb/seed';
import { idbReader, type KbReader } from '../kb/store';
import type { ImportedArticle } from '../import';

export interface CliKb {
  db: KbDatabase;
  kb: KbReader;
  detector: Detector;
}

export async function openCliKb(dataset: Dataset): Promise<CliKb> {
  const db = await openKb(`triangulate-cli-${process.pid}-${Date.now()}`);
  await seedBundled(db, dataset);
  const kb = idbReader(db);
  return { db, kb, detector: createDetector(await kb.entities()) };
}

/** Imports one file's articles into its own set; `record` in the report is the index in `articles` + 1. */
export function addSourceArticles(cli: CliKb, name: string, articles: ImportedArticle[]): Promise<IngestReport> {
  return ingestArticles(
    cli.db,
    articles.map((a, i) => ({ title: a.title, published: a.published, url: a.url, text: a.text, ...(a.outlet ? { outlet: a.outlet } : {}), ...(a.language ? { language: a.language } : {}), record: i + 1 })),
    { setId: `cli:${name}`, setName: name, origin: 'imported', detector: cli.detector, pause: async () => {} },
  );
}
