import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../lib/dom/parse.ts';
import { extractArticleFromHtml } from '../../lib/extract/html.ts';
import { normaliseDate, readPageMetadata, stripOutletFromTitle } from '../../lib/extract/metadata.ts';

// Synthetic pages; outlets and people are invented.
const page = (head: string, body = '', lang = '') =>
  parseHtmlDocument(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`);

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('readPageMetadata', () => {
  it('reads a NewsArticle inside an @graph, resolving the publisher by @id', () => {
    const doc = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Organization', '@id': 'https://fjord.example/#org', name: 'Fjord Courier' },
          { '@type': 'WebSite', '@id': 'https://fjord.example/#site', name: 'Fjord Courier Online' },
          {
            '@type': ['NewsArticle'],
            headline: 'Navies open Cold Current drill',
            datePublished: '2021-03-04T09:15:00+01:00',
            publisher: { '@id': 'https://fjord.example/#org' },
            mainEntityOfPage: { '@id': 'https://fjord.example/news/cold-current' },
            author: [{ '@type': 'Person', name: 'Ines Holm' }, { '@type': 'Person', name: 'Per Lund' }],
          },
        ],
      }) + '<title>Navies open Cold Current drill | Fjord Courier</title>',
      '',
      'nb',
    );
    expect(readPageMetadata(doc)).toEqual({
      title: 'Navies open Cold Current drill',
      outlet: 'Fjord Courier',
      published: '2021-03-04T09:15:00+01:00',
      url: 'https://fjord.example/news/cold-current',
      language: 'nb',
      author: 'Ines Holm, Per Lund',
    });
  });

  it('reads Open Graph alone and strips the outlet from the title', () => {
    const doc = page(`
      <meta property="og:title" content="Cyber range exercise ends - Lakeside Post">
      <meta property="og:site_name" content="Lakeside Post">
      <meta property="article:published_time" content="2020-11-19T08:02:00Z">
      <meta property="og:url" content="https://lakeside.example/a/1">
      <meta property="og:locale" content="en_US">`);
    expect(readPageMetadata(doc)).toEqual({
      title: 'Cyber range exercise ends',
      outlet: 'Lakeside Post',
      published: '2020-11-19T08:02:00Z',
      url: 'https://lakeside.example/a/1',
      language: 'en-US',
      author: null,
    });
  });

  it('reads plain meta tags, a relative canonical link and <title>', () => {
    const doc = page(`
      <title>Hill Tribune | Drill moved to spring</title>
      <meta name="application-name" content="Hill Tribune">
      <meta name="pubdate" content="20190607">
      <meta name="author" content="Mara Quist">
      <link rel="canonical" href="/2019/drill-moved">`);
    expect(readPageMetadata(doc, 'https://hill.example/amp/2019/drill-moved?x=1')).toEqual({
      title: 'Drill moved to spring',
      outlet: 'Hill Tribune',
      published: '2019-06-07',
      url: 'https://hill.example/2019/drill-moved',
      language: null,
      author: 'Mara Quist',
    });
  });

  it('falls back past malformed JSON-LD without throwing', () => {
    const doc = page(`
      <script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Broken", }</script>
      <script type="application/ld+json">not json at all</script>
      <meta property="og:title" content="Working title">`,
      '<article><time datetime="2018-10-15">15 Oct</time><p>Text.</p></article>');
    const meta = readPageMetadata(doc, 'https://river.example/x');
    expect(meta.title).toBe('Working title');
    expect(meta.published).toBe('2018-10-15');
    expect(meta.url).toBe('https://river.example/x');
  });

  it('accepts JSON-LD wrapped in CDATA markers and types given as schema.org URLs', () => {
    const doc = page(`<script type="application/ld+json">/*<![CDATA[*/${JSON.stringify({
      '@type': 'http://schema.org/ReportageNewsArticle',
      headline: 'Report from the range',
      datePublished: '2017-09-14',
      publisher: { '@type': 'Organization', name: 'Valley Wire' },
      url: 'https://valley.example/r',
    })}/*]]>*/</script>`);
    expect(readPageMetadata(doc)).toMatchObject({
      title: 'Report from the range',
      outlet: 'Valley Wire',
      published: '2017-09-14',
      url: 'https://valley.example/r',
    });
  });

  it('ignores non-http addresses and reports null where nothing is known', () => {
    const doc = page('<link rel="canonical" href="javascript:alert(1)">');
    expect(readPageMetadata(doc, null)).toEqual({ title: '', outlet: null, published: null, url: null, language: null, author: null });
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2019-11-19', '2019-11-19'],
    ['2019-11-19 08:02:00', '2019-11-19T08:02:00'],
    ['2019-11-19T08:02:00.000+0000', '2019-11-19T08:02:00.000+00:00'],
    ['2019-11-19T08:02-05:00', '2019-11-19T08:02:00-05:00'],
    ['Tue, 19 Nov 2019 08:02:00 GMT', '2019-11-19T08:02:00.000Z'],
    ['November 19, 2019', '2019-11-19'],
    ['20191119', '2019-11-19'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it.each(['yesterday', '', '0000-00-00', '2019-13-45', 42])('rejects %s', (input) => {
    expect(normaliseDate(input)).toBeNull();
  });
});

describe('stripOutletFromTitle', () => {
  it('removes the outlet only when the suffix or prefix is the outlet', () => {
    expect(stripOutletFromTitle('Drill ends — The Lakeside Post', 'the lakeside post')).toBe('Drill ends');
    expect(stripOutletFromTitle('Zapad - the numbers - Lakeside Post', 'Lakeside Post')).toBe('Zapad - the numbers');
    expect(stripOutletFromTitle('Drill ends - Day two', 'Lakeside Post')).toBe('Drill ends - Day two');
    expect(stripOutletFromTitle('Drill ends', null)).toBe('Drill ends');
  });
});

describe('extractArticleFromHtml', () => {
  it('combines metadata and body text of a saved page', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../fixtures/extract/article.html'), 'utf8');
    const article = extractArticleFromHtml(html, 'https://northwind.example/baltic-shield');
    expect(article).toMatchObject({
      title: 'Baltic Shield drill draws 14 nations | Northwind Gazette',
      published: null,
      url: 'https://northwind.example/baltic-shield',
      language: 'en-GB',
    });
    expect(article.outlet).toBeUndefined();
    expect(article.text.startsWith('Fourteen nations sent troops')).toBe(true);
    expect(article.text).not.toContain('NAV-TEXT');
  });
});
