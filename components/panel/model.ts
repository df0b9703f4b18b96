/**
 * The side panel's decisions that do not need a DOM: which tab and entity the URL asks for,
 * what to tell the user when there is nothing to compare, and how the "Add this page" form
 * becomes PageMetadata. Kept pure so they are unit-tested; the components only render them.
 */
import type { KbStatus, PageMetadata, TabAnnotationState } from '@/lib/messages';

export interface PanelParams {
  /** A fixed tab (deep link, tests); null means "follow the active tab". */
  tabId: number | null;
  entity: string | null;
}

export function parsePanelParams(search: string): PanelParams {
  const params = new URLSearchParams(search);
  const raw = params.get('tabId');
  const tabId = raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
  const entity = params.get('entity')?.trim() || null;
  return { tabId, entity };
}

export type NoticeKind = 'loading' | 'unsupported' | 'no-article' | 'paused' | 'empty-dataset' | 'db-error' | 'kb-starting';

export interface Notice {
  kind: NoticeKind;
  title: string;
  /** What happened and what to do, as separate sentences. */
  body: string[];
  /** The one action the notice offers, if any. */
  action?: 'retry' | 'options' | 'resume';
  error?: boolean;
}

export type PanelLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'loaded'; state: TabAnnotationState };

/**
 * The notice that replaces the comparison, or null when there is one to show. An empty KB is
 * a notice only once the page loaded fine: with no sources, every claim would read "unverified"
 * and that must not look like a finding about the article.
 */
export function panelNotice(load: PanelLoad, kb: KbStatus | null): Notice | null {
  if (load.status === 'loading') return { kind: 'loading', title: 'Reading this page…', body: [] };
  if (load.status === 'error') {
    return {
      kind: 'db-error',
      title: 'Triangulate could not read its database',
      body: [load.message, 'Try again. If it keeps failing, reload the extension from the browser’s extensions page; your imported sets stay stored.'],
      action: 'retry',
      error: true,
    };
  }
  const state = load.state;
  switch (state.state) {
    case 'unavailable':
      return {
        kind: 'unsupported',
        title: 'Triangulate cannot read this page',
        body: [state.reason, 'It works on web pages (http and https). Browser pages, the extension store, PDFs and local files are out of its reach: open a news article on a website.'],
      };
    case 'no-article':
      return {
        kind: 'no-article',
        title: 'No article found on this page',
        body: ['Triangulate looks for the main text of a news article and found none here (a home page, a search page or a video page, for example).', 'Open an article, then come back to this panel.'],
      };
    case 'paused':
      return {
        kind: 'paused',
        title: 'Triangulate is paused here',
        body: ['You paused it for this site or everywhere, so it does not read or mark this page.'],
        action: 'resume',
      };
    case 'ok':
      if (kb && kb.error) {
        return { kind: 'db-error', title: 'Triangulate could not read its database', body: [kb.error, 'Try again, or reload the extension.'], action: 'retry', error: true };
      }
      if (kb && !kb.ready) return { kind: 'kb-starting', title: 'Preparing the sources…', body: ['The bundled sources are being stored. This takes a few seconds after install or an update.'], action: 'retry' };
      if (kb && kb.sources === 0) {
        return {
          kind: 'empty-dataset',
          title: 'No sources to compare with',
          body: ['Your knowledge base holds no articles, so nothing can corroborate or contradict this page.', 'Import article sets in Options, or add pages you read with “Add this page”.'],
          action: 'options',
        };
      }
      return null;
  }
}

export interface MetadataForm {
  title: string;
  outlet: string;
  published: string;
  url: string;
  language: string;
}

export function formFromMetadata(m: PageMetadata): MetadataForm {
  return { title: m.title, outlet: m.outlet, published: m.published ?? '', url: m.url ?? '', language: m.language ?? '' };
}

export type FormResult = { ok: true; metadata: PageMetadata } | { ok: false; errors: Partial<Record<keyof MetadataForm, string>> };

/** Checks the user's edits; empty optional fields become null. */
export function metadataFromForm(f: MetadataForm): FormResult {
  const errors: Partial<Record<keyof MetadataForm, string>> = {};
  const title = f.title.trim();
  const published = f.published.trim();
  const url = f.url.trim();
  const language = f.language.trim();
  if (!title) errors.title = 'A title is needed to cite the page.';
  if (published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(published) && Number.isNaN(Date.parse(published))) {
    errors.published = 'Use a date like 2019-12-03.';
  }
  if (url) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') errors.url = 'Only http and https addresses can be stored.';
    } catch {
      errors.url = 'This is not a web address.';
    }
  }
  if (language && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(language)) errors.language = 'Use a language code like en or fr-CA.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, metadata: { title, outlet: f.outlet.trim(), published: published || null, url: url || null, language: language || null } };
}

/** One line about the knowledge base for the popup and the options page. */
export function kbStatusLine(kb: KbStatus | null): string {
  if (!kb) return 'Checking the knowledge base…';
  if (kb.error) return `Knowledge base error: ${kb.error}`;
  if (!kb.ready) return 'Preparing the bundled sources…';
  const n = (x: number) => x.toLocaleString('en-US');
  const dataset = kb.datasetVersion ? ` · dataset ${kb.datasetVersion}` : '';
  return `${n(kb.sources)} source${kb.sources === 1 ? '' : 's'}, ${n(kb.claims)} claim${kb.claims === 1 ? '' : 's'}, ${n(kb.entities)} entities${dataset}`;
}
