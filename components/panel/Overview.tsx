import { useEffect } from 'preact/hooks';
import { t, tPlural, type MessageKey } from '@/lib/i18n/messages';
import { formatDate } from '@/lib/report/format';
import { entityCounts, summarizeClaims, summaryLine, type TableFilters } from '@/lib/report/table';
import type { Annotation, EntityType } from '@/lib/types';
import { SourceLink } from '../shared/SourceLink';

interface Props {
  annotation: Annotation;
  filters: TableFilters;
  onEntity: (id: string, first: { start: number; end: number }) => void;
}

const GROUPS: { type: EntityType; label: MessageKey }[] = [
  { type: 'exercise', label: 'overviewExercises' },
  { type: 'country', label: 'overviewCountries' },
  { type: 'organization', label: 'overviewOrganizations' },
];

/** The page at a glance: what it is, what it names, and how its claims fare. */
export function Overview({ annotation, filters, onEntity }: Props) {
  const entities = entityCounts(annotation);
  const summary = summaryLine(summarizeClaims(annotation));
  // The window title carries the summary: the browser shows it for the sidebar, screen readers announce it.
  useEffect(() => {
    document.title = t('panelWindowTitle', { summary });
  }, [summary]);
  return (
    <section aria-labelledby="overview-heading" class="card" data-testid="overview">
      <h2 id="overview-heading">{t('overviewHeading')}</h2>
      <p class="page-title">
        <SourceLink url={annotation.url}>{annotation.title || t('untitledPage')}</SourceLink>
        {annotation.published && <span class="muted"> · {formatDate(annotation.published)}</span>}
      </p>
      <p class="summary-line" data-testid="summary-line">
        {summary}
      </p>
      {entities.length === 0 ? (
        <p class="muted">{t('overviewNoEntities')}</p>
      ) : (
        GROUPS.map(({ type, label }) => {
          const list = entities.filter((e) => e.type === type);
          if (!list.length) return null;
          return (
            <div key={type} class="entity-group">
              <h3>{t(label)}</h3>
              <ul class="chips" data-testid={`entities-${type}`}>
                {list.map((e) => (
                  <li key={e.id}>
                    <button
                      type="button"
                      class="chip"
                      data-testid="entity-chip"
                      data-entity-id={e.id}
                      aria-pressed={filters.entity === e.id}
                      title={t('overviewChipTitle')}
                      onClick={() => onEntity(e.id, e.first)}
                    >
                      {e.name} <span class="count" aria-label={tPlural('mentionCount', e.count)}>×{e.count}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}
