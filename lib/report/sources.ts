/**
 * What a source is, in plain words: its kind of publisher and country from the outlet registry
 * (seeds/curated/outlets.json), its language, and which other sources speak for the same
 * government (a ministry and the state media it owns are not independent of each other).
 * Pure and free of the registry itself (./publisher.ts reads it in the background), so the
 * content script stays small and popover, side panel and exports say the same.
 */
import type { OutletType } from '../dataset/outlets';
import { languageName as localeLanguageName } from '../i18n/intl';
import { t, type MessageKey } from '../i18n/messages';
import type { Publisher, SourceSummary } from '../types';
import { countryName } from './format';

const PUBLISHER_TYPE_LABEL: Record<OutletType, MessageKey> = {
  government: 'publisherGovernment',
  'international-organization': 'publisherInternationalOrganization',
  wire: 'publisherWire',
  'state-media': 'publisherStateMedia',
  newspaper: 'publisherNewspaper',
  broadcaster: 'publisherBroadcaster',
  'think-tank': 'publisherThinkTank',
  'blog-aggregator': 'publisherBlogAggregator',
};

/**
 * "State-owned media, Russia", "Wire agency, Russia, state-owned", "Newspaper, Japan",
 * "International organization"; null when the registry does not know the outlet.
 */
export function publisherLabel(p: Publisher | null | undefined): string | null {
  if (!p) return null;
  const parts = [t(PUBLISHER_TYPE_LABEL[p.type])];
  const country = p.country ? countryName(p.country) : undefined;
  if (country) parts.push(country);
  if (p.stateOwner && p.type !== 'state-media' && p.type !== 'government') {
    parts.push(p.stateOwner === p.country ? t('publisherStateOwned') : t('publisherOwnedByState', { country: countryName(p.stateOwner) ?? p.stateOwner }));
  }
  return parts.join(', ');
}

/** The government a publisher speaks for: a ministry's own country, or the state that owns the outlet. */
export function governmentOf(p: Publisher | null | undefined): string | null {
  if (!p) return null;
  if (p.type === 'government') return p.country;
  return p.stateOwner ?? null;
}

/**
 * For each source, the other sources that speak for the same government (its ministry, its state
 * media), with the words that say so: "not independent of TASS (same government: Russia)".
 */
export function sameGovernmentNotes(sources: readonly Pick<SourceSummary, 'id' | 'outlet' | 'publisher'>[]): Map<string, string> {
  const byGov = new Map<string, Pick<SourceSummary, 'id' | 'outlet' | 'publisher'>[]>();
  for (const s of sources) {
    const gov = governmentOf(s.publisher);
    if (!gov) continue;
    const list = byGov.get(gov);
    if (list) list.push(s);
    else byGov.set(gov, [s]);
  }
  const notes = new Map<string, string>();
  for (const [gov, list] of byGov) {
    const outlets = new Set(list.map((s) => s.outlet));
    if (outlets.size < 2) continue;
    for (const s of list) {
      const others = [...new Set(list.filter((o) => o.outlet !== s.outlet).map((o) => o.outlet || t('anotherSource')))];
      notes.set(s.id, t('notIndependentOf', { outlets: others.join(', '), country: countryName(gov) ?? gov }));
    }
  }
  return notes;
}

/** "ru" → "Russian" in English; the code itself when the runtime does not know it. */
export function languageName(code: string): string {
  return localeLanguageName(code) ?? code;
}

/** "in Russian" when the source's language is not the page's (primary subtags compared); null otherwise or when unknown. */
export function otherLanguage(source: string | null | undefined, page: string | null | undefined): string | null {
  const primary = (l: string | null | undefined) => l?.trim().toLowerCase().split(/[-_]/)[0] || null;
  const s = primary(source);
  const p = primary(page);
  if (!s || s === p || (!p && s === 'en')) return null;
  return t('inLanguage', { language: languageName(s) });
}
