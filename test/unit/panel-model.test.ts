import { describe, expect, it } from 'vitest';
import { kbStatusLine, metadataFromForm, panelNotice, parsePanelParams } from '../../components/panel/model';
import { derivationLabel } from '../../components/shared/derivation';
import type { KbStatus, TabAnnotationState } from '../../lib/messages';
import { fixtureAnnotation } from './report-fixture';

const kb: KbStatus = { ready: true, datasetVersion: '2024.1', sources: 120, claims: 800, entities: 1500 };
const ok: TabAnnotationState = {
  state: 'ok',
  annotation: fixtureAnnotation(),
  pageMetadata: { title: 't', outlet: 'o', published: null, url: null, language: null },
};

describe('parsePanelParams', () => {
  it('reads a deep link to a tab and an entity', () => {
    expect(parsePanelParams('?tabId=42&entity=ex%3Acyber-coalition')).toEqual({ tabId: 42, entity: 'ex:cyber-coalition' });
    expect(parsePanelParams('?tabId=abc')).toEqual({ tabId: null, entity: null });
    expect(parsePanelParams('')).toEqual({ tabId: null, entity: null });
  });
});

describe('panelNotice', () => {
  it('explains every state that leaves nothing to compare', () => {
    expect(panelNotice({ status: 'loaded', state: { state: 'no-article' } }, kb)?.kind).toBe('no-article');
    expect(panelNotice({ status: 'loaded', state: { state: 'paused' } }, kb)).toMatchObject({ kind: 'paused', action: 'resume' });
    const unsupported = panelNotice({ status: 'loaded', state: { state: 'unavailable', reason: 'chrome:// pages cannot be read.' } }, kb)!;
    expect(unsupported.kind).toBe('unsupported');
    expect(unsupported.body[0]).toBe('chrome:// pages cannot be read.');
    expect(panelNotice({ status: 'error', message: 'QuotaExceededError' }, null)).toMatchObject({ kind: 'db-error', action: 'retry', error: true, body: ['QuotaExceededError', expect.any(String)] });
  });

  it('shows the comparison when there is one, and warns when the KB is empty', () => {
    expect(panelNotice({ status: 'loaded', state: ok }, kb)).toBeNull();
    expect(panelNotice({ status: 'loaded', state: ok }, { ...kb, sources: 0 })).toMatchObject({ kind: 'empty-dataset', action: 'options' });
  });

  it('summarises the KB in one line', () => {
    expect(kbStatusLine(kb)).toBe('120 sources, 800 claims, 1,500 entities · dataset 2024.1');
    expect(kbStatusLine({ ...kb, ready: false })).toBe('Preparing the bundled sources…');
    // Each count takes its own plural form ("1 entities" before the catalogue).
    expect(kbStatusLine({ ready: true, datasetVersion: null, sources: 1, claims: 1, entities: 1 })).toBe('1 source, 1 claim, 1 entity');
  });
});

describe('derivationLabel', () => {
  it('says how a source retells another in words, never as a stored code', () => {
    expect(derivationLabel('translation', 'Nikkei')).toBe('translation of Nikkei');
    expect(derivationLabel('wire-copy', 'Reuters')).toBe('wire copy of Reuters');
    expect(derivationLabel('same-article', 'Nikkei')).toBe('same article as Nikkei');
    // No derivation, or one this version does not know, is a plain retelling (it read "retells of …").
    expect(derivationLabel(undefined, 'Nikkei')).toBe('retelling of Nikkei');
    expect(derivationLabel('paraphrase', 'Nikkei')).toBe('retelling of Nikkei');
  });
});

describe('metadataFromForm', () => {
  it('trims, turns empty optional fields into null and accepts good input', () => {
    expect(metadataFromForm({ title: ' T ', outlet: 'ERR', published: '2019-12-03', url: 'https://err.ee/x', language: 'en' })).toEqual({
      ok: true,
      metadata: { title: 'T', outlet: 'ERR', published: '2019-12-03', url: 'https://err.ee/x', language: 'en' },
    });
    expect(metadataFromForm({ title: 'T', outlet: '', published: '', url: '', language: '' })).toEqual({
      ok: true,
      metadata: { title: 'T', outlet: '', published: null, url: null, language: null },
    });
  });

  it('rejects what cannot be cited or stored', () => {
    const r = metadataFromForm({ title: '', outlet: '', published: 'last week', url: 'javascript:alert(1)', language: 'english!' });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : Object.keys(r.errors).sort()).toEqual(['language', 'published', 'title', 'url']);
  });
});
