import { beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../lib/background/service';
import { shingleSignature, textFingerprint } from '../../lib/claims';
import type { Dataset } from '../../lib/dataset/types';
import { createDetector, type Detector } from '../../lib/detect';
import { openKb, type KbDatabase } from '../../lib/kb/db';
import { restatedValue, type IntervalCount } from '../../lib/kb/legacy';
import { rederivePending } from '../../lib/kb/rederive';
import { SCHEMA_VERSION } from '../../lib/kb/schema';
import { seedBundled } from '../../lib/kb/seed';
import { idbReader } from '../../lib/kb/store';
import type { CountValue, Entity } from '../../lib/types';

// Synthetic outlets, articles and figures.
const entities: Entity[] = [
  { id: 'ex:zapad', type: 'exercise', name: 'Zapad', aliases: [], yearAliases: ['West'], description: 'Exercise (test)' },
  { id: 'country:RU', type: 'country', name: 'Russia', aliases: [], demonyms: ['Russian'], description: 'Country (test)' },
  { id: 'country:BY', type: 'country', name: 'Belarus', aliases: [], demonyms: ['Belarusian'], description: 'Country (test)' },
];

const STORY =
  'The Zapad 2017 exercise began in Belarus on September 14 with 12,700 troops, of whom 3,000 Russian, the Belarusian defence ministry said. ' +
  'Nearly 70 aircraft and helicopters took part in the drills, which ran for a week on ranges near the border. ' +
  'Officers from several neighbouring countries were invited to watch the final stage of the manoeuvres on the last day.';
const WIRE_COPY = `${STORY} The drills were also watched closely by neighbouring states.`;
const PAGE_TEXT = 'Zapad 2017 drew about 12,700 troops to ranges in Belarus, its organisers said on Thursday as the exercise began.';

const v4Interval = (min: number | null, max: number | null, hedge: IntervalCount['hedge']): IntervalCount => ({ type: 'count', min, max, hedge });

/** A by-topic key as v4 wrote it: `<topic>\u0001<origin rank><inverted date>`. */
function v4Topics(topics: string[], rank: number, published: string): string[] {
  const inverted = 99_999_999 - Number(published.replace(/-/g, ''));
  return topics.map((t) => `${t}\u0001${rank}${String(inverted).padStart(8, '0')}`);
}

function v4Source(id: string, origin: 'imported' | 'page' | 'bundled', extra: { outlet: string; published: string; url: string | null; text?: string; set?: string }) {
  const rank = { bundled: 0, page: 1, imported: 2 }[origin];
  return {
    id,
    title: `Title ${id}`,
    outlet: extra.outlet,
    published: extra.published,
    language: 'en',
    url: extra.url,
    origin,
    set: extra.set ?? (origin === 'bundled' ? 'bundled' : origin === 'page' ? 'pages' : 'my-set'),
    derivedFrom: null,
    entities: ['ex:zapad', 'country:BY'],
    ...(extra.text ? { fingerprint: textFingerprint(extra.text), signature: Uint32Array.from(shingleSignature(extra.text)) } : {}),
    topics: v4Topics(['ex:zapad', 'country:BY', 'ex:zapad@2017'], rank, extra.published),
    added: '2024-01-01T00:00:00.000Z',
  };
}

function v4Claim(source: { id: string; title: string; outlet: string; published: string; url: string | null; origin: 'imported' | 'page' | 'bundled' }, k: number, kind: string, value: IntervalCount, sentence: string) {
  const rank = { bundled: 0, page: 1, imported: 2 }[source.origin];
  return {
    id: `${source.id}#${k}`,
    source: source.id,
    subject: 'ex:zapad',
    edition: 2017,
    kind,
    value,
    sentence,
    attribution: null,
    key: `ex:zapad@2017#${kind}`,
    rank,
    ref: { title: source.title, outlet: source.outlet, published: source.published, url: source.url, origin: source.origin, derivedFrom: null },
  };
}

/** A KB as the current release (schema v4) leaves it: imports with texts, an added page, a textless import, the bundled part. */
async function v4Kb(name: string): Promise<void> {
  const db = await openKb(name, 4);
  const original = v4Source('imp:original', 'imported', { outlet: 'Harbor Ledger', published: '2017-09-14', url: 'https://www.harbor-ledger.example/zapad-begins/?utm_source=feed', text: STORY });
  const copy = v4Source('imp:copy', 'imported', { outlet: 'Granite Post', published: '2017-09-15', url: 'https://granite-post.example/world/zapad', text: WIRE_COPY });
  const page = v4Source('page:added', 'page', { outlet: 'Steppe Herald', published: '2017-09-16', url: 'https://steppe-herald.example/p/1', text: PAGE_TEXT });
  const textless = v4Source('imp:textless', 'imported', { outlet: 'Lakeside Observer', published: '2017-09-20', url: null });
  const bundled = v4Source('src:old-bundled', 'bundled', { outlet: 'Meridian Wire', published: '2017-09-13', url: 'https://meridian.example/z' });
  const tx = db.transaction(['sources', 'texts', 'claims', 'sets', 'meta'], 'readwrite');
  for (const s of [original, copy, page, textless, bundled]) await tx.objectStore('sources').put(s as never);
  await tx.objectStore('texts').put({ id: original.id, text: STORY });
  await tx.objectStore('texts').put({ id: copy.id, text: WIRE_COPY });
  await tx.objectStore('texts').put({ id: page.id, text: PAGE_TEXT });
  const claims = [
    // The v4 extraction: counts widened into intervals, the contingent read as a second total.
    v4Claim(original, 0, 'participants', v4Interval(12700, 12700, 'exact'), 'with 12,700 troops'),
    v4Claim(original, 1, 'participants', v4Interval(3000, 3000, 'exact'), 'of whom 3,000 Russian'),
    v4Claim(original, 2, 'aircraft', v4Interval(63, 69, 'almost'), 'Nearly 70 aircraft'),
    v4Claim(copy, 0, 'participants', v4Interval(12700, 12700, 'exact'), 'with 12,700 troops'),
    v4Claim(page, 0, 'participants', v4Interval(11430, 13970, 'about'), 'about 12,700 troops'),
    v4Claim(textless, 0, 'participants', v4Interval(10001, null, 'more-than'), 'more than 10,000 troops'),
    v4Claim(textless, 1, 'aircraft', v4Interval(null, 49, 'fewer-than'), 'fewer than 50 aircraft'),
    v4Claim(textless, 2, 'vehicles', v4Interval(null, 680, 'up-to'), 'up to 680 vehicles'),
    v4Claim(bundled, 0, 'participants', v4Interval(12700, 12700, 'exact'), 'The ministry gave 12,700 troops.'),
  ];
  for (const c of claims) await tx.objectStore('claims').put(c as never);
  await tx.objectStore('sets').put({ id: 'my-set', name: 'Zapad reading', origin: 'imported', created: 'x', updated: 'x', count: 3, files: ['zapad.json'] });
  await tx.objectStore('sets').put({ id: 'pages', name: 'Pages I added', origin: 'page', created: 'x', updated: 'x', count: 1, files: [] });
  await tx.objectStore('meta').put({ key: 'datasetVersion', value: 'release-1' });
  await tx.done;
  db.close();
}

const USER_IDS = ['imp:copy', 'imp:original', 'imp:textless', 'page:added'];

let detector: Detector;
let n = 0;
const freshName = () => `kb-upgrade-${++n}-${Math.random()}`;

beforeAll(() => {
  detector = createDetector(entities);
});

async function claimsOf(db: KbDatabase, id: string) {
  return (await db.getAllFromIndex('claims', 'by-source', id)).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

describe('v4 counts restated', () => {
  it.each<[string, IntervalCount, Pick<CountValue, 'stated' | 'hedge'>]>([
    ['more than 30 ([31, ∞))', v4Interval(31, null, 'more-than'), { stated: [30], hedge: 'more-than' }],
    ['fewer than 50 ([0, 49])', v4Interval(null, 49, 'fewer-than'), { stated: [50], hedge: 'fewer-than' }],
    ['up to 680', v4Interval(null, 680, 'up-to'), { stated: [680], hedge: 'up-to' }],
    ['at least 1,100', v4Interval(1100, null, 'at-least'), { stated: [1100], hedge: 'at-least' }],
    ['exact 12,700', v4Interval(12700, 12700, 'exact'), { stated: [12700], hedge: 'exact' }],
    ['12,000 to 15,000', v4Interval(12000, 15000, 'range'), { stated: [12000, 15000], hedge: 'range' }],
    ['several hundred', v4Interval(300, 900, 'words'), { stated: [300, 900], hedge: 'words' }],
    ['about 12,700 (widened to [11430, 13970])', v4Interval(11430, 13970, 'about'), { stated: [12700], hedge: 'about' }],
    ['about 130 ([117, 143])', v4Interval(117, 143, 'about'), { stated: [130], hedge: 'about' }],
    ['about 5,000 stored unwidened', v4Interval(5000, 5000, 'about'), { stated: [5000], hedge: 'about' }],
    ['nearly 70 ([63, 69])', v4Interval(63, 69, 'almost'), { stated: [70], hedge: 'almost' }],
    ['almost 10 ([9, 9])', v4Interval(9, 9, 'almost'), { stated: [10], hedge: 'almost' }],
    ['almost 1,000 stored unwidened', v4Interval(1000, 1000, 'almost'), { stated: [1000], hedge: 'almost' }],
  ])('%s', (_name, old, stated) => {
    expect(restatedValue(old)).toEqual({ type: 'count', ...stated });
  });

  it('leaves stated counts and other values as they are', () => {
    const stated: CountValue = { type: 'count', stated: [30], hedge: 'more-than' };
    expect(restatedValue(stated)).toBe(stated);
    const dates = { type: 'dates' as const, start: '2017-09-14', end: '2017-09-20', precision: 'day' as const };
    expect(restatedValue(dates)).toBe(dates);
  });
});

describe('KB schema v5 upgrade', () => {
  it('keeps every article, restates every count at once, lists the articles with a text and reseeds the bundled part', async () => {
    const name = freshName();
    await v4Kb(name);
    const db = await openKb(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect((await db.getAll('sources')).map((s) => s.id).sort()).toEqual([...USER_IDS, 'src:old-bundled'].sort());
    expect((await db.getAll('texts')).map((t) => t.id).sort()).toEqual(['imp:copy', 'imp:original', 'page:added']);
    expect((await db.getAll('sets')).map((s) => [s.id, s.count])).toEqual([['my-set', 3], ['pages', 1]]);
    // No interval is left anywhere: every count is in the stated form before anything else runs.
    const all = await db.getAll('claims');
    expect(all).toHaveLength(9);
    for (const c of all) {
      expect(c.value).not.toHaveProperty('min');
      expect(c.value).not.toHaveProperty('max');
      if (c.value.type === 'count') expect(Array.isArray(c.value.stated)).toBe(true);
    }
    // The textless import keeps its claims, restated.
    expect((await claimsOf(db, 'imp:textless')).map((c) => c.value)).toEqual([
      { type: 'count', stated: [10000], hedge: 'more-than' },
      { type: 'count', stated: [50], hedge: 'fewer-than' },
      { type: 'count', stated: [680], hedge: 'up-to' },
    ]);
    expect((await claimsOf(db, 'page:added'))[0]?.value).toEqual({ type: 'count', stated: [12700], hedge: 'about' });
    // The articles with a text wait for their claims to be extracted again; the textless one cannot be.
    expect((await db.getAllKeys('rederive')).sort()).toEqual(['imp:copy', 'imp:original', 'page:added']);
    // The dataset version is forgotten, so the same bundled dataset is seeded again.
    expect(await db.get('meta', 'datasetVersion')).toBeUndefined();
    // by-url reads the canonical URL: the stored article is found under another form of its link.
    const found = await idbReader(db).sourcesByUrlOrFingerprint('http://harbor-ledger.example/zapad-begins#top', 'none');
    expect(found.map((s) => s.id)).toEqual(['imp:original']);
    db.close();
  });

  it('re-derives the claims of the user’s articles from their text in batches: resumable, idempotent, derivations found', async () => {
    const name = freshName();
    await v4Kb(name);
    const db = await openKb(name);
    expect(await seedBundled(db, { version: 'release-1', entities, sources: [], claims: [] })).toBe(true);
    // Stopped after its first batch (a closed browser), the pass resumes where it stopped.
    const stop = new AbortController();
    const first = await rederivePending(db, detector, { batchSize: 1, pause: async () => {}, signal: stop.signal, onProgress: () => stop.abort() });
    expect(first).toEqual({ done: 1, remaining: 2 });
    const rest = await rederivePending(db, detector, { batchSize: 1, pause: async () => {} });
    expect(rest).toEqual({ done: 2, remaining: 0 });
    expect(await db.count('rederive')).toBe(0);

    // Every article is still there, with claims from today's extraction: the 3,000 is a Russian contingent now.
    expect((await db.getAll('sources')).map((s) => s.id).sort()).toEqual(USER_IDS);
    const original = await claimsOf(db, 'imp:original');
    const participants = original.filter((c) => c.kind === 'participants').map((c) => [c.value, c.scope ?? null]);
    expect(participants).toEqual([
      [{ type: 'count', stated: [12700], hedge: 'exact' }, null],
      [{ type: 'count', stated: [3000], hedge: 'exact' }, { kind: 'contingent', of: 'country:RU' }],
    ]);
    expect(original.find((c) => c.kind === 'aircraft')?.value).toMatchObject({ stated: [70], hedge: 'almost' });
    expect(original.every((c) => c.id.startsWith('imp:original#') && c.source === 'imp:original' && c.rank === 2)).toBe(true);
    // The textless import keeps its restated claims.
    expect(await claimsOf(db, 'imp:textless')).toHaveLength(3);
    // The wire copy is now linked to the original it retells (the later of the two), its claims too.
    const copy = await db.get('sources', 'imp:copy');
    expect(copy).toMatchObject({ derivedFrom: 'imp:original', derivation: 'wire-copy' });
    expect((await db.get('sources', 'imp:original'))?.derivedFrom ?? null).toBeNull();
    expect((await claimsOf(db, 'imp:copy')).every((c) => c.ref.derivedFrom === 'imp:original')).toBe(true);
    // Topics follow the new claims: the article is found by its edition.
    const related = await idbReader(db).sourcesMentioning([{ id: 'ex:zapad', type: 'exercise', editions: [2017] }]);
    expect(related.map((r) => r.source.id)).toEqual(expect.arrayContaining(['imp:original', 'imp:copy', 'page:added']));

    // Once done, running it again changes nothing.
    const before = await db.getAll('claims');
    expect(await rederivePending(db, detector, { pause: async () => {} })).toEqual({ done: 0, remaining: 0 });
    expect(await db.getAll('claims')).toEqual(before);
    db.close();
  });

  it('runs on its own when the background opens an upgraded KB', async () => {
    const name = freshName();
    await v4Kb(name);
    const dataset: Dataset = {
      version: 'release-1',
      entities,
      sources: [{ id: 'src:zapad-ministry', title: 'Zapad 2017 figures', outlet: 'Ministry (test)', published: '2017-09-14', language: 'en', url: 'https://mod.example/zapad', origin: 'bundled', set: 'bundled', entities: ['ex:zapad'] }],
      claims: [{ id: 'src:zapad-ministry#0', source: 'src:zapad-ministry', subject: 'ex:zapad', edition: 2017, kind: 'participants', value: { type: 'count', stated: [12700], hedge: 'exact' }, sentence: 'The ministry gave 12,700 troops.' }],
    };
    const bg = createService({ loadDataset: async () => dataset, openDb: () => openKb(name), collectFromTab: async () => null });
    const ready = await bg.whenReady();
    expect(await ready.rederived).toEqual({ done: 3, remaining: 0 });
    const db = ready.db;
    // The bundled part is today's dataset, although its version did not change.
    expect((await db.getAllFromIndex('sources', 'by-origin', 'bundled')).map((s) => s.id)).toEqual(['src:zapad-ministry']);
    expect((await db.getAll('sources')).map((s) => s.id).sort()).toEqual([...USER_IDS, 'src:zapad-ministry'].sort());
    db.close();
  });
});
