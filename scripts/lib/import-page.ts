/**
 * The import scale benchmark's body. It only uses lib/ code that also runs in browsers, so
 * bench-import.ts bundles it for a Chromium page (real IndexedDB) and can also run it in Node
 * over fake-indexeddb.
 */
import { textFingerprint } from '../../lib/claims';
import type { Dataset } from '../../lib/dataset/types';
import { createDetector, type Detector } from '../../lib/detect';
import { openKb, sourceEditions, storedClaim, storedSource, type KbDatabase } from '../../lib/kb/db';
import { ingestArticles } from '../../lib/kb/ingest';
import { seedBundled } from '../../lib/kb/seed';
import { idbReader, type KbReader } from '../../lib/kb/store';
import { analyzeArticle } from '../../lib/pipeline/analyze';
import { annotateArticle } from '../../lib/pipeline/annotate';
import type { ArticleInput, Source } from '../../lib/types';
import { syntheticArticle } from './synthetic';

export interface ImportBenchParams {
  dataset: Dataset;
  /** Seed document 000, the real article looked up alongside synthetic pages. */
  seedPage: ArticleInput;
  imported: number;
  total: number;
  lookups: number;
}

export interface ImportBenchResult {
  /** The benchmark's database, for the lookups of the next browser session (runLookupBench). */
  dbName: string;
  imported: number;
  words: number;
  ingestMs: number;
  lookupImported: LookupTimes;
  lookupTotal: LookupTimes;
  bulkMs: number;
  stored: number;
}

const SET_ID = 'bench';
const TEMPLATES = 300;

export interface LookupTimes {
  /** Whole annotation of a page: its analysis, the KB reads, the comparison. */
  total: number[];
  /** The part spent waiting on IndexedDB reads (KbReader calls). */
  reads: number[];
  /** The same split by reader call: claimsAbout, sourcesMentioning, and the rest. */
  claimReads: number[];
  sourceReads: number[];
  /** Claims the KB returned for the page's subjects, per lookup. */
  claimsRead: number[];
  /** The page's own analysis (detection, claims), which every annotation starts with. */
  analysis: number[];
}

/** Wraps a reader so each lookup can be split into IndexedDB time and the rest. */
interface Spent {
  ms: number;
  claimsMs: number;
  sourcesMs: number;
  claims: number;
}

function timedReader(kb: KbReader, spent: Spent): KbReader {
  const timed =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>, part?: 'claimsMs' | 'sourcesMs') =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      const r = await f(...a);
      spent.ms += performance.now() - t0;
      if (part) spent[part] += performance.now() - t0;
      return r;
    };
  return {
    entities: timed(kb.entities),
    sourcesMentioning: timed(kb.sourcesMentioning, 'sourcesMs'),
    claimsFor: timed(async (keys: Parameters<KbReader['claimsFor']>[0], perKey?: number) => {
      const claims = await kb.claimsFor(keys, perKey);
      spent.claims += claims.length;
      return claims;
    }, 'claimsMs'),
    sourcesById: timed(kb.sourcesById),
    sourcesByUrlOrFingerprint: timed(kb.sourcesByUrlOrFingerprint),
  };
}

/**
 * Times one lookup per page, each page once: a reader's pages differ, so no lookup finds its own
 * records already cached by an earlier identical one. Warm-up pages (other texts, not timed) run
 * first so the engine's code is compiled, as it is once the background has answered a few pages.
 */
async function timeLookups(pages: ArticleInput[], detector: Detector, db: KbDatabase): Promise<LookupTimes> {
  const spent: Spent = { ms: 0, claimsMs: 0, sourcesMs: 0, claims: 0 };
  const kb = timedReader(idbReader(db), spent);
  for (const page of warmUpPages()) await annotateArticle(page, { detector, kb });
  const out: LookupTimes = { total: [], reads: [], claimReads: [], sourceReads: [], claimsRead: [], analysis: [] };
  for (const page of pages) {
    const a0 = performance.now();
    analyzeArticle(page, 'page', detector);
    out.analysis.push(performance.now() - a0);
    Object.assign(spent, { ms: 0, claimsMs: 0, sourcesMs: 0, claims: 0 });
    const t0 = performance.now();
    await annotateArticle(page, { detector, kb });
    out.total.push(performance.now() - t0);
    out.reads.push(spent.ms);
    out.claimReads.push(spent.claimsMs);
    out.sourceReads.push(spent.sourcesMs);
    out.claimsRead.push(spent.claims);
  }
  return out;
}

const WARM_UP = 12;

function warmUpPages(): ArticleInput[] {
  return Array.from({ length: WARM_UP }, (_, k) => syntheticArticle(3_000_000 + k, 800));
}

/**
 * Grows the store to `target` sources without analysing each one: a few hundred template
 * articles are analysed once, and each copy gets the template's text plus a unique closing
 * line, its own fingerprint, id and URL, and the template's claims re-keyed to the copy. The
 * records are written exactly as ingestArticles writes them (Source, its text, claims through storedClaim),
 * in transactions of 1,000 articles.
 */
async function growStore(db: KbDatabase, detector: Detector, from: number, target: number): Promise<void> {
  const templates = Array.from({ length: TEMPLATES }, (_, t) => {
    const item = syntheticArticle(1_000_000 + t);
    return { item, analysis: analyzeArticle(item, 'pending', detector) };
  });
  const now = new Date().toISOString();
  for (let start = from; start < target; start += 1000) {
    const tx = db.transaction(['sources', 'claims', 'texts', 'sets'], 'readwrite');
    const writes: Promise<unknown>[] = [];
    for (let n = start; n < Math.min(start + 1000, target); n++) {
      const { item, analysis } = templates[n % TEMPLATES]!;
      const text = `${item.text}\n\nFile reference ${n}.`;
      const fingerprint = textFingerprint(text);
      const id = `imp:${fingerprint}`;
      const source: Source = {
        id,
        title: `${item.title} (${n})`,
        outlet: item.outlet,
        published: item.published,
        language: item.language,
        url: `https://synthetic.example/copies/${n}`,
        origin: 'imported',
        set: SET_ID,
        derivedFrom: null,
        entities: analysis.entities,
        fingerprint,
        signature: analysis.signature,
        added: now,
      };
      writes.push(tx.objectStore('sources').put(storedSource(source, sourceEditions(analysis.claims, analysis.mentions))));
      writes.push(tx.objectStore('texts').put({ id, text }));
      analysis.claims.forEach((c, k) => {
        writes.push(tx.objectStore('claims').put(storedClaim({ ...c, id: `${id}#${k}`, source: id }, source)));
      });
    }
    const set = await tx.objectStore('sets').get(SET_ID);
    if (set) writes.push(tx.objectStore('sets').put({ ...set, count: set.count + Math.min(1000, target - start), updated: now }));
    await Promise.all(writes);
    await tx.done;
    if ((start + 1000 - from) % 10_000 === 0) console.log(`stored ${start + 1000}/${target}`);
  }
}

/** The pages looked up: seed document 000, then distinct synthetic reports of ~800 words (`seed` picks which). */
function lookupPages(seedPage: ArticleInput, count: number, seed: number): ArticleInput[] {
  return [seedPage, ...Array.from({ length: count - 1 }, (_, k) => syntheticArticle(seed + k, 800))];
}

export async function runImportBench(p: ImportBenchParams): Promise<ImportBenchResult> {
  const dbName = `triangulate-bench-${Date.now()}`;
  const db = await openKb(dbName);
  await seedBundled(db, p.dataset);
  const detector = createDetector(await idbReader(db).entities());
  const items = Array.from({ length: p.imported }, (_, i) => ({ ...syntheticArticle(i), record: i + 1 }));
  const words = items.reduce((n, a) => n + a.text.split(/\s+/).length, 0);

  const t0 = performance.now();
  const report = await ingestArticles(db, items, {
    setId: SET_ID,
    setName: 'Benchmark',
    origin: 'imported',
    detector,
    onProgress: (p) => p.done % 2000 === 0 && console.log(`imported ${p.done}/${p.total}`),
  });
  const ingestMs = performance.now() - t0;
  if (report.failed.length) throw new Error(`ingest failed for ${report.failed.length} articles: ${report.failed[0]!.reason}`);

  console.log(`timing ${p.lookups} lookups at ${p.imported} stored`);
  const lookupImported = await timeLookups(lookupPages(p.seedPage, p.lookups, 2_000_000), detector, db);

  const t1 = performance.now();
  await growStore(db, detector, p.imported, p.total);
  const bulkMs = performance.now() - t1;
  console.log(`timing ${p.lookups} lookups at ${p.total} stored, right after the bulk insert`);
  const lookupTotal = await timeLookups(lookupPages(p.seedPage, p.lookups, 2_100_000), detector, db);
  const stored = await db.countFromIndex('sources', 'by-set', SET_ID);
  db.close();
  return { dbName, imported: report.imported.length, words, ingestMs, lookupImported, lookupTotal, bulkMs, stored };
}

/**
 * Lookups over an existing benchmark database in a new browser session, as the background does
 * them: the database is opened and the detector built first (not timed); the session's first
 * lookup is timed on its own, then the pages as in timeLookups.
 */
export async function runLookupBench(p: { dbName: string; seedPage: ArticleInput; lookups: number }): Promise<{ times: LookupTimes; stored: number; firstMs: number }> {
  const db = await openKb(p.dbName);
  const detector = createDetector(await idbReader(db).entities());
  const stored = await db.count('sources');
  console.log(`timing ${p.lookups} lookups at ${stored} stored, in a new browser session`);
  // The session's very first lookup: nothing compiled, nothing cached.
  const t0 = performance.now();
  await annotateArticle(syntheticArticle(2_900_000, 800), { detector, kb: idbReader(db) });
  const firstMs = performance.now() - t0;
  const times = await timeLookups(lookupPages(p.seedPage, p.lookups, 2_200_000), detector, db);
  db.close();
  return { times, stored, firstMs };
}
