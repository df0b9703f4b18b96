/**
 * The hover/focus card for one mention. Rendered inside a closed shadow root (see mount.ts), so
 * the page can neither read it nor restyle it. Links open only for http(s) URLs.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { AnnotatedClaim, Evidence, SourceSummary } from '../../lib/types';
import { formatDate, formatValue, kindLabel } from '../../lib/report/format';
import { SourceLink } from '../shared/SourceLink';
import { VerdictBadge } from '../shared/VerdictBadge';
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

function EvidenceItem({ e, agrees, names }: { e: Evidence; agrees: boolean; names: Record<string, string> }) {
  return (
    <li class={agrees ? 'ev agree' : 'ev conflict'}>
      <span class="ev-value">
        {agrees ? '✓' : '✗'} {formatValue(e.value, (id) => names[id])}
      </span>{' '}
      <SourceLine source={e.source} />
      {!e.independent && <span class="tag">derived</span>}
      <q class="sentence">{e.text}</q>
    </li>
  );
}

function ClaimCard({ claim, names }: { claim: AnnotatedClaim; names: Record<string, string> }) {
  return (
    <li class={`claim v-${claim.verdict}`}>
      <div class="claim-head">
        <VerdictBadge verdict={claim.verdict} />
        <span class="kind">{kindLabel(claim.kind)}</span>
        <span class="this">
          This article: <strong>{formatValue(claim.value, (id) => names[id])}</strong>
        </span>
      </div>
      {(claim.corroborating.length > 0 || claim.conflicting.length > 0) && (
        <ul class="evidence">
          {claim.corroborating.map((e) => (
            <EvidenceItem key={`c-${e.source.id}`} e={e} agrees names={names} />
          ))}
          {claim.conflicting.map((e) => (
            <EvidenceItem key={`x-${e.source.id}`} e={e} agrees={false} names={names} />
          ))}
        </ul>
      )}
    </li>
  );
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
        <h2 id={headingId}>{entity.name}</h2>
        <button class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p id="triangulate-popover-desc" class="desc">
        {entity.description}
      </p>
      {entity.aliases.length > 0 && <p class="aliases">Also: {entity.aliases.join(', ')}</p>}
      <p class="counts" data-testid="popover-counts">
        {sources.independent.length + sources.derived.length === 0
          ? 'No other source in your dataset mentions it.'
          : `${sources.independent.length} independent source${sources.independent.length === 1 ? '' : 's'}` +
            (sources.derived.length ? `, ${sources.derived.length} derived (retelling another)` : '') +
            ' mention it.'}
      </p>
      <SourceList title="Independent sources" sources={sources.independent} />
      <SourceList title="Derived sources" sources={sources.derived} />
      {model.sentenceClaims.length > 0 && (
        <section aria-label="Claims in this sentence">
          <h3>Claims in this sentence</h3>
          <ul class="claims">
            {model.sentenceClaims.map((c) => (
              <ClaimCard key={`${c.start}-${c.kind}`} claim={c} names={model.names} />
            ))}
          </ul>
        </section>
      )}
      {model.otherClaims.length > 0 && (
        <details class="more">
          <summary>{`${model.otherClaims.length} more claim${model.otherClaims.length === 1 ? '' : 's'} about ${entity.name} in this article`}</summary>
          <ul class="claims">
            {model.otherClaims.map((c) => (
              <ClaimCard key={`${c.start}-${c.kind}`} claim={c} names={model.names} />
            ))}
          </ul>
        </details>
      )}
      <footer>
        <button class="panel" onClick={() => onOpenPanel(entity.id)} data-testid="open-panel">
          Compare sources in side panel
        </button>
        <p class="legend" aria-label="Legend">
          <span class="sw t-exercise">exercise</span>
          <span class="sw t-country">country</span>
          <span class="sw t-organization">organization</span>
          <span class="ul v-corroborated">corroborated</span>
          <span class="ul v-conflicting">conflicting</span>
          <span class="ul v-unverified">no other source</span>
        </p>
      </footer>
    </div>
  );
}
