/**
 * Reading the KB for annotation. The pipeline depends on this interface, not on IndexedDB, so
 * the CLI and the extension run the same code over the same idb-backed store.
 */
import type { Claim, ClaimKind, Entity, EntityType, Source } from '../types';
import { claimKey, sourceOfClaim, type KbDatabase } from './db';

export interface KbReader {
  entities(): Promise<Entity[]>;
  /** Sources that share the given entities, best overlap first. */
  sourcesMentioning(ids: { id: string; type: EntityType }[], limit?: number): Promise<{ source: Source; shared: string[] }[]>;
  /**
   * Claims comparable with the given ones (same subject, edition and kind), bundled first, at most
   * `perKey` per kind, each with its source rebuilt from the claim's stored reference.
   */
  claimsFor(keys: { subject: string; edition: number | null; kind: ClaimKind }[], perKey?: number): Promise<{ claim: Claim; source: Source }[]>;
  sourcesById(ids: string[]): Promise<Source[]>;
  sourcesByUrlOrFingerprint(url: string | null, fingerprint: string): Promise<Source[]>;
}

/** Exercises say most about what a source is about; a shared country says little. */
const WEIGHT: Record<EntityType, number> = { exercise: 5, organization: 2, country: 1 };
const MIN_SCORE = 3;
/** Keys read per entity: an exercise named in 50,000 stored articles must not cost a full index scan. */
const KEYS_PER_ENTITY = 250;
/**
 * Claims read per (subject, edition, kind): enough for every source a reader could weigh, and a
 * bound on the page's lookup cost however large the user's dataset grows.
 */
const CLAIMS_PER_KEY = 16;

export function idbReader(db: KbDatabase): KbReader {
  return {
    async entities() {
      const stored = await db.getAll('entities');
      return stored.map(({ keys: _keys, ...e }) => e);
    },
    async sourcesMentioning(ids, limit = 24) {
      const hasExercise = ids.some((e) => e.type === 'exercise');
      // With an exercise on the page, sources about it are the ones worth reading; countries and
      // organisations alone would pull in every article about them.
      const used = hasExercise ? ids.filter((e) => e.type === 'exercise') : ids;
      const tx = db.transaction('sources');
      const index = tx.store.index('by-entity');
      const scores = new Map<string, { score: number; shared: string[] }>();
      const keyLists = await Promise.all(used.map((e) => index.getAllKeys(e.id, KEYS_PER_ENTITY)));
      used.forEach((e, i) => {
        for (const key of keyLists[i] ?? []) {
          const entry = scores.get(key) ?? { score: 0, shared: [] };
          entry.score += WEIGHT[e.type];
          entry.shared.push(e.id);
          scores.set(key, entry);
        }
      });
      const ranked = [...scores.entries()].filter(([, v]) => v.score >= MIN_SCORE).sort((a, b) => b[1].score - a[1].score).slice(0, limit);
      const sources = await Promise.all(ranked.map(([id]) => tx.store.get(id)));
      await tx.done;
      const out: { source: Source; shared: string[] }[] = [];
      ranked.forEach(([, v], i) => {
        const source = sources[i];
        if (source) out.push({ source, shared: v.shared });
      });
      return out;
    },
    async claimsFor(keys, perKey = CLAIMS_PER_KEY) {
      const unique = [...new Set(keys.map((k) => claimKey(k.subject, k.edition, k.kind)))];
      const tx = db.transaction('claims');
      const index = tx.store.index('by-key');
      const lists = await Promise.all(unique.map((key) => index.getAll(IDBKeyRange.bound([key, 0], [key, Infinity]), perKey)));
      await tx.done;
      return lists.flat().map(({ key: _key, rank: _rank, ref, ...claim }) => ({ claim, source: sourceOfClaim({ source: claim.source, ref }) }));
    },
    async sourcesById(ids) {
      if (ids.length === 0) return [];
      const tx = db.transaction('sources');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return found.filter((s): s is Source => !!s);
    },
    async sourcesByUrlOrFingerprint(url, fingerprint) {
      const tx = db.transaction('sources');
      const [byUrl, byPrint] = await Promise.all([
        url ? tx.store.index('by-url').getAll(url) : Promise.resolve([]),
        tx.store.index('by-fingerprint').getAll(fingerprint),
      ]);
      await tx.done;
      const seen = new Map<string, Source>();
      for (const s of [...byUrl, ...byPrint]) seen.set(s.id, s);
      return [...seen.values()];
    },
  };
}
