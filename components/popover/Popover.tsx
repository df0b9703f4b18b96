/**
 * The hover/focus card for one mention. Rendered inside a closed shadow root (see mount.ts), so
 * the page can neither read it nor restyle it. Links open only for http(s) URLs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { wordsLanguage } from '../../lib/i18n/intl';
import { t, tPlural, type MessageKey } from '../../lib/i18n/messages';
import type { EntityType, SourceSummary } from '../../lib/types';
import { formatDate } from '../../lib/report/format';
import { otherLanguage, publisherLabel } from '../../lib/report/sources';
import { ClaimCard } from '../shared/ClaimCard';
import { SourceLink } from '../shared/SourceLink';
import type { PanelOpening } from '../../lib/messages';
import type { PopoverModel } from './model';
import { compareHint } from './panel-hint';

const TYPE_LABEL: Record<EntityType, MessageKey> = { exercise: 'typeExercise', country: 'typeCountry', organization: 'typeOrganization' };

/** Outlet and date as a link, then what the outlet is, its language when not the page's, and any tie to a government. */
function SourceLine({ source, pageLanguage, tie }: { source: SourceSummary; pageLanguage: string | null; tie?: string }) {
  const what = [publisherLabel(source.publisher), otherLanguage(source.language, pageLanguage)].filter(Boolean).join(' · ');
  return (
    <>
      <span title={source.title}>
        <SourceLink url={source.url} class="src">
          {source.published ? t('outletAndDate', { outlet: source.outlet || t('unknownOutlet'), date: formatDate(source.published) }) : source.outlet || t('unknownOutlet')}
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
  const name = model.entity.type === 'exercise' ? t('popoverAnyEdition', { name: model.entity.name }) : model.entity.name;
  if (total === 0) return t('popoverNoSources', { name });
  if (!derived.length) return tPlural('popoverSources', total, { name });
  return tPlural('popoverSourcesDerived', total, { name, derived: tPlural('popoverDerived', derived.length) });
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
const LEGEND: [string, string, MessageKey][] = [
  ['corroborated', 'round', 'legendCorroborated'],
  ['conflicting', 'square', 'legendConflicting'],
  ['disputed', 'diamond', 'legendDisputed'],
  ['other-figures', 'round', 'legendOtherFigures'],
  ['unverified', 'dashed', 'legendUnverified'],
];

export interface PopoverProps {
  model: PopoverModel;
  onClose: () => void;
  /** Resolves to how far the browser went (Firefox opens its sidebar only after a click in the extension's own pages). */
  onOpenPanel: (entityId: string) => Promise<PanelOpening>;
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
      lang={wordsLanguage()}
      data-testid="popover"
      onKeyDown={(e) => ref.current && trapTab(e, ref.current)}
    >
      <header>
        <span class={`type t-${entity.type}`}>{t(TYPE_LABEL[entity.type])}</span>
        <h2 id={headingId}>{model.title}</h2>
        <button class="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p id="triangulate-popover-desc" class="desc">
        {entity.description}
      </p>
      {entity.aliases.length > 0 && <p class="aliases">{t('popoverAliases', { names: entity.aliases.join(', ') })}</p>}
      <p class="counts" data-testid="popover-counts">
        {countsLine(model)}
      </p>
      <SourceList title={t('popoverIndependentSources')} sources={sources.independent} model={model} />
      <SourceList title={t('popoverDerivedSources')} sources={sources.derived} model={model} />
      {model.sentenceClaims.length > 0 && (
        <section aria-label={t('popoverSentenceClaims')}>
          <h3>{t('popoverSentenceClaims')}</h3>
          <ul class="claims">
            {model.sentenceClaims.map((c) => (
              <ClaimCard key={`${c.claim.start}-${c.claim.kind}`} card={c} open={false} />
            ))}
          </ul>
        </section>
      )}
      {model.otherClaims.length > 0 && (
        <details class="more">
          <summary>{tPlural('popoverMoreClaims', model.otherClaims.length, { name: entity.name })}</summary>
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
            void onOpenPanel(entity.id).then((outcome) => setPanelHint(compareHint(outcome)))
          }
        >
          {t('popoverCompare')}
        </button>
        {panelHint && (
          <p class="hint" role="status" data-testid="open-panel-hint">
            {panelHint}
          </p>
        )}
        <p class="legend" aria-label={t('legendLabel')}>
          <span class="legend-item">
            <span class="sw entity">{t('legendNameSwatch')}</span> {t('legendName')}
          </span>
          <span class="legend-item">
            <span class="sw claim">{t('legendClaimSwatch')}</span> {t('legendClaim')}
          </span>
          {LEGEND.map(([verdict, shape, label]) => (
            <span key={verdict} class="legend-item">
              <span class={`vmark v-${verdict} s-${shape}`} aria-hidden="true" />
              {t(label)}
            </span>
          ))}
        </p>
      </footer>
    </div>
  );
}
