/**
 * The side panel's decisions that do not need a DOM: which tab and entity the URL asks for,
 * what to tell the user when there is nothing to compare, and how the "Add this page" form
 * becomes PageMetadata. Kept pure so they are unit-tested; the components only render them.
 */
import { t, tPlural } from '@/lib/i18n/messages';
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
  if (load.status === 'loading') return { kind: 'loading', title: t('noticeLoading'), body: [] };
  if (load.status === 'error') {
    return {
      kind: 'db-error',
      title: t('noticeDbErrorTitle'),
      body: [load.message, t('noticeDbErrorBody')],
      action: 'retry',
      error: true,
    };
  }
  const state = load.state;
  switch (state.state) {
    case 'unavailable':
      return {
        kind: 'unsupported',
        title: t('noticeUnsupportedTitle'),
        body: [state.reason, t('noticeUnsupportedBody')],
      };
    case 'no-article':
      return {
        kind: 'no-article',
        title: t('noticeNoArticleTitle'),
        body: [t('noticeNoArticleBody'), t('noticeNoArticleAction')],
      };
    case 'paused':
      return {
        kind: 'paused',
        title: t('noticePausedTitle'),
        body: [t('noticePausedBody')],
        action: 'resume',
      };
    case 'ok':
      if (kb && kb.error) {
        return { kind: 'db-error', title: t('noticeDbErrorTitle'), body: [kb.error, t('noticeKbErrorBody')], action: 'retry', error: true };
      }
      if (kb && !kb.ready) return { kind: 'kb-starting', title: t('noticeKbStartingTitle'), body: [t('noticeKbStartingBody')], action: 'retry' };
      if (kb && kb.sources === 0) {
        return {
          kind: 'empty-dataset',
          title: t('noticeEmptyTitle'),
          body: [t('noticeEmptyBody'), t('noticeEmptyAction')],
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
  if (!title) errors.title = t('formTitleNeeded');
  if (published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(published) && Number.isNaN(Date.parse(published))) {
    errors.published = t('formDate');
  }
  if (url) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') errors.url = t('formUrlScheme');
    } catch {
      errors.url = t('formUrlInvalid');
    }
  }
  if (language && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(language)) errors.language = t('formLanguage');
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, metadata: { title, outlet: f.outlet.trim(), published: published || null, url: url || null, language: language || null } };
}

/** One line about the knowledge base for the popup and the options page. */
export function kbStatusLine(kb: KbStatus | null): string {
  if (!kb) return t('kbChecking');
  if (kb.error) return t('kbError', { error: kb.error });
  if (!kb.ready) return t('kbPreparing');
  const counts = { sources: tPlural('kbSources', kb.sources), claims: tPlural('kbClaims', kb.claims), entities: tPlural('kbEntities', kb.entities) };
  return kb.datasetVersion ? t('kbStatusDataset', { ...counts, version: kb.datasetVersion }) : t('kbStatus', counts);
}
