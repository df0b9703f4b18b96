/**
 * Every message between the extension's parts, declared once, for both directions:
 * - requests to the background (from content scripts and extension pages) and their answers;
 * - requests to a tab's content script (from the background, popup and side panel) and their answers;
 * - the import port (options page ⇄ background): files stream in, progress and reports stream out.
 *
 * Each request has a valibot schema: the receiver parses every incoming message with it, so a
 * malformed or unknown message is dropped before any handler sees it. A request's answer type
 * comes from the same map (`BackgroundAnswers`, `TabAnswers`), so a caller's `ask(...)` is typed
 * by the request it sends, and the background's handlers are checked against the same map.
 * Who may send what is decided once per sender (`classifySender`): content scripts (page origin)
 * only read; extension pages (side panel, options, popup) may write.
 */
import * as v from 'valibot';
import type { FileReport, ImportProgress } from './background/import';
import type { ImportSet } from './kb/schema';
import type { StorageUse, UserExport } from './kb/sets';
import type { LimitedAnnotation } from './pipeline/limits';
import type { ArticleInput } from './types';

const MAX_TEXT = 2_000_000;
const MAX_NAME = 500;

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NAME));

export const articleInputSchema = v.object({
  title: v.string(),
  published: v.nullable(v.string()),
  url: v.nullable(v.string()),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  outlet: v.optional(v.string()),
  language: v.optional(v.string()),
});

const pageMetadataSchema = v.object({
  title: v.string(),
  outlet: v.string(),
  published: v.nullable(v.string()),
  url: v.nullable(v.string()),
  language: v.nullable(v.string()),
});

/** Article metadata the user may edit before "Add this page". */
export type PageMetadata = v.InferOutput<typeof pageMetadataSchema>;

// ---- to the background --------------------------------------------------------------------

const backgroundRequest = v.variant('type', [
  // content script → background (read-only)
  v.object({ type: v.literal('annotate'), article: articleInputSchema, metadata: v.optional(pageMetadataSchema) }),
  v.object({ type: v.literal('open-panel'), entityId: v.nullable(v.string()) }),
  // extension pages → background
  v.object({ type: v.literal('tab-annotation'), tabId }),
  v.object({ type: v.literal('add-page'), tabId, metadata: pageMetadataSchema }),
  v.object({ type: v.literal('remove-source'), sourceId: v.string() }),
  v.object({ type: v.literal('kb-status') }),
  v.object({ type: v.literal('sets') }),
  v.object({ type: v.literal('rename-set'), setId: v.string(), name }),
  v.object({ type: v.literal('delete-set'), setId: v.string() }),
  v.object({ type: v.literal('export-user-data') }),
]);

export type BackgroundRequest = v.InferOutput<typeof backgroundRequest>;
export type BackgroundType = BackgroundRequest['type'];
export type RequestOf<K extends BackgroundType> = Extract<BackgroundRequest, { type: K }>;

export interface KbStatus {
  ready: boolean;
  datasetVersion: string | null;
  sources: number;
  claims: number;
  entities: number;
  error?: string;
  /** How the service worker's last start went, in ms from its start (for the benchmark). */
  wake?: WakeTimings;
  /**
   * How long the detector's first question to compromise took since the worker started, in ms
   * (evaluating the library with it: lib/detect/tagger.ts); null while no page has needed it.
   */
  taggerFirstUse?: number | null;
}

export interface WakeTimings {
  /** From the worker's start until the background's bundle was evaluated. */
  script: number;
  /** From the worker's start until the first request that needs the knowledge base arrived. */
  firstRequest: number;
  /** Opening IndexedDB. */
  open: number;
  /** Checking the dataset version, and seeding when it changed. */
  seed: number;
  /** Whether this start seeded the bundled dataset. */
  seeded: boolean;
  /** Reading the entities and compiling the detector. */
  detector: number;
  /** The longest stretch of compiling the detector without giving the thread away (it compiles in slices). */
  detectorHold?: number;
}

export type TabAnnotationState =
  | { state: 'ok'; annotation: LimitedAnnotation; pageMetadata: PageMetadata }
  | { state: 'no-article' }
  | { state: 'paused' }
  | { state: 'unavailable'; reason: string };

/**
 * How "Compare sources" went. `panel`: the side panel or sidebar opened. `popup`: Firefox refused to
 * open its sidebar from a page's click, so the toolbar popup opened instead, its "Open side panel"
 * button focused (one more click, which Firefox accepts). `none`: neither could open. `shortcut` is
 * the sidebar's keyboard shortcut as the reader has it set, for the card to name (null: none).
 */
export interface PanelOpening {
  opened: 'panel' | 'popup' | 'none';
  shortcut: string | null;
}

/** Every background request's answer. Adding a request without its answer fails to compile. */
export interface BackgroundAnswers {
  annotate: LimitedAnnotation;
  'open-panel': PanelOpening;
  'tab-annotation': TabAnnotationState;
  'add-page': { sourceId: string };
  'remove-source': { removed: boolean };
  'kb-status': KbStatus;
  sets: { sets: ImportSet[]; storage: StorageUse };
  'rename-set': { renamed: boolean };
  'delete-set': { deleted: number };
  'export-user-data': UserExport;
}
export type AnswerOf<K extends BackgroundType> = BackgroundAnswers[K];

/** Requests a content script may send: they read, never write. */
const READ_ONLY: ReadonlySet<BackgroundType> = new Set<BackgroundType>(['annotate', 'open-panel']);

/** Narrows an unknown message to a background request, or null for anything malformed or unknown. */
export function parseRequest(message: unknown): BackgroundRequest | null {
  const parsed = v.safeParse(backgroundRequest, message);
  return parsed.success ? parsed.output : null;
}

// ---- to a tab's content script ------------------------------------------------------------

const tabRequest = v.variant('type', [
  // background and side panel: the page's article, as the content script collected it
  v.object({ type: v.literal('collect-article') }),
  // side panel: scroll to a range of the article text
  v.object({ type: v.literal('reveal'), start: offset, end: offset }),
  // popup and tests: what Triangulate is doing on the tab
  v.object({ type: v.literal('page-state') }),
  // popup: paint the mentions the per-page cap left out
  v.object({ type: v.literal('show-all') }),
  // background: the next-highlight and previous-highlight commands (wxt.config.ts), forwarded to the page
  v.object({ type: v.literal('move-focus'), step: v.union([v.literal(1), v.literal(-1)]) }),
]);

export type TabRequest = v.InferOutput<typeof tabRequest>;
export type TabType = TabRequest['type'];
export type TabRequestOf<K extends TabType> = Extract<TabRequest, { type: K }>;

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

export interface CollectedArticle {
  article: ArticleInput;
  metadata: PageMetadata;
  paused: boolean;
}

export interface TabAnswers {
  'collect-article': CollectedArticle;
  reveal: boolean;
  'page-state': PageState;
  'show-all': PageState;
  'move-focus': boolean;
}
export type TabAnswerOf<K extends TabType> = TabAnswers[K];

/** Narrows an unknown message to a tab request, or null. */
export function parseTabRequest(message: unknown): TabRequest | null {
  const parsed = v.safeParse(tabRequest, message);
  return parsed.success ? parsed.output : null;
}

// ---- the import port (options page ⇄ background) --------------------------------------------

/** The name of the long-lived port an import runs over (browser.runtime.connect({ name })). */
export const IMPORT_PORT = 'import';
/** Bytes per chunk of a file on the port (sent as base64: Chromium's messaging carries JSON only). */
export const IMPORT_CHUNK = 1024 * 1024;
const MAX_FILES = 1000;

const importClientMessage = v.variant('type', [
  /** The files to import, in order, with the set name the user chose for each. */
  v.object({ type: v.literal('start'), files: v.pipe(v.array(v.object({ name: v.pipe(v.string(), v.maxLength(MAX_NAME)), setName: name, size: offset })), v.minLength(1), v.maxLength(MAX_FILES)) }),
  /** One chunk of the file the background asked for; `last` closes it. */
  v.object({ type: v.literal('chunk'), file: offset, data: v.pipe(v.string(), v.base64()), last: v.boolean() }),
  /** A file the page could not read. */
  v.object({ type: v.literal('unreadable'), file: offset, reason: v.pipe(v.string(), v.maxLength(MAX_NAME)) }),
  v.object({ type: v.literal('cancel') }),
  /** Sent every few seconds while an import runs: it keeps a Chromium service worker awake. */
  v.object({ type: v.literal('ping') }),
]);

/** What the options page sends on the import port. */
export type ImportClientMessage = v.InferOutput<typeof importClientMessage>;

/** What the background sends back on the import port. */
export type ImportServerMessage =
  /** Send file `file` now (files travel one at a time, so only one is ever held in memory). */
  | { type: 'send-file'; file: number }
  | { type: 'progress'; progress: ImportProgress }
  /** One file's (or one restored set's) outcome, as soon as it is known. */
  | { type: 'report'; report: FileReport }
  | { type: 'done'; reports: FileReport[] }
  /** Nothing could be imported (the knowledge base did not open, the bundled data is not stored yet). */
  | { type: 'failed'; error: string };

export function parseImportClientMessage(message: unknown): ImportClientMessage | null {
  const parsed = v.safeParse(importClientMessage, message);
  return parsed.success ? parsed.output : null;
}

// ---- answers on the wire ------------------------------------------------------------------

/** The background answers every request with an envelope, so an error reaches the caller as text. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

const envelope = v.variant('ok', [v.object({ ok: v.literal(true), value: v.unknown() }), v.object({ ok: v.literal(false), error: v.string() })]);

export class MessageError extends Error {
  override name = 'MessageError';
}

/**
 * The one place an answer's type is taken on trust: it comes from our own background, whose
 * handlers are type-checked against `BackgroundAnswers` where the answer is made, and messaging
 * carries it as plain data. Only the envelope is checked here.
 */
function opened<T>(reply: unknown): T {
  const parsed = v.safeParse(envelope, reply);
  // No listener answered: the background is starting or was reloaded.
  if (!parsed.success) throw new MessageError('The extension background did not answer. Reload the extension or try again.');
  if (!parsed.output.ok) throw new MessageError(parsed.output.error);
  return parsed.output.value as T;
}

/** Sends one message and resolves with the receiver's reply (browser.runtime.sendMessage, or a test double). */
export type Transport = (message: unknown) => Promise<unknown>;

/** Asks the background; the answer's type follows from the request's. Throws MessageError with a text the UI can show. */
export async function ask<R extends BackgroundRequest>(transport: Transport, request: R): Promise<AnswerOf<R['type']>> {
  return opened<AnswerOf<R['type']>>(await transport(request));
}

/**
 * Asks a tab's content script; null when no content script answers (a browser page, a page
 * loaded before the extension). Content scripts answer with the bare value (see `TabAnswers`).
 */
export async function askTab<R extends TabRequest>(transport: Transport, request: R): Promise<TabAnswerOf<R['type']> | null> {
  try {
    // Same trust as `opened`: the content script's handlers are typed by `TabHandlers`.
    return ((await transport(request)) ?? null) as TabAnswerOf<R['type']> | null;
  } catch {
    return null;
  }
}

/** A content script's handlers, one per tab request, typed by the same map. */
export type TabHandlers = { [K in TabType]: (request: TabRequestOf<K>) => Promise<TabAnswers[K]> };

/** Runs the handler a tab request names. */
export function dispatchTab<K extends TabType>(handlers: TabHandlers, request: TabRequestOf<K>): Promise<TabAnswers[K]> {
  const handler: (r: TabRequestOf<K>) => Promise<TabAnswers[K]> = handlers[request.type];
  return handler(request);
}

// ---- senders ------------------------------------------------------------------------------

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/** Who is calling, decided once from what the browser says about the sender, and handed to the handlers. */
export interface Caller {
  kind: SenderKind;
  /** The sender's tab, for content scripts. */
  tabId: number | undefined;
  /** The content script's page address (set by the browser): navigating elsewhere cancels its analysis. */
  pageUrl: string | undefined;
}

/**
 * Decided from facts the browser sets (not the message body): our own pages have our id and an
 * extension-scheme URL; content scripts have our id and a web page URL.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  if (sender.url && sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab && sender.url && /^(https?|file):/.test(sender.url)) return 'content-script';
  return 'foreign';
}

export function callerOf(sender: SenderInfo, extensionId: string, extensionOrigin: string): Caller {
  const kind = classifySender(sender, extensionId, extensionOrigin);
  return { kind, tabId: sender.tab?.id, pageUrl: kind === 'content-script' ? sender.url : undefined };
}

export function allowed(kind: SenderKind, type: BackgroundType): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script') return READ_ONLY.has(type);
  return false;
}
