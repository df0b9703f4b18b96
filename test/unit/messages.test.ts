import { describe, expect, it } from 'vitest';
import { allowed, ask, askTab, callerOf, classifySender, dispatchTab, MessageError, parseImportClientMessage, parseRequest, parseTabRequest, type TabHandlers } from '../../lib/messages';

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
    const foreign = classifySender({ id: 'other', url: 'https://evil.test/', tab: { id: 4 } }, ID, ORIGIN);
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

describe('one message map, both directions', () => {
  it('checks every request to the background, including the sets requests the options page sends', () => {
    expect(parseRequest({ type: 'sets' })).toEqual({ type: 'sets' });
    expect(parseRequest({ type: 'rename-set', setId: 'set:a', name: '  Baltic press ' })).toEqual({ type: 'rename-set', setId: 'set:a', name: 'Baltic press' });
    expect(parseRequest({ type: 'rename-set', setId: 'set:a', name: '   ' })).toBeNull();
    expect(parseRequest({ type: 'delete-set' })).toBeNull();
    // Removed types are unknown now: the background makes every write itself, and nothing focused an entity.
    expect(parseRequest({ type: 'kb-changed' })).toBeNull();
    // Fields the schema does not name are dropped, never passed on to a handler.
    expect(parseRequest({ type: 'kb-status', extra: 'x' })).toEqual({ type: 'kb-status' });
  });

  it('checks every request to a tab', () => {
    expect(parseTabRequest({ type: 'reveal', start: 3, end: 9 })).toEqual({ type: 'reveal', start: 3, end: 9 });
    expect(parseTabRequest({ type: 'reveal', start: 3.5, end: 9 })).toBeNull();
    expect(parseTabRequest({ type: 'focus-entity', entityId: 'ex:zapad' })).toBeNull();
    expect(parseTabRequest({ type: 'page-state' })).toEqual({ type: 'page-state' });
  });

  it('runs the tab handler the request names, with its own answer type', async () => {
    const handlers: TabHandlers = {
      'collect-article': async () => ({ article, metadata: { title: 'T', outlet: '', published: null, url: null, language: null }, paused: true }),
      reveal: async ({ start, end }) => end > start,
      'page-state': async () => ({ state: 'ready', mentions: 2, painted: 2, skipped: 0, notice: null, error: null, startedAt: 1, readyAt: 5 }),
      'show-all': async () => ({ state: 'ready', mentions: 2, painted: 2, skipped: 0, notice: null, error: null, startedAt: 1, readyAt: 9 }),
      'move-focus': async ({ step }) => step === 1,
    };
    expect(await dispatchTab(handlers, { type: 'reveal', start: 1, end: 4 })).toBe(true);
    const collected = await dispatchTab(handlers, { type: 'collect-article' });
    expect(collected.paused).toBe(true);
  });

  it('unwraps the background envelope: a value, an error the UI can show, or no answer at all', async () => {
    const status = { ready: true, datasetVersion: 'v', sources: 1, claims: 2, entities: 3 };
    const answer = await ask(async () => ({ ok: true, value: status }), { type: 'kb-status' });
    expect(answer.sources).toBe(1);
    await expect(ask(async () => ({ ok: false, error: 'disk is full' }), { type: 'sets' })).rejects.toThrow(new MessageError('disk is full'));
    await expect(ask(async () => undefined, { type: 'sets' })).rejects.toThrow(/did not answer/);
    expect(await askTab(async () => undefined, { type: 'page-state' })).toBeNull();
    expect(await askTab(async () => Promise.reject(new Error('no receiver')), { type: 'page-state' })).toBeNull();
  });

  it('decides once who a caller is, from what the browser says', () => {
    expect(callerOf({ id: ID, url: 'https://news.test/a', tab: { id: 4 } }, ID, ORIGIN)).toEqual({ kind: 'content-script', tabId: 4, pageUrl: 'https://news.test/a' });
    // An extension page's address is never taken as a page to analyse.
    expect(callerOf({ id: ID, url: `${ORIGIN}options.html` }, ID, ORIGIN)).toEqual({ kind: 'extension-page', tabId: undefined, pageUrl: undefined });
    // A page that names our id in its own message is still foreign: only the browser-set sender counts.
    expect(callerOf({ id: 'someone-else', url: `${ORIGIN}options.html` }, ID, ORIGIN).kind).toBe('foreign');
  });

  it('checks what the options page sends on the import port', () => {
    expect(parseImportClientMessage({ type: 'start', files: [{ name: 'a.csv', setName: 'a', size: 10 }] })).not.toBeNull();
    expect(parseImportClientMessage({ type: 'start', files: [] })).toBeNull();
    expect(parseImportClientMessage({ type: 'chunk', file: 0, data: 'aGVsbG8=', last: true })).not.toBeNull();
    expect(parseImportClientMessage({ type: 'chunk', file: 0, data: 'not base64!', last: true })).toBeNull();
    expect(parseImportClientMessage({ type: 'cancel' })).toEqual({ type: 'cancel' });
  });
});
