/**
 * One claim of the article as a card, the same in the popover and the side panel: the claim and
 * its verdict on one line, then the other sources grouped by relation. A source's own sentence
 * is a quotation (<q>); Triangulate's summary of a bundled source is labelled and never quoted.
 * The wording comes from lib/report/claims.ts, shared with the exports and the CLI.
 */
import { t, tPlural } from '@/lib/i18n/messages';
import { summaryLabel, type ClaimCardModel, type EvidenceGroup, type EvidenceItem } from '@/lib/report/claims';
import { formatDate } from '@/lib/report/format';
import { SourceLink } from './SourceLink';
import { VerdictBadge } from './VerdictBadge';

/** Symbols beside each relation, so relation never relies on colour alone. */
const MARK: Record<EvidenceGroup['kind'], string> = { agree: '✓', conflict: '✗', disputed: '⇄', close: '≈', other: '≠' };

function Words({ item }: { item: EvidenceItem }) {
  const w = item.words;
  if (!w) return null;
  if (w.kind === 'quote') {
    return (
      <q class="words quote" data-testid="source-quote" cite={item.evidence.source.url ?? undefined}>
        {w.text}
      </q>
    );
  }
  return (
    <p class="words summary" data-testid="source-summary">
      <span class="summary-label">{summaryLabel()}:</span> <span class="summary-text">{w.text}</span>
    </p>
  );
}

function EvidenceRow({ item }: { item: EvidenceItem }) {
  const s = item.evidence.source;
  return (
    <li class={`ev ev-${item.group}`} data-testid="claim-cell" data-source-id={s.id} data-state={item.group} data-relation={item.evidence.relation}>
      <div class="ev-head">
        <span class="ev-value">
          <span aria-hidden="true">{MARK[item.group]} </span>
          {item.value}
        </span>
        {item.speaker && <span class="ev-speaker">{` ${t('evidencePer', { speaker: item.speaker })}`}</span>}
        {item.scope && <span class="scope"> {item.scope}</span>}
      </div>
      <div class="ev-source">
        <SourceLink url={s.url} class="src">
          {s.outlet || s.title || t('unknownOutlet')}
        </SourceLink>
        <span class="muted">{`, ${formatDate(s.published)}`}</span>
        {item.note && <span class={`tag${item.independent ? ' tag-independent' : ''}`}>{item.note}</span>}
      </div>
      {(item.publisher || item.language || item.tie) && (
        <div class="ev-publisher" data-testid="source-type">
          {[item.publisher, item.language].filter(Boolean).join(' · ')}
          {item.tie && <span class="tag tag-tie">{item.tie}</span>}
        </div>
      )}
      <Words item={item} />
    </li>
  );
}

function Groups({ groups }: { groups: EvidenceGroup[] }) {
  return (
    <div class="ev-groups">
      {groups.map((g) => (
        <section key={g.kind} class={`ev-group ev-group-${g.kind}`} data-testid="evidence-group" data-group={g.kind}>
          <h4 class="ev-label">
            <span aria-hidden="true">{MARK[g.kind]} </span>
            {t('groupLabelCount', { label: g.label, count: g.items.length })}
          </h4>
          <ul class="evidence">
            {g.items.map((item, i) => (
              <EvidenceRow key={`${item.evidence.source.id}-${i}`} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

interface Props {
  card: ClaimCardModel;
  /** Position in the annotation's claims (side panel), for tests and "jump to text". */
  index?: number;
  /** Sources shown open (side panel) or folded under a summary (popover). */
  open?: boolean;
  onReveal?: () => void;
}

export function ClaimCard({ card, index, open = true, onReveal }: Props) {
  const sources = card.groups.reduce((n, g) => n + g.items.length, 0);
  const who = [card.scope, card.speaker].filter(Boolean);
  return (
    <li class={`claim tone-${card.tone}`} data-testid="claim-row" data-claim-index={index} data-verdict={card.verdict} data-kind={card.claim.kind}>
      <div class="claim-top">
        <VerdictBadge verdict={card.verdict} />
        <span class="claim-subject">
          {card.subject} · {card.kind}
        </span>
        {onReveal && (
          <button type="button" class="link reveal" data-testid="reveal-claim" title={t('showInTextTitle')} onClick={onReveal}>
            {t('showInText')}
          </button>
        )}
      </div>
      <p class="claim-line" data-testid="claim-line">
        <strong class="claim-value" data-testid="claim-value">
          {card.value}
        </strong>
        {who.length > 0 && (
          <>
            {' — '}
            {card.scope && (
              <span class="scope" data-testid="claim-scope">
                {card.scope}
              </span>
            )}
            {card.scope && card.speaker && ', '}
            {card.speaker && <span class="speaker">{card.speaker}</span>}
          </>
        )}
        <span class="finding" data-testid="claim-finding">
          {' · '}
          {card.finding}
        </span>
      </p>
      {card.alsoInArticle.map((t) => (
        <p key={t} class="also">
          {t}
        </p>
      ))}
      {sources > 0 &&
        (open ? (
          <Groups groups={card.groups} />
        ) : (
          <details class="ev-details">
            <summary>{tPlural('claimSourcesByRelation', sources)}</summary>
            <Groups groups={card.groups} />
          </details>
        ))}
    </li>
  );
}
