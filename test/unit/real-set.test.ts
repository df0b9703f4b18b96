/**
 * The real-reporting set (test/real/) holds facts as values, never text: checked here so a careless edit
 * cannot slip an article's sentences into the repository or break the scorer's inputs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRealSet } from '../../scripts/lib/real-set';

const exercises = new Set((JSON.parse(readFileSync(new URL('../../seeds/entities/exercises.json', import.meta.url), 'utf8')) as { id: string }[]).map((e) => e.id));
const KINDS = new Set(['participants', 'nations', 'aircraft', 'vessels', 'vehicles', 'teams', 'dates', 'location', 'role', 'edition']);
const SCOPES = new Set(['total', 'contingent', 'territory', 'phase', 'threshold']);
const set = loadRealSet();

describe('real-reporting set', () => {
  it('has enough articles, series and a held-out part', () => {
    expect(set.length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.map((a) => a.topic)).size).toBeGreaterThanOrEqual(8);
    expect(set.filter((a) => a.part === 'heldout').length).toBeGreaterThanOrEqual(10);
    expect(new Set(set.map((a) => a.id)).size).toBe(set.length);
    expect(new Set(set.map((a) => a.url)).size).toBe(set.length);
  });
  it('every article has its query, URL and facts as values', () => {
    for (const a of set) {
      expect(a.query.length, a.id).toBeGreaterThan(3);
      expect(a.url, a.id).toMatch(/^https?:\/\//);
      expect(['dev', 'heldout']).toContain(a.part);
      expect(a).not.toHaveProperty('text');
      if (a.retells?.id) expect(set.some((b) => b.id === a.retells!.id), `${a.id} retells ${a.retells.id}`).toBe(true);
      for (const f of a.facts) {
        expect(KINDS.has(f.kind), `${a.id} ${f.kind}`).toBe(true);
        expect(exercises.has(f.subject), `${a.id} ${f.subject}`).toBe(true);
        expect(SCOPES.has(f.scope?.kind ?? 'total'), `${a.id} scope`).toBe(true);
        // Notes are our own short words, never a page's sentences.
        expect((f.note ?? '').length, `${a.id} note`).toBeLessThanOrEqual(240);
      }
    }
  });
});
