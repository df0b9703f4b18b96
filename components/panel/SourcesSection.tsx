import { t, tPlural } from '@/lib/i18n/messages';
import { formatDate } from '@/lib/report/format';
import { otherLanguage, publisherLabel, sameGovernmentNotes } from '@/lib/report/sources';
import { buildTimeline, PAGE_COLUMN_ID, sourceRows, type SourceRow, type SourceSort } from '@/lib/report/table';
import type { Annotation } from '@/lib/types';
import { derivationLabel } from '../shared/derivation';
import { SourceLink } from '../shared/SourceLink';

interface Props {
  annotation: Annotation;
  sort: SourceSort;
  onSort: (s: SourceSort) => void;
  /** The page's language, so a source in another one says so. */
  pageLanguage?: string | null;
}

function retellsLabel(row: SourceRow, rows: SourceRow[]): string {
  if (!row.retells) return row.isPage ? '' : t('sourceIndependentOrigin');
  if (row.retells === PAGE_COLUMN_ID) return derivationLabel(row.derivation, t('thisPageInSentence'));
  const origin = rows.find((r) => r.id === row.retells);
  return derivationLabel(row.derivation, origin?.outlet || t('sourceNotStored'));
}

/** One source as a short block (a table would not fit a 360–420 px panel): outlet, what it is, date, edition, relation. */
function SourceItem({ row, rows, pageLanguage, tie }: { row: SourceRow; rows: SourceRow[]; pageLanguage: string | null; tie: string | undefined }) {
  const what = [publisherLabel(row.source?.publisher), otherLanguage(row.source?.language, pageLanguage)].filter(Boolean).join(' · ');
  const relation = retellsLabel(row, rows);
  const when = [formatDate(row.published), row.edition !== null ? t('sourceAboutEdition', { year: String(row.edition) }) : null].filter(Boolean).join(' · ');
  return (
    <li data-testid="source-row" data-source-id={row.id} data-edition={row.edition ?? undefined} class={`source-item${row.isPage ? ' row-page' : ''}${row.retells && !row.isPage ? ' is-retelling' : ''}`}>
      <div class="source-head">
        <strong class="source-outlet">{row.isPage ? t('thisPage') : row.outlet || t('unknownOutlet')}</strong>
        {what && (
          <span class="source-type" data-testid="source-type">
            {what}
          </span>
        )}
      </div>
      <div class="source-title">
        <SourceLink url={row.url}>{row.title || t('untitled')}</SourceLink>
      </div>
      <div class="muted source-meta">
        {when}
        {!row.isPage && row.claims > 0 && ` · ${tPlural('sourceSpeaksTo', row.claims)}`}
        {relation && <span class={`tag${row.retells ? '' : ' tag-independent'}`}>{relation}</span>}
        {tie && (
          <span class="tag tag-tie" data-testid="source-tie">
            {tie}
          </span>
        )}
      </div>
    </li>
  );
}

/** Every source, by edition then date with each origin's retellings after it (or by outlet), and the same sources on a timeline. */
export function SourcesSection({ annotation, sort, onSort, pageLanguage = null }: Props) {
  const rows = sourceRows(annotation, sort);
  const ties = sameGovernmentNotes(rows.flatMap((r) => (r.source ? [r.source] : [])));
  const timeline = buildTimeline(annotation);
  return (
    <section aria-labelledby="sources-heading" class="card">
      <h2 id="sources-heading">{t('sourcesHeading')}</h2>
      {rows.length === 1 ? (
        <p class="muted">{t('sourcesNone')}</p>
      ) : (
        <>
          <div class="sort" role="group" aria-label={t('sourcesOrderLabel')}>
            <span class="muted">{t('sourcesOrder')}</span>
            <button type="button" class="link" data-testid="sort-by-date" aria-pressed={sort === 'date'} onClick={() => onSort('date')}>
              {t('sourcesByEditionDate')}
            </button>
            {' · '}
            <button type="button" class="link" data-testid="sort-by-outlet" aria-pressed={sort === 'outlet'} onClick={() => onSort('outlet')}>
              {t('sourcesByOutlet')}
            </button>
          </div>
          <ul class="source-list" data-testid="sources-table">
            {rows.map((r) => (
              <SourceItem key={r.id} row={r} rows={rows} pageLanguage={pageLanguage} tie={ties.get(r.id)} />
            ))}
          </ul>
        </>
      )}
      <h3 id="timeline-heading">{t('timelineHeading')}</h3>
      {timeline.entries.length === 0 ? (
        <p class="muted">{t('timelineNone')}</p>
      ) : (
        <>
          <div class="timeline-track" aria-hidden="true">
            {timeline.entries.map((e) => (
              <span
                key={e.date}
                class={`timeline-dot${e.sources.some((s) => s.isPage) ? ' is-page' : ''}`}
                style={{ left: `${(e.position * 100).toFixed(2)}%` }}
                title={t('timelineDot', { date: formatDate(e.date), outlets: e.sources.map((s) => s.outlet).join(', ') })}
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
                      {s.isPage ? <strong>{t('thisPage')}</strong> : s.outlet || t('unknownOutlet')}
                      {!s.isPage && s.retells && <span class="muted"> ({retellsLabel(s, rows)})</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {timeline.undated.length > 0 && (
            <p class="muted">
              {tPlural('timelineUndated', timeline.undated.length, { names: timeline.undated.map((s) => s.outlet || s.title).join(', ') })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
