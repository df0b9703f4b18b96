/**
 * Every message between the extension's parts, declared once. The background validates each
 * incoming message's shape here and decides by sender what it may do: content scripts (page
 * origin) only get read-only answers; extension pages (side panel, options, popup) may write.
 */
import type { Annotation, ArticleInput } from './types';

/** Article metadata the user may edit before "Add this page". */
export interface PageMetadata {
  title: string;
  outlet: string;
  published: string | null;
  url: string | null;
  language: string | null;
}

export type Request =
  // content script → background (read-only)
  | { type: 'annotate'; article: ArticleInput; metadata?: PageMetadata }
  | { type: 'open-panel'; entityId: string | null }
  // extension pages → background
  | { type: 'tab-annotation'; tabId: number }
  | { type: 'add-page'; tabId: number; metadata: PageMetadata }
  | { type: 'remove-source'; sourceId: string }
  | { type: 'kb-changed' }
  | { type: 'kb-status' };

export type ReadOnlyRequestType = 'annotate' | 'open-panel';
export const READ_ONLY: ReadonlySet<Request['type']> = new Set<ReadOnlyRequestType>(['annotate', 'open-panel']);

export interface KbStatus {
  ready: boolean;
  datasetVersion: string | null;
  sources: number;
  claims: number;
  entities: number;
  error?: string;
}

export type TabAnnotationState =
  | { state: 'ok'; annotation: Annotation; pageMetadata: PageMetadata }
  | { state: 'no-article' }
  | { state: 'paused' }
  | { state: 'unavailable'; reason: string };

export interface ResponseMap {
  annotate: Annotation;
  'open-panel': { opened: boolean };
  'tab-annotation': TabAnnotationState;
  'add-page': { sourceId: string };
  'remove-source': { removed: boolean };
  'kb-changed': { ok: true };
  'kb-status': KbStatus;
}

export type Response<T extends Request['type']> = ResponseMap[T];

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages the extension (background, popup, side panel) sends to a tab's content script. */
export type TabRequest =
  | { type: 'collect-article' }
  | { type: 'reveal'; start: number; end: number }
  | { type: 'focus-entity'; entityId: string }
  | { type: 'page-state' }
  | { type: 'show-all' }
  // The next-highlight and previous-highlight commands (wxt.config.ts), forwarded by the background.
  | { type: 'move-focus'; step: 1 | -1 };

/**
 * What Triangulate is doing on a tab, as the popup shows it. Only the extension can ask (the
 * page sees none of it). `startedAt`/`readyAt` are on the page's own clock (performance.now()),
 * so a benchmark can line them up with the page's long tasks.
 */
export interface PageState {
  state: 'starting' | 'working' | 'ready' | 'no-article' | 'paused' | 'error';
  /** Mentions in the page's annotation. */
  mentions: number;
  /** Highlights painted. */
  painted: number;
  /** Mentions left unpainted by the per-page cap; "Show all" paints them. */
  skipped: number;
  /** What the analysis caps left out ("Analysed the first 200,000 characters…"), or null. */
  notice: string | null;
  error: string | null;
  startedAt: number | null;
  readyAt: number | null;
}

export interface TabResponseMap {
  'collect-article': CollectedArticle;
  reveal: boolean;
  'focus-entity': boolean;
  'page-state': PageState;
  'show-all': PageState;
  'move-focus': boolean;
}

export interface CollectedArticle {
  article: ArticleInput;
  metadata: PageMetadata;
  paused: boolean;
}

const MAX_TEXT = 2_000_000;

const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function isArticleInput(v: unknown): v is ArticleInput {
  return (
    isObject(v) &&
    isString(v.title) &&
    isNullableString(v.published) &&
    isNullableString(v.url) &&
    isString(v.text) &&
    v.text.length <= MAX_TEXT &&
    (v.outlet === undefined || isString(v.outlet)) &&
    (v.language === undefined || isString(v.language))
  );
}

export function isPageMetadata(v: unknown): v is PageMetadata {
  return (
    isObject(v) &&
    isString(v.title) &&
    isString(v.outlet) &&
    isNullableString(v.published) &&
    isNullableString(v.url) &&
    isNullableString(v.language)
  );
}

/** Narrows an unknown message to a Request, or returns null for anything malformed. */
export function parseRequest(v: unknown): Request | null {
  if (!isObject(v) || !isString(v.type)) return null;
  switch (v.type) {
    case 'annotate':
      if (!isArticleInput(v.article)) return null;
      if (v.metadata === undefined) return { type: 'annotate', article: v.article };
      return isPageMetadata(v.metadata) ? { type: 'annotate', article: v.article, metadata: v.metadata } : null;
    case 'open-panel':
      return isNullableString(v.entityId) ? { type: 'open-panel', entityId: v.entityId } : null;
    case 'tab-annotation':
      return isTabId(v.tabId) ? { type: 'tab-annotation', tabId: v.tabId } : null;
    case 'add-page':
      return isTabId(v.tabId) && isPageMetadata(v.metadata) ? { type: 'add-page', tabId: v.tabId, metadata: v.metadata } : null;
    case 'remove-source':
      return isString(v.sourceId) ? { type: 'remove-source', sourceId: v.sourceId } : null;
    case 'kb-changed':
      return { type: 'kb-changed' };
    case 'kb-status':
      return { type: 'kb-status' };
    default:
      return null;
  }
}

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/**
 * Decided once per message from facts the browser sets (not the message body): our own pages
 * have our id and an extension-scheme URL; content scripts have our id and a web page URL.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  if (sender.url && sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab && sender.url && /^(https?|file):/.test(sender.url)) return 'content-script';
  return 'foreign';
}

export function allowed(kind: SenderKind, request: Request): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script') return READ_ONLY.has(request.type);
  return false;
}
