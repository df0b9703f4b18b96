/**
 * Draws a fixed random sample of curated claims, with the page each is cited to, for re-checking by
 * hand against the live page:
 *   npx tsx scripts/dataset-sample.ts [count=30] [seed=18]
 * The same seed over the same data always prints the same claims.
 */
import { readCuratedFiles } from './dataset-counts';
import type { CuratedClaim, CuratedSource } from '../lib/dataset/types';
import { seededRandom } from './lib/synthetic';

/** `count` distinct claims drawn with the seed (a partial Fisher–Yates shuffle). */
export function sampleClaims<T>(claims: readonly T[], count: number, seed: number): T[] {
  const next = seededRandom(seed);
  const pool = [...claims];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

function describeValue(c: CuratedClaim): string {
  const v = c.value;
  switch (v.type) {
    case 'count':
      return `${v.hedge} ${v.stated.join('–')}`;
    case 'dates':
      return `${v.start ?? '?'} .. ${v.end ?? '?'}${v.durationDays ? ` (${v.durationDays} days)` : ''}`;
    case 'location':
      return [v.place, v.city, v.country].filter(Boolean).join(', ');
    case 'role':
      return `${v.entity} ${v.role}`;
    case 'edition':
      return `edition no. ${v.ordinal}`;
  }
}

function main(): void {
  const count = Number(process.argv[2] ?? 30);
  const seed = Number(process.argv[3] ?? 18);
  const files = [...readCuratedFiles().values()];
  const sources = new Map<string, CuratedSource>(files.flatMap((f) => f.sources.map((s) => [s.id, s] as const)));
  const claims = files.flatMap((f) => f.claims);
  sampleClaims(claims, count, seed).forEach((c, i) => {
    const s = sources.get(c.source);
    const scope = c.scope.kind === 'total' ? '' : ` [${c.scope.kind} ${'of' in c.scope ? c.scope.of : c.scope.label}]`;
    console.log(`${String(i + 1).padStart(2)}. ${c.subject} ${c.edition} ${c.kind}: ${describeValue(c)}${scope}` +
      `${c.attribution ? ` — ${c.attribution}` : ''}${c.stance ? ` (${c.stance})` : ''}`);
    console.log(`    ${c.summary}`);
    console.log(`    ${s?.outlet ?? '?'}, ${s?.published ?? '?'}: ${s?.title ?? '?'}`);
    console.log(`    ${s?.url ?? '?'}`);
  });
}

main();
