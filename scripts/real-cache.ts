/**
 * Saves article texts into the real-reporting cache (outside the repository) from a search-tool answer.
 *   npx tsx scripts/real-cache.ts answer.json [more.json ...]
 * Every result whose URL belongs to an article of test/real/set-*.json is written as <id>.txt.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRealSet, realCacheDir } from './lib/real-set';

const byUrl = new Map(loadRealSet().map((a) => [a.url, a.id]));
const dir = realCacheDir();
mkdirSync(dir, { recursive: true });
let saved = 0;
for (const file of process.argv.slice(2)) {
  const answer = JSON.parse(readFileSync(file, 'utf8')) as { results?: { url?: string; excerpt?: string }[] };
  for (const r of answer.results ?? []) {
    const id = r.url ? byUrl.get(r.url) : undefined;
    if (!id || !r.excerpt) continue;
    writeFileSync(join(dir, `${id}.txt`), r.excerpt);
    console.log(`saved ${id}`);
    saved++;
  }
}
console.log(`${saved} text(s) saved in ${dir}`);
