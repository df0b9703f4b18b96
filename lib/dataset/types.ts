/** The compact bundled dataset: what `seeds/` compiles to and what the background seeds into the KB. */
import type { Claim, Entity, Hedge, Scope, Source, SourceKind, Stance } from '../types';

export interface Dataset {
  /** Content hash: a new value reseeds the bundled part of every user's KB. */
  version: string;
  entities: Entity[];
  sources: Source[];
  claims: Claim[];
}

/** Metadata of a seed document (`seeds/documents/index.json`). */
export interface SeedDocumentMeta {
  file: string;
  id: string;
  title: string;
  outlet: string;
  published: string | null;
  language: string;
  kind?: SourceKind;
  url: string | null;
  derivedFrom?: string;
  derivation?: string;
}

/** A curated file (`seeds/curated/*.json`, format in seeds/curated/README.md). */
export interface CuratedFile {
  sources: {
    id: string;
    title: string;
    outlet: string;
    published: string;
    url: string;
    language: string;
    kind: SourceKind;
    derivedFrom?: string | null;
    derivation?: string;
  }[];
  claims: {
    source: string;
    subject: string;
    edition: number | null;
    kind: Claim['kind'];
    value: Claim['value'] | LegacyCount;
    summary: string;
    attribution?: string | null;
    scope?: Scope;
    stance?: Stance | null;
  }[];
}

export interface DatasetInput {
  entities: Entity[];
  documents: { meta: SeedDocumentMeta; text: string }[];
  curated: CuratedFile[];
}

/** Counts as curated files stored them before the stated form: an interval plus a hedge word. */
export interface LegacyCount {
  type: 'count';
  min: number | null;
  max: number | null;
  hedge: Hedge;
}
