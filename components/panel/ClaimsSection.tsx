/**
 * The side panel's claim-by-claim comparison: one card per claim of the page (claim and verdict
 * on one line, then the sources grouped by relation), under the list of sources grouped by
 * origin, so the reader sees which sources are one story retold. Cards stack, so the section fits
 * a 360–420 px panel without sideways scrolling.
 */
import { t, tPlural } from '@/lib/i18n/messages';
import { claimCard, wordingContext } from '@/lib/report/claims';
import { CLAIM_KINDS, entityNamesOf, formatDate, kindLabel, VERDICTS, verdictLabel } from '@/lib/report/format';
import { buildTable, entityCounts, NO_FILTERS, type Column, type ColumnGroup, type SourceSort, type TableFilters } from '@/lib/report/table';
import type { Annotation, ClaimKind, Verdict } from '@/lib/types';
import { ClaimCard } from '../shared/ClaimCard';
import { derivationLabel } from '../shared/derivation';
import { SourceLink } from '../shared/SourceLink';

interface Props {
  annotation: Annotation;
  filters: TableFilters;
  sort: SourceSort;
  onFilters: (f: TableFilters) => void;
  onSort: (s: SourceSort) => void;
  onReveal: (start: number, end: number) => void;
  /** The page's language, so sources in another say so. */
  pageLanguage?: string | null;
}

function Filters({ annotation, filters, sort, onFilters, onSort }: Omit<Props, 'onReveal' | 'pageLanguage'>) {
  const entities = entityCounts(annotation);
  const kinds = CLAIM_KINDS.filter((k) => annotation.claims.some((c) => c.kind === k));
  const verdicts = VERDICTS.filter((v) => annotation.claims.some((c) => c.verdict === v) || filters.verdict === v);
  // An entity from a deep link may name nothing on this page: keep it selectable so the filter stays visible.
  const names = entityNamesOf(annotation);
  const extra = filters.entity && !entities.some((e) => e.id === filters.entity) ? filters.entity : null;
  return (
    <div class="filters" role="group" aria-label={t('filtersLabel')}>
      <label>
        {t('filterEntity')}
        <select
          data-testid="filter-entity"
          value={filters.entity ?? ''}
          onChange={(e) => onFilters({ ...filters, entity: (e.currentTarget).value || null })}
        >
          <option value="">{t('filterAll')}</option>
          {entities.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
          {extra && <option value={extra}>{names(extra) ?? t('filterEntityNotOnPage')}</option>}
        </select>
      </label>
      <label>
        {t('filterKind')}
        <select data-testid="filter-kind" value={filters.kind ?? ''} onChange={(e) => onFilters({ ...filters, kind: ((e.currentTarget).value || null) as ClaimKind | null })}>
          <option value="">{t('filterAll')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterVerdict')}
        <select
          data-testid="filter-verdict"
          value={filters.verdict ?? ''}
          onChange={(e) => onFilters({ ...filters, verdict: ((e.currentTarget).value || null) as Verdict | null })}
        >
          <option value="">{t('filterAll')}</option>
          {verdicts.map((v) => (
            <option key={v} value={v}>
              {verdictLabel(v)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sortSourcesBy')}
        <select data-testid="sort-sources" value={sort} onChange={(e) => onSort((e.currentTarget).value as SourceSort)}>
          <option value="date">{t('sortDate')}</option>
          <option value="outlet">{t('sortOutlet')}</option>
        </select>
      </label>
    </div>
  );
}

function groupLabel(g: ColumnGroup): string {
  if (g.id === 'page') return g.columns.length > 1 ? t('originPageAndRetellings') : t('thisPage');
  const name = g.origin?.outlet || g.origin?.title || t('sourceNotStored');
  return g.retoldByPage ? t('originRetoldByPage', { name }) : t('originGroup', { name });
}

function SourceEntry({ col, outlets }: { col: Column; outlets: Map<string, string> }) {
  if (col.isPage) {
    return (
      <li data-testid="source-column" data-source-id="page" class="src-page">
        {t('thisPage')}
        {col.derivedFrom && <span class="muted">{` · ${t('retellsSource', { source: outlets.get(col.derivedFrom) ?? t('anotherSource') })}`}</span>}
      </li>
    );
  }
  const s = col.source!;
  const retold = col.derivedFrom === 'page' ? t('thisPageInSentence') : col.derivedFrom ? (outlets.get(col.derivedFrom) ?? t('anotherSource')) : null;
  return (
    <li data-testid="source-column" data-source-id={s.id} class={col.derivedFrom ? 'src-derived' : 'src-origin'}>
      <SourceLink url={s.url}>{s.outlet || s.title || t('untitled')}</SourceLink>
      <span class="muted">
        {`, ${formatDate(s.published)}`}
        {retold && ` · ${derivationLabel(col.derivation, retold)}`}
      </span>
    </li>
  );
}

/** Why no card is shown, naming each active filter, so an empty list is never a mystery. */
function emptyMessage(annotation: Annotation, filters: TableFilters): string {
  if (annotation.claims.length === 0) return t('claimsNone');
  const names = entityNamesOf(annotation);
  const active = [
    filters.entity && t('filterAbout', { name: names(filters.entity) ?? t('filterChosenEntity') }),
    filters.kind && t('filterOfKind', { kind: kindLabel(filters.kind) }),
    filters.verdict && t('filterMarked', { verdict: verdictLabel(filters.verdict) }),
  ].filter((f): f is string => !!f);
  const joined = active.reduce((all, f) => t('filtersAnd', { first: all, second: f }));
  return tPlural('claimsFilteredNone', annotation.claims.length, { filters: joined });
}

export function ClaimsSection({ annotation, filters, sort, onFilters, onSort, onReveal, pageLanguage = null }: Props) {
  const table = buildTable(annotation, filters, sort);
  const ctx = wordingContext(annotation, pageLanguage);
  const outlets = new Map([...ctx.sources.values()].map((s) => [s.id, s.outlet || s.title]));
  const filtered = filters.entity !== null || filters.kind !== null || filters.verdict !== null;
  const sources = table.groups.length > 1;
  return (
    <>
      <h2 id="comparison-heading">{t('claimsHeading')}</h2>
      <Filters annotation={annotation} filters={filters} sort={sort} onFilters={onFilters} onSort={onSort} />
      <p class="muted" data-testid="table-count" aria-live="polite">
        {filtered ? tPlural('claimsShown', table.totalClaims, { shown: table.rows.length }) : tPlural('claimsTotal', table.totalClaims)}{' '}
        {sources && tPlural('originsIndependent', table.independentOrigins)}
        {filtered && (
          <>
            {' '}
            <button type="button" class="link" data-testid="clear-filters" onClick={() => onFilters(NO_FILTERS)}>
              {t('showAll')}
            </button>
          </>
        )}
      </p>
      {sources && (
        <details class="origins" data-testid="origins">
          <summary>{t('originsSummary')}</summary>
          <ul class="origin-groups">
            {table.groups.map((g) => (
              <li key={g.id} data-testid="origin-group" data-origin-id={g.id} class={g.retoldByPage ? 'retold' : undefined}>
                <span class="origin-label">{groupLabel(g)}</span>
                <ul>
                  {g.columns.map((c) => (
                    <SourceEntry key={c.id} col={c} outlets={outlets} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      )}
      {table.rows.length === 0 ? (
        <p data-testid="table-empty">{emptyMessage(annotation, filters)}</p>
      ) : (
        <ol class="claims" data-testid="claim-cards" aria-label={t('claimsListLabel')}>
          {table.rows.map((r) => (
            <ClaimCard key={r.index} index={r.index} card={claimCard(r.claim, ctx, annotation.claims)} onReveal={() => onReveal(r.claim.start, r.claim.end)} />
          ))}
        </ol>
      )}
    </>
  );
}
