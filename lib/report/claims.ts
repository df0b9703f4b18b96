/**
 * What a claim's card says, in the same words in the popover, the side panel, the exports and
 * the CLI: the article's claim and its verdict on one line ("12,700 troops — according to the
 * Russian Defence Ministry · 2 independent sources agree, 1 gives other figures"), then the other
 * sources grouped by how they relate. Pure and browser-free, so the wording is unit-tested once.
 *
 * Words and quotes: only an imported article's own sentence (or a page the user added) is a
 * quotation. Bundled sources carry a summary written for Triangulate's dataset: it is labelled as
 * such and never put in quotation marks, so no outlet is shown saying words it did not write.
 */
import { t, tPlural, type MessageKey } from '../i18n/messages';
import type { AnnotatedClaim, Annotation, ClaimKind, Evidence, Relation, SourceSummary, Stance, Verdict } from '../types';
import { claimSubjectLabel, entityNamesOf, formatCount, formatValue, kindLabel, scopeLabel, verdictLabel, type NameOf } from './format';
import { otherLanguage, publisherLabel, sameGovernmentNotes } from './sources';
import { compareSources, originOf, PAGE_COLUMN_ID, sourceMap } from './table';

/** Labels Triangulate's own summary of a bundled source, which is never put in quotation marks. */
export function summaryLabel(): string {
  return t('summaryByTriangulate');
}

/** How a verdict is coloured: only independent support is green, only a contradiction red. */
export type Tone = 'agree' | 'conflict' | 'mixed' | 'disputed' | 'neutral' | 'unverified';

export const VERDICT_TONE: Record<Verdict, Tone> = {
  corroborated: 'agree',
  conflicting: 'conflict',
  mixed: 'mixed',
  disputed: 'disputed',
  'as-original': 'neutral',
  'retold-only': 'unverified',
  close: 'neutral',
  'other-figures': 'neutral',
  unverified: 'unverified',
};

export interface WordingContext {
  names: NameOf;
  /** Sources by id (the annotation's, plus evidence-only ones), for origins and quotations. */
  sources: ReadonlyMap<string, SourceSummary>;
  /** Stored copies of this very page (a seed, a page added earlier). */
  pageCopies?: ReadonlySet<string>;
  /** How a note names another source ("Reuters", or "Reuters [3]" in a report with citations). */
  sourceName?: (id: string) => string;
  /** The page's language, so a source in another one says so. */
  pageLanguage?: string | null;
  /** Sources speaking for the same government as another source of the page (a ministry and its state media). */
  ties?: ReadonlyMap<string, string>;
}

export function wordingContext(annotation: Annotation, pageLanguage: string | null = null): WordingContext {
  const sources = sourceMap(annotation);
  return { names: entityNamesOf(annotation), sources, pageCopies: new Set(annotation.pageSourceIds ?? []), pageLanguage, ties: sameGovernmentNotes([...sources.values()]) };
}

/** A source's words: its own sentence (a quotation) or Triangulate's summary of it (never quoted). */
export type Words = { kind: 'quote'; text: string } | { kind: 'summary'; text: string };

const WRAPPING_QUOTES = /^\s*["“”„'‘’«»]+\s*([\s\S]*?)\s*["“”'‘’«»]+\s*$/;

/**
 * Only imported articles and pages the user added hold text their outlet wrote; anything else
 * (bundled, or a source the KB did not describe) is a summary by Triangulate.
 */
export function wordsOf(e: Pick<Evidence, 'text' | 'source'>, sources: ReadonlyMap<string, Pick<SourceSummary, 'origin' | 'quotable'>>): Words | null {
  const text = e.text.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const source = sources.get(e.source.id);
  if (source?.origin === 'imported' || source?.origin === 'page' || source?.quotable) return { kind: 'quote', text };
  return { kind: 'summary', text: WRAPPING_QUOTES.exec(text)?.[1] || text };
}

const SPEECH_VERB =
  /[\s,]+(?:said|says|say|told\b.*|tells\b.*|reported|reports|announced|announces|stated|states|claimed|claims|added|noted|confirmed|confirms|insisted|wrote|writes|quoted|cited)$/i;

/**
 * The speaker alone, from an attribution as written: "The Russian Defence Ministry said" → "the
 * Russian Defence Ministry"; "according to Western officials" → "Western officials". Null when none.
 */
export function speakerName(attribution: string | null | undefined): string | null {
  if (!attribution) return null;
  let s = attribution.replace(/\s+/g, ' ').trim();
  s = s.replace(/^(?:according to|as reported by|citing|cited by|quoted by|per)\s+/i, '');
  // The same cues in the languages pages are read in: "по данным Минобороны", "за даними ...", "据...", "...によると".
  s = s.replace(/^(?:по\s+(?:данным|словам|информации|сообщению|оценкам)|как\s+(?:сообщает|сообщил[аио]?|сообщили|передает|передаёт|заявил[аио]?)|за\s+(?:даними|словами|інформацією|оцінками)|як\s+(?:повідомляє|повідомили|заявили?)|(?:根)?据)\s*/iu, '');
  s = s.replace(/\s*(?:によると|によれば|の発表では|报道|報道|称|表示)$/u, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(SPEECH_VERB, '').replace(/[\s.,:;]+$/, '');
  }
  s = s.replace(/^The\s/, 'the ');
  return s || null;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Western officials" and "Lithuanian Armed Forces" are plural; "TASS", "the ministry" and "news" are not. */
function isPlural(speaker: string): boolean {
  const last = speaker.split(/\s+/).pop() ?? '';
  return /[a-z]s$/.test(last) && !/(?:ss|us|is|news|ics)$/i.test(last);
}

/**
 * "the ministry says 12,700", "Western officials estimate up to 100,000", "Western estimates put it
 * at 70,000–100,000". The speaker is the article's words, English where the verb must agree with it.
 */
export function speakerSays(speaker: string, stance: Stance | null | undefined, value: string): string {
  const many = isPlural(speaker);
  if (/\bestimates?$/i.test(speaker)) return t(many ? 'speakersPutItAt' : 'speakerPutsItAt', { speaker, value });
  if (stance === 'estimate') return t(many ? 'speakersEstimate' : 'speakerEstimates', { speaker, value });
  return t(many ? 'speakersSay' : 'speakerSays', { speaker, value });
}

const COUNT_NOUN: Partial<Record<ClaimKind, MessageKey>> = {
  participants: 'nounParticipants',
  nations: 'nounNations',
  aircraft: 'nounAircraft',
  vessels: 'nounVessels',
  vehicles: 'nounVehicles',
  teams: 'nounTeams',
};

const MULTIPLIER = /^(?:(?:thousand|million|тысяч[аи]?|тыс\.?|млн\.?|миллион(?:а|ов)?|тисяч[аі]?|тис\.?|мільйон(?:а|ів)?)(?![\p{L}])|[万萬千百亿億]+)\s*(?:[余多餘]\s*)?/iu;

/**
 * The article's claim as a short phrase. Counts keep the article's noun after the number
 * ("12,700 troops", "3,000 Russian troops"); other values as formatted ("2–6 Dec 2019").
 */
export function claimPhrase(claim: Pick<AnnotatedClaim, 'kind' | 'value' | 'text'>, names: NameOf): string {
  const v = claim.value;
  if (v.type === 'count') {
    const digits = /\d[\d,.\u00a0\u202f ]*\d|\d/g;
    let tail: string | null = null;
    for (let m = digits.exec(claim.text); m; m = digits.exec(claim.text)) tail = claim.text.slice(m.index + m[0].length);
    // "100 тысяч военных", "100 thousand troops", "1.27万人": the multiplier is in the number already.
    const words = tail?.trim().replace(MULTIPLIER, '').trim().split(/\s+/).filter(Boolean) ?? [];
    const fallback = COUNT_NOUN[claim.kind];
    const noun = words.length >= 1 && words.length <= 3 && words.every((w) => /^[\p{L}-]+$/u.test(w)) ? words.join(' ') : fallback ? t(fallback) : '';
    return noun ? t('countWithNoun', { count: formatCount(v), noun }) : formatCount(v);
  }
  return formatValue(v, names);
}

/** The phrase with its kind where the value alone does not say it: "Dates: 2–6 Dec 2019", "Location: Belarus". */
export function claimLead(claim: Pick<AnnotatedClaim, 'kind' | 'value' | 'text'>, names: NameOf): string {
  const phrase = claimPhrase(claim, names);
  return claim.value.type === 'dates' || claim.value.type === 'location' ? t('kindAndValue', { kind: kindLabel(claim.kind), value: phrase }) : phrase;
}

/** Who gives the page's figure, as the line says it: "according to the ministry", "an estimate". */
export function pageSpeakerPhrase(claim: Pick<AnnotatedClaim, 'attribution' | 'stance'>): string | null {
  const speaker = speakerName(claim.attribution);
  if (speaker) return t('accordingTo', { speaker });
  if (claim.stance === 'estimate') return t('anEstimate');
  if (claim.stance === 'official') return t('officialFigure');
  return null;
}

export type EvidenceGroupKind = 'agree' | 'conflict' | 'disputed' | 'close' | 'other';

const GROUP_OF: Record<Relation, EvidenceGroupKind> = {
  agree: 'agree',
  origin: 'agree',
  retelling: 'agree',
  conflict: 'conflict',
  disputed: 'disputed',
  close: 'close',
  other: 'other',
};

const GROUP_LABEL: Record<EvidenceGroupKind, MessageKey> = {
  agree: 'groupAgree',
  conflict: 'groupConflict',
  disputed: 'groupDisputed',
  close: 'groupClose',
  other: 'groupOther',
};

const GROUP_ORDER: EvidenceGroupKind[] = ['agree', 'conflict', 'disputed', 'close', 'other'];

export interface EvidenceItem {
  evidence: Evidence;
  group: EvidenceGroupKind;
  /** The source's value as stated. */
  value: string;
  /** Who gives the figure inside the source, when it says. */
  speaker: string | null;
  scope: string | null;
  /** How the source counts: "independent", "retells this page, not counted"; '' when nothing to add. */
  note: string;
  /** The source counts as independent support (its note says so). */
  independent: boolean;
  words: Words | null;
  /** What the outlet is: "Wire agency, Russia, state-owned"; null when the registry does not know it. */
  publisher: string | null;
  /** "in Russian" when the source is not in the page's language. */
  language: string | null;
  /** "not independent of TASS (same government: Russia)". */
  tie: string | null;
}

export interface EvidenceGroup {
  kind: EvidenceGroupKind;
  label: string;
  items: EvidenceItem[];
}

export interface ClaimCardModel {
  claim: AnnotatedClaim;
  /** "Zapad 2017": the exercise and edition the claim is about. */
  subject: string;
  kind: string;
  verdict: Verdict;
  verdictLabel: string;
  tone: Tone;
  /** The article's claim: "12,700 troops". */
  value: string;
  /** "contingent of Russia"; null for the whole exercise. */
  scope: string | null;
  /** "according to the Russian Defence Ministry", "an estimate"; null when the article names no one. */
  speaker: string | null;
  /** The verdict in words: "1 independent source agrees, 2 give other figures". */
  finding: string;
  /** Claim and verdict on one line. */
  line: string;
  /** Other figures the article itself gives for the same thing, from other speakers (disputed figures). */
  alsoInArticle: string[];
  groups: EvidenceGroup[];
  /** No other source relates to the claim in any way. */
  alone: boolean;
}

function outletOf(id: string, sources: ReadonlyMap<string, SourceSummary>): string {
  const s = sources.get(id);
  return s?.outlet || s?.title || t('anotherSource');
}

function noteOf(e: Evidence, ctx: WordingContext): string {
  if (ctx.pageCopies?.has(e.source.id)) return t('noteStoredCopy');
  const retold = ctx.sources.get(e.source.id)?.derivedFrom;
  const name = ctx.sourceName ?? ((id: string) => outletOf(id, ctx.sources));
  const origin = retold && retold !== PAGE_COLUMN_ID ? name(originOf(e.source.id, ctx.sources)) : null;
  switch (e.relation) {
    case 'agree':
      if (e.independent) return t('noteIndependent');
      if (!retold) return t('noteSameOrigin');
      return origin === null ? t('noteRetellsThisPageCountedOnce') : t('noteRetellsCountedOnce', { source: origin });
    case 'origin':
      return retold ? t('noteRetellsPageOrigin') : t('notePageOrigin');
    case 'retelling':
      return t('noteRetellingNotCounted');
    default:
      if (!retold) return '';
      return origin === null ? t('noteRetellsThisPage') : t('noteRetells', { source: origin });
  }
}

function evidenceItem(e: Evidence, ctx: WordingContext): EvidenceItem {
  return {
    evidence: e,
    group: GROUP_OF[e.relation],
    value: formatValue(e.value, ctx.names),
    speaker: speakerName(e.attribution),
    scope: scopeLabel(e.scope, ctx.names),
    note: noteOf(e, ctx),
    independent: e.relation === 'agree' && e.independent && !ctx.pageCopies?.has(e.source.id),
    words: wordsOf(e, ctx.sources),
    publisher: publisherLabel(ctx.sources.get(e.source.id)?.publisher),
    language: otherLanguage(ctx.sources.get(e.source.id)?.language, ctx.pageLanguage),
    tie: ctx.ties?.get(e.source.id) ?? null,
  };
}

/** Other sources by relation, each list with an origin's retellings right after it, origins by date. */
export function evidenceGroups(claim: AnnotatedClaim, ctx: WordingContext): EvidenceGroup[] {
  const all = [...claim.corroborating, ...claim.conflicting, ...claim.other];
  const summary = (id: string): Pick<SourceSummary, 'id' | 'outlet' | 'published'> => ctx.sources.get(id) ?? { id, outlet: '', published: null };
  const order = (a: Evidence, b: Evidence): number => {
    const oa = originOf(a.source.id, ctx.sources);
    const ob = originOf(b.source.id, ctx.sources);
    if (oa !== ob) return compareSources(summary(oa), summary(ob), 'date');
    return Number(a.source.id !== oa) - Number(b.source.id !== ob) || compareSources(summary(a.source.id), summary(b.source.id), 'date');
  };
  return GROUP_ORDER.map((kind) => ({
    kind,
    label: t(GROUP_LABEL[kind]),
    items: all
      .filter((e) => GROUP_OF[e.relation] === kind)
      .sort(order)
      .map((e) => evidenceItem(e, ctx)),
  })).filter((g) => g.items.length > 0);
}

function distinctSources(list: Evidence[]): number {
  return new Set(list.map((e) => e.source.id)).size;
}

function agreeVerb(n: number): string {
  return tPlural('findingAgree', n);
}

/** "12,000 and 12,700", "12,000, 12,700 and 2 more": the distinct values of some evidence. */
function valueList(items: Evidence[], names: NameOf): string {
  const [first = '', second, ...rest] = [...new Set(items.map((e) => formatValue(e.value, names)))];
  if (second === undefined) return first;
  return rest.length ? tPlural('valuesMore', rest.length, { first, second }) : t('valuesTwo', { first, second });
}

/** "the Russian Defence Ministry says 12,700; Western estimates put it at 70,000–100,000". */
export function disputedSentence(claim: AnnotatedClaim, ctx: WordingContext): string {
  const value = formatValue(claim.value, ctx.names);
  const page = speakerName(claim.attribution);
  const clauses = [page ? speakerSays(page, claim.stance, value) : claim.stance === 'estimate' ? t('disputedPageEstimate', { value }) : t('disputedPageSays', { value })];
  const seen = new Set<string>();
  for (const e of claim.other.filter((x) => x.relation === 'disputed')) {
    const v = formatValue(e.value, ctx.names);
    const speaker = speakerName(e.attribution);
    const clause = speaker ? speakerSays(speaker, e.stance, v) : t('disputedOutletReports', { outlet: outletOf(e.source.id, ctx.sources), value: v });
    if (seen.has(clause.toLowerCase())) continue;
    seen.add(clause.toLowerCase());
    clauses.push(clause);
  }
  return clauses.join('; ');
}

/** How many independent origins the page's own origin(s) make: "as in the original (1 independent origin)". */
function originCount(claim: AnnotatedClaim, ctx: WordingContext): number {
  const roots = new Set(claim.corroborating.filter((e) => e.relation === 'origin').map((e) => originOf(e.source.id, ctx.sources)));
  return Math.max(1, roots.size);
}

/** The verdict in words, counting sources, never saying "no other source" when one relates. */
export function findingOf(claim: AnnotatedClaim, ctx: WordingContext): string {
  const by = (...rs: Relation[]) => [...claim.corroborating, ...claim.conflicting, ...claim.other].filter((e) => rs.includes(e.relation));
  const conflicts = distinctSources(by('conflict'));
  const disputed = distinctSources(by('disputed'));
  const close = distinctSources(by('close'));
  const other = distinctSources(by('other'));
  const retellings = distinctSources(by('retelling'));
  const total = claim.corroborating.length + claim.conflicting.length + claim.other.length;
  const parts: string[] = [];
  const extras = { disputed: true, close: true, other: true, retellings: false };
  switch (claim.verdict) {
    case 'corroborated':
      parts.push(agreeVerb(claim.origins));
      if (by('origin').length) parts.push(t('findingAsInOriginal'));
      extras.retellings = true;
      break;
    case 'mixed':
      parts.push(agreeVerb(claim.origins), tPlural('findingContradictsIt', conflicts));
      break;
    case 'conflicting':
      parts.push(tPlural('findingSourcesContradict', conflicts));
      break;
    case 'disputed':
      parts.push(t('findingDisputed', { speakers: disputedSentence(claim, ctx) }));
      if (claim.origins) parts.push(agreeVerb(claim.origins));
      extras.disputed = false;
      break;
    case 'as-original':
      parts.push(tPlural('findingAsOriginal', originCount(claim, ctx)));
      break;
    case 'retold-only':
      parts.push(t('findingRetoldOnly'));
      break;
    case 'close':
      parts.push(t('findingClose', { values: valueList(by('close'), ctx.names) }));
      extras.close = false;
      break;
    case 'other-figures':
      parts.push(t('findingOtherFigures', { values: valueList(by('other'), ctx.names) }));
      extras.other = false;
      break;
    case 'unverified':
      parts.push(total === 0 ? t('findingNoOtherSource') : t('findingUnverified'));
      break;
  }
  if (extras.disputed && disputed) parts.push(tPlural('findingOtherSpeakersDiffer', disputed));
  if (extras.close && close) parts.push(tPlural('findingGivesClose', close));
  if (extras.other && other) parts.push(tPlural('findingGivesOther', other));
  if (extras.retellings && retellings) parts.push(tPlural('findingRetellingsNotCounted', retellings));
  // The speakers of a disputed figure are a sentence of their own, set apart from the counts.
  if (claim.verdict === 'disputed') return [parts[0], parts.slice(1).join(', ')].filter(Boolean).join(' · ');
  return parts.join(', ');
}

/** Other figures for the same thing that the article itself gives from another speaker (official vs estimate). */
function alsoInArticle(claim: AnnotatedClaim, siblings: readonly AnnotatedClaim[], ctx: WordingContext): string[] {
  if (claim.verdict !== 'disputed' || claim.value.type !== 'count') return [];
  const sameScope = (a: AnnotatedClaim) => (a.scope?.kind ?? 'total') === (claim.scope?.kind ?? 'total') && a.scope?.of === claim.scope?.of;
  return siblings
    .filter((c) => c !== claim && c.subject === claim.subject && c.edition === claim.edition && c.kind === claim.kind && sameScope(c))
    .filter((c) => (c.stance ?? null) !== (claim.stance ?? null) || speakerName(c.attribution) !== speakerName(claim.attribution))
    .map((c) => {
      const v = formatValue(c.value, ctx.names);
      const speaker = speakerName(c.attribution);
      if (speaker) return t('alsoSpeakerThisArticle', { clause: capitalize(speakerSays(speaker, c.stance, v)) });
      return c.stance === 'estimate' ? t('alsoEstimates', { value: v }) : t('alsoReports', { value: v });
    });
}

/** Everything a claim's card shows. `siblings`: the page's other claims, for disputed figures it states itself. */
export function claimCard(claim: AnnotatedClaim, ctx: WordingContext, siblings: readonly AnnotatedClaim[] = []): ClaimCardModel {
  const value = claimPhrase(claim, ctx.names);
  const scope = scopeLabel(claim.scope, ctx.names);
  // A disputed finding names the page's speaker itself.
  const speaker = claim.verdict === 'disputed' ? null : pageSpeakerPhrase(claim);
  const finding = findingOf(claim, ctx);
  const who = [scope, speaker].filter((p): p is string => !!p).join(', ');
  return {
    claim,
    subject: claimSubjectLabel(claim),
    kind: kindLabel(claim.kind),
    verdict: claim.verdict,
    verdictLabel: verdictLabel(claim.verdict),
    tone: VERDICT_TONE[claim.verdict],
    value,
    scope,
    speaker,
    finding,
    line: `${claimLead(claim, ctx.names)}${who ? ` — ${who}` : ''} · ${finding}`,
    alsoInArticle: alsoInArticle(claim, siblings, ctx),
    groups: evidenceGroups(claim, ctx),
    alone: claim.corroborating.length + claim.conflicting.length + claim.other.length === 0,
  };
}
