/**
 * Claim benchmarks: extraction throughput (words/s), comparison throughput (claims/s) and lookup
 * time of a page's claims against an in-memory KB of 10,000 synthetic sources.
 * Run: npx tsx scripts/bench-claims.ts (npm run bench calls benchClaims()).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareClaims, extractClaims, shingleSignature, signatureSimilarity } from '../lib/claims/index';
import type { Claim, Mention, Source } from '../lib/types';

const root = fileURLToPath(new URL('../', import.meta.url));
const SERIES = ['ex:zapad', 'ex:cyber-coalition', 'ex:trident-juncture', 'ex:locked-shields', 'ex:baltops', 'ex:sea-breeze'];
const NAMES: Record<string, string> = { 'ex:zapad': 'Zapad', 'ex:cyber-coalition': 'Cyber Coalition', 'ex:trident-juncture': 'Trident Juncture', 'ex:locked-shields': 'Locked Shields', 'ex:baltops': 'BALTOPS', 'ex:sea-breeze': 'Sea Breeze' };

/** A synthetic article: exercise mentions, counts, dates, places and roles in plain prose. */
function article(i: number): { text: string; mentions: Mention[]; subject: string; edition: number } {
  const subject = SERIES[i % SERIES.length]!;
  const edition = 2015 + (i % 8);
  const name = `${NAMES[subject]} ${edition}`;
  const parts = [
    `${name} began on Monday and will run until 14 September, the ministry said.`,
    `Some ${1000 + (i % 50) * 100} troops from ${10 + (i % 20)} nations take part, along with about ${40 + (i % 30)} aircraft and ${20 + (i % 10)} ships.`,
    'Officials said the drills were defensive and that observers had been invited from neighbouring countries.',
    'The exercise is held in Tartu and near Tallinn, with a command post in Riga.',
    'Analysts noted that weather and logistics would shape the scenario more than the politics around it.',
  ];
  const text = parts.join(' ');
  const at = text.indexOf(name);
  const mentions: Mention[] = [{ type: 'exercise', id: subject, name, text: name, start: at, end: at + name.length, confidence: 1, form: 'edition', edition }];
  return { text, mentions, subject, edition };
}

function time<T>(run: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = run();
  return { ms: performance.now() - t0, result };
}

export async function benchClaims(): Promise<Record<string, number | string>> {
  // Extraction over the seeds plus synthetic articles, repeated to run long enough to time.
  const seeds = ['000_8bf4eb82250f4ca7.txt', '002_4de12a9a1f9c8cde.txt'].map((f) => readFileSync(`${root}seeds/documents/${f}`, 'utf8'));
  const inputs = [
    ...seeds.map((text) => ({ text, mentions: [{ type: 'exercise' as const, id: 'ex:cyber-coalition', name: 'Cyber Coalition', text: 'Cyber Coalition', start: Math.max(0, text.indexOf('Cyber Coalition')), end: Math.max(0, text.indexOf('Cyber Coalition')) + 15, confidence: 1, form: 'name' as const }] })),
    ...Array.from({ length: 200 }, (_, i) => article(i)),
  ];
  const words = inputs.reduce((n, x) => n + x.text.split(/\s+/).length, 0);
  const rounds = 5;
  extractClaims({ ...inputs[2]!, published: '2019-12-03', sourceId: 'warm', entity: () => undefined });
  const extraction = time(() => {
    let claims = 0;
    for (let r = 0; r < rounds; r++) {
      for (const [k, x] of inputs.entries()) claims += extractClaims({ text: x.text, mentions: x.mentions, published: '2019-09-10', sourceId: `s${k}`, entity: () => undefined }).length;
    }
    return claims;
  });

  // A KB of 10,000 sources with their claims, indexed by subject and edition as the store would.
  const KB = 10_000;
  const sources = new Map<string, Source>();
  const index = new Map<string, Claim[]>();
  let kbClaims = 0;
  const build = time(() => {
    for (let i = 0; i < KB; i++) {
      const a = article(i);
      const id = `kb:${i}`;
      sources.set(id, { id, title: id, outlet: `Outlet ${i % 300}`, published: `${a.edition}-09-10`, language: 'en', url: null, origin: 'imported', set: 'bench', entities: [a.subject], derivedFrom: i % 7 === 0 ? `kb:${i - 1}` : null });
      const claims = extractClaims({ text: a.text, mentions: a.mentions, published: `${a.edition}-09-10`, sourceId: id, entity: () => undefined });
      kbClaims += claims.length;
      const key = `${a.subject}|${a.edition}`;
      const list = index.get(key);
      if (list) list.push(...claims);
      else index.set(key, [...claims]);
    }
  });

  const page = article(3);
  const pageClaims = extractClaims({ text: page.text, mentions: page.mentions, published: `${page.edition}-09-10`, sourceId: 'page', entity: () => undefined });
  const derivation = new Map<string, string | null>();
  const lookups = 50;
  const lookup = time(() => {
    let evidence = 0;
    for (let r = 0; r < lookups; r++) {
      const others = index.get(`${page.subject}|${page.edition}`) ?? [];
      for (const a of compareClaims(pageClaims, others, sources, { pageSourceId: 'page', derivation })) evidence += a.corroborating.length + a.conflicting.length;
    }
    return evidence;
  });
  const compared = (index.get(`${page.subject}|${page.edition}`) ?? []).length * pageClaims.length * lookups;

  // Near-duplicate screening of one page against every KB text by signature.
  const signatures = Array.from({ length: KB }, (_, i) => shingleSignature(article(i).text + ` Story ${i}.`));
  const pageSig = shingleSignature(page.text);
  const screen = time(() => signatures.filter((s) => signatureSimilarity(pageSig, s) >= 0.8).length);

  return {
    'extraction words': words * rounds,
    'extraction words/s': Math.round((words * rounds) / (extraction.ms / 1000)),
    'extracted claims': extraction.result,
    'kb sources': KB,
    'kb claims': kbClaims,
    'kb build ms (extract + index)': Math.round(build.ms),
    'lookup + compare ms (one page vs 10,000-source KB)': +(lookup.ms / lookups).toFixed(3),
    'comparison claim pairs/s': Math.round(compared / (lookup.ms / 1000)),
    'wire-copy screen ms (signature vs 10,000 sources)': +screen.ms.toFixed(2),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(await benchClaims())) console.log(`${k.padEnd(52)} ${v}`);
}
