/** Claims: extraction from article text, comparison across sources, and source independence. */
export { extractClaims, extractClaimsInSteps } from './extract';
export { compareClaims, relate, relateClaims, sameScope, type CompareOptions } from './compare';
export {
  findDerivation, findDerivationInSteps, retellerOf, shingleSignature, signatureSimilarity, textDigest, textFingerprint,
  type Derivation, type DerivationResult, type PageForDerivation,
} from './independence';
export { deriveBatch, linkSeedDocuments, withLink, type BatchDerivations, type BatchSource, type DerivationLink } from './derivations';
export { canonicalUrl } from '../text/url';
export { splitSentences } from '../text/sentences';
export type { ExtractInput } from './types';
