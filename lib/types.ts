/**
 * The shapes every part of Triangulate agrees on: knowledge-base records, detector mentions,
 * claims and the annotation result. One file, so the extension, the CLI and the tests cannot
 * drift apart. Browser-free on purpose.
 */

export type EntityType = 'exercise' | 'country' | 'organization';

/** Ids are namespaced: `country:JP` (ISO 3166-1 alpha-2), `org:nato`, `ex:cyber-coalition`. */
export type EntityId = string;

/** How a surface form names its entity; reported on every mention. */
export type MentionForm =
  | 'name' // canonical name
  | 'alias' // alternative, official, former or short name
  | 'acronym'
  | 'demonym' // "Japanese" for Japan
  | 'variant' // translated or garbled form ("network alliance" for Cyber Coalition)
  | 'edition' // exercise name with a year ("Zapad-2017", "TRJE18")
  | 'generic' // "the Defense Ministry" resolved through the article's country
  | 'context'; // exercise not in the data, found through its context ("drills code-named X")

export type Domain = 'land' | 'sea' | 'air' | 'cyber' | 'space' | 'joint' | 'special' | 'cbrn' | 'medical';

export interface Entity {
  id: EntityId;
  type: EntityType;
  /** Canonical English name. */
  name: string;
  /** Other names, official and former names, short forms, acronyms. */
  aliases: string[];
  /** Countries only: "Japanese", "Estonians". */
  demonyms?: string[];
  /** Translated or garbled forms that translation tools produce. */
  variants?: string[];
  description: string;
  /** Organizations: the country it belongs to. */
  country?: EntityId;
  /** Organizations: the body it is part of (`org:jsdf` for `org:jgsdf`). */
  parent?: EntityId;
  /** Organizations: a role that generic phrases resolve to ("defence-ministry", "foreign-ministry", "armed-forces"). */
  role?: string;
  /** Exercises. */
  organizer?: EntityId[];
  host?: EntityId[];
  domain?: Domain[];
  editions?: number[];
  /** Exercises: names that denote the series only when a year follows ("West" in "West-2017"). */
  yearAliases?: string[];
  /** Exercises: codes followed by a two-digit year ("TRJE" in "TRJE18"). */
  codes?: string[];
  /** Exercises: names in other languages, with their English translation. */
  native?: { text: string; lang: string; translation?: string }[];
  /** Where facts that are not common knowledge come from. */
  refs?: string[];
}

export type SourceOrigin = 'bundled' | 'imported' | 'page';
export type SourceKind = 'official' | 'news-agency' | 'newspaper' | 'broadcaster' | 'think-tank' | 'reference' | 'other';

export interface Source {
  id: string;
  title: string;
  outlet: string;
  /** ISO date (YYYY-MM-DD) or full ISO timestamp; null when unknown. */
  published: string | null;
  language: string;
  url: string | null;
  origin: SourceOrigin;
  /** The set it came from: "bundled", or the user's import set id. */
  set: string;
  kind?: SourceKind;
  /** The source this one retells (translation, citation, wire copy, same article). */
  derivedFrom?: string | null;
  /** Why it is derived: "translation", "citation", "wire-copy", "same-article". */
  derivation?: string;
  /** The outlet its lede credits for the story ("…, TASS reported"), even when that outlet is not in the KB. */
  retells?: string;
  /** Entities the source mentions, for lookup by entity. */
  entities: EntityId[];
  /** Article text (absent for curated sources, which carry only claims). */
  text?: string;
  /** Fingerprint of the normalised text: the same text twice has the same one. */
  fingerprint?: string;
  /** Shingle signature of the text, to spot near-identical copies (wire copy). */
  signature?: number[];
  added?: string;
}

export type CountKind = 'participants' | 'nations' | 'aircraft' | 'vessels' | 'vehicles' | 'teams';
export type ClaimKind = CountKind | 'dates' | 'location' | 'role' | 'edition';

export type Hedge =
  | 'exact'
  | 'about'
  | 'more-than'
  | 'at-least'
  | 'fewer-than'
  | 'almost'
  | 'up-to'
  | 'range'
  | 'words';

/**
 * A count as the source states it: the number(s) and the hedge, never widened. `countInterval`
 * (lib/text/interval.ts) is the one place that turns it into the interval used for comparison.
 * "more than 30" is { stated: [30], hedge: 'more-than' }; "12,000 to 15,000" is { stated: [12000, 15000], hedge: 'range' }.
 */
export interface CountValue {
  type: 'count';
  /** One number, or the two ends of a range or of a vague quantity ("several hundred" = [300, 900]). */
  stated: number[];
  hedge: Hedge;
  /** The hedge or number words as written ("nearly", "as many as", "several hundred"), for display. */
  hedgeText?: string;
}

export interface DatesValue {
  type: 'dates';
  /** YYYY-MM-DD, or YYYY-MM / YYYY at coarser precision. */
  start: string | null;
  end: string | null;
  durationDays?: number;
  precision: 'day' | 'month' | 'year';
}

export interface LocationValue {
  type: 'location';
  country: EntityId | null;
  city?: string;
  place?: string;
}

export type Role = 'participant' | 'observer' | 'partner' | 'host' | 'organizer';

export interface RoleValue {
  type: 'role';
  entity: EntityId;
  role: Role;
  from?: number;
  to?: number;
}

export interface EditionValue {
  type: 'edition';
  ordinal: number;
}

/**
 * What part of the exercise a figure is about. Absent means the whole exercise (`total`).
 * Only claims with the same scope are compared; a contingent is compared with a total only to
 * catch a part larger than its whole.
 */
export type ScopeKind = 'total' | 'contingent' | 'territory' | 'phase' | 'threshold';

export interface Scope {
  kind: ScopeKind;
  /** Contingent or territory: the country or organization. */
  of?: EntityId;
  /** Phase, threshold, or a contingent/territory with no entity id: the words that name it. */
  label?: string;
}

/** Whose figure it is: the organisers' own (`official`) or someone else's estimate. */
export type Stance = 'official' | 'estimate';

export type ClaimValue = CountValue | DatesValue | LocationValue | RoleValue | EditionValue;

export interface Claim {
  id: string;
  source: string;
  /** Exercise series id. */
  subject: EntityId;
  /** Edition year; null when it cannot be told. */
  edition: number | null;
  kind: ClaimKind;
  value: ClaimValue;
  /** The sentence the claim came from (for curated claims, a one-sentence summary). */
  sentence: string;
  /** Surface text of the claim inside `sentence`/the article, when extracted from text. */
  text?: string;
  start?: number;
  end?: number;
  /** Who said it inside the source: "the Russian Defense Ministry said". */
  attribution?: string | null;
  /** The part of the exercise the figure is about; absent for the whole exercise. */
  scope?: Scope;
  /** Whether the figure is the organisers' own or an estimate by others; absent when unknown. */
  stance?: Stance | null;
  /**
   * Read from context rather than stated next to the exercise: the sentence does not name the exercise,
   * or the edition is only the publication year. Compared for agreement, never called a conflict.
   */
  tentative?: boolean;
}

export interface Mention {
  type: EntityType;
  id: EntityId;
  name: string;
  /** Surface text: `articleText.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** 1 for a gazetteer hit, lower for context-resolved or guessed hits. */
  confidence: number;
  form: MentionForm;
  edition?: number;
}

export interface SourceRef {
  id: string;
  title: string;
  outlet: string;
  published: string | null;
  url: string | null;
}

/**
 * How another source's claim relates to the page's:
 * - `agree`: the same figure (within what the stated precision allows), from a source that is not a retelling of the page;
 * - `origin`: agrees, and it is the page's own origin (or a retelling of it): "as in the original";
 * - `retelling`: agrees, but only retells this page;
 * - `conflict`: the same exercise, edition, kind and scope, the same speaker (or none), and incompatible values;
 * - `disputed`: incompatible values given by different speakers (a ministry's figure, others' estimate);
 * - `close`: near, not the same ("about 130" and "150");
 * - `other`: compatible but not the same figure, or not sure it is about the same thing.
 */
export type Relation = 'agree' | 'origin' | 'retelling' | 'conflict' | 'disputed' | 'close' | 'other';

export interface Evidence {
  source: SourceRef;
  /** The other source's sentence (an imported article's own words), or a summary by Triangulate for curated sources. */
  text: string;
  value: ClaimValue;
  relation: Relation;
  /** Counts as an independent origin for this claim (the first agreeing source of its origin). */
  independent: boolean;
  attribution?: string | null;
  scope?: Scope;
  stance?: Stance | null;
}

/**
 * - corroborated: independent origins agree, none conflicts;
 * - conflicting: a source contradicts it on the same fact; mixed: some agree, some contradict;
 * - disputed: different speakers give different figures (official vs estimate);
 * - as-original: the page retells a source that says the same (its only backing is its own origin);
 * - retold-only: only retellings of this page say the same: unverified;
 * - close: near figures, not the same; other-figures: other figures reported, not comparable for sure;
 * - unverified: no other source speaks of it.
 */
export type Verdict =
  | 'corroborated'
  | 'conflicting'
  | 'mixed'
  | 'disputed'
  | 'as-original'
  | 'retold-only'
  | 'close'
  | 'other-figures'
  | 'unverified';

export interface AnnotatedClaim {
  subject: EntityId;
  subjectName: string;
  edition: number | null;
  kind: ClaimKind;
  value: ClaimValue;
  text: string;
  start: number;
  end: number;
  sentence?: string;
  attribution?: string | null;
  scope?: Scope;
  stance?: Stance | null;
  verdict: Verdict;
  /** Independent origins that back the claim (an original and its retellings count once; never the page's own). */
  origins: number;
  /** Relation `agree`, `origin` and `retelling`. */
  corroborating: Evidence[];
  /** Relation `conflict`. */
  conflicting: Evidence[];
  /** Relation `disputed`, `close` and `other`. */
  other: Evidence[];
}

/** What the outlet registry (seeds/curated/outlets.json) says of a source's publisher. */
export interface Publisher {
  type: import('./dataset/outlets').OutletType;
  /** ISO 3166-1 alpha-2 code; null for international bodies or when not established. */
  country: string | null;
  /** Country whose state owns or controls it. */
  stateOwner?: string;
}

export interface SourceSummary extends SourceRef {
  /** The source's language (BCP 47), when known. */
  language?: string;
  /** Its publisher's kind and country, when the registry knows the outlet. */
  publisher?: Publisher;
  /** Its evidence sentences are its own words (an article with a text: imported, added, a seed document), not a summary by Triangulate. */
  quotable?: boolean;
  derivedFrom: string | null;
  derivation?: string;
  origin: SourceOrigin;
  /** Entity ids of this page that the source also mentions. */
  entities: EntityId[];
}

/** What a reader needs to know about a mentioned entity, shipped with the annotation. */
export interface EntityInfo {
  id: EntityId;
  type: EntityType;
  name: string;
  description: string;
  aliases: string[];
}

/** What the background answers for a page, and what the CLI prints with --json. */
export interface Annotation {
  title: string;
  published: string | null;
  url: string | null;
  text: string;
  mentions: Mention[];
  claims: AnnotatedClaim[];
  sources: SourceSummary[];
  /** The source the page itself retells (its own origin), if known. */
  pageDerivedFrom?: string | null;
  /** The mentioned entities, for popovers and the side panel. */
  entities?: EntityInfo[];
  /** KB ids of stored copies of this very page (a seed, a page added earlier): sources retelling them retell the page. */
  pageSourceIds?: string[];
  /** Those stored copies described, so "Add this page" can say the page is stored, where, and offer to remove it. */
  storedCopies?: SourceSummary[];
}

/** An article as it enters the pipeline, from a page, a file or the seeds. */
export interface ArticleInput {
  title: string;
  outlet?: string;
  published: string | null;
  url: string | null;
  language?: string;
  text: string;
}
