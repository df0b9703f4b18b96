/**
 * The background's logic, kept out of the entry point so tests can drive it with a fake
 * browser. It is the only owner of the knowledge base (opened in the extension's origin): it
 * seeds it when the dataset version changes, keeps the detector built once, answers every
 * request (one handler per message type, typed by lib/messages.ts), runs imports that arrive
 * over the import port, and caches each tab's annotation for the side panel.
 */
import type { Dataset } from '../dataset/types';
import { createDetectorInSteps, taggerFirstUse, type Detector } from '../detect';
import { t } from '../i18n/messages';
import { openKb, type KbDatabase } from '../kb/db';
import { ingestArticles } from '../kb/ingest';
import { rederivePending, type RederiveReport } from '../kb/rederive';
import { currentDatasetVersion, seedBundled } from '../kb/seed';
import { deleteSet, exportUserData, listSets, removeSource, renameSet, restoreLinks, storageUse } from '../kb/sets';
import { idbReader } from '../kb/store';
import type { AnswerOf, BackgroundType, CollectedArticle, KbStatus, PageMetadata, PanelOpening, RequestOf, TabAnnotationState, WakeTimings } from '../messages';
import { annotateArticlePaced } from '../pipeline/annotate';
import { applyInputLimits, PAGE_LIMITS, withClaimsStop, type LimitedAnnotation } from '../pipeline/limits';
import { runStepsWith } from '../steps';
import { serveImport, type ImportPort } from './import-port';
import { holdingPacing, nextTask } from './slices';
import { createTabQueue } from './tab-queue';

export interface ServiceDeps {
  /** The bundled dataset, read and parsed only when the KB holds another version. */
  loadDataset: () => Promise<Dataset>;
  /** The bundled dataset's version, cheap to read; without it the dataset is loaded to learn it. */
  datasetVersion?: () => Promise<string>;
  /** Asks a tab's content script for its article (the side panel may open after the page annotated). */
  collectFromTab: (tabId: number) => Promise<CollectedArticle | null>;
  openDb?: () => Promise<KbDatabase>;
  /** Opens the side panel (Chromium) or sidebar (Firefox), or what leads there (`PanelOpening`). */
  openPanel?: (tabId: number | undefined, entityId: string | null) => Promise<PanelOpening>;
  /** Loads what imports need and page annotation does not (a DOM parser in a service worker). */
  beforeImport?: () => Promise<void>;
  /** Told when a tab's page is annotated (the toolbar badge follows it). */
  onAnnotated?: (tabId: number, annotation: LimitedAnnotation) => void;
  /** Milliseconds since the worker started (performance.now()), for the wake timings. */
  now?: () => number;
}

/** Who sent a request: a content script's tab and page address (set by the browser). */
export interface From {
  tabId?: number | undefined;
  /** The sender's address: navigating the tab elsewhere cancels its analysis. */
  pageUrl?: string | undefined;
}

type Handlers = { [K in BackgroundType]: (request: RequestOf<K>, from: From) => Promise<AnswerOf<K>> };

interface Ready {
  db: KbDatabase;
  detector: Detector;
  /** The upgrade's re-derivation of the user's articles, running in the background (rederive.ts). */
  rederived: Promise<RederiveReport | null>;
}

const PAGE_SET = 'pages';

export function createService(deps: ServiceDeps) {
  let ready: Promise<Ready> | null = null;
  const tabs = new Map<number, { annotation: LimitedAnnotation; collected: CollectedArticle }>();
  const queue = createTabQueue();

  const now = deps.now ?? (() => performance.now());
  // Called while the background's bundle is evaluated, last: the worker's clock starts with the worker.
  const evaluated = now();
  let wake: WakeTimings | undefined;

  async function start(): Promise<Ready> {
    const t0 = now();
    const db = await (deps.openDb ?? (() => openKb()))();
    // If another context upgrades the schema, close so it can proceed; the next call reopens.
    db.addEventListener('versionchange', () => {
      db.close();
      ready = null;
    });
    const t1 = now();
    // The dataset (1.7 MB of JSON) is fetched and parsed only when the KB holds another version.
    const version = deps.datasetVersion ? await deps.datasetVersion() : null;
    const seeded = version !== null && (await currentDatasetVersion(db)) === version ? false : await seedBundled(db, await deps.loadDataset());
    const t2 = now();
    const entities = await idbReader(db).entities();
    // Compiled in steps, the thread given away between slices: a wake takes messages meanwhile.
    const pacing = holdingPacing();
    const { value: detector } = await runStepsWith(createDetectorInSteps(entities), pacing, false);
    const detectorHold = pacing.longestHold();
    // The first page's analysis starts in a task of its own, not at the end of the build's last slice.
    await nextTask();
    wake = { script: evaluated, firstRequest: t0, open: t1 - t0, seed: t2 - t1, seeded, detector: now() - t2, detectorHold };
    // Articles stored by an older release are analysed again, batch by batch, while lookups go on
    // with their restated claims. Should it stop (the KB closed for an upgrade), the next start resumes it.
    const rederived = rederivePending(db, detector).then(
      (report) => {
        if (report.done) tabs.clear();
        return report;
      },
      () => null,
    );
    return { db, detector, rederived };
  }

  function whenReady(): Promise<Ready> {
    if (!ready) {
      ready = start();
      ready.catch(() => {
        ready = null;
      });
    }
    return ready;
  }

  /**
   * A page's annotation, through the tab's queue (a newer request for the tab cancels this one)
   * and within the page caps: the text is capped before any regex or NLP reads it, and what the
   * caps left out travels with the annotation as `limits`.
   */
  function annotate(collected: CollectedArticle, tabId?: number, pageUrl?: string): Promise<LimitedAnnotation> {
    const { article } = collected;
    return queue.run(tabId, `${article.url ?? ''}\u0000${article.text}`, pageUrl ?? null, async (signal, pacing) => {
      const { db, detector } = await whenReady();
      signal.throwIfAborted();
      const { text, report } = applyInputLimits(article.text, PAGE_LIMITS);
      const paced = await annotateArticlePaced(report ? { ...article, text } : article, { detector, kb: idbReader(db) }, pacing);
      signal.throwIfAborted();
      const annotation: LimitedAnnotation = paced.annotation;
      const limits = withClaimsStop(report, article.text.length, paced.claimsStoppedAt);
      if (limits) annotation.limits = limits;
      if (tabId !== undefined) {
        tabs.set(tabId, { annotation, collected });
        deps.onAnnotated?.(tabId, annotation);
      }
      return annotation;
    });
  }

  async function tabAnnotation(tabId: number): Promise<TabAnnotationState> {
    const cached = tabs.get(tabId);
    if (cached) return { state: 'ok', annotation: cached.annotation, pageMetadata: cached.collected.metadata };
    let collected: CollectedArticle | null;
    try {
      collected = await deps.collectFromTab(tabId);
    } catch {
      return { state: 'unavailable', reason: t('unavailableTab') };
    }
    if (!collected) return { state: 'unavailable', reason: t('unavailableNoPage') };
    if (collected.paused) return { state: 'paused' };
    if (!collected.article.text.trim()) return { state: 'no-article' };
    const annotation = await annotate(collected, tabId);
    return { state: 'ok', annotation, pageMetadata: collected.metadata };
  }

  async function addPage(tabId: number, metadata: PageMetadata): Promise<{ sourceId: string }> {
    const { db, detector } = await whenReady();
    const collected = tabs.get(tabId)?.collected ?? (await deps.collectFromTab(tabId));
    if (!collected || !collected.article.text.trim()) throw new Error(t('addNoArticleText'));
    const report = await ingestArticles(
      db,
      [{ ...collected.article, title: metadata.title, outlet: metadata.outlet, published: metadata.published, url: metadata.url, ...(metadata.language ? { language: metadata.language } : {}) }],
      { setId: PAGE_SET, setName: t('pageSetName'), origin: 'page', detector, pause: async () => {} },
    );
    const id = report.imported[0];
    if (!id) {
      const reason = report.duplicates[0]?.reason ?? report.failed[0]?.reason ?? t('unknownReason');
      throw new Error(t('addNotAdded', { reason }));
    }
    tabs.clear();
    return { sourceId: id };
  }

  async function status(): Promise<KbStatus> {
    try {
      const { db } = await whenReady();
      const [sources, claims, entities, version] = await Promise.all([db.count('sources'), db.count('claims'), db.count('entities'), currentDatasetVersion(db)]);
      return { ready: true, datasetVersion: version, sources, claims, entities, ...(wake ? { wake } : {}), taggerFirstUse: taggerFirstUse() };
    } catch (e) {
      return { ready: false, datasetVersion: null, sources: 0, claims: 0, entities: 0, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** After a write the cached annotations may miss (or still show) what changed. */
  const changed = () => tabs.clear();

  const handlers: Handlers = {
    annotate: ({ article, metadata }, from) =>
      annotate({ article, metadata: metadata ?? { title: article.title, outlet: article.outlet ?? '', published: article.published, url: article.url, language: article.language ?? null }, paused: false }, from.tabId, from.pageUrl),
    'open-panel': async ({ entityId }, from) => (deps.openPanel ? deps.openPanel(from.tabId, entityId) : { opened: 'none', shortcut: null }),
    'tab-annotation': ({ tabId }) => tabAnnotation(tabId),
    'add-page': ({ tabId, metadata }) => addPage(tabId, metadata),
    'remove-source': async ({ sourceId }) => {
      const removed = await removeSource((await whenReady()).db, sourceId);
      changed();
      return { removed };
    },
    'kb-status': () => status(),
    sets: async () => {
      const { db } = await whenReady();
      const [sets, storage] = await Promise.all([listSets(db), storageUse(db)]);
      return { sets, storage };
    },
    'rename-set': async ({ setId, name }) => {
      await renameSet((await whenReady()).db, setId, name);
      return { renamed: true };
    },
    'delete-set': async ({ setId }) => {
      const deleted = await deleteSet((await whenReady()).db, setId);
      changed();
      return { deleted };
    },
    'export-user-data': async () => exportUserData((await whenReady()).db),
  };

  return {
    whenReady,
    /** The tab was closed: its analysis is cancelled and its annotation forgotten. */
    forgetTab(tabId: number) {
      queue.closed(tabId);
      tabs.delete(tabId);
    },
    /** The tab now shows `url`: an analysis of another address is cancelled, the cached annotation dropped. */
    tabNavigated(tabId: number, url: string) {
      queue.navigated(tabId, url);
      tabs.delete(tabId);
    },
    /** Answers one request (already parsed, and allowed for its sender); the answer's type follows from the request's. */
    handle<K extends BackgroundType>(request: RequestOf<K>, from: From = {}): Promise<AnswerOf<K>> {
      const handler: (r: RequestOf<K>, f: From) => Promise<AnswerOf<K>> = handlers[request.type];
      return handler(request, from);
    },
    /** Runs an import the options page streams over the import port (lib/background/import-port.ts). */
    serveImport(port: ImportPort) {
      serveImport(port, {
        prepare: async () => {
          // The parsers (and Readability, fflate) load with the first import, not on every wake.
          const [{ db, detector }, { parseImportFile }] = await Promise.all([whenReady(), import('../import'), deps.beforeImport?.()]);
          return { parse: parseImportFile, ingest: (items, r) => ingestArticles(db, items, { ...r, detector }), restoreLinks: (links) => restoreLinks(db, links) };
        },
        onImported: changed,
      });
    },
  };
}
