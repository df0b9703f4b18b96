/**
 * Annotation of one article against the KB: its mentions, its claims with the sources that
 * back or contradict them, and which of those sources are independent. The background answers
 * content scripts and the side panel with this; the CLI prints it.
 */
import { compareClaims, findDerivationInSteps, type CompareOptions } from '../claims';
import type { Detector } from '../detect';
import type { KbReader } from '../kb/store';
import { runSteps, runStepsWith, type Pacing, type Steps, type StepsOutcome } from '../steps';
import type { AnnotatedClaim, Annotation, ArticleInput, Claim, EntityInfo, EntityType, Source, SourceSummary } from '../types';
import { publisherOf } from '../report/publisher';
import { articleClaimsInSteps, articleTopics, detectArticleInSteps, outletNames, type Analysis } from './analyze';

export const PAGE_SOURCE_ID = 'page';

export interface AnnotateContext {
  detector: Detector;
  kb: KbReader;
}

function summary(source: Source, shared: string[]): SourceSummary {
  const publisher = publisherOf(source);
  return {
    id: source.id,
    // A source stored with its text's fingerprint was read from its own words; curated sources carry only our summaries.
    ...(source.origin !== 'bundled' || source.fingerprint ? { quotable: true } : {}),
    title: source.title,
    outlet: source.outlet,
    published: source.published,
    url: source.url,
    derivedFrom: source.derivedFrom ?? null,
    ...(source.derivation ? { derivation: source.derivation } : {}),
    origin: source.origin,
    entities: shared,
    ...(source.language ? { language: source.language } : {}),
    ...(publisher ? { publisher } : {}),
  };
}

function entityInfo(detector: Detector, mentions: { id: string; type: EntityType; name: string }[]): EntityInfo[] {
  const seen = new Map<string, EntityInfo>();
  for (const m of mentions) {
    if (seen.has(m.id)) continue;
    const e = detector.gazetteer.entities.get(m.id);
    seen.set(m.id, {
      id: m.id,
      type: m.type,
      name: e?.name ?? m.name,
      description: e?.description ?? 'An exercise recognised from its context; it is not in the bundled data.',
      aliases: e ? e.aliases.slice(0, 6) : [],
    });
  }
  return [...seen.values()];
}

/** Page claims compared per step: the comparison of one is independent of the others'. */
const COMPARED_PER_STEP = 50;
/**
 * KB reads per batch: the claims of at most this many (subject, edition, kind) keys (each up to
 * the store's 16) or this many sources are read and rebuilt before the pacing is asked whether to
 * give the thread away, so a page with thousands of claims never waits for all their evidence in one go.
 */
const CLAIM_KEYS_PER_READ = 32;
const SOURCES_PER_READ = 32;

/** Each (subject, edition, kind) once, in order of first claim: the keys `KbReader.claimsFor` reads. */
function claimKeys(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.subject}\u0000${c.edition}\u0000${c.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `read` over `items` in batches of `size`, one after the other, pausing between them when the
 * pacing says so; the results in the items' order, as one read of them all would give them.
 */
async function inBatches<I, R>(items: I[], size: number, read: (batch: I[]) => Promise<R[]>, pacing: Pacing | null): Promise<R[]> {
  if (items.length <= size) return read(items);
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await pacing?.pause();
    for (const r of await read(items.slice(i, i + size))) out.push(r);
  }
  return out;
}

export async function annotateArticle(article: ArticleInput, context: AnnotateContext): Promise<Annotation> {
  return (await annotateArticlePaced(article, context, null)).annotation;
}

export interface PacedAnnotation {
  annotation: Annotation;
  /** Claims were read only up to this character of the text: the pacing's time ran out there. */
  claimsStoppedAt?: number;
}

/**
 * `annotateArticle` paced by the caller (lib/steps.ts): it pauses between sentences and between
 * groups of compared claims when `pacing` says so, and once `pacing.outOfTime()` it stops reading
 * claims where it is and annotates what it has (every mention is still found). With no pacing it
 * runs straight through.
 */
export async function annotateArticlePaced(article: ArticleInput, { detector, kb }: AnnotateContext, pacing: Pacing | null): Promise<PacedAnnotation> {
  const run = <T>(steps: Steps<T>, stoppable: boolean) => (pacing ? runStepsWith(steps, pacing, stoppable) : Promise.resolve({ value: runSteps(steps) } as StepsOutcome<T>));
  // Every mention is found: only the claims stop when the time is up.
  const { value: detected } = await run(detectArticleInSteps(article, detector), false);
  // The KB reads do not depend on one another, and the first two need only the mentions and the
  // fingerprint: they start before the claims are extracted, so the store works meanwhile.
  const early = [kb.sourcesByUrlOrFingerprint(article.url, detected.fingerprint), kb.sourcesMentioning(articleTopics(article.text, detected.mentions))] as const;
  // Should the extraction throw or be cancelled, these are never awaited: their failures must not go unhandled.
  for (const read of early) read.catch(() => undefined);
  const outcome: StepsOutcome<Analysis> = await run(articleClaimsInSteps(article, PAGE_SOURCE_ID, detector, detected), true);
  const analysis = outcome.value;
  const [copies, mentioning, evidence] = await Promise.all([...early, inBatches(claimKeys(analysis.claims), CLAIM_KEYS_PER_READ, (keys) => kb.claimsFor(keys), pacing)] as const);
  // The page may itself be in the KB (added earlier, or a seed): it never corroborates itself.
  const selves = new Set(copies.map((s) => s.id));
  const related = mentioning.filter((r) => !selves.has(r.source.id));
  const sources = new Map<string, Source>(related.map((r) => [r.source.id, r.source]));
  const shared = new Map<string, string[]>(related.map((r) => [r.source.id, r.shared]));

  const others = evidence.filter((e) => !selves.has(e.claim.source)).map((e) => e.claim);
  for (const { claim, source } of evidence) {
    if (selves.has(claim.source)) continue;
    if (!sources.has(source.id)) sources.set(source.id, source);
    const subjects = shared.get(source.id) ?? [];
    if (!subjects.includes(claim.subject)) shared.set(source.id, [...subjects, claim.subject]);
  }
  // Retold sources outside the result still matter for independence: fetch the chain's roots.
  const roots = [...sources.values()].map((s) => s.derivedFrom).filter((id): id is string => !!id && !sources.has(id) && !selves.has(id));
  for (const s of await inBatches([...new Set(roots)], SOURCES_PER_READ, (ids) => kb.sourcesById(ids), pacing)) {
    sources.set(s.id, s);
    shared.set(s.id, []);
  }

  // A stored copy of the page (added earlier, imported, a seed) already knows what the page retells.
  const own = copies.find((s) => s.derivedFrom)?.derivedFrom ?? null;
  const { value: derivation } = await run(
    findDerivationInSteps(
      { text: article.text, url: article.url, title: article.title, outlet: article.outlet ?? null, mentions: analysis.mentions, fingerprint: analysis.fingerprint, signature: analysis.signature },
      [...sources.values()],
      (id) => outletNames(detector, id),
    ),
    false,
  );
  // The same text under the same headline, stored under another address (a seed, a page added earlier): the
  // page itself. It leaves the evidence, and what it retells is what the page retells.
  let selfCopy: Source | undefined;
  if (derivation.derivation === 'same-article' && derivation.derivedFrom && sources.has(derivation.derivedFrom)) {
    selfCopy = sources.get(derivation.derivedFrom)!;
    selves.add(selfCopy.id);
    sources.delete(selfCopy.id);
    shared.delete(selfCopy.id);
    for (let i = others.length - 1; i >= 0; i--) if (others[i]!.source === selfCopy.id) others.splice(i, 1);
  }
  const pageDerivedFrom = own ?? (selfCopy ? (selfCopy.derivedFrom ?? null) : derivation.derivedFrom);

  const chain = new Map<string, string | null>([[PAGE_SOURCE_ID, pageDerivedFrom]]);
  // A source retelling the page's own stored copy retells the page.
  for (const s of sources.values()) chain.set(s.id, s.derivedFrom && selves.has(s.derivedFrom) ? PAGE_SOURCE_ID : (s.derivedFrom ?? null));
  // The outlet the page's lede credits: sources crediting the same outlet share the page's origin.
  const pageRetells = derivation.retells ?? copies.find((s) => s.retells)?.retells ?? null;
  const claims = (await run(compareInSteps(analysis.claims, others, sources, { pageSourceId: PAGE_SOURCE_ID, derivation: chain, pageRetells }), false)).value;

  const annotation: Annotation = {
    title: article.title,
    published: article.published,
    url: article.url,
    text: article.text,
    mentions: analysis.mentions,
    claims,
    sources: [...sources.values()].map((s) => summary(s, shared.get(s.id) ?? [])),
    pageDerivedFrom,
    entities: entityInfo(detector, analysis.mentions),
    pageSourceIds: [...selves],
    storedCopies: [...copies, ...(selfCopy ? [selfCopy] : [])].map((s) => summary(s, [])),
  };
  return outcome.stoppedAt === undefined ? { annotation } : { annotation, claimsStoppedAt: outcome.stoppedAt };
}

/** `compareClaims` a group of page claims per step (the same result: each claim is compared on its own). */
function* compareInSteps(pageClaims: Claim[], others: Claim[], sources: Map<string, Source>, opts: CompareOptions): Steps<AnnotatedClaim[]> {
  if (pageClaims.length <= COMPARED_PER_STEP) return compareClaims(pageClaims, others, sources, opts);
  const out: AnnotatedClaim[] = [];
  for (let i = 0; i < pageClaims.length; i += COMPARED_PER_STEP) {
    for (const claim of compareClaims(pageClaims.slice(i, i + COMPARED_PER_STEP), others, sources, opts)) out.push(claim);
    yield pageClaims[i]!.start ?? 0;
  }
  return out;
}
