import { useRef, useState } from 'preact/hooks';
import type { FileReport, ImportProgress } from '@/lib/background/import';
import { t, tPlural } from '@/lib/i18n/messages';
import { startImport, type RunningImport } from './import-client';
import { defaultSetName, formatRate, formatTimeLeft, reportSummary } from './model';
import { ReportView } from './ReportView';

interface Pending {
  key: number;
  file: File;
  setName: string;
}

type Phase = { step: 'choose' } | { step: 'running'; progress: ImportProgress | null; reports: FileReport[] } | { step: 'done'; reports: FileReport[]; notice?: string };

const ACCEPT = '.json,.jsonl,.ndjson,.csv,.tsv,.rss,.atom,.xml,.html,.htm,.txt,.md,.zip,.gz';

/** Stands in for the file name while its label is looked up, so the name can be set in bold wherever the language puts it. */
const NAME_MARK = '\u{E000}';

/** The progress line: which file, how far, how fast, how long. */
function progressLine(p: ImportProgress): string {
  return t('optionsProgressLine', {
    file: t('optionsProgressFile', { index: p.fileIndex + 1, count: p.fileCount, file: p.fileName, set: p.setName }),
    articles: t('optionsProgressArticles', { done: p.done, total: p.total, imported: p.imported, duplicates: p.duplicates, failed: p.failed }),
    rate: formatRate(p.rate.perSecond),
    left: formatTimeLeft(p.rate.secondsLeft),
  });
}

/** Drop or pick files, name their sets, import with progress and Cancel, then read the reports. */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const [pending, setPending] = useState<Pending[]>([]);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [dragging, setDragging] = useState(false);
  const importRun = useRef<RunningImport | null>(null);
  const nextKey = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  const add = (files: FileList | null) => {
    if (!files?.length) return;
    setPending((list) => [...list, ...[...files].map((file) => ({ key: nextKey.current++, file, setName: defaultSetName(file.name) }))]);
    if (phase.step === 'done') setPhase({ step: 'choose' });
  };

  /** The import runs in the background, over the import port; this page only streams the files and shows what comes back. */
  const start = async () => {
    const files = pending.map((p) => ({ file: p.file, setName: p.setName.trim() || defaultSetName(p.file.name) }));
    let progress: ImportProgress | null = null;
    const reports: FileReport[] = [];
    setPhase({ step: 'running', progress, reports });
    const run = startImport(files, {
      progress: (p) => setPhase({ step: 'running', progress: (progress = p), reports }),
      report: (r) => {
        reports.push(r);
        setPhase({ step: 'running', progress, reports });
      },
    });
    importRun.current = run;
    const outcome = await run.done;
    importRun.current = null;
    if (outcome.error && !outcome.reports.length) {
      setPhase({ step: 'done', reports: [], notice: t('optionsImportNothing', { error: outcome.error }) });
      return;
    }
    setPending([]);
    setPhase({ step: 'done', reports: outcome.reports, ...(outcome.error ? { notice: t('optionsImportStopped', { error: outcome.error }) } : {}) });
    onImported();
  };

  const running = phase.step === 'running';
  const p = running ? phase.progress : null;
  const [labelBefore = '', labelAfter = ''] = t('optionsSetNameFor', { file: NAME_MARK }).split(NAME_MARK);

  return (
    <section aria-labelledby="import-heading" class="card">
      <h2 id="import-heading">{t('optionsImportHeading')}</h2>
      <p class="muted">{t('optionsImportFormats')}</p>
      <div
        class={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (!running) add(e.dataTransfer?.files ?? null);
        }}
      >
        <p>{t('optionsDropFiles')}</p>
        <input
          ref={input}
          id="import-files"
          aria-label={t('optionsFilesToImport')}
          type="file"
          multiple
          accept={ACCEPT}
          class="visually-hidden"
          data-testid="file-input"
          disabled={running}
          onChange={(e) => {
            add((e.currentTarget).files);
            (e.currentTarget).value = '';
          }}
        />
        <button type="button" data-testid="choose-files" disabled={running} onClick={() => input.current?.click()}>
          {t('optionsChooseFiles')}
        </button>
      </div>

      {pending.length > 0 && (
        <form
          class="pending"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <ul class="pending-list" data-testid="pending-files">
            {pending.map((item, i) => (
              <li key={item.key} data-testid="pending-file" data-file={item.file.name}>
                <label for={`set-name-${item.key}`}>
                  {labelBefore}
                  <strong>{item.file.name}</strong>
                  {labelAfter}
                </label>
                <div class="pending-row">
                  <input
                    id={`set-name-${item.key}`}
                    data-testid="set-name-input"
                    value={item.setName}
                    disabled={running}
                    onInput={(e) => {
                      const setName = (e.currentTarget).value;
                      setPending((list) => list.map((x, j) => (j === i ? { ...x, setName } : x)));
                    }}
                  />
                  <button type="button" disabled={running} aria-label={t('optionsRemoveFileLabel', { file: item.file.name })} onClick={() => setPending((list) => list.filter((x) => x.key !== item.key))}>
                    {t('optionsRemove')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <p class="muted">{t('optionsExportRestores')}</p>
          <div class="buttons">
            <button type="submit" class="primary" data-testid="start-import" disabled={running}>
              {tPlural('optionsImportFiles', pending.length)}
            </button>
            {running && (
              <button type="button" class="danger" data-testid="cancel-import" onClick={() => importRun.current?.cancel()}>
                {t('cancel')}
              </button>
            )}
          </div>
        </form>
      )}

      {running && (
        <div class="progress" data-testid="import-progress">
          <progress max={p?.total || 1} value={p?.done ?? 0} aria-labelledby="progress-label" />
          <p id="progress-label" aria-live="polite">
            {p ? progressLine(p) : t('optionsStarting')}
          </p>
          {phase.reports.length > 0 && (
            <ul class="reports-live" data-testid="import-reports-live">
              {phase.reports.map((r, i) => (
                <li key={i}>{reportSummary(r)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {phase.step === 'done' && (
        <div class="reports" data-testid="import-reports">
          <h3>{t('optionsImportReport')}</h3>
          <p role="status" aria-live="polite" data-testid="import-status">
            {phase.notice ?? (phase.reports.length ? tPlural('optionsArticlesImported', phase.reports.reduce((n, r) => n + r.imported, 0)) : '')}
          </p>
          <ul class="report-list">
            {phase.reports.map((r, i) => (
              <ReportView key={i} report={r} index={i} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
