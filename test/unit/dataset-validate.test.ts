/**
 * The build refuses a dataset with a bad record and names it. These tests feed the validator one
 * corrupt record at a time (synthetic data, invented outlets) and check that the message points at
 * the file and the record, then check that the real seeds pass.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDatasetFromSeeds, readCuratedSeeds } from '../../lib/dataset/seeds-fs';
import type { CuratedClaim, CuratedFile, CuratedSource } from '../../lib/dataset/types';
import { DatasetValidationError, longestSharedRun, titleProblem, validateDataset, type ValidationInput } from '../../lib/dataset/validate';
import { canonicalUrl } from '../../lib/text/url';
import type { Entity } from '../../lib/types';

const ROOT = join(__dirname, '..', '..');

const entities: Entity[] = [
  { id: 'country:EE', type: 'country', name: 'Estonia', aliases: [], description: '' },
  { id: 'country:BY', type: 'country', name: 'Belarus', aliases: [], description: '' },
  { id: 'org:nato', type: 'organization', name: 'NATO', aliases: [], description: '' },
  { id: 'ex:test-shield', type: 'exercise', name: 'Test Shield', aliases: [], description: '', editions: [2021, 2022] },
];
const outlets = [
  { id: 'outlet:daily-example', name: 'Daily Example', type: 'newspaper' as const, country: 'EE', domains: ['daily-example.test'] },
  { id: 'outlet:wire-example', name: 'Wire Example', type: 'wire' as const, country: 'EE', domains: ['wire-example.test'] },
];
const source = (over: Partial<CuratedSource> = {}): CuratedSource => ({
  id: 'src:daily-example-2022-05-02-test-shield-begins',
  title: 'Test Shield begins with troops from ten nations',
  outlet: 'Daily Example',
  outletId: 'outlet:daily-example',
  published: '2022-05-02',
  url: 'https://www.daily-example.test/2022/05/02/test-shield-begins',
  language: 'en',
  kind: 'newspaper',
  derivedFrom: null,
  ...over,
});
const claim = (over: Partial<CuratedClaim> = {}): CuratedClaim => ({
  source: 'src:daily-example-2022-05-02-test-shield-begins',
  subject: 'ex:test-shield',
  edition: 2022,
  kind: 'participants',
  value: { type: 'count', stated: [4000], hedge: 'about' },
  scope: { kind: 'total' },
  summary: 'The paper put the exercise at about 4,000 troops.',
  attribution: null,
  stance: null,
  ...over,
});
function input(sources: CuratedSource[], claims: CuratedClaim[]): ValidationInput {
  const data: CuratedFile = { sources, claims };
  return { curated: [{ file: 'test.json', data }], outlets: { file: 'outlets.json', data: { outlets } }, entities };
}
const messages = (i: ValidationInput) => validateDataset(i).map((e) => `${e.file} ${e.record}: ${e.message}`);

describe('validateDataset', () => {
  it('accepts a clean record', () => {
    expect(messages(input([source()], [claim()]))).toEqual([]);
  });

  it.each<[string, CuratedSource[], CuratedClaim[], RegExp]>([
    ['a placeholder title', [source({ title: '[headline not captured]' })], [claim()], /test\.json src:daily-example-2022-05-02-test-shield-begins: title .* is a placeholder/],
    ['a title that is an address', [source({ title: 'https://www.daily-example.test/2022/05/02/x' })], [claim()], /title .* is a URL/],
    ['a title that is a slug', [source({ title: '220904-D-D077-001' })], [claim()], /slug or file name/],
    ['a URL on another outlet\'s domain', [source({ url: 'https://wire-example.test/story' })], [claim()], /url domain wire-example\.test belongs to outlet:wire-example, not outlet:daily-example/],
    ['a listing page as URL', [source({ url: 'https://www.daily-example.test/category/news/page/69' })], [claim()], /is a listing page, not the article/],
    ['an unknown outlet', [source({ outletId: 'outlet:nobody', outlet: 'Nobody' })], [claim()], /outletId outlet:nobody is not in outlets\.json/],
    ['markup in a title', [source({ title: 'Test Shield <b>begins</b> today' })], [claim()], /title holds markup/],
    ['a date outside the edition', [source()], [claim({ kind: 'dates', value: { type: 'dates', start: '2019-05-01', end: '2019-05-10', precision: 'day' } })], /claim 0 \(.*\): dates 2019-05-01\.\.2019-05-10 fall outside edition 2022/],
    ['an edition the series never had', [source()], [claim({ edition: 2020 })], /edition 2020 is not among ex:test-shield's editions/],
    ['a summary copying the title', [source()], [claim({ summary: 'It said Test Shield begins with troops from ten nations this week.' })], /shares 8 words in a row with the title/],
    ['a summary in quotation marks', [source()], [claim({ summary: 'It said the drill was “the biggest yet” this year.' })], /quotes text/],
    ['min/max instead of stated', [source()], [claim({ value: { type: 'count', min: 31, max: null, hedge: 'more-than' } as never })], /carries min\/max/],
    ['a contingent without a country', [source()], [claim({ scope: { kind: 'contingent', of: 'Belarus' } as never })], /contingent scope needs of/],
    ['a missing source', [source()], [claim({ source: 'src:nowhere-2022-01-01-x' })], /source does not exist/],
    ['an unknown exercise', [source()], [claim({ subject: 'ex:no-such-drill' })], /subject ex:no-such-drill is not in exercises\.json/],
  ])('names the record for %s', (_label, sources, claims, pattern) => {
    expect(messages(input(sources, claims)).join('\n')).toMatch(pattern);
  });

  it('finds duplicate ids and URLs, derivation loops and copies dated before their original', () => {
    const a = source({ id: 'src:daily-example-2022-05-02-a', derivedFrom: 'src:daily-example-2022-05-03-b', derivation: 'same-article' });
    const b = source({ id: 'src:daily-example-2022-05-03-b', published: '2022-05-03', url: 'https://daily-example.test/b', derivedFrom: 'src:daily-example-2022-05-02-a', derivation: 'citation' });
    const found = messages(input([a, b], [claim({ source: a.id }), claim({ source: b.id })])).join('\n');
    expect(found).toMatch(/derivation loop/);
    const dup = source({ id: 'src:daily-example-2022-05-02-a', url: 'http://daily-example.test/2022/05/02/test-shield-begins/?utm_source=x' });
    const twice = messages(input([source({ id: 'src:daily-example-2022-05-02-a' }), dup], [claim({ source: dup.id })])).join('\n');
    expect(twice).toMatch(/src:daily-example-2022-05-02-a: duplicate source id/);
    expect(twice).toMatch(/url is also the url of src:daily-example-2022-05-02-a/);
    expect(found).toMatch(/src:daily-example-2022-05-03-b: derived from src:daily-example-2022-05-02-a, published later|src:daily-example-2022-05-02-a: derived from src:daily-example-2022-05-03-b, published later/);
  });

  it('finds a series split across files and an outlet domain claimed twice', () => {
    const i = input([source()], [claim()]);
    i.curated.push({ file: 'other.json', data: { sources: [source({ id: 'src:daily-example-2022-05-02-other', url: 'https://daily-example.test/other' })], claims: [claim({ source: 'src:daily-example-2022-05-02-other' })] } });
    i.outlets.data.outlets = [...outlets, { id: 'outlet:copycat', name: 'Copycat', type: 'blog-aggregator', country: null, domains: ['daily-example.test'] }];
    const found = messages(i).join('\n');
    expect(found).toMatch(/series ex:test-shield is split between test\.json and other\.json/);
    expect(found).toMatch(/domain daily-example\.test also belongs to outlet:daily-example/);
  });

  it('makes the build fail with a message naming the record', () => {
    const error = new DatasetValidationError(validateDataset(input([source({ title: '[headline not captured]' })], [claim()])));
    expect(error.message).toMatch(/^1 dataset validation error:\n {2}test\.json src:daily-example-2022-05-02-test-shield-begins: title/);
  });
});

describe('validator helpers', () => {
  it('tells headlines from placeholders, addresses and slugs', () => {
    expect(titleProblem('Russia and Belarus begin Zapad-2025 military exercises')).toBeNull();
    expect(titleProblem('Zapad')).toBeNull();
    expect(titleProblem('(untitled)')).not.toBeNull();
    expect(titleProblem('120922saberjunction')).not.toBeNull();
  });
  it('accepts headlines of scripts written without word spaces, still refusing Latin slugs', () => {
    // Invented headlines: Chinese and Japanese news headlines carry no spaces between words.
    expect(titleProblem('某国海军本周举行年度联合演习规模创新高')).toBeNull();
    expect(titleProblem('架空の共同訓練が来月始まると国防当局が発表')).toBeNull();
    expect(titleProblem('testshield-2025-opens-today')).not.toBeNull();
  });
  it('finds the longest shared run of words, whatever the punctuation', () => {
    expect(longestSharedRun('It said 30,000 Australian and US personnel took part.', '30,000 Australian and US personnel gear up')).toEqual(['30', '000', 'australian', 'and', 'us', 'personnel']);
  });
  it('keys URLs so the same page twice is seen', () => {
    expect(canonicalUrl('https://www.example.test/a/?utm_source=rss')).toBe(canonicalUrl('http://example.test/a'));
    expect(canonicalUrl('https://example.test/a?id=1')).not.toBe(canonicalUrl('https://example.test/a?id=2'));
  });
});

describe('the bundled seeds', () => {
  it('pass validation with no error', () => {
    expect(validateDataset(readCuratedSeeds(join(ROOT, 'seeds'))).map((e) => `${e.file} ${e.record}: ${e.message}`)).toEqual([]);
  });
  it('build', () => {
    expect(buildDatasetFromSeeds(join(ROOT, 'seeds')).claims.length).toBeGreaterThan(1000);
  });
});
