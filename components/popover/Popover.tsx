/**
 * The hover/focus card for one mention. Rendered inside a closed shadow root (see mount.ts), so
 * the page can neither read it nor restyle it. Links open only for http(s) URLs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceSummary } from '../../lib/types';
import { formatDate } from '../../lib/report/format';
import { otherLanguage, publisherLabel } from '../../lib/report/sources';
import { ClaimCard } from '../shared/ClaimCard';
import { SourceLink } from '../shared/SourceLink';
import type { PopoverModel } from './model';

const TYPE_LABEL = { exercise: 'Exercise', country: 'Country', organization: 'Organization' } as const;

/** Outlet and date as a link, then what the outlet is, its language when not the page's, and any tie to a government. */
function SourceLine({ source, pageLanguage, tie }: { source: SourceSummary; pageLanguage: string | null; tie?: string }) {
  const what = [publisherLabel(source.publisher), otherLanguage(source.language, pageLanguage)].filter(Boolean).join(' · ');
  return (
    <>
      <span title={source.title}>
        <SourceLink url={source.url} class="src">
          {`${source.outlet || 'Unknown outlet'}${source.published ? `, ${formatDate(source.published)}` : ''}`}
        </SourceLink>
      </span>
      {what && (
        <span class="publisher" data-testid="source-type">
          {' '}
          {what}
        </span>
      )}
      {tie && (
        <span class="tag tag-tie" data-testid="source-tie">
          {tie}
        </span>
      )}
    </>
  );
}

/** Keeps Tab and Shift+Tab inside the card while it is open (a dialog's focus trap). */
function trapTab(e: KeyboardEvent, card: HTMLElement): void {
  if (e.key !== 'Tab') return;
  const focusable = [...card.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), summary, [tabindex="0"]')].filter((el) => el.getClientRects().length > 0);
  if (focusable.length === 0) return;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  const active = (card.getRootNode() as ShadowRoot | Document).activeElement;
  if (e.shiftKey && (active === first || active === card)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !card.contains(active))) {
    e.preventDefault();
    first.focus();
  }
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

function SourceList({ title, sources, model }: { title: string; sources: SourceSummary[]; model: PopoverModel }) {
  if (sources.length === 0) return null;
  return (
    <details class="sources">
      <summary>{title}</summary>
      <ul>
        {sources.map((s) => (
          <li key={s.id} data-testid="popover-source">
            <SourceLine source={s} pageLanguage={model.pageLanguage} tie={model.ties.get(s.id)} /> <span class="title">{s.title}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The marks a reader meets on the page, in words. */
const LEGEND: [string, string, string][] = [
  ['corroborated', 'round', 'independent sources agree'],
  ['conflicting', 'square', 'contradicted'],
  ['disputed', 'diamond', 'disputed figure'],
  ['other-figures', 'round', 'other figures'],
  ['unverified', 'dashed', 'no other source'],
];

export interface PopoverProps {
  model: PopoverModel;
  onClose: () => void;
  /** Resolves to whether the browser opened the panel (Firefox only opens its sidebar from its own controls). */
  onOpenPanel: (entityId: string) => Promise<boolean>;
  /** Move keyboard focus into the card (when opened from the keyboard). */
  takeFocus: boolean;
}

export function Popover({ model, onClose, onOpenPanel, takeFocus }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [panelHint, setPanelHint] = useState<string | null>(null);
  useEffect(() => setPanelHint(null), [model.mention.start]);
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
      onKeyDown={(e) => ref.current && trapTab(e, ref.current)}
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
      <SourceList title="Independent sources" sources={sources.independent} model={model} />
      <SourceList title="Derived sources (retelling another)" sources={sources.derived} model={model} />
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
        <button
          class="panel"
          data-testid="open-panel"
          onClick={() =>
            void onOpenPanel(entity.id).then((opened) =>
              setPanelHint(opened ? null : 'Open Triangulate’s sidebar from the browser’s sidebar menu or with Alt+Shift+Y; it shows this page’s sources claim by claim.'),
            )
          }
        >
          Compare sources
        </button>
        {panelHint && (
          <p class="hint" role="status" data-testid="open-panel-hint">
            {panelHint}
          </p>
        )}
        <p class="legend" aria-label="Marks on the page">
          <span class="legend-item">
            <span class="sw entity">Name</span> a country, organization or exercise
          </span>
          <span class="legend-item">
            <span class="sw claim">claim</span> with its mark:
          </span>
          {LEGEND.map(([verdict, shape, label]) => (
            <span key={verdict} class="legend-item">
              <span class={`vmark v-${verdict} s-${shape}`} aria-hidden="true" />
              {label}
            </span>
          ))}
        </p>
      </footer>
    </div>
  );
}
