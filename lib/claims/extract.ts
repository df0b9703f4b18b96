/**
 * Claim extraction: from each sentence that mentions an exercise, refers back to one ("the drills",
 * "the five-day exercise") or follows closely on one, the counts, dates, places, roles and ordinal
 * editions it states, each with its subject (series + edition) and the sentence's attribution.
 */
import type { Claim, ClaimKind, ClaimValue, Entity, EntityId, Mention, Scope, Stance } from '../types';
import { findAttribution } from './attribution';
import { claimFromSentence } from './claim';
import { relate } from './compare';
import { findDates, parsePublished, type DatesMatch } from './dates';
import { editionOfMention, findOrdinals, sentenceYear } from './editions';
import { findCounts } from './numbers';
import { findPlaces } from './places';
import { findRoles, type Actor } from './roles';
import { phaseOfSentence, scopeOfCount, stanceOf } from './scope';
import { splitSentences } from '../text/sentences';
import { tokenize } from './tokens';
import { runSteps, type Steps } from '../steps';
import { extractIntlClaimsInSteps } from './intl';
import { isIntl, languageOf } from '../text/lang';
import { yearFromUrl } from '../text/url';
import type { ExtractInput, Span } from './types';

/** Events whose dates are not the exercise's. */
const OTHER_EVENT = /\b(?:invasion|war|attack|offensive|conflict|crisis|talks|summit|visit|meeting|sanctions|pandemic|election|annexation|announcement|operation)\b/i;

const FUTURE = /\b(?:will|is due to|are due to|is set to|are set to|is scheduled|are scheduled|upcoming|forthcoming)\b/i;

/** What ties a count of nations to the exercise: taking part, coming from, or a "30-nation exercise". */
/** A group of people within the exercise, then the nations they come from. */
const GROUP_FROM = /\b(?:chaplains?|observers?|cadets?|students?|delegates?|liaison officers?|umpires?|evaluators?|journalists?|medics?|doctors?|musicians?|lawyers?)\b[^.;]{0,80}\bfrom\s+(?:the\s+)?$/i;

/** "the 31-nation alliance": the size of a bloc. */
const BLOC_AFTER = /^\s*(?:[-\w]+\s+)?(?:alliance|bloc|organi[sz]ation|grouping|union)\b/i;

const NATIONS_CUE = /\b(?:participa\w*|take part|takes part|took part|taking part|join\w*|involv\w*|from|including|includ\w*|with|contribut\w*|attend\w*|represent\w*|bring\w*|brought|gather\w*|drawn|exercise|drills?|manoeuvres|maneuvers|war ?games|partners?|allies|allied)\b|\d[- ]nation/i;

/** Words that refer back to an exercise already named. */
const EXERCISE_WORDS = /\b(?:exercises?|drills?|war ?games?|wargames?|manoeuvres|maneuvers|maneuvres|military training|joint training|this year[’']s edition|this year[’']s iteration)\b/i;
/** How many sentences after the last reference a sentence without one may still speak of it. */
const WINDOW = 3;
/** Without a reference in the sentence, counts need a participation cue to count as the exercise's. */
const PARTICIPATION = /\b(?:participa\w*|take part|took part|taking part|join\w*|involv\w*|deploy\w*|sent|send\w*|contribut\w*|logged in|team of|teams|contingent|delegation|personnel|expected|from\s+\d+\s+(?:nations|countries))\b/i;
const LOCATION_BEFORE = /\b(?:in|at|near|across|off|outside|inside|around|over|off the coast of|on the territory of|on the soil of|centred on|centered on|focused on|(?:regions?|parts?|areas?|territory|territories|waters|airspace|coast|north|south|east|west) of)\s+(?:both\s+)?(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+(?:and\s+(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?)?$/i;
/** A place is the exercise's only where the clause speaks of the exercise happening there. */
const PLACE_CUE = /\b(?:command cent(?:er|re)|headquarters|centred|centered|centres|centers|activit(?:y|ies)|based|hub|areas?|sites?|regions?|zones?|grounds?|exercises?|drills?|manoeuvres|maneuvers|war ?games|wargames|held|hold|holds|take place|takes place|took place|taking place|conducted|staged|run|runs|ran|train\w*|practi[cs]\w*|deploy\w*|ranges?|training grounds?|waters|sea|airspace|hosted|hosts|host|unfold\w*|kick\w* off|launch\w*|began|begins|start\w*|opened|ended|concluded|arrived|troops|forces|ships|vessels)\b/i;
/** Where a country is named as the object of politics, not as the exercise's place. */
const NOT_PLACE = /\b(?:war|invasion|invaded|invade|alarm|concern\w*|fear\w*|warn\w*|threat\w*|annex\w*|sanction\w*|border with|aggression|embassy|capital|summit|talks|meeting|news conference|press conference|visit\w*)\b/i;
const SEAT_OR_VISIT = /\b(?:(?:ministry|ministries|government|embassy|parliament|spokes\w+|officials?)(?:\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2})?\s+in|(?:has|have|had)\s+been\s+(?:in|to)|(?:arrived|travell?ed|flew|went)\s+(?:in|to))\s+(?:the\s+)?$/i;
const TENSION = /\b(?:tensions?|disputes?|confrontations?|rivalry|stand-?off|amid)\b/i;
const SPEECH_NEAR = /\b(?:said|told|reporters|reported|announced|spoke|speaking)\b[^.]{0,30}$/i;
const DEFINITE_GROUP = /\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:team|contingent|delegation|group|unit|detachment)\s+of\b/i;

interface Ref {
  id: EntityId;
  /** Explicit edition, from the mention or the sentence; null to fall back on context. */
  edition: number | null;
  at: number;
}

export function extractClaims(input: ExtractInput): Claim[] {
  return runSteps(extractClaimsInSteps(input));
}

/**
 * `extractClaims` one sentence at a time: it yields where each sentence starts, so a caller can
 * pause between sentences, or stop (sending `true`) and keep the claims of the sentences before.
 */
export function* extractClaimsInSteps(input: ExtractInput): Steps<Claim[]> {
  const lang = languageOf(input.text);
  if (isIntl(lang)) {
    // Russian, Ukrainian, Chinese and Japanese pages: their own reader, also one sentence per step.
    const claims = yield* extractIntlClaimsInSteps(input, lang);
    markSelfContradictions(claims);
    return withoutRepeatedRoles(claims);
  }
  const { text, sourceId } = input;
  const published = parsePublished(input.published);
  const pubYear = published ? published.getUTCFullYear() : null;
  const mentions = input.mentions.slice().sort((a, b) => a.start - b.start);
  const exercises = mentions.filter((m) => m.type === 'exercise');
  const first = exercises[0];
  if (!first) return [];
  const actorsAll = mentions.filter((m) => m.type !== 'exercise');
  const knownEdition = new Map<EntityId, number>();
  // The edition the page names for each exercise anywhere ("RIMPAC 2018" in a later paragraph): an
  // undated page still says which edition it reports.
  const namedEdition = new Map<EntityId, number>();
  // The latest edition named that is not yet past: what a future-tense sentence speaks of.
  const currentEdition = new Map<EntityId, number>();
  for (const m of exercises) {
    const own = editionOfMention(text, m);
    if (own !== null && !namedEdition.has(m.id)) namedEdition.set(m.id, own);
    if (own !== null && pubYear !== null && own >= pubYear && own > (currentEdition.get(m.id) ?? 0)) currentEdition.set(m.id, own);
  }
  // The article's own exercise: the one it names most (the first of those on a tie).
  const mentionCount = new Map<EntityId, number>();
  for (const m of exercises) mentionCount.set(m.id, (mentionCount.get(m.id) ?? 0) + 1);
  const topicId = [...mentionCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const topic = topicId ? { id: topicId } : null;
  // "This year" on an undated page: the year in its address, else the edition it names for its own exercise.
  const thisYear = pubYear ?? yearFromUrl(input.url) ?? (topicId ? (namedEdition.get(topicId) ?? null) : null);
  /** "Russia will join forces with Belarusian troops", right after a sentence on Zapad-2017: the coming edition. */
  const editionFor = (id: EntityId, inherited: number | null, sentence: string): number | null =>
    inherited !== null && pubYear !== null && inherited < pubYear && FUTURE.test(sentence) ? (currentEdition.get(id) ?? null) : inherited;
  const claims: Claim[] = [];
  let focus: { id: EntityId; edition: number | null; last: number } | null = null;
  let previousActors: Mention[] = [];
  const sentences = splitSentences(text);

  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    if (yield s.start) break;
    const inside = (m: Mention): boolean => m.start >= s.start && m.end <= s.end;
    const exIn = exercises.filter(inside);
    const actorsHere = actorsAll.filter(inside);
    // "the largest ever, almost double the number who attended the event in 2021": a year the sentence
    // compares with is not the edition it speaks of (a figure next to that year still gets it, otherEdition).
    const named = sentenceYear(s.text, thisYear);
    const year = named !== null && named !== thisYear && COMPARED.test(s.text) ? null : named;
    const anaphor = EXERCISE_WORDS.test(s.text);
    let refs: Ref[];
    let referenced = true;
    let follows = false;
    if (exIn.length) {
      refs = exIn.map((m) => {
        const own = editionOfMention(text, m);
        if (own !== null) knownEdition.set(m.id, own);
        return { id: m.id, edition: own ?? year ?? knownEdition.get(m.id) ?? null, at: m.start - s.start };
      });
      const last = refs[refs.length - 1]!;
      focus = { id: last.id, edition: last.edition, last: si };
    } else if (anaphor) {
      // Before the first named exercise, "the drills" in a headline or lede point forward to it.
      // "The exercise" after a passing mention of another ("as in the case of Air Defender") is the article's own.
      const passing: boolean = !!focus && !!topic && focus.id !== topic.id && (mentionCount.get(focus.id) ?? 0) === 1 && (mentionCount.get(topic.id) ?? 0) >= 2;
      const target: { id: EntityId; edition: number | null } = passing && topic ? { id: topic.id, edition: knownEdition.get(topic.id) ?? namedEdition.get(topic.id) ?? null } : (focus ?? { id: first.id, edition: editionOfMention(text, first) });
      refs = [{ id: target.id, edition: year ?? editionFor(target.id, target.edition, s.text), at: 0 }];
      // The sentences that follow speak of the exercise "the exercise" pointed to, not of the passing one.
      if (passing) focus = { id: target.id, edition: refs[0]!.edition, last: si };
      else if (focus) focus.last = si;
    } else if (focus && si - focus.last <= WINDOW) {
      refs = [{ id: focus.id, edition: year ?? editionFor(focus.id, focus.edition, s.text), at: 0 }];
      referenced = false;
      // The very next sentence, telling who takes part, still speaks of the exercise just named.
      follows = si - focus.last === 1 && (PARTICIPATION.test(s.text) || /\b(?:observers?|partners?|hosts?|hosted|participants?)\b/i.test(s.text));
    } else {
      previousActors = actorsHere;
      continue;
    }

    const tokens = tokenize(s.text);
    const attribution = findAttribution(s.text);
    const dateMatches = referenced ? datesByRef(s.text, refs, published, (id) => namedEdition.get(id) ?? null) : [];
    const dates = dateMatches[0] ?? null;
    const datesYear = dates ? yearOf(dates.value.start ?? dates.value.end) : null;
    const actors: Actor[] = actorsHere.map((m) => ({ ...m, start: m.start - s.start, end: m.end - s.start }));
    const found: { kind: ClaimKind; value: ClaimValue; span: Span; edition?: number | null; scope?: Scope; countStance?: boolean; part?: boolean }[] = [];

    const cue = referenced || PARTICIPATION.test(s.text);
    let previous: ReturnType<typeof findCounts>[number] | null = null;
    for (const c of findCounts(tokens)) {
      const before = previous;
      previous = c;
      // Aircraft, ships and vehicles near an exercise are its own; people need a cue to be.
      if (!cue && (c.kind === 'participants' || c.kind === 'nations')) continue;
      if (dateMatches.some((d) => c.start < d.end && c.end > d.start)) continue;
      let kind = c.kind;
      if (kind === 'participants' && /^(?:participants|members|partners)$/.test(c.noun) && listsCountries(s.text, c.end, actors)) kind = 'nations';
      // "the two countries", "one nation": descriptions, not counts of participating nations.
      if (kind === 'nations' && c.value.stated[0]! < 3) continue;
      // "the alliances of the United States and six Asian nations": nations are the exercise's only when they take part in it.
      if (kind === 'nations' && BLOC_AFTER.test(s.text.slice(c.end, c.end + 25))) continue;
      if (kind === 'nations' && !NATIONS_CUE.test(s.text.slice(Math.max(0, c.start - 45), Math.min(s.text.length, c.end + 45)))) continue;
      const ref = refs.filter((r) => r.at <= c.start).pop() ?? refs[0]!;
      const exercise = input.entity(ref.id);
      let scope: Scope | undefined =
        kind === 'nations' ? scopeOfNations(s.text, c, exercise) : scopeOfCount({ sentence: s.text, count: c, previous: before, actors, exercise, countryOf: (id) => countryOf(id, input) });
      if (!scope && kind !== 'nations' && DEFINITE_GROUP.test(s.text.slice(Math.max(0, c.start - 20), c.end))) {
        const of = onlyCountry(previousActors, input);
        if (of) scope = { kind: 'contingent', of };
      }
      // "at least 11,000 US personnel, including 3,700 US Marines": a share of a country's contingent is its
      // service's (named in the figure), or an unnamed share, never the country's contingent again.
      const whole = found.findLast((f) => f.countStance && !f.part && f.kind === kind && f.span.end <= c.start);
      if (c.part && scope?.kind === 'contingent' && scope.of && whole?.scope?.kind === 'contingent' && whole.scope.of === scope.of) {
        const unit = actors.find((a) => a.type === 'organization' && a.start >= c.start && a.end <= c.end && countryOf(a.id, input) === scope!.of);
        scope = unit ? { kind: 'contingent', of: unit.id } : { kind: 'contingent', label: 'part of a larger figure' };
      }
      // "1,000 Russian aircraft and 36,000 tanks": a list keeps the contingent it opened with.
      const last = found[found.length - 1];
      if (!scope && c.paired && c.value.hedge === 'exact' && last?.countStance && last.scope?.kind === 'contingent' && last.scope.of) scope = last.scope;
      found.push({ kind, value: c.value, span: c, edition: otherEdition(s.text, c, ref.edition, thisYear), ...(scope ? { scope } : {}), countStance: true, ...(c.part ? { part: true } : {}) });
    }
    for (const d of dateMatches) {
      // "The main phase is due to start on September 10": a phase's dates, not the exercise's.
      const phase = /\b((?:main|active|first|second|final|practical|live|command[- ]post)\s+(?:phase|stage|part)|command[- ]post exercise|CPX|live(?:[- ]fire)? training|live exercise|LIVEX|field training exercise|FTX)\b/i.exec(s.text.slice(0, d.start));
      found.push({ kind: 'dates', value: d.value, span: d, ...(phase ? { scope: { kind: 'phase', label: phase[1]!.toLowerCase() } } : {}) });
    }
    if (referenced) {
      for (const o of findOrdinals(s.text)) found.push({ kind: 'edition', value: { type: 'edition', ordinal: o.ordinal }, span: o });
      for (const l of findLocations(s.text, actors, attribution, (id) => input.entity(id)?.country)) found.push({ kind: 'location', value: l.value, span: l });
    }
    // A country's own contingent says it takes part ("3,200 Chinese troops").
    const contingentRoles = found.filter((f) => f.scope?.kind === 'contingent' && f.scope.of?.startsWith('country:') && f.kind === 'participants');
    const exerciseSpans = exIn.map((m) => ({ start: m.start - s.start, end: m.end - s.start }));
    const roles = findRoles(s.text, actors, exerciseSpans);
    for (const f of contingentRoles) {
      if (!roles.some((r) => r.entity === f.scope!.of)) roles.push({ entity: f.scope!.of!, role: 'participant', start: f.span.start, end: f.span.end, wordEnd: f.span.end });
    }
    for (const r of roles) {
      // "Russian troops" resolved to Russia's armed forces: the country takes part.
      const nationalForce = r.role === 'participant' && !r.entity.startsWith('country:') ? input.entity(r.entity) : undefined;
      const entity = nationalForce?.country ?? r.entity;
      if (entity !== r.entity && roles.some((o) => o.entity === entity && o.role === r.role)) continue;
      const value: ClaimValue = { type: 'role', entity, role: r.role };
      if (r.from !== undefined) value.from = r.from;
      if (r.to !== undefined) value.to = r.to;
      // A role over several years speaks of the series, not of one edition.
      const edition = r.from === undefined ? undefined : r.to === undefined || r.to === r.from ? r.from : null;
      found.push({ kind: 'role', value, span: r, edition });
    }

    // An edition learnt from resolved dates carries on to the sentences that follow.
    if (focus && focus.edition === null && datesYear !== null && refs.some((r) => r.id === focus!.id && r.edition === null)) focus.edition = datesYear;
    // "Europe's biggest missile exercise gets underway on Saturday (15 May 2021)" before the exercise is
    // named: the year stays with the exercise for the mentions that follow.
    for (const r of refs) if (!knownEdition.has(r.id) && (r.edition ?? datesYear) !== null && !exIn.length) knownEdition.set(r.id, (r.edition ?? datesYear)!);
    for (const f of found) {
      const ref = refs.filter((r) => r.at <= f.span.start).pop() ?? refs[0]!;
      const edition = f.edition !== undefined ? f.edition : (ref.edition ?? datesYear ?? namedEdition.get(ref.id) ?? pubYear);
      const claim = claimFromSentence(sourceId, claims.length, ref.id, edition, f, s, attribution?.text ?? null);
      if (f.scope) claim.scope = f.scope;
      // Not named in the sentence, or dated only by the publication year: not sure enough to contradict anyone.
      // The publication year stands in for the edition only where the series ran that year.
      const known = input.entity(ref.id)?.editions ?? [];
      const editionGuessed = f.edition === undefined && ref.edition === null && datesYear === null && !namedEdition.has(ref.id) && known.length > 0 && pubYear !== null && !known.includes(pubYear);
      if ((!referenced && !follows) || editionGuessed) claim.tentative = true;
      if (f.countStance) {
        const clause = clauseAround(s.text, f.span);
        const own = attribution && attribution.end > clause.start && attribution.start < clause.end ? attribution : null;
        const stance: Stance | null = stanceOf({
          sentence: s.text.slice(clause.start, clause.end),
          attribution: own ? { ...own, start: own.start - clause.start, end: own.end - clause.start } : null,
          actors: actors.filter((a) => a.start >= clause.start && a.end <= clause.end).map((a) => ({ ...a, start: a.start - clause.start, end: a.end - clause.start })),
          exercise: input.entity(ref.id),
          entity: input.entity,
          countryOf: (id) => countryOf(id, input),
        });
        if (stance) claim.stance = stance;
        if (!own && attribution) claim.attribution = null;
      }
      claims.push(claim);
    }
    previousActors = actorsHere;
  }
  markSelfContradictions(claims);
  return withoutRepeatedRoles(claims);
}

/** "Japan joins" in the headline, "Japan became a participant" in the lede: one fact, said once. */
function withoutRepeatedRoles(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    if (c.value.type !== 'role') return true;
    const key = `${c.subject}|${c.edition}|${c.value.entity}|${c.value.role}|${c.value.from ?? ''}|${c.value.to ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An article does not contradict itself: when it gives two figures that cannot both be the same
 * fact (two totals of one kind for one edition), one of them is a part or another fact it did not
 * label. Neither is sure enough to contradict another source.
 */
function markSelfContradictions(claims: Claim[]): void {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.value.type !== 'count' && c.value.type !== 'dates') continue;
    const key = `${c.subject}|${c.edition}|${c.kind}|${scopeKey(c.scope)}|${c.stance === 'estimate' ? 'e' : ''}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    // Each distinct value once: a page repeating one figure 4,000 times is one comparison, not eight million.
    const distinct = [...new Map(list.map((c) => [JSON.stringify(c.value), c])).values()];
    // Two date ranges one inside the other are also two facts (the exercise and a phase), neither labelled.
    const clash = distinct.some((a, i) => distinct.slice(i + 1).some((b) => {
      const r = relate(a.value, b.value);
      return r === 'disagree' || (r === 'other' && a.kind === 'dates');
    }));
    if (clash) for (const c of list) c.tentative = true;
  }
}

function scopeKey(scope: Scope | undefined): string {
  return scope ? `${scope.kind}:${scope.of ?? scope.label ?? ''}` : 'total';
}

/**
 * What part of the nations taking part a count of nations is: "29 NATO allies", "26 allied countries" in a
 * NATO exercise and "Nineteen NATO nations" are the members; "seven partner nations", "four member nations",
 * "twenty-three other countries" a subset; "sixteen chaplains from eight nations" one group's; a phase the
 * sentence names. Undefined for all of them.
 */
function scopeOfNations(sentence: string, c: Span, exercise: Entity | undefined): Scope | undefined {
  const words = sentence.slice(c.start, c.end);
  if (GROUP_FROM.test(sentence.slice(Math.max(0, c.start - 120), c.start))) return { kind: 'contingent', label: 'nations of one group' };
  // "operations in more than a dozen nations": the countries it runs in, not those taking part ("forces from
  // across 17 nations" are).
  if (/(?<!\bfrom\s)\b(?:in|across|throughout)\s+(?:(?:more than|over|some|about|nearly|almost|at least)\s+)?$/i.test(sentence.slice(Math.max(0, c.start - 24), c.start))) return { kind: 'territory', label: 'countries it runs in' };
  // "from 19 NATO Allies and partners": everyone taking part, allies and partners together; but "all 29 NATO
  // member nations and its partners, Sweden and Finland" counts the members, the partners come on top.
  const all = /\ball\s+(?:the\s+)?(?:of\s+(?:the\s+)?)?$/i.test(sentence.slice(Math.max(0, c.start - 12), c.start));
  const more = /^\s*,?\s*(?:and\s+(?:their\s+|its\s+)?(?:\w+\s+)?partners?\b|plus\b|as well as\b|along with\b|together with\b)/i.test(sentence.slice(c.end, c.end + 30));
  if (!all && !/\bmember\b/i.test(words) && /^\s+and\s+(?:their\s+|its\s+)?partners?\b/i.test(sentence.slice(c.end, c.end + 20))) return undefined;
  // "the all eight SCO member nations": every member of the bloc that holds the exercise, the whole of it.
  if (all && !more && /\bmember\b/i.test(words)) return undefined;
  const natoExercise = (exercise?.organizer ?? []).some((o) => o === 'org:nato' || o.startsWith('org:nato-'));
  const members = /\bNATO\s+(?:nations|countries|states)\b/.test(words) ||
    (/\b(?:member|members|allies|allied)\b/i.test(words) && (/\bNATO\b|\balliance/i.test(sentence.slice(Math.max(0, c.start - 12), c.end)) || natoExercise));
  if (members) return { kind: 'contingent', of: 'org:nato' };
  const subset = !/\band\s+partner/i.test(words) ? /\b(partner|member|observer|other)\s+(?:nations|countries|states)\b/i.exec(words) : null;
  if (subset) return { kind: 'contingent', label: `${subset[1]!.toLowerCase()} nations` };
  return phaseOfSentence(sentence, c);
}

/** Dates per exercise named in the sentence: each stretch from one mention to the next is read alone. */
function datesByRef(sentence: string, allRefs: Ref[], published: Date | null, named: (id: EntityId) => number | null): DatesMatch[] {
  const out: DatesMatch[] = [];
  // "the Baltic Operations 2023 (BALTOPS 23) exercise": one exercise named twice is one stretch of the sentence.
  const refs = allRefs.filter((r, k) => k === 0 || r.id !== allRefs[k - 1]!.id || r.edition !== allRefs[k - 1]!.edition);
  for (let k = 0; k < refs.length; k++) {
    const from = k === 0 ? 0 : refs[k]!.at;
    const to = k + 1 < refs.length ? refs[k + 1]!.at : sentence.length;
    const d = findDates(sentence.slice(from, to), published, refs[k]!.edition ?? named(refs[k]!.id));
    if (!d) continue;
    // "since the invasion began on 24 February": the date of another event, not the exercise's.
    const lead = sentence.slice(Math.max(from, d.start + from - 60), d.start + from);
    if (OTHER_EVENT.test(lead) && !EXERCISE_WORDS.test(lead.slice(lead.search(OTHER_EVENT)))) continue;
    out.push({ ...d, start: d.start + from, end: d.end + from });
  }
  return out;
}

/** The clause around an offset: between commas, semicolons, dashes and clause words. */
function clauseOf(sentence: string, at: number): string {
  const before = sentence.slice(0, at);
  const start = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—'), before.lastIndexOf(' – '), -1) + 1;
  const rest = sentence.slice(at);
  const stop = rest.search(/[,;—]|\s–\s/);
  return sentence.slice(start, stop < 0 ? sentence.length : at + stop);
}

/** Clause delimiters: a figure in "X said 12,700, while Western officials expect 100,000" belongs to its own half. */
const CLAUSE = /;|\s(?:while|whereas|but|although|though)\s|\s[—–]\s/g;

function clauseAround(sentence: string, span: Span): Span {
  let start = 0;
  let end = sentence.length;
  CLAUSE.lastIndex = 0;
  for (let m = CLAUSE.exec(sentence); m; m = CLAUSE.exec(sentence)) {
    if (m.index + m[0].length <= span.start) start = m.index + m[0].length;
    else if (m.index >= span.end) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

/**
 * A figure written next to another edition's year belongs to that edition: "13,000 in 2009",
 * "the 2013 drills involved 22,000". Undefined when none is, null when the figure is of an earlier,
 * unnamed edition ("the previous exercise", "four years ago").
 */
const NEAR_YEAR = /\b(?:in|during|since|of|from)\s+((?:19|20)\d\d)\b(?![,\d])|\b((?:19|20)\d\d)(?:[’']s)?\s+(?:edition|exercise|drills?|iteration|version|war ?games|maneuvers|manoeuvres)\b|[-–\s]((?:19|20)\d\d)\b(?=\s*[,;:)]|\s+(?:involved|saw|had|drew|brought|featured|included|gathered))|[A-Za-z]((?:19|20)\d\d)\b/g;
const COMPARED = /\b(?:than|compared (?:to|with)|up from|down from|double|doubled|doubling|twice|triple|tripled|half|in contrast|versus|matching|similar to|comparable (?:to|with)|same as|in line with|on (?:a )?par with)\b/i;
const LIKE_BEFORE = /\b(?:matching|similar to|comparable (?:to|with)|same as|in line with|on (?:a )?par with|equal to|as)\s+$/i;
const RELATIVE_NEAR = /\b(last|previous|past|this|next|coming)\s+year(?:[’']s)?\b/gi;
const EARLIER = /\b(?:previous|last|prior|earlier|preceding)\s+(?:edition|exercise|drills?|iteration|one|time)\b|\byears? ago\b|\bin the past\b/i;

function otherEdition(sentence: string, span: Span, current: number | null, published: number | null = null): number | null | undefined {
  const from = Math.max(0, span.start - 40);
  const window = sentence.slice(from, Math.min(sentence.length, span.end + 30));
  // The year written nearest the figure decides: "Zapad-2013 brings 350 vehicles, up from Zapad2009, which involved 200".
  let best: { year: number; distance: number } | null = null;
  const consider = (year: number, at: number, end: number): void => {
    const distance = end <= span.start - from ? span.start - from - end : Math.max(0, at - (span.end - from));
    if (!best || distance < best.distance) best = { year, distance };
  };
  NEAR_YEAR.lastIndex = 0;
  for (let m = NEAR_YEAR.exec(window); m; m = NEAR_YEAR.exec(window)) consider(Number(m[1] ?? m[2] ?? m[3] ?? m[4]), m.index, m.index + m[0].length);
  if (current !== null) for (let at = window.indexOf(String(current)); at >= 0; at = window.indexOf(String(current), at + 4)) consider(current, at, at + 4);
  // "Compared to last year's event, when roughly 2,000 participants...": a relative year near the figure.
  if (published !== null) {
    RELATIVE_NEAR.lastIndex = 0;
    for (let m = RELATIVE_NEAR.exec(window); m; m = RELATIVE_NEAR.exec(window)) {
      // "17,000 troops, matching last year's levels": this year's figure, measured against last year's.
      if (LIKE_BEFORE.test(window.slice(0, m.index))) continue;
      const shift = /last|previous|past/i.test(m[1]!) ? -1 : /next|coming/i.test(m[1]!) ? 1 : 0;
      consider(published + shift, m.index, m.index + m[0].length);
    }
  }
  const nearest = best as { year: number; distance: number } | null;
  if (nearest && nearest.year !== current) return nearest.year;
  if (!nearest && EARLIER.test(window)) return null;
  return undefined;
}

function yearOf(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

/** "The more than 30 participants include the U.S., European Union and Ukraine": the count is of nations. */
function listsCountries(sentence: string, from: number, actors: Actor[]): boolean {
  // "participants include the U.S. and Ukraine" lists countries; "170 participants from 35 allies" counts people.
  const include = /^[^.;]{0,30}?\b(?:include|includes|included|including|such as|among them)\b/i.exec(sentence.slice(from));
  if (!include) return false;
  const at = from + include.index;
  return actors.some((a) => a.start > at && a.form !== 'demonym');
}

function countryOf(id: EntityId, input: ExtractInput): EntityId | undefined {
  if (id.startsWith('country:')) return id;
  return input.entity(id)?.country;
}

/** The one country a previous sentence spoke of ("Personnel from Japan's Defense Ministry ..."). */
function onlyCountry(actors: Mention[], input: ExtractInput): EntityId | undefined {
  const countries = new Set(actors.map((a) => countryOf(a.id, input)).filter((c): c is EntityId => !!c));
  return countries.size === 1 ? [...countries][0] : undefined;
}

interface LocationMatch extends Span {
  value: { type: 'location'; country: EntityId | null; city?: string };
}

/** Places the exercise is held at: "with a command center in Estonia", "in Tartu". */
function findLocations(sentence: string, actors: Actor[], attribution: Span | null, countryOfOrg: (id: EntityId) => EntityId | undefined): LocationMatch[] {
  const out: LocationMatch[] = [];
  const placed = (start: number): boolean => {
    const before = sentence.slice(Math.max(0, start - 50), start);
    if (!LOCATION_BEFORE.test(before) || SPEECH_NEAR.test(before) || (attribution && start >= attribution.start && start < attribution.end)) return false;
    let clause = clauseOf(sentence, start);
    // "will take place in the autumn, mainly in Spain": a narrowing clause takes its cue from the one before.
    if (!PLACE_CUE.test(clause) && NARROWING.test(clause)) {
      const opened = sentence.lastIndexOf(',', start);
      clause = clauseOf(sentence, Math.max(0, opened - 1)) + clause;
    }
    // "the Ministry of Defence in New Delhi", "Gerasimov has been in Minsk": a body's seat or a visit, not the drills' place.
    if (SEAT_OR_VISIT.test(before)) return false;
    // "alarm grows in Poland", "the war on Ukraine": the words just before the place decide.
    // "amid tensions with China over its activities in the South China Sea and in Taiwan": politics, not the drills' place.
    return PLACE_CUE.test(clause) && !NOT_PLACE.test(sentence.slice(Math.max(0, start - 60), start)) && !TENSION.test(sentence.slice(Math.max(0, start - 90), start).split(/[,;]/).pop()!);
  };
  for (const p of findPlaces(sentence)) {
    if (!placed(p.start)) continue;
    // "Tallinn, the capital of Estonia": one place, the country repeats it.
    const country = actors.find((a) => a.type === 'country' && a.start >= p.end && a.start - p.end <= 30 && a.id === p.country);
    out.push({ start: p.start, end: country ? country.end : p.end, value: { type: 'location', country: p.country, city: p.name } });
  }
  // A military district is a region of its country: "across Belarus and Russia's Western Military District".
  const countries = actors.flatMap((a): Actor[] => {
    if (a.type === 'country') return a.form === 'demonym' ? [] : [a];
    const country = a.id.includes('military-district') ? countryOfOrg(a.id) : undefined;
    return country ? [{ ...a, id: country, type: 'country' }] : [];
  });
  for (let k = 0; k < countries.length; k++) {
    const a = countries[k]!;
    // "Russia's Kaliningrad Oblast", "Russia's Western Military District": the country is the place; "Russia's war" is not.
    const possessive = /^[’']s\b/.test(sentence.slice(a.end));
    if (possessive && !PLACE_AFTER_POSSESSIVE.test(sentence.slice(a.end))) continue;
    if (out.some((o) => a.start < o.end && a.end > o.start) || !placed(a.start)) continue;
    // "in an area near Kazakhstan": close to a country is outside it.
    if (/\bnear\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, a.start - 12), a.start))) continue;
    out.push({ start: a.start, end: a.end, value: { type: 'location', country: a.id } });
    // "in Bulgaria, Hungary, and Romania": the list the preposition opens; "in Norway and the nearby seas,
    // including Iceland and the airspace of Finland": the places it goes on to name.
    for (let j = k + 1; j < countries.length; j++) {
      const gap = sentence.slice(countries[j - 1]!.end, countries[j]!.start);
      if (!/^\s*(?:,\s*|,?\s+and\s+|,?\s+as well as\s+)(?:the\s+)?$/i.test(gap) && !PLACE_GAP.test(gap)) break;
      const b = countries[j]!;
      if (!out.some((o) => o.value.country === b.id)) out.push({ start: b.start, end: b.end, value: { type: 'location', country: b.id } });
      k = j;
    }
  }
  return out;
}

/** Between two places of one list: seas, airspace and "including". */
const PLACE_GAP = /^(?:\s*,?\s*(?:and\s+)?(?:the\s+)?(?:(?:surrounding|nearby|adjacent|neighbouring|neighboring)\s+)?(?:seas?|waters|airspace|areas?|regions?|coasts?)(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s*){1,3})?)?\s*,?\s*(?:(?:and|including|as well as)\s+)?(?:(?:the\s+)?(?:airspace|waters|coast|territory)\s+of\s+)?(?:the\s+)?$/;

/** A clause that narrows the place of the clause before it: "mainly in Spain", "including Iceland". */
const NARROWING = /^\s*(?:mainly|mostly|primarily|chiefly|largely|partly|principally|including|as well as|and also)\s+(?:in\s+|at\s+|on\s+)?/i;

/** What makes "Russia's ..." a place: a region, district, coast or territory of it. */
const PLACE_AFTER_POSSESSIVE = /^[’']s\s+(?:[A-Z][\w-]*\s+){0,3}(?:Oblast|Krai|Region|District|Military District|territory|coast|waters|airspace|north|south|east|west|Far East|Arctic)\b/;
