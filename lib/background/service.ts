/**
 * The background's logic, kept out of the entry point so tests can drive it with a fake
 * browser: it owns the KB (opened in the extension's origin), seeds it, keeps the detector
 * built once, answers requests, and caches each tab's annotation for the side panel.
 */
import type { Dataset } from '../dataset/types';
import { createDetector, type Detector } from '../detect';
import { openKb, type KbDatabase } from '../kb/db';
import { ingestArticles } from '../kb/ingest';
import { rederivePending, type RederiveReport } from '../kb/rederive';
import { currentDatasetVersion, seedBundled } from '../kb/seed';
import { removeSource } from '../kb/sets';
import { idbReader } from '../kb/store';
import type { CollectedArticle, KbStatus, Request, ResponseMap, TabAnnotationState } from '../messages';
import { annotateArticlePaced } from '../pipeline/annotate';
import { applyInputLimits, PAGE_LIMITS, withClaimsStop, type LimitedAnnotation } from '../pipeline/limits';
import { createTabQueue } from './tab-queue';

export interface ServiceDeps {
  loadDataset: () => Promise<Dataset>;
  /** Asks a tab's content script for its article (the side panel may open after the page annotated). */
  collectFromTab: (tabId: number) => Promise<CollectedArticle | null>;
  openDb?: () => Promise<KbDatabase>;
  /** Told when a tab's page is annotated (the toolbar badge follows it). */
  onAnnotated?: (tabId: number, annotation: LimitedAnnotation) => void;
}

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

  async function start(): Promise<Ready> {
    const db = await (deps.openDb ?? (() => openKb()))();
    // If another context upgrades the schema, close so it can proceed; the next call reopens.
    db.addEventListener('versionchange', () => {
      db.close();
      ready = null;
    });
    await seedBundled(db, await deps.loadDataset());
    const detector = createDetector(await idbReader(db).entities());
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
      return { state: 'unavailable', reason: 'Triangulate cannot read this tab (a browser page, or a page that loaded before the extension). Reload the page and try again.' };
    }
    if (!collected) return { state: 'unavailable', reason: 'This tab has no web page Triangulate can read.' };
    if (collected.paused) return { state: 'paused' };
    if (!collected.article.text.trim()) return { state: 'no-article' };
    const annotation = await annotate(collected, tabId);
    return { state: 'ok', annotation, pageMetadata: collected.metadata };
  }

  async function addPage(tabId: number, metadata: CollectedArticle['metadata']): Promise<{ sourceId: string }> {
    const { db, detector } = await whenReady();
    const collected = tabs.get(tabId)?.collected ?? (await deps.collectFromTab(tabId));
    if (!collected || !collected.article.text.trim()) throw new Error('This page has no article text to add.');
    const report = await ingestArticles(
      db,
      [{ ...collected.article, title: metadata.title, outlet: metadata.outlet, published: metadata.published, url: metadata.url, ...(metadata.language ? { language: metadata.language } : {}) }],
      { setId: PAGE_SET, setName: 'Pages I added', origin: 'page', detector, pause: async () => {} },
    );
    const id = report.imported[0];
    if (!id) {
      const why = report.duplicates[0]?.reason ?? report.failed[0]?.reason ?? 'unknown reason';
      throw new Error(`This page was not added: ${why}.`);
    }
    tabs.clear();
    return { sourceId: id };
  }

  async function status(): Promise<KbStatus> {
    try {
      const { db } = await whenReady();
      const [sources, claims, entities, version] = await Promise.all([db.count('sources'), db.count('claims'), db.count('entities'), currentDatasetVersion(db)]);
      return { ready: true, datasetVersion: version, sources, claims, entities };
    } catch (e) {
      return { ready: false, datasetVersion: null, sources: 0, claims: 0, entities: 0, error: e instanceof Error ? e.message : String(e) };
    }
  }

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
    /** `pageUrl` is the sender's address (set by the browser), so navigating the tab elsewhere cancels its analysis. */
    async handle<T extends Request>(
      request: T,
      tabId: number | undefined,
      openPanel: (tabId: number | undefined, entityId: string | null) => Promise<boolean>,
      pageUrl?: string,
    ): Promise<ResponseMap[T['type']]> {
      type R = ResponseMap[T['type']];
      switch (request.type) {
        case 'annotate':
        {
          const { article } = request;
          const metadata = request.metadata ?? { title: article.title, outlet: article.outlet ?? '', published: article.published, url: article.url, language: article.language ?? null };
          return (await annotate({ article, metadata, paused: false }, tabId, pageUrl)) as R;
        }
        case 'open-panel':
          return { opened: await openPanel(tabId, request.entityId) } as R;
        case 'tab-annotation':
          return (await tabAnnotation(request.tabId)) as R;
        case 'add-page':
          return (await addPage(request.tabId, request.metadata)) as R;
        case 'remove-source': {
          const { db } = await whenReady();
          const removed = await removeSource(db, request.sourceId);
          tabs.clear();
          return { removed } as R;
        }
        case 'kb-changed':
          tabs.clear();
          return { ok: true } as R;
        case 'kb-status':
          return (await status()) as R;
      }
    },
  };
}

export type Service = ReturnType<typeof createService>;
