/**
 * What part of an exercise a count is about, and whose figure it is.
 *
 * A reporter writes "12,700 troops, of whom about 3,000 Russian", "5,500 on Russian territory",
 * "the land phase involved 7,000", "below the Vienna Document threshold of 13,000": only the first
 * figure is the exercise's total. Comparing a part with a total is the commonest false conflict,
 * so every count gets a scope here, and `compare.ts` only compares figures of the same scope.
 *
 * Stance: a defence ministry giving the size of its own exercise is the official figure; "Western
 * officials expect up to 100,000" is an estimate by others. Both are true reports of different claims.
 */
import type { Entity, EntityId, Scope, Stance } from '../types';
import type { CountMatch } from './numbers';
import type { Actor } from './roles';
import type { Span } from './types';

const THRESHOLD = /\b(?:thresholds?|limits?|ceilings?|caps?|above which|beyond which|requires? (?:the )?(?:notification|observers)|notif(?:y|ication)|Vienna Document|mandatory (?:observation|notification))\b/i;
const PHASE = /\b((?:first|second|third|final|last|main|active|initial|opening|closing|land|naval|maritime|sea|air|ground|cyber|amphibious|live[- ]fire|command[- ]post|computer[- ]assisted|field|practical|strategic|defensive|offensive)\s+(?:exercise\s+)?(?:phase|stage|part|portion|segment|component|leg))\b/i;
/** A sentence that opens on a phase speaks of it throughout. */
const PHASE_SUBJECT = /^\s*(?:the\s+)?((?:main|active|first|second|final|practical|live|field)\s+(?:exercise\s+)?(?:phase|stage))\b/i;
/** Words between a count and the place that make the place the count's ("3,000 deployed to Belarus"). */
const PLACE_AFTER = /^[\s,]*(?:(?:of them|of whom|will be|are|were|to be|being|would be|troops|personnel|soldiers|servicemen)\s+)*(?:deployed|stationed|based|sent|taking part|training|operating)?\s*(?:in|to|on|into|at)\s+(?:the\s+)?(?:territory of\s+)?$/i;
const TERRITORY_BEFORE = /\bon\s+(?:the\s+)?$/i;
const TERRITORY_AFTER = /^\s+(?:territory|soil)\b/i;

export interface ScopeInput {
  sentence: string;
  count: CountMatch;
  /** The count just before this one in the sentence, if any. */
  previous: CountMatch | null;
  /** Countries and organizations named in the sentence, offsets relative to it. */
  actors: Actor[];
  /** The exercise the count is about, when known: its hosts make "troops in Norway" the whole of Trident Juncture. */
  exercise: Entity | undefined;
  countryOf: (id: EntityId) => EntityId | undefined;
}

/** Scope of a count; undefined for the whole exercise. */
export function scopeOfCount(input: ScopeInput): Scope | undefined {
  const { sentence, count, actors } = input;
  const near = sentence.slice(Math.max(0, count.start - 60), Math.min(sentence.length, count.end + 40));
  if (THRESHOLD.test(near)) return { kind: 'threshold', label: thresholdLabel(near) };
  const phase = phaseOfSentence(sentence, count);
  if (phase) return phase;

  const site = siteOf(sentence, count);
  if (site) return { kind: 'territory', label: site };
  // "roughly 2,000 paratroopers": one group of those taking part, not all of them; "13,000 reservists,
  // volunteers, conscripts and allied soldiers" names every group: the whole exercise.
  if (COMPONENT_NOUN.test(count.noun) && !KINDS_LIST_AFTER.test(sentence.slice(count.end))) return { kind: 'contingent', label: count.noun };
  // "about 14,000 ground forces, 8,000 naval forces": one service's share.
  const service = /\b(land|ground|air|naval|sea|maritime|special operations)\s+forces$/i.exec(sentence.slice(count.start, count.end));
  if (count.noun === 'forces' && service) return { kind: 'contingent', label: `${service[1]!.toLowerCase()} forces` };
  // "China sent 900 combat vehicles and 30 aircraft", "...21 planes and three ships were sent by China": the sender's contingent.
  const sender = senderOf(input) ?? passiveSenderOf(input) ?? respectiveOf(input);
  if (sender) return { kind: 'contingent', of: sender };
  // "No more than 1,000 foreign troops": the guests' share.
  if (/\bforeign\b/i.test(sentence.slice(count.start, count.end))) return { kind: 'contingent', label: 'foreign troops' };
  // "14,000 of the approximately 30,000 soldiers", "the remaining 8,000": a share of a figure.
  if (/^\s+(?:of|out of)\s+(?:the|a|an)?\s*(?:approximately|about|some|around|nearly|almost|over|more than)?\s*\d/i.test(sentence.slice(count.end, count.end + 40)) || /\bremaining\s+$/i.test(sentence.slice(Math.max(0, count.start - 12), count.start))) {
    return { kind: 'contingent', label: 'part of a larger figure' };
  }

  const inside = actors.filter((a) => a.start >= count.start && a.end <= count.end + 1);
  const insideCountries = new Set(inside.map((a) => input.countryOf(a.id)).filter((c): c is EntityId => !!c));
  const territory = territoryOf(input);
  if (territory) return territory;
  // "28,000 U.S., allied and partner forces": everyone, not one country's share.
  // "8,600 U.S. and European troops": a country and a region's forces together.
  if (/\b(?:allied|partner|multinational|international|coalition|NATO|European|Asian|African|Nordic|Baltic|Western|other)\b/i.test(sentence.slice(count.start, count.end))) return undefined;
  if (insideCountries.size === 1) {
    // "300,000 Russian troops" in Vostok is Russia's share, beside 3,200 Chinese: a contingent even of the host.
    return { kind: 'contingent', of: [...insideCountries][0]! };
  }
  if (insideCountries.size > 1) return undefined;
  // "20 people from Japan's Ministry of Defense".
  // "180 personnel are participating from India".
  const from = actors.find((a) => a.start >= count.end && FROM_AFTER.test(sentence.slice(count.end, a.start)));
  // "from China, India and several other countries" is everyone, not one contingent.
  // A list of bodies of one country ("from Japan's Defense Ministry and the Self-Defense Forces") is still that country.
  const fromCountry = from ? input.countryOf(from.id) : undefined;
  const others = from ? actors.filter((a) => a.start > from.end && a.start - from.end <= 40 && /^[\s,]*(?:and|or)?\s*(?:the\s+)?$/i.test(sentence.slice(from.end, a.start))) : [];
  const listed = from ? /^\s*(?:,|and\b|or\b)/i.test(sentence.slice(from.end)) && (others.some((a) => { const c = input.countryOf(a.id); return a.type === 'country' ? c !== fromCountry : !!c && c !== fromCountry; }) || /^\s*(?:,|and)\s+(?:several|many|other|more)\b/i.test(sentence.slice(from.end))) : false;
  if (fromCountry && !listed) return { kind: 'contingent', of: fromCountry };
  // "The Swedish Armed Forces said 4,500 personnel from its air force, army and navy": the speaker's own share.
  if (/^\s+(?:from|of)\s+(?:its|their)\b/i.test(sentence.slice(count.end, count.end + 12))) {
    const speaker = actors.filter((a) => a.end <= count.start).map((a) => input.countryOf(a.id)).find((c): c is EntityId => !!c);
    if (speaker) return { kind: 'contingent', of: speaker };
  }
  // "of whom 3,000 Russian": a demonym right after a noun-less share.
  // "of which 2,500 will be Russian": the demonym as the share's predicate.
  const after = actors.find((a) => a.start >= count.end && (a.start - count.end <= 2 || /^\s+(?:(?:will|would|are|were|is|was)\s+(?:be\s+)?|being\s+)$/i.test(sentence.slice(count.end, a.start))));
  const afterCountry = after && after.form === 'demonym' ? input.countryOf(after.id) : undefined;
  if (count.part && afterCountry) return { kind: 'contingent', of: afterCountry };
  if (count.part) return { kind: 'contingent', label: 'part of a larger figure' };
  return undefined;
}

const COMPONENT_NOUN = /^(?:paratroopers|commandos|engineers|medics|cadets|snipers|reservists|conscripts)$/;
/** A list of further kinds of personnel after the count's noun: ", volunteers, conscripts and allied soldiers". */
const KINDS_LIST_AFTER = /^\s*,\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+\s*(?:,|\band\b|\bas well as\b)/i;
const FROM_AFTER = /^\s+(?:(?:are|is|were|was|will be|have been|has been)\s+)?(?:(?:participating|taking part|coming|drawn|deployed|sent)\s+)?from\s+(?:the\s+)?$/i;
const SITE = /\b(?:at|in)\s+(?:the\s+)?((?:[A-Z][\w’'-]+\s+){1,3}(?:Airbase|Air Base|Air Station|Base|Airfield|Range|Training Area|Training Ground|Barracks|Camp|Naval Station))\b/;
const SENDING = /^\s*(?:has\s+|have\s+|will\s+|is\s+|are\s+|to\s+)?(?:be\s+|been\s+)?(?:sent|sends|send|sending|contributed|contributes|contributing|dispatched|dispatches|deployed|deploys|deploying|brought|brings|bring|will bring|provided|provides|supplied|supplies|supplying|committed|commits)(?:\s+out)?\s+(?:up to\s+|about\s+|some\s+|around\s+|more than\s+|nearly\s+|almost\s+|over\s+)?$/i;

/** A named site the count is at: "3,000 troops at Curtin Airbase", "at Curtin Airbase near Derby, where 3,000 troops were deployed". */
function siteOf(sentence: string, count: CountMatch): string | undefined {
  const m = SITE.exec(sentence);
  if (!m) return undefined;
  const at = m.index;
  const end = at + m[0].length;
  if (at >= count.end && at - count.end <= 40 && /^[\s\w]*$/.test(sentence.slice(count.end, at))) return m[1]!.trim();
  if (end <= count.start && /,\s*where\b/i.test(sentence.slice(end, count.start))) return m[1]!.trim();
  return undefined;
}

const PASSIVE_SENDING = /^[^.;]{0,120}?\b(?:were|was|are|is|will be|have been|had been)\s+(?:sent|contributed|deployed|provided|supplied|dispatched|brought)\s+by\s+(?:the\s+)?$/i;

/** "... 21 planes and helicopters, and three ships were sent by China": the agent after the list. */
function passiveSenderOf({ sentence, count, actors, countryOf }: ScopeInput): EntityId | undefined {
  for (const a of actors) {
    if (a.start < count.end) continue;
    if (PASSIVE_SENDING.test(sentence.slice(count.end, a.start))) return countryOf(a.id);
  }
  return undefined;
}

/** The country whose sending verb governs the count: "China sent 900 combat vehicles". */
function senderOf({ sentence, count, actors, countryOf, previous, exercise }: ScopeInput): EntityId | undefined {
  // A host "deploying" troops in its own exercise gives the exercise's size ("Russia deployed 60,000 troops
  // in Zapad-2017"); what any country sends, supplies or brings is its share.
  const hosts = new Set([...(exercise?.host ?? []), ...(exercise?.organizer ?? []).map((o) => countryOf(o) ?? o)]);
  const clauseStart = Math.max(sentence.lastIndexOf(';', count.start), sentence.lastIndexOf('.', count.start), 0);
  for (let k = actors.length - 1; k >= 0; k--) {
    const a = actors[k]!;
    if (a.end > count.start || a.start < clauseStart) continue;
    if (a.type !== 'country' && !countryOf(a.id)) continue;
    // The verb right after the actor and right before this count, or before the first count of its list.
    const head = count.listed && previous ? previous.start : count.start;
    const country = countryOf(a.id);
    const verb = sentence.slice(a.end, head);
    if (!country || !SENDING.test(verb)) return undefined;
    if (!hosts.has(country) || !/\bdeploy/i.test(verb)) return country;
    // ...unless it deploys them to another country: "the United States is deploying 9,000 troops to the Philippines".
    const abroad = actors.some((b) => b.start >= count.end && b.start - count.end <= 40 && /^\s+(?:to|into)\s+(?:the\s+)?$/i.test(sentence.slice(count.end, b.start)) && !!countryOf(b.id) && countryOf(b.id) !== country);
    return abroad ? country : undefined;
  }
  return undefined;
}

/**
 * "Russia has sent 177 soldiers, with China and India 700 and 200 respectively": the figures of a list
 * given "respectively" belong, in order, to the countries listed just before them.
 */
function respectiveOf({ sentence, count, actors, countryOf }: ScopeInput): EntityId | undefined {
  const tail = /^[^.;]{0,60}?\brespectively\b/i.exec(sentence.slice(count.end));
  if (!tail) return undefined;
  // The countries right before the first figure of the list, joined by commas and "and".
  const before = actors.filter((a) => a.end <= count.start && !!countryOf(a.id));
  const last = before[before.length - 1];
  if (!last) return undefined;
  const figures = sentence.slice(last.end, count.end + tail[0].length);
  if (!/^\s*,?\s*(?:with\s+|and\s+)?[\d\s,.]*(?:and\s+[\d,.]+\s*)?/.test(sentence.slice(last.end, count.start))) return undefined;
  if (/[A-Za-z]{3,}/.test(sentence.slice(last.end, count.start).replace(/\b(?:and|with)\b/g, ''))) return undefined;
  const numbers = [...figures.matchAll(/\d[\d,.]*/g)].map((m) => last.end + m.index);
  const listed: Actor[] = [last];
  for (let k = before.length - 2; k >= 0; k--) {
    if (!/^\s*(?:,|,?\s*and)\s*(?:the\s+)?$/i.test(sentence.slice(before[k]!.end, listed[0]!.start))) break;
    listed.unshift(before[k]!);
  }
  const index = numbers.indexOf(count.start) >= 0 ? numbers.indexOf(count.start) : numbers.findIndex((n) => n >= count.start && n < count.end);
  if (index < 0 || numbers.length !== listed.length) return undefined;
  return countryOf(listed[index]!.id);
}

/**
 * The phase a figure belongs to: named in its own clause ("the land phase involved 7,000"), or as the
 * subject the sentence opens with ("The main exercise phase is from 2 to 9 March, and 15,000 soldiers...").
 */
export function phaseOfSentence(sentence: string, count: Span): Scope | undefined {
  const clauseStart = Math.max(sentence.lastIndexOf(',', count.start), sentence.lastIndexOf(';', count.start), 0);
  // The clause runs to its next comma or semicolon: "1,100 soldiers jumped into Hohenfels to initiate the second phase".
  const rest = sentence.slice(count.end, count.end + 140).search(/[,;]/);
  const clauseEnd = count.end + Math.max(60, rest < 0 ? 140 : rest);
  const phase = PHASE.exec(sentence.slice(clauseStart, clauseEnd)) ?? PHASE_SUBJECT.exec(sentence.slice(0, count.start));
  return phase ? { kind: 'phase', label: phase[1]!.toLowerCase().replace(/\s+/g, ' ') } : undefined;
}

function thresholdLabel(near: string): string {
  return /Vienna Document/i.test(near) ? 'Vienna Document threshold' : 'a limit or threshold';
}

/** "5,500 on Russian territory", "3,000 of them deployed to Belarus", "including 2,000 in Iceland". */
function territoryOf({ sentence, count, actors, exercise, countryOf }: ScopeInput): Scope | undefined {
  for (const a of actors) {
    if (a.start < count.end || a.start - count.end > 60) continue;
    const country = countryOf(a.id);
    if (!country) continue;
    const between = sentence.slice(count.end, a.start);
    const onTerritory = a.form === 'demonym' ? TERRITORY_BEFORE.test(between) && TERRITORY_AFTER.test(sentence.slice(a.end)) : PLACE_AFTER.test(between);
    if (!onTerritory) continue;
    // The only host of the exercise: troops "in Norway" are all of Trident Juncture's troops.
    const hosts = exercise?.host ?? [];
    if (!count.part && hosts.length === 1 && hosts[0] === country) return undefined;
    // "in Belarus and Russia": the whole exercise again.
    const rest = sentence.slice(a.end, a.end + 30);
    if (/^\s+and\s+/i.test(rest) && actors.some((b) => b.start > a.end && b.start - a.end <= 30 && countryOf(b.id) && countryOf(b.id) !== country)) return undefined;
    return { kind: 'territory', of: country };
  }
  return undefined;
}

const ESTIMATE = /\b(?:estimat\w*|expect\w*|predict\w*|believ\w*|fear\w*|suspect\w*|assess\w*|speculat\w*|could (?:involve|reach|number|be)|may (?:involve|reach|be)|might|as many as|closer to|in reality|actually|analysts?|experts?|Western|intelligence)\b/i;
const OFFICIAL_WORDS = /\b(?:ministry|ministries|minister|general staff|armed forces|army|navy|air force|command|headquarters|spokes\w*|official figures?|officially|organi[sz]ers|press service|government)\b/i;

export interface StanceInput {
  sentence: string;
  /** The attribution span in the sentence ("the Russian Defence Ministry said"), if any. */
  attribution: (Span & { speaker: string }) | null;
  actors: Actor[];
  exercise: Entity | undefined;
  entity: (id: EntityId) => Entity | undefined;
  countryOf: (id: EntityId) => EntityId | undefined;
}

/**
 * Whose figure a sentence gives: `official` when the organisers (or the hosts' ministries and forces)
 * give it, `estimate` when others estimate or expect it; null when the sentence does not say.
 */
export function stanceOf({ sentence, attribution, actors, exercise, entity, countryOf }: StanceInput): Stance | null {
  const speakerActors = attribution ? actors.filter((a) => a.start >= attribution.start && a.end <= attribution.end) : [];
  const insiders = new Set<EntityId>([...(exercise?.organizer ?? []), ...(exercise?.host ?? [])]);
  const insiderCountries = new Set([...insiders].map((id) => countryOf(id) ?? id));
  const isInsider = (id: EntityId): boolean => {
    if (insiders.has(id)) return true;
    const e = entity(id);
    if (e?.parent && insiders.has(e.parent)) return true;
    const c = countryOf(id);
    // A host country's own ministries and forces speak for it; its media and think tanks do not.
    return !!c && insiderCountries.has(c) && (id.startsWith('country:') || !!e?.role);
  };
  const insiderSpeaks = speakerActors.some((a) => isInsider(a.id));
  const outsiderSpeaks = speakerActors.some((a) => !isInsider(a.id));
  if (ESTIMATE.test(sentence) && !insiderSpeaks) return 'estimate';
  if (insiderSpeaks && !outsiderSpeaks) return 'official';
  // Someone else sizing the organisers' exercise ("NATO said 60,000 to 70,000 took part in Zapad") gives an estimate.
  if (outsiderSpeaks && !insiderSpeaks && exercise && insiders.size) return 'estimate';
  if (attribution && !speakerActors.length && OFFICIAL_WORDS.test(attribution.speaker) && !/\b(?:western|foreign|nato|us|u\.s\.|american)\b/i.test(attribution.speaker)) return 'official';
  if (outsiderSpeaks && ESTIMATE.test(sentence)) return 'estimate';
  return null;
}

/** The stance an attribution's own words show ("Western estimates", "NATO officials expect"), for claims stored without one. */
export function attributionStance(attribution: string | null | undefined): Stance | null {
  if (!attribution) return null;
  if (ESTIMATE.test(attribution)) return 'estimate';
  return OFFICIAL_WORDS.test(attribution) ? 'official' : null;
}
