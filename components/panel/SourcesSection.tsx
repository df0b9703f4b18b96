import { formatDate, plural } from '@/lib/report/format';
import { buildTimeline, sourceRows, type SourceRow, type SourceSort } from '@/lib/report/table';
import type { Annotation } from '@/lib/types';
import { SourceLink } from '../shared/SourceLink';

interface Props {
  annotation: Annotation;
  sort: SourceSort;
  onSort: (s: SourceSort) => void;
}

function SortHeader({ label, by, sort, onSort }: { label: string; by: SourceSort; sort: SourceSort; onSort: (s: SourceSort) => void }) {
  return (
    <th scope="col" aria-sort={sort === by ? 'ascending' : undefined}>
      <button type="button" class="link" data-testid={`sort-by-${by}`} onClick={() => onSort(by)}>
        {label}
        <span aria-hidden="true">{sort === by ? ' ▲' : ''}</span>
      </button>
    </th>
  );
}

function retellsLabel(row: SourceRow, rows: SourceRow[]): string {
  if (!row.retells) return row.isPage ? '' : 'independent origin';
  const origin = rows.find((r) => r.id === row.retells);
  return `${row.derivation ?? 'retells'} of ${origin?.outlet || 'a source not stored'}`;
}

/** Every source, sortable, and the same sources on a timeline of publication dates. */
export function SourcesSection({ annotation, sort, onSort }: Props) {
  const rows = sourceRows(annotation, sort);
  const timeline = buildTimeline(annotation);
  return (
    <section aria-labelledby="sources-heading" class="card">
      <h2 id="sources-heading">Sources</h2>
      {rows.length === 1 ? (
        <p class="muted">No stored source mentions what this page mentions.</p>
      ) : (
        <div class="table-scroll" role="region" aria-label="Sources table" tabIndex={0}>
          <table class="sources" data-testid="sources-table">
            <thead>
              <tr>
                <SortHeader label="Outlet" by="outlet" sort={sort} onSort={onSort} />
                <th scope="col">Title</th>
                <SortHeader label="Published" by="date" sort={sort} onSort={onSort} />
                <th scope="col">Claims</th>
                <th scope="col">Relation</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="source-row" data-source-id={r.id} class={r.isPage ? 'row-page' : undefined}>
                  <th scope="row">{r.outlet || 'Unknown outlet'}</th>
                  <td>
                    <SourceLink url={r.url}>{r.title || 'Untitled'}</SourceLink>
                  </td>
                  <td>{formatDate(r.published)}</td>
                  <td>{r.claims}</td>
                  <td>{retellsLabel(r, rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="timeline-heading">Timeline</h3>
      {timeline.entries.length === 0 ? (
        <p class="muted">No source has a publication date.</p>
      ) : (
        <>
          <div class="timeline-track" aria-hidden="true">
            {timeline.entries.map((e) => (
              <span
                key={e.date}
                class={`timeline-dot${e.sources.some((s) => s.isPage) ? ' is-page' : ''}`}
                style={{ left: `${(e.position * 100).toFixed(2)}%` }}
                title={`${formatDate(e.date)}: ${e.sources.map((s) => s.outlet).join(', ')}`}
              />
            ))}
          </div>
          <ol class="timeline" data-testid="timeline" aria-labelledby="timeline-heading">
            {timeline.entries.map((e) => (
              <li key={e.date} data-testid="timeline-entry" data-date={e.date}>
                <time dateTime={e.date}>{formatDate(e.date)}</time>
                <ul>
                  {e.sources.map((s) => (
                    <li key={s.id} class={s.isPage ? 'is-page' : undefined}>
                      {s.isPage ? <strong>This page</strong> : s.outlet || 'Unknown outlet'}
                      {!s.isPage && s.retells && <span class="muted"> ({retellsLabel(s, rows)})</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {timeline.undated.length > 0 && (
            <p class="muted">
              Undated: {plural(timeline.undated.length, 'source')} ({timeline.undated.map((s) => s.outlet || s.title).join(', ')}).
            </p>
          )}
        </>
      )}
    </section>
  );
}
