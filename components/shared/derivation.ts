/** How a source retells another, in words: "translation of Nikkei", "wire copy of Reuters". */
import type { Derivation } from '@/lib/claims/independence';
import { t } from '@/lib/i18n/messages';

type DerivationKey = 'derivationRetelling' | 'derivationTranslation' | 'derivationCitation' | 'derivationWireCopy' | 'derivationSameArticle';

const DERIVATION: Record<Derivation, DerivationKey> = {
  translation: 'derivationTranslation',
  citation: 'derivationCitation',
  'wire-copy': 'derivationWireCopy',
  'same-article': 'derivationSameArticle',
};

/** `derivation` as stored on a source (lib/claims/independence.ts); none, or one this file does not know, reads as a retelling. */
export function derivationLabel(derivation: string | undefined, source: string): string {
  const key = (derivation && DERIVATION[derivation as Derivation]) || 'derivationRetelling';
  return t(key, { source });
}
