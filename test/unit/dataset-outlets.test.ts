import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTLETS, createOutletLookup, outletForUrl, publishingHost, type Outlet } from '../../lib/dataset/outlets';

const countries = new Set((JSON.parse(readFileSync(new URL('../../seeds/entities/countries.json', import.meta.url), 'utf8')) as { id: string }[]).map((c) => c.id.replace('country:', '')));
const TYPES = new Set(['government', 'international-organization', 'wire', 'state-media', 'newspaper', 'broadcaster', 'think-tank', 'blog-aggregator']);

/**
 * What makes a reference note read like a sentence copied from its page rather than facts in our words
 * (the project's rule: facts enter with their source, sentences do not). Cheap on purpose: a note longer
 * than 25 words besides its web addresses, a copula ("X is a", "is the", "are the"), a sentence break,
 * or a quotation of six words or more.
 */
const MAX_NOTE_WORDS = 25;
function proseProblems(note: string, { quotes = true } = {}): string[] {
  const bare = note.replace(/https?:\/\/[^\s)]+(\([^\s)]*\))?/g, ' ');
  const words = bare.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const problems: string[] = [];
  if (words.length > MAX_NOTE_WORDS) problems.push(`${words.length} words`);
  const copula = /\b(?:is|are|was|were)\s+(?:a|an|the)\b/i.exec(bare);
  if (copula) problems.push(`"${copula[0]}"`);
  if (/[\p{Ll}\p{N}]{3,}\.\s+\p{Lu}\p{Ll}/u.test(bare)) problems.push('two sentences');
  if (quotes) {
    for (const [, q = ''] of bare.matchAll(/["“«]([^"”»]+)["”»]/g)) {
      if (q.split(/\s+/).filter(Boolean).length >= 6) problems.push(`quotes "${q}"`);
    }
  }
  return problems;
}

describe('outletForUrl', () => {
  it.each([
    ['https://www.reuters.com/world/europe/some-story-2025-09-12/', 'outlet:reuters'],
    ['https://tass.ru/armiya-i-opk/123', 'outlet:tass'],
    ['https://m.day.kyiv.ua/en/article/day-after-day/x', 'outlet:den'],
    ['https://amp.theguardian.com/world/2025/sep/12/zapad', 'outlet:guardian'],
    ['https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/world/2025/sep/12/zapad', 'outlet:guardian'],
    ['HTTPS://WWW.NATO.INT/cps/en/natohq/news_1.htm', 'outlet:nato'],
    ['https://news.usni.org./2015/06/05/x', 'outlet:usni-news'],
    ['http://www.dvidshub.net:443/news/1', 'outlet:dvids'],
    ['https://noticiaslatam.lat/20190701/x.html', 'outlet:sputnik'],
    ['https://asia.nikkei.com/Politics/x', 'outlet:nikkei'],
  ])('resolves %s to %s', (url, id) => {
    expect(outletForUrl(url)?.id).toBe(id);
  });

  it('prefers a registered subdomain to its parent domain', () => {
    expect(outletForUrl('https://www.c6f.navy.mil/Press-Room/News/x')?.id).toBe('outlet:us-sixth-fleet');
    expect(outletForUrl('https://www.navy.mil/Press-Office/News-Stories/x')?.id).toBe('outlet:us-navy');
    expect(outletForUrl('https://shape.nato.int/news-archive/x')?.id).toBe('outlet:nato-shape');
  });

  it('answers null for unknown domains, look-alikes, other schemes and garbage', () => {
    expect(outletForUrl('https://example.org/story')).toBeNull();
    expect(outletForUrl('https://notreuters.com/story')).toBeNull();
    expect(outletForUrl('https://reuters.com.evil.example/story')).toBeNull();
    expect(outletForUrl('ftp://reuters.com/story')).toBeNull();
    expect(outletForUrl('not a url')).toBeNull();
  });

  it('works over any registry', () => {
    const mini: Outlet[] = [{ id: 'outlet:x', name: 'X', type: 'newspaper', country: 'FR', domains: ['x.fr'] }];
    expect(createOutletLookup(mini)('https://amp.x.fr/a')?.id).toBe('outlet:x');
    expect(createOutletLookup(mini)('https://reuters.com/a')).toBeNull();
    expect(publishingHost('https://a.cdn.ampproject.org/v/s/www.x.fr/a')).toBe('www.x.fr');
  });
});

describe('seeds/curated/outlets.json', () => {
  it('holds the major wires, state media and defence outlets', () => {
    const ids = new Set(OUTLETS.map((o) => o.id));
    for (const slug of ['reuters', 'ap', 'afp', 'tass', 'ria-novosti', 'interfax', 'xinhua', 'kyodo', 'yonhap', 'belta', 'ukrinform', 'unian', 'dpa', 'efe', 'ansa', 'pap',
      'rt', 'sputnik', 'cgtn', 'global-times', 'china-daily', 'nhk', 'kbs', 'defense-news', 'breaking-defense', 'janes', 'the-war-zone', 'dvids', 'naval-news', 'stars-and-stripes']) {
      expect(ids.has(`outlet:${slug}`), slug).toBe(true);
    }
  });

  it('gives every outlet a slug id, a name, a known type, real country codes and domains of its own', () => {
    const problems: string[] = [];
    const owner = new Map<string, string>();
    for (const o of OUTLETS) {
      if (!/^outlet:[a-z0-9-]+$/.test(o.id)) problems.push(`${o.id}: bad id`);
      if (!o.name.trim()) problems.push(`${o.id}: no name`);
      if (!TYPES.has(o.type)) problems.push(`${o.id}: type ${o.type}`);
      if (o.country !== null && !countries.has(o.country)) problems.push(`${o.id}: country ${o.country}`);
      if (o.stateOwner !== undefined && !countries.has(o.stateOwner)) problems.push(`${o.id}: stateOwner ${o.stateOwner}`);
      if (o.ref !== undefined && !/^Q\d+$/.test(o.ref)) problems.push(`${o.id}: ref ${o.ref}`);
      if (!o.domains.length) problems.push(`${o.id}: no domain`);
      for (const d of o.domains) {
        if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d) || d.startsWith('www.')) problems.push(`${o.id}: domain ${d}`);
        const other = owner.get(d);
        if (other) problems.push(`${d}: ${other} and ${o.id}`);
        owner.set(d, o.id);
      }
      for (const n of o.native ?? []) if (!n.text.trim() || !/^[a-z]{2,3}$/.test(n.lang)) problems.push(`${o.id}: native ${JSON.stringify(n)}`);
    }
    expect(problems).toEqual([]);
    expect(new Set(OUTLETS.map((o) => o.id)).size).toBe(OUTLETS.length);
  });
  it('records where each reference was read: one outlet-refs.tsv row per Wikidata id, outlet-pages.tsv rows only for outlets without one', () => {
    const rows = (file: string) => readFileSync(new URL(`../../seeds/curated/${file}`, import.meta.url), 'utf8').split('\n')
      .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('outlet\t')).map((l) => l.split('\t'));
    const byId = new Map(OUTLETS.map((o) => [o.id, o]));
    const problems: string[] = [];
    const refRows = rows('outlet-refs.tsv');
    const pageRows = rows('outlet-pages.tsv');
    const seen = new Set<string>();
    for (const [id = '', ref, stated, source] of refRows) {
      if (seen.has(id)) problems.push(`${id}: two rows`);
      seen.add(id);
      if (byId.get(id)?.ref !== ref) problems.push(`${id}: refs row ${ref}, registry ${byId.get(id)?.ref}`);
      if (!stated?.trim() || !source?.trim()) problems.push(`${id}: refs row without what was read or where`);
    }
    for (const o of OUTLETS) if (o.ref !== undefined && !seen.has(o.id)) problems.push(`${o.id}: ref ${o.ref} without a refs row`);
    for (const [id = '', page, stated, verdict] of pageRows) {
      if (seen.has(id)) problems.push(`${id}: two rows`);
      seen.add(id);
      if (!byId.has(id)) problems.push(`${id}: not in the registry`);
      if (!/^https?:\/\/\S+$/.test(page ?? '')) problems.push(`${id}: page ${page}`);
      if (!stated?.trim() || !verdict?.trim()) problems.push(`${id}: pages row without what was read or the verdict`);
    }
    expect(problems).toEqual([]);
  });
  it('flags reference notes that read like a copied sentence (invented notes)', () => {
    expect(proseProblems('Daily Exampleton is an English-language newspaper published in Exampleton since 1901.')).toEqual(['"is an"']);
    expect(proseProblems('WP: the Example Courier is the oldest paper of Exampleton')).toEqual(['"is the"']);
    expect(proseProblems('own page: daily, Exampleton (XX); founded 1901. Owned by Example Media Holdings')).toEqual(['two sentences']);
    expect(proseProblems('own page: calls itself "the most trusted voice of the whole region"')).toEqual(['quotes "the most trusted voice of the whole region"']);
    expect(proseProblems('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six'))
      .toEqual(['26 words']);
    expect(proseProblems('WP copy: daily, Exampleton (XX); founded 1901; owner Example Media Holdings; second page (https://example.org/a_(b)) agrees')).toEqual([]);
    expect(proseProblems('WP: news channel, Exampleton (XX); name Example Is One News (EION)')).toEqual([]);
  });

  it('states each reference as terse facts in our own words, not the page\'s sentences', () => {
    const rows = (file: string) => readFileSync(new URL(`../../seeds/curated/${file}`, import.meta.url), 'utf8').split('\n')
      .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('outlet\t')).map((l) => l.split('\t'));
    const problems: string[] = [];
    for (const [id = '', , stated = ''] of rows('outlet-pages.tsv')) {
      for (const p of proseProblems(stated)) problems.push(`outlet-pages.tsv ${id}: ${p}`);
    }
    // outlet-refs.tsv quotes records of data files (a table row, a code literal), not prose: no quote check there.
    for (const [id = '', , stated = '', , corroboration = ''] of rows('outlet-refs.tsv')) {
      for (const p of [...proseProblems(stated, { quotes: false }), ...proseProblems(corroboration, { quotes: false })]) problems.push(`outlet-refs.tsv ${id}: ${p}`);
    }
    expect(problems).toEqual([]);
  });
});
