import { CLAIM_KINDS, claimSubjectLabel, entityNamesOf, formatDate, formatValue, kindLabel, VERDICTS, verdictLabel, type NameOf } from '@/lib/report/format';
import { buildTable, entityCounts, type Cell, type Column, type ColumnGroup, type SourceSort, type TableFilters } from '@/lib/report/table';
import type { Annotation, ClaimKind, Verdict } from '@/lib/types';
import { SourceLink } from '../shared/SourceLink';
import { VerdictBadge } from '../shared/VerdictBadge';

interface Props {
  annotation: Annotation;
  filters: TableFilters;
  sort: SourceSort;
  onFilters: (f: TableFilters) => void;
  onSort: (s: SourceSort) => void;
  onReveal: (start: number, end: number) => void;
}

const STATE_LABEL: Record<Cell['state'], string> = { page: 'this page', agree: 'agrees', conflict: 'conflicts', both: 'agrees and conflicts', none: '' };
const STATE_SYMBOL: Record<Cell['state'], string> = { page: '', agree: '✓', conflict: '✗', both: '±', none: '' };

function Filters({ annotation, filters, sort, onFilters, onSort }: Omit<Props, 'onReveal'>) {
  const entities = entityCounts(annotation);
  const kinds = CLAIM_KINDS.filter((k) => annotation.claims.some((c) => c.kind === k));
  // An entity from a deep link may name nothing on this page: keep it selectable so the filter stays visible.
  const names = entityNamesOf(annotation);
  const extra = filters.entity && !entities.some((e) => e.id === filters.entity) ? filters.entity : null;
  return (
    <div class="filters" role="group" aria-label="Filter and order the comparison">
      <label>
        Entity
        <select
          data-testid="filter-entity"
          value={filters.entity ?? ''}
          onChange={(e) => onFilters({ ...filters, entity: (e.currentTarget as HTMLSelectElement).value || null })}
        >
          <option value="">All</option>
          {entities.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
          {extra && <option value={extra}>{names(extra) ?? extra}</option>}
        </select>
      </label>
      <label>
        Kind
        <select data-testid="filter-kind" value={filters.kind ?? ''} onChange={(e) => onFilters({ ...filters, kind: ((e.currentTarget as HTMLSelectElement).value || null) as ClaimKind | null })}>
          <option value="">All</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Verdict
        <select
          data-testid="filter-verdict"
          value={filters.verdict ?? ''}
          onChange={(e) => onFilters({ ...filters, verdict: ((e.currentTarget as HTMLSelectElement).value || null) as Verdict | null })}
        >
          <option value="">All</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {verdictLabel(v)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sources by
        <select data-testid="sort-sources" value={sort} onChange={(e) => onSort((e.currentTarget as HTMLSelectElement).value as SourceSort)}>
          <option value="date">Date</option>
          <option value="outlet">Outlet</option>
        </select>
      </label>
    </div>
  );
}

function groupLabel(g: ColumnGroup): string {
  if (g.id === 'page') return g.columns.length > 1 ? 'This page and its retellings' : 'This page';
  const name = g.origin?.outlet || g.origin?.title || 'a source not stored';
  const label = g.retoldByPage ? `Retold by this page: ${name}` : `Origin: ${name}`;
  return g.columns.length > 1 ? `${label} (${g.columns.length} sources)` : label;
}

function ColumnHeader({ col, names }: { col: Column; names: Map<string, string> }) {
  if (col.isPage) {
    return (
      <th scope="col" data-testid="source-column" data-source-id="page" class="col-page">
        This page
        {col.derivedFrom && <span class="derived">retells {names.get(col.derivedFrom) ?? 'another source'}</span>}
      </th>
    );
  }
  const s = col.source!;
  return (
    <th scope="col" data-testid="source-column" data-source-id={s.id} class={col.derivedFrom ? 'col-derived' : 'col-origin'}>
      <SourceLink url={s.url}>{s.outlet || s.title || 'Untitled'}</SourceLink>
      <span class="muted date">{formatDate(s.published)}</span>
      {col.derivedFrom && (
        <span class="derived">
          {col.derivation ?? 'retells'} of {col.derivedFrom === 'page' ? 'this page' : (names.get(col.derivedFrom) ?? 'another source')}
        </span>
      )}
    </th>
  );
}

function CellView({ cell, names, outlet }: { cell: Cell; names: NameOf; outlet: string }) {
  if (cell.state === 'none') {
    return (
      <td data-testid="claim-cell" data-state="none" data-source-id={cell.columnId} class="cell-none">
        <span class="visually-hidden">{outlet}: no value</span>
        <span aria-hidden="true">–</span>
      </td>
    );
  }
  return (
    <td data-testid="claim-cell" data-state={cell.state} data-source-id={cell.columnId} class={`cell-${cell.state}`}>
      {cell.entries.map((e, i) => (
        <div key={i} class="entry">
          <span class="value">
            {STATE_SYMBOL[cell.state] && <span aria-hidden="true">{STATE_SYMBOL[cell.state]} </span>}
            {formatValue(e.value, names)}
          </span>
          {cell.state !== 'page' && <span class="visually-hidden"> ({STATE_LABEL[cell.state]})</span>}
          {e.text && (
            <details>
              <summary>Sentence</summary>
              <blockquote>{e.text}</blockquote>
              {e.attribution && <p class="muted">Attributed to {e.attribution}</p>}
              {cell.state !== 'page' && !e.independent && <p class="muted">Not independent of this page or of another source shown.</p>}
            </details>
          )}
        </div>
      ))}
    </td>
  );
}

export function ComparisonSection({ annotation, filters, sort, onFilters, onSort, onReveal }: Props) {
  const table = buildTable(annotation, filters, sort);
  const names = entityNamesOf(annotation);
  const outlets = new Map(annotation.sources.map((s) => [s.id, s.outlet || s.title]));
  const filtered = filters.entity !== null || filters.kind !== null || filters.verdict !== null;
  return (
    <>
      <h2 id="comparison-heading">Claims compared</h2>
      <Filters annotation={annotation} filters={filters} sort={sort} onFilters={onFilters} onSort={onSort} />
      <p class="muted" data-testid="table-count" aria-live="polite">
        {filtered ? `${table.rows.length} of ${table.totalClaims} claims shown.` : `${table.totalClaims} claims.`}{' '}
        {table.groups.length > 1 && `${table.independentOrigins} origin${table.independentOrigins === 1 ? '' : 's'} independent of this page among the sources shown.`}
        {filtered && (
          <>
            {' '}
            <button type="button" class="link" data-testid="clear-filters" onClick={() => onFilters({ entity: null, kind: null, verdict: null })}>
              Show all
            </button>
          </>
        )}
      </p>
      {table.rows.length === 0 ? (
        <p data-testid="table-empty">{table.totalClaims === 0 ? 'This page states no dates, counts, places or roles that could be checked.' : 'No claim matches these filters.'}</p>
      ) : (
        <div class="table-scroll" role="region" aria-label="Comparison table, scrolls sideways" tabIndex={0}>
          <table data-testid="comparison-table" class="comparison">
            <caption class="visually-hidden">Claims of this page (rows) against each source (columns); sources that retell another are grouped under it.</caption>
            <colgroup span={1} />
            {table.groups.map((g) => (
              <colgroup key={g.id} span={g.columns.length} class={g.id === 'page' ? 'group-page' : 'group'} />
            ))}
            <thead>
              <tr>
                <td />
                {table.groups.map((g) => (
                  <th key={g.id} scope="colgroup" colSpan={g.columns.length} data-testid="origin-group" data-origin-id={g.id} class={g.retoldByPage ? 'retold' : undefined}>
                    {groupLabel(g)}
                  </th>
                ))}
              </tr>
              <tr>
                <th scope="col">Claim</th>
                {table.columns.map((c) => (
                  <ColumnHeader key={c.id} col={c} names={outlets} />
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.index} data-testid="claim-row" data-claim-index={r.index} data-verdict={r.claim.verdict} data-kind={r.claim.kind}>
                  <th scope="row" class="claim-head">
                    <button type="button" class="link" data-testid="reveal-claim" title="Show this claim on the page" onClick={() => onReveal(r.claim.start, r.claim.end)}>
                      {claimSubjectLabel(r.claim)}: {kindLabel(r.claim.kind).toLowerCase()}
                    </button>
                    <VerdictBadge verdict={r.claim.verdict} />
                    {r.independentOrigins > 0 && (
                      <span class="muted independent">
                        {r.independentOrigins} independent source{r.independentOrigins === 1 ? '' : 's'}
                      </span>
                    )}
                  </th>
                  {r.cells.map((cell) => (
                    <CellView key={cell.columnId} cell={cell} names={names} outlet={cell.columnId === 'page' ? 'This page' : (outlets.get(cell.columnId) ?? '')} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
