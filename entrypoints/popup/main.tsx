/**
 * Toolbar popup: the page at a glance (its exercises, its claims and how they fare), pause on
 * this site or everywhere, highlight pages without an exercise, open the side panel, reach
 * Options, and see whether the knowledge base is ready. Settings go to storage.local; content
 * scripts react.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { wordsLanguage } from '@/lib/i18n/intl';
import { t } from '@/lib/i18n/messages';
import type { KbStatus, PageState, TabAnnotationState } from '@/lib/messages';
import { digestLine, pageDigest } from '@/lib/report/table';
import { httpHostname } from '@/lib/report/url';
import { kbStatusLine } from '@/components/panel/model';
import { readDisplaySettings, setOffTopic, type DisplaySettings } from '@/components/shared/display-settings';
import { isSitePaused, readPause, setAllPaused, setSitePaused, siteKey, type PauseState } from '@/components/shared/pause';
import { pageStatusLine } from '@/components/shared/page-status';
import { send, sendToTab } from '@/components/shared/send';
import '@/components/shared/theme.css';

interface SidePanelApis {
  chrome?: { sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> } };
  browser?: { sidebarAction?: { open(): Promise<void> } };
}

/**
 * Both APIs need the click's user gesture, so this runs synchronously inside the handler
 * (no await before the call). Chromium has sidePanel; Firefox has sidebarAction.
 */
function openSidePanel(tabId: number | undefined): Promise<void> | null {
  const g = globalThis as SidePanelApis;
  if (g.chrome?.sidePanel?.open && tabId !== undefined) return g.chrome.sidePanel.open({ tabId });
  if (g.browser?.sidebarAction?.open) return g.browser.sidebarAction.open();
  return null;
}

/** What Triangulate is doing on the tab, asked of its content script (null where there is none). */
function askTab(tabId: number | undefined, request: { type: 'page-state' | 'show-all' }): Promise<PageState | null> {
  return tabId === undefined ? Promise.resolve(null) : sendToTab(tabId, request);
}

/** The page at a glance: which exercises it names, and how its claims fare against other sources. */
function Digest({ state }: { state: Extract<TabAnnotationState, { state: 'ok' }> }) {
  const d = pageDigest(state.annotation);
  return (
    <section class="digest" data-testid="page-digest" aria-label={t('popupThisPage')}>
      <p>
        <strong>{d.exercises.length ? d.exercises.join(', ') : t('popupNoExercise')}</strong>
      </p>
      <p data-testid="digest-line">{digestLine(d)}</p>
    </section>
  );
}

function Popup() {
  const [tab, setTab] = useState<{ id?: number; host: string | null } | null>(null);
  const [pause, setPause] = useState<PauseState | null>(null);
  const [kb, setKb] = useState<KbStatus | null>(null);
  const [kbError, setKbError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [page, setPage] = useState<PageState | null>(null);
  const [painting, setPainting] = useState(false);
  const [display, setDisplay] = useState<DisplaySettings | null>(null);
  const [analysis, setAnalysis] = useState<TabAnnotationState | null>(null);

  useEffect(() => {
    // Like the side panel, `?tabId=N` names the tab (tests open the popup in a tab of its own).
    const named = Number(new URLSearchParams(location.search).get('tabId') ?? NaN);
    const current = Number.isInteger(named) ? browser.tabs.get(named).then((t) => [t]) : browser.tabs.query({ active: true, currentWindow: true });
    void current.then(async ([t]) => {
      setTab({ id: t?.id, host: httpHostname(t?.url) });
      if (t?.id !== undefined && httpHostname(t.url)) send({ type: 'tab-annotation', tabId: t.id }).then(setAnalysis, () => setAnalysis(null));
      setPage(await askTab(t?.id, { type: 'page-state' }));
    });
    void readPause(browser.storage.local).then(setPause);
    void readDisplaySettings(browser.storage.local).then(setDisplay);
    send({ type: 'kb-status' }).then(setKb, (e: unknown) => setKbError(e instanceof Error ? e.message : String(e)));
  }, []);

  // Opened by the card's "Compare sources" in Firefox (the background sets `?compare=1` for that
  // opening only): the button that opens the sidebar comes first, focused, so one click or Enter does it.
  const compare = new URLSearchParams(location.search).has('compare');
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!compare) return;
    openRef.current?.focus();
    // Firefox may show the popup, and give it focus, after this first render, which resets the
    // focused element: focus the button again when the popup's window gets focus, unless the reader
    // has already moved on to something else.
    const refocus = () => {
      if (document.activeElement === document.body || !document.activeElement) openRef.current?.focus();
    };
    window.addEventListener('focus', refocus);
    return () => window.removeEventListener('focus', refocus);
  }, [compare]);
  const openButton = (
    <button
      type="button"
      class="primary"
      data-testid="open-side-panel"
      ref={openRef}
      onClick={() => {
        const opened = openSidePanel(tab?.id);
        if (!opened) {
          setMessage(t('popupNoSidePanel'));
          return;
        }
        opened.then(
          () => window.close(),
          (e: unknown) => setMessage(t('popupSidePanelFailed', { error: e instanceof Error ? e.message : String(e) })),
        );
      }}
    >
      {t('popupOpenSidePanel')}
    </button>
  );

  const host = tab?.host ?? null;
  const sitePaused = !!(pause && host && isSitePaused(pause, host));

  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      <p class="muted" data-testid="kb-status">
        {kbError ? t('kbUnavailable', { error: kbError }) : kbStatusLine(kb)}
      </p>
      {compare && (
        <section class="compare" data-testid="popup-compare">
          <p>{t('popupCompareIntro')}</p>
          {openButton}
        </section>
      )}
      {analysis?.state === 'ok' && <Digest state={analysis} />}
      {page && pageStatusLine(page) && (
        <section class="page-status" data-testid="page-status">
          <p>{pageStatusLine(page)}</p>
          {page.notice && (
            <p class="muted" data-testid="page-notice">
              {page.notice}
            </p>
          )}
          {page.skipped > 0 && page.state === 'ready' && (
            <button
              type="button"
              data-testid="show-all"
              disabled={painting}
              onClick={async () => {
                setPainting(true);
                setPage((await askTab(tab?.id, { type: 'show-all' })) ?? page);
                setPainting(false);
              }}
            >
              {painting ? t('popupPainting') : t('popupShowAll', { count: page.painted + page.skipped })}
            </button>
          )}
        </section>
      )}
      <fieldset disabled={!pause}>
        <legend>{t('popupPause')}</legend>
        <label class="toggle">
          <input
            type="checkbox"
            data-testid="pause-site"
            checked={sitePaused}
            disabled={!host}
            onChange={async (e) => {
              const on = (e.currentTarget).checked;
              setPause(await setSitePaused(browser.storage.local, host!, on));
              setMessage(on ? t('popupPausedOn', { site: siteKey(host!) }) : t('popupResumedOn', { site: siteKey(host!) }));
            }}
          />
          {host ? t('popupPauseOn', { site: siteKey(host) }) : t('popupPauseNoSite')}
        </label>
        <label class="toggle">
          <input
            type="checkbox"
            data-testid="pause-all"
            checked={!!pause?.all}
            onChange={async (e) => {
              const on = (e.currentTarget).checked;
              setPause(await setAllPaused(browser.storage.local, on));
              setMessage(on ? t('popupPausedEverywhere') : t('popupResumedEverywhere'));
            }}
          />
          {t('popupEverywhere')}
        </label>
      </fieldset>
      <label class="toggle">
        <input
          type="checkbox"
          data-testid="off-topic"
          checked={!!display?.offTopic}
          disabled={!display}
          onChange={async (e) => {
            const on = (e.currentTarget).checked;
            setDisplay(await setOffTopic(browser.storage.local, on));
            setMessage(on ? t('popupOffTopicOn') : t('popupOffTopicOff'));
            // The page paints again on the change; read its new state a moment later.
            setTimeout(() => void askTab(tab?.id, { type: 'page-state' }).then((p) => p && setPage(p)), 400);
          }}
        />
        {t('popupOffTopic')}
      </label>
      <p role="status" aria-live="polite" class="muted" data-testid="popup-status">
        {message}
      </p>
      <div class="buttons">
        {!compare && openButton}
        <button type="button" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t('optionsAndImports')}
        </button>
      </div>
    </main>
  );
}

document.documentElement.lang = wordsLanguage();
document.title = t('extName');
render(<Popup />, document.getElementById('app')!);
