/**
 * Types private to claim extraction and comparison. They extend the shared shapes in lib/types.ts
 * without changing them: everything here is assignable to the shared types.
 */
import type { Entity, Mention } from '../types';

export interface ExtractInput {
  text: string;
  /** Publication date (YYYY-MM-DD or ISO timestamp) that relative dates resolve against. */
  published: string | null;
  /** The article's address: an undated article's year may be read from its path (`/2013/09/...`). */
  url?: string | null;
  sourceId: string;
  mentions: Mention[];
  entity: (id: string) => Entity | undefined;
}

export type { Sentence } from '../text/sentences';

/** A piece found inside one sentence; offsets are relative to the sentence. */
export interface Span {
  start: number;
  end: number;
}
