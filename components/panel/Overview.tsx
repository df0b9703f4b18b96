import { useEffect } from 'preact/hooks';
import { formatDate } from '@/lib/report/format';
import { entityCounts, summarizeClaims, summaryLine, type TableFilters } from '@/lib/report/table';
import type { Annotation, EntityType } from '@/lib/types';
import { SourceLink } from '../shared/SourceLink';

interface Props {
  annotation: Annotation;
  filters: TableFilters;
  onEntity: (id: string, first: { start: number; end: number }) => void;
}

const GROUPS: { type: EntityType; label: string }[] = [
  { type: 'exercise', label: 'Exercises' },
  { type: 'country', label: 'Countries' },
  { type: 'organization', label: 'Organizations' },
];

/** The page at a glance: what it is, what it names, and how its claims fare. */
export function Overview({ annotation, filters, onEntity }: Props) {
  const entities = entityCounts(annotation);
  const summary = summaryLine(summarizeClaims(annotation));
  // The window title carries the summary: the browser shows it for the sidebar, screen readers announce it.
  useEffect(() => {
    document.title = `Triangulate: ${summary}`;
  }, [summary]);
  return (
    <section aria-labelledby="overview-heading" class="card" data-testid="overview">
      <h2 id="overview-heading">Overview</h2>
      <p class="page-title">
        <SourceLink url={annotation.url}>{annotation.title || 'Untitled page'}</SourceLink>
        {annotation.published && <span class="muted"> · {formatDate(annotation.published)}</span>}
      </p>
      <p class="summary-line" data-testid="summary-line">
        {summary}
      </p>
      {entities.length === 0 ? (
        <p class="muted">No exercises, countries or organizations recognised on this page.</p>
      ) : (
        GROUPS.map(({ type, label }) => {
          const list = entities.filter((e) => e.type === type);
          if (!list.length) return null;
          return (
            <div key={type} class="entity-group">
              <h3>{label}</h3>
              <ul class="chips" data-testid={`entities-${type}`}>
                {list.map((e) => (
                  <li key={e.id}>
                    <button
                      type="button"
                      class="chip"
                      data-testid="entity-chip"
                      data-entity-id={e.id}
                      aria-pressed={filters.entity === e.id}
                      title="Show this entity on the page and filter the table by it"
                      onClick={() => onEntity(e.id, e.first)}
                    >
                      {e.name} <span class="count" aria-label={`${e.count} mentions`}>×{e.count}</span>
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
