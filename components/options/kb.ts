/**
 * The options page's handles on the knowledge base, opened once per page load. The detector is
 * compiled once from the stored entities (compiling the gazetteer is the slow part of startup).
 */
import { createDetector, type Detector } from '@/lib/detect';
import { openKb, type KbDatabase } from '@/lib/kb/db';
import { idbReader } from '@/lib/kb/store';

let db: Promise<KbDatabase> | null = null;
let detector: Promise<Detector> | null = null;

export function kbDatabase(): Promise<KbDatabase> {
  db ??= openKb().catch((e: unknown) => {
    db = null; // let the next attempt retry instead of keeping the failure
    throw e;
  });
  return db;
}

export class NoEntitiesError extends Error {
  override name = 'NoEntitiesError';
}

export function kbDetector(): Promise<Detector> {
  detector ??= kbDatabase()
    .then((d) => idbReader(d).entities())
    .then((entities) => {
      // Without the bundled entities nothing would be recognised and the import would be useless.
      if (!entities.length) throw new NoEntitiesError('The bundled data is still being stored. Wait a few seconds, then import again.');
      return createDetector(entities);
    })
    .catch((e: unknown) => {
      detector = null;
      throw e;
    });
  return detector;
}
