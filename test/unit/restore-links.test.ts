/**
 * Restoring an export after a wipe (issue 19, item 5): the knowledge base comes back the same,
 * links between retellings included, whatever order the export's records come in. An import links
 * each batch as it comes; a restore then sets the links the export gives, once every record is in.
 * All articles are synthetic: invented outlets, our own sentences.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importFiles, type ImportDeps } from '../../lib/background/import';
import { createDetector, type Detector } from '../../lib/detect';
import { openKb, type KbDatabase } from '../../lib/kb/db';
import { ingestArticles, type IngestItem } from '../../lib/kb/ingest';
import { deleteSet, exportUserData, listSets, restoreLinks, type UserExport } from '../../lib/kb/sets';

let detector: Detector;
let n = 0;
const fresh = () => openKb(`restore-links-test-${++n}`);

beforeAll(() => {
  detector = createDetector([
    { id: 'ex:spring-shield', type: 'exercise', name: 'Spring Shield', aliases: [], description: 'test' },
    { id: 'country:EE', type: 'country', name: 'Estonia', aliases: [], description: 'test' },
    { id: 'country:LV', type: 'country', name: 'Latvia', aliases: [], description: 'test' },
  ]);
});

const BODY = [
  'Spring Shield 2022 opened in Estonia on Monday with about 3,000 troops from nine nations, the organisers said.',
  'The drills run for twelve days across three training areas near the Latvian border, with Latvia sending a company of engineers.',
  'Commanders said the scenario would test how quickly reserve units can reinforce a forward base after a simulated cyber attack on rail links.',
  'Local councils warned residents of convoys on the main roads and of helicopters flying low over the forests at night.',
  'An officer at the exercise headquarters said the planners had rewritten the logistics phase after problems seen last spring.',
];

/** Three stories, each an original and two retellings (a wire copy with a credit line, a shortened copy), plus one lone report. */
function articles(): IngestItem[] {
  const out: IngestItem[] = [];
  for (let story = 0; story < 3; story++) {
    const day = `2022-04-${String(4 + story * 5).padStart(2, '0')}`;
    const body = BODY.map((s) => s.replace('3,000', `${3000 + story * 500}`).replace('nine', ['nine', 'ten', 'eleven'][story]!)).join(' ');
    out.push({ title: `Spring Shield report ${story}`, outlet: 'Eastmarch Wire', published: day, url: `https://eastmarch.test/story/${story}`, text: body });
    out.push({ title: `Drills begin (${story})`, outlet: 'Harbour Ledger', published: day, url: `https://harbour-ledger.test/${story}`, text: `TALLINN (Eastmarch Wire) - ${body} Reporting by our correspondents.` });
    out.push({ title: `Drills in Estonia (${story})`, outlet: 'Fenwick Review', published: day, url: `https://fenwick.test/${story}`, text: BODY.slice(0, 4).map((s) => s.replace('3,000', `${3000 + story * 500}`).replace('nine', ['nine', 'ten', 'eleven'][story]!)).join(' ') });
  }
  out.push({ title: 'Reservists train', outlet: 'Fenwick Review', published: '2022-04-20', url: 'https://fenwick.test/lone', text: 'Spring Shield 2022 ended in Estonia with a parade of reservists, the defence forces said on Wednesday.' });
  return out.map((a, i) => ({ ...a, language: 'en', record: i + 1 }));
}

/** What a restore must give back: every user source with its link, and every claim with its reference. */
async function content(db: KbDatabase) {
  const sources = (await db.getAll('sources'))
    .filter((s) => s.origin !== 'bundled')
    .map(({ added: _added, ...s }) => ({ ...s, signature: s.signature ? Array.from(s.signature) : null }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const claims = (await db.getAll('claims')).sort((a, b) => a.id.localeCompare(b.id));
  return { sources, claims };
}

const links = (c: Awaited<ReturnType<typeof content>>) => c.sources.filter((s) => s.derivedFrom).map((s) => `${s.id} -> ${s.derivedFrom} (${s.derivation})`);

/** The export's records in another order: the sets as given, each set's articles reordered. */
function reordered(data: UserExport, order: (list: UserExport['sets'][number]['articles']) => UserExport['sets'][number]['articles']): UserExport {
  return { ...data, sets: data.sets.map((s) => ({ ...s, articles: order([...s.articles]) })) };
}

function shuffled<T>(list: T[], seed: number): T[] {
  let a = seed;
  const rnd = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

async function restore(db: KbDatabase, data: UserExport): Promise<void> {
  const deps: ImportDeps = {
    parse: () => ({ format: 'unknown', articles: [], rejected: [] }),
    ingest: (items, r) => ingestArticles(db, items, { ...r, detector, batchSize: 3, pause: async () => {} }),
    restoreLinks: (l) => restoreLinks(db, l),
  };
  const bytes = new TextEncoder().encode(JSON.stringify(data));
  await importFiles([{ name: 'export.json', setName: 'export', read: async () => bytes }], deps, { signal: new AbortController().signal, onProgress: () => {} });
}

describe('restore of an export', () => {
  it('gives back the same sources, links and claims whatever order its records come in', async () => {
    const db = await fresh();
    await ingestArticles(db, articles(), { setId: 'set:press', setName: 'Baltic press', origin: 'imported', detector, batchSize: 4, pause: async () => {} });
    const before = await content(db);
    // The stories are found to be retellings: the comparison below is about links, not only texts.
    expect(links(before).length).toBeGreaterThanOrEqual(4);
    const data = await exportUserData(db);
    for (const set of await listSets(db)) await deleteSet(db, set.id);
    expect(await db.count('sources')).toBe((await db.getAll('sources')).filter((s) => s.origin === 'bundled').length);

    const orders: [string, UserExport][] = [
      ['as exported', data],
      ['reversed', reordered(data, (l) => l.reverse())],
      ['shuffled', reordered(data, (l) => shuffled(l, 7))],
      ['shuffled again', reordered(data, (l) => shuffled(l, 1234))],
    ];
    for (const [label, variant] of orders) {
      const target = await fresh();
      await restore(target, variant);
      const after = await content(target);
      expect(links(after), label).toEqual(links(before));
      expect(after, label).toEqual(before);
      target.close();
    }
    db.close();
  });

  it('leaves out a link to a source that is not stored, and touches no article it did not store', async () => {
    const db = await fresh();
    await ingestArticles(db, articles().slice(0, 3), { setId: 'set:press', setName: 'Baltic press', origin: 'imported', detector, pause: async () => {} });
    const [first, second] = (await db.getAll('sources')).map((s) => s.id);
    expect(await restoreLinks(db, [{ id: first!, derivedFrom: 'imp:not-stored', derivation: 'wire-copy' }])).toBeGreaterThanOrEqual(0);
    const record = await db.get('sources', first!);
    expect(record!.derivedFrom).toBeNull();
    expect(record!.derivation).toBeUndefined();
    const claims = await db.getAllFromIndex('claims', 'by-source', first!);
    expect(claims.every((c) => c.ref.derivedFrom === null)).toBe(true);
    // A link to a stored source is set, on the source and its claims' references.
    await restoreLinks(db, [{ id: first!, derivedFrom: second!, derivation: 'citation' }]);
    expect(await db.get('sources', first!)).toMatchObject({ derivedFrom: second, derivation: 'citation' });
    expect((await db.getAllFromIndex('claims', 'by-source', first!)).every((c) => c.ref.derivedFrom === second)).toBe(true);
    db.close();
  });
});
