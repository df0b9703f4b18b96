/**
 * The knowledge base's IndexedDB schema, typed once for idb. Version history (the upgrade in
 * db.ts walks it step by step, so a user on any older version keeps everything):
 *   v1  entities (by-alias, by-type), sources (by-entity, by-set, by-origin, by-url), claims (by-source, by-subject), meta
 *   v2  sets store for the user's imports; sources by-fingerprint (duplicate text); claims by-lookup (subject@edition)
 *   v3  claims by-key ([subject@edition#kind, rank]) replaces by-lookup, so a page reads only the claims it can
 *       compare, bundled ones first, with a limit; each claim carries its source's reference (outlet, date,
 *       URL, origin), so evidence needs no source reads; article texts move to their own store
 *   v4  sources by-topic (multiEntry over `topics`, see topicKeys in db.ts, written through storedSource) replaces by-entity: the keys sort
 *       a topic's sources by edition, origin and date, so a page reads its best sources about an
 *       exercise in one request, and the bundled ones are never crowded out by a large import; claims
 *       move to a store keyed [key, rank, id] (lookup order, so a comparison reads contiguous records),
 *       with by-source only (by-key is the primary key now; by-subject was never read)
 *   v5  the claim model keeps what was said: counts are stored as stated ({ stated, hedge }, no min/max),
 *       claims carry scope and stance, sources (and claims' refs) their `retells`. by-url reads `urlKey` (canonicalUrl), so
 *       the same article under another URL is found. The upgrade restates every stored count at once,
 *       forgets the dataset version (the bundled part is reseeded) and lists the user's sources with a
 *       text in `rederive`: their claims are extracted again, and their derivations found, by
 *       rederivePending (rederive.ts) right after opening, outside the version-change transaction
 */
import type { DBSchema } from 'idb';
import type { Claim, Entity, Source, SourceOrigin } from '../types';

export const DB_NAME = 'triangulate-kb';
export const SCHEMA_VERSION = 5;

export interface StoredEntity extends Entity {
  /** Normalised names (lower case, folded punctuation) for the alias index. */
  keys: string[];
}

/** What a reader sees of a claim's source, kept on the claim so evidence needs no second read. */
export type ClaimSourceRef = Pick<Source, 'title' | 'outlet' | 'published' | 'url' | 'origin' | 'retells'> & { derivedFrom: string | null };

export interface StoredClaim extends Claim {
  /** `subject@edition#kind` (edition `?` when unknown): only claims with the same key are ever compared. */
  key: string;
  /** Reading order within a key: bundled (0), pages the user added (1), imports (2). */
  rank: number;
  ref: ClaimSourceRef;
}

/**
 * A source as stored: with the ranked keys the by-topic index reads it by, and its signature as
 * 128 packed 32-bit words (half the bytes of a number array, and no number objects to rebuild on read).
 */
export interface StoredSource extends Omit<Source, 'signature'> {
  topics: string[];
  signature?: Uint32Array;
  /** canonicalUrl of `url`, the by-url key; absent without an http(s) URL. */
  urlKey?: string;
}

/** A user's source whose claims still come from an older extraction (v5 upgrade): its id. */
export interface RederiveMarker {
  id: string;
}

export interface StoredText {
  /** The source's id. */
  id: string;
  text: string;
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
    value: StoredSource;
    indexes: {
      'by-topic': string;
      'by-set': string;
      'by-origin': string;
      'by-url': string;
      'by-fingerprint': string;
    };
  };
  claims: {
    /** [key, rank, id]: the store itself is in lookup order. */
    key: [string, number, string];
    value: StoredClaim;
    indexes: { 'by-source': string };
  };
  texts: {
    key: string;
    value: StoredText;
  };
  meta: {
    key: MetaRecord['key'];
    value: MetaRecord;
  };
  sets: {
    key: string;
    value: ImportSet;
  };
  rederive: {
    key: string;
    value: RederiveMarker;
  };
}
