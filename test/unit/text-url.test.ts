import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanUrl, sameArticleUrl } from '../../lib/text/url';

// Synthetic outlets.
const ARTICLE = 'https://harbor-ledger.example/world/2024/05/drills-open';

describe('canonicalUrl', () => {
  it.each([
    ['the article itself', ARTICLE],
    ['http instead of https', 'http://harbor-ledger.example/world/2024/05/drills-open'],
    ['www.', 'https://www.harbor-ledger.example/world/2024/05/drills-open'],
    ['www2.', 'https://www2.harbor-ledger.example/world/2024/05/drills-open'],
    ['mobile host m.', 'https://m.harbor-ledger.example/world/2024/05/drills-open'],
    ['mobile host mobile.', 'https://mobile.harbor-ledger.example/world/2024/05/drills-open'],
    ['AMP host amp.', 'https://amp.harbor-ledger.example/world/2024/05/drills-open'],
    ['upper-case host and a trailing dot', 'https://WWW.Harbor-Ledger.EXAMPLE./world/2024/05/drills-open'],
    ['a trailing slash', 'https://harbor-ledger.example/world/2024/05/drills-open/'],
    ['doubled slashes', 'https://harbor-ledger.example/world//2024/05/drills-open//'],
    ['a fragment', 'https://harbor-ledger.example/world/2024/05/drills-open#comments'],
    ['utm_* parameters', 'https://harbor-ledger.example/world/2024/05/drills-open?utm_source=feed&utm_medium=rss&utm_campaign=x'],
    ['click identifiers', 'https://harbor-ledger.example/world/2024/05/drills-open?fbclid=IwAR0abc&gclid=xyz&msclkid=1'],
    ['share and referrer parameters', 'https://harbor-ledger.example/world/2024/05/drills-open?CMP=share_btn_tw&ref=homepage&smid=tw-share'],
    ['AMP path suffix', 'https://harbor-ledger.example/world/2024/05/drills-open/amp'],
    ['AMP path suffix with a slash', 'https://harbor-ledger.example/world/2024/05/drills-open/amp/'],
    ['AMP path prefix', 'https://harbor-ledger.example/amp/world/2024/05/drills-open'],
    ['?amp', 'https://harbor-ledger.example/world/2024/05/drills-open?amp'],
    ['?amp=1', 'https://harbor-ledger.example/world/2024/05/drills-open?amp=1'],
    ['?outputType=amp', 'https://harbor-ledger.example/world/2024/05/drills-open?outputType=amp'],
    ['Google AMP cache', 'https://harbor--ledger-example.cdn.ampproject.org/c/s/www.harbor-ledger.example/world/2024/05/drills-open/amp'],
    ['everything at once', 'http://m.harbor-ledger.example/world/2024/05/drills-open/amp/?utm_source=x&amp=1#top'],
  ])('%s is the same article', (_why, url) => {
    expect(canonicalUrl(url)).toBe(canonicalUrl(ARTICLE));
  });

  it('gives a https key without www, slash or fragment', () => {
    expect(canonicalUrl('http://www.harbor-ledger.example/a/b/?utm_source=x&id=3#top')).toBe('https://harbor-ledger.example/a/b?id=3');
    expect(canonicalUrl('https://harbor-ledger.example')).toBe('https://harbor-ledger.example/');
  });

  it.each([
    ['another path', 'https://harbor-ledger.example/world/2024/05/drills-close'],
    ['another article id', 'https://harbor-ledger.example/story?id=4'],
    ['another site', 'https://granite-post.example/world/2024/05/drills-open'],
    ['another subdomain (a regional edition)', 'https://north.harbor-ledger.example/world/2024/05/drills-open'],
    ['a path differing in case', 'https://harbor-ledger.example/World/2024/05/Drills-Open'],
  ])('%s is another article', (_why, url) => {
    expect(canonicalUrl(url)).not.toBe(canonicalUrl(url.includes('story?id=4') ? 'https://harbor-ledger.example/story?id=3' : ARTICLE));
  });

  it('keeps the parameters that select the article, in a stable order', () => {
    expect(canonicalUrl('https://harbor-ledger.example/story?page=2&id=3')).toBe(canonicalUrl('https://harbor-ledger.example/story?id=3&page=2&utm_term=x'));
  });

  it('refuses what is not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'file:///tmp/a.html', 'chrome://newtab', 'not a url', '', null, undefined]) expect(canonicalUrl(url)).toBeNull();
  });

  it('a bare domain is not stripped to its top-level part', () => {
    expect(canonicalUrl('https://m.example/a')).toBe('https://m.example/a');
    expect(canonicalUrl('https://www.example/a')).toBe('https://www.example/a');
  });
});

describe('cleanUrl', () => {
  it('drops the fragment and tracking parameters and keeps the link otherwise as written', () => {
    expect(cleanUrl('http://www.harbor-ledger.example/a/b/?utm_source=x&id=3#top')).toBe('http://www.harbor-ledger.example/a/b/?id=3');
    expect(cleanUrl('https://m.harbor-ledger.example/a?b=2&a=1')).toBe('https://m.harbor-ledger.example/a?b=2&a=1');
    expect(cleanUrl('https://harbor-ledger.example/a?fbclid=1')).toBe('https://harbor-ledger.example/a');
    expect(cleanUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('sameArticleUrl', () => {
  it('compares through the canonical key', () => {
    expect(sameArticleUrl('https://www.harbor-ledger.example/x/', 'http://harbor-ledger.example/x?utm_medium=social')).toBe(true);
    expect(sameArticleUrl('https://harbor-ledger.example/x', 'https://harbor-ledger.example/y')).toBe(false);
    expect(sameArticleUrl(null, null)).toBe(false);
  });
});
