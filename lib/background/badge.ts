/**
 * The toolbar badge of a tab: how many of the page's claims other sources dispute or contradict, so a
 * reader sees at a glance that a figure is contested before opening anything. Empty when none is.
 */
import { t, tPlural } from '../i18n/messages';
import type { Annotation, Verdict } from '../types';

const CONTESTED: ReadonlySet<Verdict> = new Set(['disputed', 'conflicting', 'mixed']);

export interface Badge {
  text: string;
  title: string;
}

export function badgeFor(annotation: Pick<Annotation, 'claims'>): Badge {
  const contested = annotation.claims.filter((c) => CONTESTED.has(c.verdict)).length;
  const total = annotation.claims.length;
  if (!total) return { text: '', title: t('badgeNoClaims') };
  if (!contested) return { text: '', title: tPlural('badgeNoneContested', total) };
  return { text: String(contested), title: tPlural('badgeContested', total, { contested }) };
}
