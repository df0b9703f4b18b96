import { useState } from 'preact/hooks';
import type { FileReport } from '@/lib/background/import';
import { t } from '@/lib/i18n/messages';
import { reportSummary } from './model';
import { reportTableView } from './report';

/**
 * One file's import report: its counts, then a table of every record not taken as written
 * (outcome, where, why), the first rows only until "Show all". Below 36rem the table's rows stack
 * as cards (options.css); its elements stay a table, so screen readers keep its headers.
 */
export function ReportView({ report, index }: { report: FileReport; index: number }) {
  const [showAll, setShowAll] = useState(false);
  const view = reportTableView(report, showAll);
  const tableId = `report-table-${index}`;
  return (
    <li class={`report${report.error || report.quotaExceeded ? ' report-problem' : ''}`} data-testid="import-report" data-file={report.fileName}>
      <h4 class="report-summary">{reportSummary(report)}</h4>
      <dl class="report-counts">
        <dt>{t('reportCountImported')}</dt>
        <dd data-testid="report-imported">{report.imported}</dd>
        <dt>{t('reportCountChanged')}</dt>
        <dd data-testid="report-changed">{report.changed.length}</dd>
        <dt>{t('outcomeDuplicate')}</dt>
        <dd data-testid="report-duplicates">{report.duplicates.length}</dd>
        <dt>{t('outcomeRejected')}</dt>
        <dd data-testid="report-rejected">{report.rejected.length}</dd>
      </dl>
      {report.quotaExceeded && (
        <p class="field-error" role="alert" data-testid="report-quota">
          {t('reportQuotaFull')}
        </p>
      )}
      {report.dates && (
        <p class="muted" data-testid="report-dates">
          {report.dates}
        </p>
      )}
      {view.total > 0 && (
        <>
          <table class="report-table" id={tableId} data-testid="report-table">
            <caption>{view.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reportWhere')}</th>
                <th scope="col">{t('reportOutcome')}</th>
                <th scope="col">{t('reportWhy')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row, i) => (
                <tr key={i} data-testid="report-row" data-outcome={row.outcome}>
                  <th scope="row" data-testid="report-where">
                    {row.where}
                    {row.title && <span class="row-title">{t('quoted', { text: row.title })}</span>}
                  </th>
                  <td>
                    <span class={`outcome outcome-${row.outcome}`}>{row.outcomeLabel}</span>
                  </td>
                  <td data-testid="report-reason">{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.toggle && (
            <button type="button" class="show-all" data-testid="report-show-all" aria-controls={tableId} aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
              {view.toggle}
            </button>
          )}
        </>
      )}
    </li>
  );
}
