/** The real-reporting development set (test/real/set-*.json) and its text cache outside the repository. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface RealFact {
  subject: string;
  edition: number | null;
  kind: string;
  value: Record<string, unknown>;
  scope?: { kind: string; of?: string; label?: string };
  speaker?: string | null;
  stance?: 'official' | 'estimate' | null;
  note?: string;
}

export interface RealArticle {
  id: string;
  part: 'dev' | 'heldout';
  query: string;
  url: string;
  outlet: string;
  published: string | null;
  language: string;
  topic: string;
  retells: { id?: string | null; outlet?: string; how: string } | null;
  facts: RealFact[];
  /** Entity ids the text mentions, in any form (written for the non-English files), for entity precision and recall. */
  entities?: string[];
  /** Organizations the text names that have no entity id (English names). */
  entitiesMissing?: string[];
}

const SET_DIR = join(import.meta.dirname, '..', '..', 'test', 'real');

export function loadRealSet(): RealArticle[] {
  const out: RealArticle[] = [];
  for (const f of readdirSync(SET_DIR).filter((n) => /^set-.*\.json$/.test(n)).sort()) {
    out.push(...(JSON.parse(readFileSync(join(SET_DIR, f), 'utf8')) as RealArticle[]));
  }
  return out;
}

export function realCacheDir(): string {
  return process.env.TRIANGULATE_REAL_CACHE ?? join(homedir(), '.cache', 'triangulate-real');
}

/** The cached text of an article, or null when it has not been saved on this machine. */
export function cachedText(id: string): string | null {
  const file = join(realCacheDir(), `${id}.txt`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
