import { describe, expect, it } from 'vitest';
import { allowed, classifySender, parseRequest } from '../../lib/messages';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const article = { title: 'T', published: null, url: 'https://news.test/a', text: 'Japan joined.' };

describe('message protocol', () => {
  it('accepts well-formed requests and rejects malformed ones', () => {
    expect(parseRequest({ type: 'annotate', article })).toEqual({ type: 'annotate', article });
    expect(parseRequest({ type: 'annotate', article: { ...article, text: 42 } })).toBeNull();
    expect(parseRequest({ type: 'annotate' })).toBeNull();
    expect(parseRequest({ type: 'tab-annotation', tabId: -1 })).toBeNull();
    expect(parseRequest({ type: 'tab-annotation', tabId: 3 })).toEqual({ type: 'tab-annotation', tabId: 3 });
    expect(parseRequest({ type: 'add-page', tabId: 3, metadata: { title: 'x' } })).toBeNull();
    expect(parseRequest({ type: 'drop-database' })).toBeNull();
    expect(parseRequest('annotate')).toBeNull();
    expect(parseRequest(null)).toBeNull();
  });

  it('classifies senders from browser-set facts and gives content scripts read-only access', () => {
    const page = classifySender({ id: ID, url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN);
    const content = classifySender({ id: ID, url: 'https://news.test/a', tab: { id: 4 } }, ID, ORIGIN);
    const foreign = classifySender({ id: 'other', url: 'https://evil.test/' , tab: { id: 4 } }, ID, ORIGIN);
    expect([page, content, foreign]).toEqual(['extension-page', 'content-script', 'foreign']);
    const annotate = parseRequest({ type: 'annotate', article })!;
    const remove = parseRequest({ type: 'remove-source', sourceId: 'imp:x' })!;
    const add = parseRequest({ type: 'add-page', tabId: 1, metadata: { title: 't', outlet: 'o', published: null, url: null, language: null } })!;
    expect(allowed(content, annotate.type)).toBe(true);
    expect(allowed(content, remove.type)).toBe(false);
    expect(allowed(content, add.type)).toBe(false);
    expect(allowed(page, remove.type)).toBe(true);
    expect(allowed(foreign, annotate.type)).toBe(false);
  });
});
