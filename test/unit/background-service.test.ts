import { beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../../lib/background/service';
import { openKb } from '../../lib/kb/db';
import type { Dataset } from '../../lib/dataset/types';
import type { CollectedArticle } from '../../lib/messages';

const entities: Dataset['entities'] = [
  { id: 'ex:cyber-coalition', type: 'exercise', name: 'Cyber Coalition', aliases: [], description: 'NATO cyber exercise (test)' },
  { id: 'country:EE', type: 'country', name: 'Estonia', aliases: [], demonyms: ['Estonian'], description: 'Country (test)' },
  { id: 'org:nato', type: 'organization', name: 'North Atlantic Treaty Organization', aliases: ['NATO'], description: 'Alliance (test)' },
];
const dataset: Dataset = {
  version: 'test-1',
  entities,
  sources: [
    { id: 'src:bundled-a', title: 'Drills in Estonia', outlet: 'Harbor Ledger', published: '2019-12-01', language: 'en', url: 'https://harbor.test/a', origin: 'bundled', set: 'bundled', entities: ['ex:cyber-coalition', 'country:EE'] },
  ],
  claims: [
    { id: 'src:bundled-a#0', source: 'src:bundled-a', subject: 'ex:cyber-coalition', edition: 2019, kind: 'nations', value: { type: 'count', stated: [33], hedge: 'exact' }, sentence: 'It counted 33 nations.' },
  ],
};

function article(title: string, url: string, text: string): CollectedArticle {
  return {
    article: { title, outlet: 'Northwind Gazette', published: '2019-12-03', url, text },
    metadata: { title, outlet: 'Northwind Gazette', published: '2019-12-03', url, language: 'en' },
    paused: false,
  };
}

const PAGE_A = article('Cyber drills', 'https://northwind.test/a', 'NATO opened Cyber Coalition 2019 in Estonia on Monday. More than 30 nations take part in the exercise.');
const PAGE_B = article('Second look', 'https://northwind.test/b', 'Cyber Coalition 2019 brought more than 30 nations to Tartu, Estonia, NATO officials said.');

let n = 0;
let tabs: Record<number, CollectedArticle | null>;

function service() {
  const name = `bg-test-${++n}`;
  return createService({ loadDataset: async () => dataset, openDb: () => openKb(name), collectFromTab: async (id) => tabs[id] ?? null });
}

beforeEach(() => {
  tabs = { 1: PAGE_A, 2: PAGE_B, 3: { ...PAGE_A, paused: true }, 4: article('Empty', 'https://northwind.test/e', '  ') };
});

describe('background service', () => {
  it('seeds the KB and annotates a tab for the side panel, from its content script', async () => {
    const bg = service();
    const state = await bg.handle({ type: 'tab-annotation', tabId: 1 });
    expect(state.state).toBe('ok');
    if (state.state !== 'ok') return;
    expect(state.annotation.mentions.map((m) => m.id)).toEqual(expect.arrayContaining(['org:nato', 'ex:cyber-coalition', 'country:EE']));
    expect(state.annotation.sources.map((s) => s.id)).toContain('src:bundled-a');
    const nations = state.annotation.claims.find((c) => c.kind === 'nations');
    expect(nations?.verdict).toBe('corroborated');
    expect((await bg.handle({ type: 'kb-status' })).sources).toBe(1);
  });

  it('says why a tab has nothing to show', async () => {
    const bg = service();
    expect(await bg.handle({ type: 'tab-annotation', tabId: 3 })).toEqual({ state: 'paused' });
    expect(await bg.handle({ type: 'tab-annotation', tabId: 4 })).toEqual({ state: 'no-article' });
    expect((await bg.handle({ type: 'tab-annotation', tabId: 9 })).state).toBe('unavailable');
  });

  it('adds a page as a source for other pages, refuses it twice, and undoes it', async () => {
    const bg = service();
    const { sourceId } = await bg.handle({ type: 'add-page', tabId: 2, metadata: PAGE_B.metadata });
    await expect(bg.handle({ type: 'add-page', tabId: 2, metadata: PAGE_B.metadata })).rejects.toThrow(/already stored/);
    const withB = await bg.handle({ type: 'tab-annotation', tabId: 1 });
    expect(withB.state === 'ok' && withB.annotation.sources.map((s) => s.id)).toContain(sourceId);
    // The added page never corroborates itself.
    const self = await bg.handle({ type: 'tab-annotation', tabId: 2 });
    expect(self.state === 'ok' && self.annotation.sources.map((s) => s.id)).not.toContain(sourceId);
    expect(await bg.handle({ type: 'remove-source', sourceId })).toEqual({ removed: true });
    const without = await bg.handle({ type: 'tab-annotation', tabId: 1 });
    expect(without.state === 'ok' && without.annotation.sources.map((s) => s.id)).not.toContain(sourceId);
  });

  it('recognises a stored article under another URL as the page itself: it never corroborates itself', async () => {
    const bg = service();
    const { sourceId } = await bg.handle({ type: 'add-page', tabId: 2, metadata: PAGE_B.metadata });
    // The AMP edition of the same article, reached through a tracked link, with its own page furniture.
    const amp = article('Second look', 'http://www.northwind.test/b/amp/?utm_source=social#top', `${PAGE_B.article.text} Share this article. Sign up for our morning newsletter to get the news from the region first.`);
    tabs[5] = amp;
    const state = await bg.handle({ type: 'tab-annotation', tabId: 5 });
    expect(state.state).toBe('ok');
    if (state.state !== 'ok') return;
    expect(state.annotation.pageSourceIds).toEqual([sourceId]);
    expect(state.annotation.sources.map((s) => s.id)).not.toContain(sourceId);
    const cited = state.annotation.claims.flatMap((c) => [...c.corroborating, ...c.conflicting, ...c.other].map((e) => e.source.id));
    expect(cited).not.toContain(sourceId);
  });

  it('will not remove bundled sources', async () => {
    const bg = service();
    expect(await bg.handle({ type: 'remove-source', sourceId: 'src:bundled-a' })).toEqual({ removed: false });
  });

  it('reports a database it cannot open in the status instead of throwing', async () => {
    const bg = createService({ loadDataset: async () => dataset, openDb: () => Promise.reject(new Error('disk is full')), collectFromTab: async () => null });
    expect(await bg.handle({ type: 'kb-status' })).toMatchObject({ ready: false, error: 'disk is full' });
  });

  it('answers a page of one 600,000-character word with what it analysed, and the caps it hit', async () => {
    const bg = service();
    const giant = article('Giant', 'https://northwind.test/g', `NATO opened Cyber Coalition 2019 in Estonia. ${'x'.repeat(600_000)}`);
    const annotation = (await bg.handle({ type: 'annotate', article: giant.article, metadata: giant.metadata }, { tabId: 7 }));
    expect(annotation.mentions.map((m) => m.id)).toEqual(['org:nato', 'ex:cyber-coalition', 'country:EE']);
    expect(annotation.limits).toMatchObject({ totalChars: giant.article.text.length, analysedChars: 200_000, cutBy: 'characters', longTokens: 1 });
    expect(annotation.text.length).toBe(200_000);
  });

  it('cancels a tab’s analysis when the tab asks again or navigates away', async () => {
    const bg = service();
    await bg.whenReady();
    const first = bg.handle({ type: 'annotate', article: PAGE_A.article }, { tabId: 5, pageUrl: 'https://northwind.test/a' });
    const second = bg.handle({ type: 'annotate', article: PAGE_B.article }, { tabId: 5, pageUrl: 'https://northwind.test/a' });
    await expect(first).rejects.toThrow(/Analysis cancelled/);
    expect((await second).title).toBe('Second look');

    const leaving = bg.handle({ type: 'annotate', article: PAGE_A.article }, { tabId: 6, pageUrl: 'https://northwind.test/a' });
    bg.tabNavigated(6, 'https://elsewhere.test/');
    await expect(leaving).rejects.toThrow(/navigated away/);
  });

  it('answers a short page while a long one is analysed in another tab, and stops the long one when its tab closes', async () => {
    const bg = service();
    await bg.whenReady();
    // About 190,000 characters of exercise reporting (synthetic): hundreds of milliseconds of claims.
    const lines = Array.from({ length: 1800 }, (_, i) => `NATO opened Cyber Coalition 2019 in Estonia on day ${i + 1}. More than ${30 + (i % 9)} nations take part in the exercise.`);
    const long = { ...PAGE_A.article, title: 'Long page', url: 'https://northwind.test/long', text: lines.join(' ') };
    const order: string[] = [];
    const first = bg.handle({ type: 'annotate', article: long }, { tabId: 1, pageUrl: long.url! }).then(() => order.push('long'));
    const second = bg.handle({ type: 'annotate', article: PAGE_A.article }, { tabId: 2, pageUrl: PAGE_A.article.url! }).then(() => order.push('short'));
    await Promise.all([first, second]);
    expect(order).toEqual(['short', 'long']);

    const again = bg.handle({ type: 'annotate', article: { ...long, text: `${long.text} One more line.` } }, { tabId: 3, pageUrl: long.url! });
    setTimeout(() => bg.forgetTab(3), 50);
    await expect(again).rejects.toThrow(/the tab was closed/);
  });
});
