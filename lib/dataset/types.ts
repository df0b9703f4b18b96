/** The compact bundled dataset: what `seeds/` compiles to and what the background seeds into the KB. */
import type { Claim, ClaimValue, CountValue, Entity, EntityId, Hedge, Source, SourceKind } from '../types';
import type { Outlet } from './outlets';

export interface Dataset {
  /** Content hash: a new value reseeds the bundled part of every user's KB. */
  version: string;
  entities: Entity[];
  /** The outlet registry, for URL → outlet resolution and display (absent in datasets built before it). */
  outlets?: Outlet[];
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

/** What part of the exercise a figure covers (seeds/curated/README.md, "Scope"). */
export type ClaimScope =
  | { kind: 'total' }
  | { kind: 'contingent'; of: EntityId }
  | { kind: 'territory'; of: EntityId }
  | { kind: 'phase'; label: string }
  | { kind: 'threshold'; label: string };

/** Whose figure it is: the organisers' and hosts' own, others' estimates, or not said. */
export type Stance = 'official' | 'estimate' | null;

/** A count as the source wrote it: one number, or the two ends of a range, with its hedge word. */
export interface StatedCountValue {
  type: 'count';
  stated: [number] | [number, number];
  hedge: Hedge;
}

export type CuratedValue = StatedCountValue | Exclude<ClaimValue, CountValue>;

export interface CuratedSource {
  id: string;
  title: string;
  /** Display name of the publisher: the registry name of `outletId`. */
  outlet: string;
  /** The registry outlet whose domain the URL is on. */
  outletId: string;
  published: string;
  url: string;
  language: string;
  kind: SourceKind;
  derivedFrom?: string | null;
  derivation?: string;
  /** The outlet whose story this page carries (a wire copy, a repost), when that story is not itself in the data. */
  via?: string;
}

export interface CuratedClaim {
  source: string;
  subject: string;
  edition: number;
  kind: Claim['kind'];
  value: CuratedValue;
  scope: ClaimScope;
  summary: string;
  attribution?: string | null;
  stance: Stance;
}

/** A curated file (`seeds/curated/*.json`, format in seeds/curated/README.md). */
export interface CuratedFile {
  sources: CuratedSource[];
  claims: CuratedClaim[];
}

/** The registry file, `seeds/curated/outlets.json`. */
export interface OutletsFile {
  outlets: Outlet[];
}

export interface DatasetInput {
  entities: Entity[];
  outlets: Outlet[];
  documents: { meta: SeedDocumentMeta; text: string }[];
  curated: CuratedFile[];
}
