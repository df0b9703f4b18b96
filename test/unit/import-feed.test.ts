import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../lib/import';
import { repairXml } from '../../lib/import/feed';
import { fixtureBytes, utf8 } from '../fixtures/import/load';

describe('RSS import', () => {
  const parsed = parseImportFile('feed.rss', fixtureBytes('feed.rss'));

  it('takes full text from content:encoded, strips CDATA HTML and scripts, decodes entities', () => {
    expect(parsed.format).toBe('rss');
    expect(parsed.articles[0]).toEqual({
      title: 'Navy drill: two frigates & a tanker',
      text: 'The navy sent two frigates & a tanker.\n\nTwelve nations took part.',
      url: 'https://northwind-gazette.example/2019/12/drill',
      outlet: 'Northwind Gazette & Almanac',
      published: '2019-12-02T20:02:00.000Z',
      language: 'en-us',
      id: 'nwg-1001',
      record: 1,
    });
  });

  it('reads escaped HTML descriptions, item <source>, dc:date and relative links', () => {
    expect(parsed.articles[1]).toMatchObject({
      text: 'A cyber range opened on Monday & will host 30 teams.',
      outlet: 'Eastmarch Wire',
      published: '2019-12-02',
      url: 'https://northwind-gazette.example/2019/12/cyber-range',
    });
  });

  it('uses a permalink guid as the link and the text as the title when they are missing', () => {
    expect(parsed.articles[2]).toMatchObject({
      title: 'Exercise without a title, the description names the host.',
      url: 'https://northwind-gazette.example/2019/12/untitled',
      record: 5,
    });
  });

  it('rejects items without text or with an unreadable date, by item number', () => {
    expect(parsed.rejected).toEqual([
      { action: 'skipped', issue: 'no-text', record: 3, reason: 'no text' },
      { action: 'skipped', issue: 'bad-date', record: 4, reason: "unparseable date 'Tuesday-ish'" },
    ]);
  });
});

describe('Atom import', () => {
  const parsed = parseImportFile('feed.atom', fixtureBytes('feed.atom'));

  it('reads xhtml content with paragraph breaks and resolves the alternate link against xml:base', () => {
    expect(parsed.format).toBe('atom');
    expect(parsed.articles[0]).toEqual({
      title: 'Coalition exercise in the north',
      text: 'The coalition exercise began & ran for five days.\n\nAbout 1,000 personnel took part.\nObservers came from Japan.',
      url: 'https://harbour-ledger.example/news/coalition',
      outlet: 'Harbour Ledger',
      published: '2019-12-03T13:30:00.000Z',
      language: 'en-GB',
      id: 'tag:harbour-ledger.example,2019:1',
      record: 1,
    });
  });

  it('reads html summaries, a <source> title, updated as the date, and src content falls back to the summary', () => {
    expect(parsed.articles[1]).toMatchObject({
      title: 'Drill & parade',
      text: 'The parade followed the drill.',
      outlet: 'Eastmarch Wire',
      published: '2019-12-01T00:00:00.000Z',
    });
    expect(parsed.articles[2]).toMatchObject({ text: 'Only the summary travels in the feed.', url: null });
    expect(parsed.rejected).toEqual([]);
  });
});

describe('feed detection', () => {
  it('reads RSS 1.0 (RDF) saved as .xml', () => {
    const parsed = parseImportFile('feed-rdf.xml', fixtureBytes('feed-rdf.xml'));
    expect(parsed.format).toBe('rss');
    expect(parsed.articles).toEqual([
      {
        title: 'Exercise West begins',
        text: 'Exercise West began with 12,000 troops.',
        url: 'https://eastmarch-wire.example/1',
        outlet: 'Eastmarch Wire',
        published: '2017-09-14T06:00:00.000Z',
        record: 1,
      },
    ]);
  });

  it('recognizes Atom saved as .xml and a feed saved without extension', () => {
    expect(parseImportFile('export.xml', fixtureBytes('feed.atom')).format).toBe('atom');
    expect(parseImportFile('download', fixtureBytes('feed.rss')).articles).toHaveLength(3);
  });

  it('survives a bare ampersand and HTML entities that XML does not define', () => {
    const rss = '<rss><channel><title>Q & A Weekly</title><item><title>Drill&nbsp;ends</title><description>Troops &mdash; 500 &amp; more &eacute;lite.</description></item></channel></rss>';
    const [article] = parseImportFile('f.rss', utf8(rss)).articles;
    expect(article).toMatchObject({ outlet: 'Q & A Weekly', title: 'Drill ends', text: 'Troops — 500 & more élite.' });
  });

  it('rejects XML that is not a feed and a feed without items', () => {
    expect(parseImportFile('a.xml', utf8('<?xml version="1.0"?><note><to>Tove</to></note>'))).toMatchObject({
      format: 'unknown',
      articles: [],
      rejected: [{ action: 'skipped', issue: 'unsupported-format', reason: 'XML is not an RSS or Atom feed' }],
    });
    expect(parseImportFile('a.rss', utf8('<rss><channel><title>Empty</title></channel></rss>')).rejected).toEqual([
      { action: 'skipped', issue: 'no-records', reason: 'feed has no items' },
    ]);
  });
});

describe('repairXml', () => {
  it('escapes what strict XML parsers refuse, leaving CDATA sections alone', () => {
    const broken = '<title>Q & A&nbsp;&mdash; &amp; &#38; &unknown;</title><d><![CDATA[<p>a & b&nbsp;</p>]]></d>';
    expect(repairXml(broken)).toBe(
      '<title>Q &amp; A&#160;&#8212; &amp; &#38; &amp;unknown;</title><d><![CDATA[<p>a & b&nbsp;</p>]]></d>',
    );
  });
});
