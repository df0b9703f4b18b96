/**
 * The side panel: the active tab's (or `?tabId=`'s) annotation as an overview, a comparison
 * table, the sources on a timeline, "Add this page" and exports. Data comes only from the
 * background, through the typed protocol; this component owns loading, tab following and
 * the status line screen readers hear.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/messages';
import type { KbStatus } from '@/lib/messages';
import { NO_FILTERS, type SourceSort, type TableFilters } from '@/lib/report/table';
import { httpHostname } from '@/lib/report/url';
import { readPause, setAllPaused, setSitePaused, type PauseState } from '../shared/pause';
import { send } from '../shared/send';
import { AddPage } from './AddPage';
import { ClaimsSection } from './ClaimsSection';
import { ExportButtons } from './ExportButtons';
import { panelNotice, type Notice, type PanelLoad, type PanelParams } from './model';
import { NoticeView } from './NoticeView';
import { Overview } from './Overview';
import { SourcesSection } from './SourcesSection';
import { activeTab, followActiveTab, revealOnPage, tabInfo, type TabInfo } from './tabs';

export function Panel({ params }: { params: PanelParams }) {
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [load, setLoad] = useState<PanelLoad>({ status: 'loading' });
  const [kb, setKb] = useState<KbStatus | null>(null);
  const [pause, setPause] = useState<PauseState | null>(null);
  const [filters, setFilters] = useState<TableFilters>({ ...NO_FILTERS, entity: params.entity });
  const [sort, setSort] = useState<SourceSort>('date');
  const [status, setStatus] = useState('');
  const tabRef = useRef<number | null>(null);
  const requestSeq = useRef(0);
  const tableRef = useRef<HTMLElement>(null);
  const scrolledToEntity = useRef(false);

  /** `quiet` keeps the current view while reloading (after "Add this page", so its Undo stays). */
  const refresh = useCallback(async (target: TabInfo | null, quiet = false) => {
    const seq = ++requestSeq.current;
    if (!target) {
      setLoad({ status: 'loaded', state: { state: 'unavailable', reason: t('unavailableNoTab') } });
      return;
    }
    if (!quiet) setLoad({ status: 'loading' });
    try {
      const [state, kbStatus] = await Promise.all([send({ type: 'tab-annotation', tabId: target.id }), send({ type: 'kb-status' })]);
      // A slower answer for a tab the user already left must not replace the newer one.
      if (seq !== requestSeq.current) return;
      setKb(kbStatus);
      setLoad({ status: 'loaded', state });
      if (state.state === 'paused') setPause(await readPause(browser.storage.local));
      setStatus(state.state === 'ok' ? (state.annotation.title ? t('panelLoaded', { title: state.annotation.title }) : t('panelLoadedThisPage')) : '');
    } catch (e) {
      if (seq !== requestSeq.current) return;
      setLoad({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  const show = useCallback(
    (next: TabInfo | null) => {
      if (next && tabRef.current !== next.id) setFilters({ ...NO_FILTERS, entity: null });
      tabRef.current = next?.id ?? null;
      setTab(next);
      void refresh(next);
    },
    [refresh],
  );

  useEffect(() => {
    if (params.tabId !== null) {
      void tabInfo(params.tabId).then((t) => {
        tabRef.current = params.tabId;
        setTab(t ?? { id: params.tabId!, url: null });
        void refresh(t ?? { id: params.tabId!, url: null });
      });
      // A deep-linked panel stays on its tab but still reloads when that tab navigates.
      return followActiveTab(
        () => params.tabId,
        (t) => t.id === params.tabId && void refresh(t),
      );
    }
    void activeTab().then((t) => {
      tabRef.current = t?.id ?? null;
      setTab(t);
      void refresh(t);
    });
    return followActiveTab(() => tabRef.current, show);
  }, [params.tabId, refresh, show]);

  const annotation = load.status === 'loaded' && load.state.state === 'ok' ? load.state : null;

  // `&entity=` deep links: filter (set initially) and bring the table into view once loaded.
  useEffect(() => {
    if (annotation && params.entity && !scrolledToEntity.current) {
      scrolledToEntity.current = true;
      tableRef.current?.scrollIntoView({ block: 'start' });
    }
  }, [annotation, params.entity]);

  const reveal = useCallback(
    (start: number, end: number) => {
      if (tab === null) return;
      revealOnPage(tab.id, start, end).then(
        () => setStatus(t('panelShownOnPage')),
        () => setStatus(t('panelNoAnswer')),
      );
    },
    [tab],
  );

  const notice: Notice | null = panelNotice(load, kb);
  const host = httpHostname(tab?.url);

  const act = async (action: NonNullable<Notice['action']>) => {
    if (action === 'retry') return refresh(tab);
    if (action === 'options') return browser.runtime.openOptionsPage();
    const current = pause ?? (await readPause(browser.storage.local));
    if (current.all) await setAllPaused(browser.storage.local, false);
    if (host) await setSitePaused(browser.storage.local, host, false);
    setStatus(t('panelResumed'));
    // The content script restarts on the storage change; give it a moment before asking again.
    setTimeout(() => void refresh(tab), 500);
  };

  return (
    <div class="panel">
      <header class="panel-header">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('optionsAndImports')}
        </button>
      </header>
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="panel-status">
        {load.status === 'loading' ? t('noticeLoading') : status}
      </p>
      <main>
        {notice && notice.kind !== 'empty-dataset' && notice.kind !== 'kb-starting' ? (
          <NoticeView notice={notice} onAction={act} pause={pause} host={host} />
        ) : annotation ? (
          <>
            {notice && <NoticeView notice={notice} onAction={act} pause={pause} host={host} />}
            <Overview
              annotation={annotation.annotation}
              filters={filters}
              onEntity={(id, first) => {
                setFilters((f) => ({ ...f, entity: f.entity === id ? null : id }));
                reveal(first.start, first.end);
              }}
            />
            <section ref={tableRef} aria-labelledby="comparison-heading" class="card">
              <ClaimsSection annotation={annotation.annotation} filters={filters} sort={sort} onFilters={setFilters} onSort={setSort} onReveal={reveal} pageLanguage={annotation.pageMetadata.language} />
            </section>
            <SourcesSection annotation={annotation.annotation} sort={sort} onSort={setSort} pageLanguage={annotation.pageMetadata.language} />
            <AddPage key={`${tab?.id}:${annotation.pageMetadata.url}`} tabId={tab!.id} metadata={annotation.pageMetadata} onChanged={() => void refresh(tab, true)} onStatus={setStatus} stored={annotation.annotation.storedCopies} />
            <ExportButtons annotation={annotation.annotation} onStatus={setStatus} />
          </>
        ) : null}
      </main>
    </div>
  );
}
