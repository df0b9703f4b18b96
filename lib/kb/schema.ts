/**
 * The knowledge base's IndexedDB schema, typed once for idb. Version history (the upgrade in
 * db.ts walks it step by step, so a user on any older version keeps everything):
 *   v1  entities (by-alias, by-type), sources (by-entity, by-set, by-origin, by-url), claims (by-source, by-subject), meta
 *   v2  sets store for the user's imports; sources by-fingerprint (duplicate text); claims by-lookup (subject@edition)
 */
import type { DBSchema } from 'idb';
import type { Claim, Entity, Source, SourceOrigin } from '../types';

export const DB_NAME = 'triangulate-kb';
export const SCHEMA_VERSION = 2;

export interface StoredEntity extends Entity {
  /** Normalised names (lower case, folded punctuation) for the alias index. */
  keys: string[];
}

export interface StoredClaim extends Claim {
  /** `subject@edition` (edition `?` when unknown): what comparison looks claims up by. */
  lookup: string;
}

export interface ImportSet {
  id: string;
  name: string;
  origin: SourceOrigin;
  created: string;
  updated: string;
  /** Articles stored in the set. */
  count: number;
  /** File names the set was imported from. */
  files: string[];
}

export interface MetaRecord {
  key: 'schemaVersion' | 'datasetVersion' | 'seededAt';
  value: string | number;
}

export interface KbSchema extends DBSchema {
  entities: {
    key: string;
    value: StoredEntity;
    indexes: { 'by-alias': string; 'by-type': string };
  };
  sources: {
    key: string;
    value: Source;
    indexes: {
      'by-entity': string;
      'by-set': string;
      'by-origin': string;
      'by-url': string;
      'by-fingerprint': string;
    };
  };
  claims: {
    key: string;
    value: StoredClaim;
    indexes: { 'by-source': string; 'by-subject': string; 'by-lookup': string };
  };
  meta: {
    key: MetaRecord['key'];
    value: MetaRecord;
  };
  sets: {
    key: string;
    value: ImportSet;
  };
}
