/**
 * The hover/focus card for one mention. Rendered inside a closed shadow root (see mount.ts), so
 * the page can neither read it nor restyle it. Links open only for http(s) URLs.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { SourceSummary } from '../../lib/types';
import { formatDate } from '../../lib/report/format';
import { ClaimCard } from '../shared/ClaimCard';
import { SourceLink } from '../shared/SourceLink';
import type { PopoverModel } from './model';

const TYPE_LABEL = { exercise: 'Exercise', country: 'Country', organization: 'Organization' } as const;
function SourceLine({ source }: { source: { title: string; outlet: string; published: string | null; url: string | null } }) {
  return (
    <span title={source.title}>
      <SourceLink url={source.url} class="src">
        {`${source.outlet || 'Unknown outlet'}${source.published ? `, ${formatDate(source.published)}` : ''}`}
      </SourceLink>
    </span>
  );
}

/**
 * "19 other sources in your dataset name Zapad, any edition (2 derived: they retell another)", or that none
 * does. Sources are indexed by series, not edition, so the line names the series.
 */
function countsLine(model: PopoverModel): string {
  const { independent, derived } = model.sources;
  const total = independent.length + derived.length;
  const name = model.entity.type === 'exercise' ? `${model.entity.name}, any edition` : model.entity.name;
  if (total === 0) return `No other source in your dataset names ${name}.`;
  const retell = derived.length ? ` (${derived.length} derived: ${derived.length === 1 ? 'it retells' : 'they retell'} another)` : '';
  return `${total} other source${total === 1 ? '' : 's'} in your dataset ${total === 1 ? 'names' : 'name'} ${name}${retell}.`;
}

function SourceList({ title, sources }: { title: string; sources: SourceSummary[] }) {
  if (sources.length === 0) return null;
  return (
    <details class="sources">
      <summary>{title}</summary>
      <ul>
        {sources.map((s) => (
          <li key={s.id}>
            <SourceLine source={s} /> <span class="title">{s.title}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export interface PopoverProps {
  model: PopoverModel;
  onClose: () => void;
  onOpenPanel: (entityId: string) => void;
  /** Move keyboard focus into the card (when opened from the keyboard). */
  takeFocus: boolean;
}

export function Popover({ model, onClose, onOpenPanel, takeFocus }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus, model.mention.start]);
  const { entity, sources } = model;
  const headingId = 'triangulate-popover-title';
  return (
    <div
      ref={ref}
      class="card"
      role="dialog"
      aria-labelledby={headingId}
      aria-describedby="triangulate-popover-desc"
      tabIndex={-1}
      data-testid="popover"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header>
        <span class={`type t-${entity.type}`}>{TYPE_LABEL[entity.type]}</span>
        <h2 id={headingId}>{model.title}</h2>
        <button class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p id="triangulate-popover-desc" class="desc">
        {entity.description}
      </p>
      {entity.aliases.length > 0 && <p class="aliases">Also: {entity.aliases.join(', ')}</p>}
      <p class="counts" data-testid="popover-counts">
        {countsLine(model)}
      </p>
      <SourceList title="Independent sources" sources={sources.independent} />
      <SourceList title="Derived sources (retelling another)" sources={sources.derived} />
      {model.sentenceClaims.length > 0 && (
        <section aria-label="Claims in this sentence">
          <h3>Claims in this sentence</h3>
          <ul class="claims">
            {model.sentenceClaims.map((c) => (
              <ClaimCard key={`${c.claim.start}-${c.claim.kind}`} card={c} open={false} />
            ))}
          </ul>
        </section>
      )}
      {model.otherClaims.length > 0 && (
        <details class="more">
          <summary>{`${model.otherClaims.length} more claim${model.otherClaims.length === 1 ? '' : 's'} about ${entity.name} in this article`}</summary>
          <ul class="claims">
            {model.otherClaims.map((c) => (
              <ClaimCard key={`${c.claim.start}-${c.claim.kind}`} card={c} open={false} />
            ))}
          </ul>
        </details>
      )}
      <footer>
        <button class="panel" onClick={() => onOpenPanel(entity.id)} data-testid="open-panel">
          Compare sources in side panel
        </button>
        <p class="legend" aria-label="Marks on the page">
          <span class="sw t-exercise">exercise</span>
          <span class="sw t-country">country</span>
          <span class="sw t-organization">organization</span>
          <span class="ul v-corroborated">independent sources agree</span>
          <span class="ul v-conflicting">contradicted</span>
          <span class="ul v-unverified">no other source</span>
        </p>
      </footer>
    </div>
  );
}
