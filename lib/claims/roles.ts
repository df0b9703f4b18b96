/**
 * A country's or organization's part in an exercise: "Japan became a full-fledged participant",
 * "an observer from 2015 to 2018", "hosted by Estonia", "participants include the U.S. and Ukraine".
 */
import type { Mention, Role } from '../types';
import type { Span } from './types';

export interface RoleMatch extends Span {
  entity: string;
  role: Role;
  /** End of the word that states the role; years attach to the nearest such word. */
  wordEnd: number;
  from?: number;
  to?: number;
}

/** Country and organization mentions with offsets relative to the sentence. */
export type Actor = Pick<Mention, 'id' | 'type' | 'form' | 'start' | 'end'>;

const ROLE_WORD: Record<string, Role> = {
  observer: 'observer', participant: 'participant', partner: 'partner', host: 'host', organizer: 'organizer', organiser: 'organizer',
};
// "as an observer", "a full-fledged participant", "observer status", "the host nation".
const STATUS = /\b(?:(?:as|an?|its|the|full(?:-fledged)?|formal|official|regular|active)\s+(?:[\w-]+\s+)?(observer|participant|partner|host|organi[sz]er)\b(?![-\w])|(observer|participant|partner)\s+status|(?:as|is|became|becomes|was|remains|has been)\s+(?:an?\s+)?(observer|participant|partner)\s+(?:state|nation|country|member)\b(?!s))/gi;
// Verbs whose subject is the actor right before them: "Japan joined", "Estonia hosts".
const VERB = /\b(took part|take part|takes part|taking part|participated|participates|will participate|participate|joined|joins|will join|co-host(?:s|ed|ing)?|hosted|hosts|will host|is hosting|organi[sz]ed|organi[sz]es|conducted|conducts|led|leads|(?:[’']s|s)?\s*(?:first\s+|full\s+|formal\s+)?participation)\b/gi;
const RANK_AFTER = /^\s+(?:Vice|Rear|Adm\.?|Admiral|Gen\.?|General|Lt\.?|Lieutenant|Col\.?|Colonel|Maj\.?|Major|Capt\.?|Captain|Cmdr\.?|Commander|Brig\.?|Brigadier|Secretary|Minister|President|Ambassador)\b/;
const BY = /\b(hosted|organi[sz]ed|led|conducted|run) by\s+(?:the\s+)?$/i;
const NEGATION = /\b(?:not|never|no longer|nor|n[’']t)\b[^.,;]{0,25}$/i;
const INCLUDE = /\b(?:include|includes|included|including|such as|among them)\b/gi;
// The group must be the exercise's: "participants include", "nations taking part include"; not "allies including Poland".
// "all OSCE participating States, including Russia": the OSCE's word for its members, not the exercise's.
const GROUP_BEFORE_INCLUDE = /\b(?:participants|(?<!\bOSCE\s)participating\s+(?:countries|nations|states|navies|forces)|(?:countries|nations|states|allies|partners|navies|militaries|forces)\b[^.;]{0,40}?\b(?:taking part|participat\w*|take part|took part|involved|joined|joining|in the (?:exercise|drills?)))\b[^.;]{0,40}$/i;
/** What may stand between two items of a list of participants: separators and a few labels. */
const LIST_GAP = /^[\s,]*(?:and\s+|as well as\s+)?(?:the\s+)?(?:(?:newest|new|ally|allies|partner|partners|nations?|countries|member|members|states|host)\s+){0,3}$/i;
const YEARS = /\b(?:(?:from|between)\s+((?:19|20)\d\d)\s+(?:to|and|until|till)\s+((?:19|20)\d\d)|((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)|since\s+((?:19|20)\d\d)|in\s+((?:19|20)\d\d))\b/gi;

function verbRole(verb: string): Role {
  const v = verb.toLowerCase();
  if (v.includes('host')) return 'host';
  if (/organi|conduct|led|lead/.test(v)) return 'organizer';
  return 'participant';
}

/** The actor closest before `offset` in the same clause, within `reach` characters. */
function actorBefore(actors: Actor[], sentence: string, offset: number, reach: number): Actor | undefined {
  let best: Actor | undefined;
  for (const a of actors) if (a.end <= offset && offset - a.end <= reach) best = a;
  if (best && /[;:]/.test(sentence.slice(best.end, offset))) return undefined;
  return best;
}

/** A relative clause set off after the subject, then only auxiliaries before the verb. */
const ASIDE = /,\s*(?:(?:both|neither|all|each)\s+of\s+(?:which|whom|them)|which|who)\s+(?!(?:the|a|an)\s)[^;:,]{0,100},?(?:\s+(?:has|have|had|also|will|would|is|are|was|were|been))*\s*$/i;
/** Between a subject and its verb: auxiliaries, after "and a few other countries" closing the subject's list. */
const SUBJECT_END = /^(?:\s*,?\s*(?:and|as well as|along with)\s+(?:(?:a few|several|some|many|more than \d+|\d+|two|three|four|five)\s+)?(?:other\s+)?(?:countries|nations|states))?(?:\s+(?:has|have|had|also|will|has also|have also|is|are|was|were|would|been|has been|formally|officially))*\s*$/i;

/** The actors that are the subject of a verb at `offset`: the one right before it and those listed with it. */
function listBefore(actors: Actor[], sentence: string, offset: number): Actor[] {
  const direct = listEndingAt(actors, sentence, offset);
  // An aside between the subject and its verb: "Sweden and Finland, which stay outside the alliance, will also
  // participate"; a name inside the aside ("both of which are not members of NATO will") is not the subject.
  const aside = ASIDE.exec(sentence.slice(0, offset));
  // "which the 6th Fleet is co-hosting", "which Russia hosts": the aside's own subject is named, it is not an aside on ours.
  if (aside && /^[A-Z]/.test(/(?:which|whom|them|who)\s+(\S*)/i.exec(aside[0])![1]!)) return direct;
  if (!aside || direct.length && direct[0]!.start < aside.index) return direct;
  const outer = listEndingAt(actors, sentence, aside.index);
  return outer.length ? outer : direct;
}

function listEndingAt(actors: Actor[], sentence: string, offset: number): Actor[] {
  const out: Actor[] = [];
  let edge = offset;
  for (let k = actors.length - 1; k >= 0; k--) {
    const a = actors[k]!;
    if (a.end > edge) continue;
    const gap = sentence.slice(a.end, edge);
    if (!(out.length ? /^[\s,]*(?:and\s+|as well as\s+|along with\s+|together with\s+)?(?:the\s+)?$/i : SUBJECT_END).test(gap)) break;
    out.unshift(a);
    edge = a.start;
  }
  // "withdrew its troops from Afghanistan, India along with China will take part": the country troops left
  // ends the clause before the subject; it is not the subject's first item.
  while (out.length > 1 && WITHDRAWN.test(sentence.slice(Math.max(0, out[0]!.start - 60), out[0]!.start)) &&
    /^\s*,/.test(sentence.slice(out[0]!.end, out[1]!.start))) out.shift();
  return out;
}

/** Forces a country sends: "Belarusian and Russian troops", "Chinese warships". */
const FORCE_NOUN = /^(?:[\s,-]+(?:and|naval|air|ground|land|armed|military|special|airborne|marine|combat|defence|defense|[A-Z][a-z]+(?:ian|ese|ish|an))?)*\s*(?:troops|forces|servicemen|soldiers|personnel|military|militaries|army|armies|navy|navies|warships|ships|sailors|marines|paratroopers|units|contingent|jets|warplanes|aircraft|air forces)\b/;
/** Words that start an exercise: their subjects take part in it ("Russia and Belarus launched the drills"). */
const LAUNCH = /\b(?:launched|launch|launches|began|begin|begins|started|start|starts|kicked off|kick off|kicks off|held|hold|holds|are holding|staged|stage|stages|opened|open|opens|wrapped up|concluded)\b/gi;
/** "the armed forces of Belarus and Russia", "troops from China, India and Laos", "between the armies of A and B". */
const WITHDRAWN = /\b(?:withdr[ae]w\w*|withdrawing|pull(?:ed|s|ing)?\s+(?:out\s+)?|evacuat\w*|remov\w*)\s+(?:(?:its|their|the|all|his|her|of)\s+)*[\w-]*\s*(?:troops|forces|soldiers|personnel|units)\s+(?:out\s+)?from\s+(?:the\s+)?$/i;
const FORCES_OF = /\b(?:troops|forces|servicemen|soldiers|personnel|militaries|military|armies|navies|units|contingents|participants|warships|ships|delegations|officers|commanders|crews|sailors|airmen|marines|experts|specialists|teams|defenders)\s+(?:(?:come|came|comes|coming|will come|are|were|arrived|arrive)\s+)?(?:of|from)\s+(?:the\s+)?$/i;
/** A list announced as the participants: "the following nations participate in Cold Response: Belgium, ...", "those partner nations are Australia, ...". */
const LIST_HEAD = /\b((?:partner|participating|contributing)\s+(?:nations|countries|states))\s+(?:are|were|include[sd]?|including)\s*:?\s*(?:the\s+)?$|\b(?:nations|countries|states)\s+(?:sending|that send|which send|contributing)\b[^.;:]{0,50}?\b(?:participate|take part)(?:\s+in\b[^.;:]{1,40}?)?\s+(?:are|were|include[sd]?)\s*:?\s*(?:the\s+)?$|\b(?:nations|countries|states)\s+(?:participating|taking part|involved)\s+(?:are|were|include[sd]?)\s*:?\s*(?:the\s+)?$|\b(nations|countries|participants|allies)\b[^.;:]{0,60}?\b(?:participate|participating|taking part|take part)\b[^.;:]{0,40}:\s*(?:the\s+)?$/i;
/** "tension between China and its neighbours", "ties between Beijing and Manila": politics, not who drills together. */
const POLITICS_BETWEEN = /\b(?:tensions?|ties|relations|relationship|conflicts?|disputes?|war|talks|rivalry|friction|stand-?off|confrontations?|agreements?|treaty|border|differences)\s+between\s+(?:the\s+)?$/i;
const BETWEEN = /\b(?:between|involving|involves|involved|with the participation of|together with|alongside|joined by|brings together|bringing together|brought together|gathers|gathering)\s+(?:the\s+)?(?:(?:armed\s+)?forces\s+of\s+(?:the\s+)?|(?:troops|forces|navies|militaries|units|personnel)\s+(?:of|from)\s+(?:the\s+)?)?$/i;
/** "also attended as observers", "will act as observers", "will observe the exercise": the subjects observe. */
const OBSERVERS_FROM = /\b(?:observers?|observer (?:nations|countries|states|delegations?))\s+(?:(?:will|would|are|were|have|has|had)\s+(?:be\s+|been\s+)?)?(?:(?:coming|arriving|drawn|invited|sent|attending|taking part)\s+)?from\s+(?:the\s+)?$/i;
const OBSERVE = /\b(?:(?:attend|attends|attended|attending)\s+(?:[^\s.,;:]+\s+){0,5}?as\s+(?:an?\s+)?observers?|(?:act|acts|acted|acting|serve|serves|served|serving|be present|were present|was present)\s+as\s+(?:an?\s+)?observers?|observe|observes|observed|will observe)\b/gi;
/** Who stands before such a verb: "Representatives of A, B and C", "delegations from A and B". */
const ENVOYS_OF = /\b(?:representatives|delegations?|officers|officials|envoys|observers|military attach[eé]s)\s+(?:of|from)\s+(?:the\s+)?$/i;
/** A country sending its forces or observers: "Mongolia has also sent a military contingent", "China will contribute 3,200 troops". */
const SEND = /\b(?:sent|sends|send|sending|dispatched|dispatches|contributed|contributes|contribute|contributing|deployed|deploys|deploy|mobili[sz]ed|mobili[sz]es|mobili[sz]e)\b/gi;
const SENT_OBJECT = /^\s+(?:(?:a|an|its|their|some|about|around|nearly|almost|roughly|approximately|up to|more than|over|between|and|to|only|just|small|large|sizeable|military|naval|air|army|ground|combat|[\d.,]+|thousands|hundreds|dozens|of)\s+){0,6}(observers?|contingents?|troops|forces|soldiers|servicemen|personnel|warships|ships|vessels|aircraft|jets|helicopters|units|delegations?|sailors|marines|paratroopers|tanks)\b/i;
/**
 * People from a group of nations, then the nations named: "troops from 31 nations, including the 29 allies,
 * Finland and Sweden", "representatives from partner nations Austria and Ireland", "units from all 31 NATO
 * member countries plus Sweden".
 */
const FROM_NATIONS = /\b(?:troops|forces|servicemen|soldiers|personnel|sailors|airmen|marines|participants|defenders|experts|specialists|teams|units|representatives|delegations|militaries|navies|warships|ships|aircraft)\s+(?:of|from)\s+(?:(?:some|about|around|nearly|almost|more than|over|all|the)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|several|many)?\s*(?:[\w-]+\s+){0,2}?(?:nations|countries|states|allies)\b(\s*,?\s*(?:including|such as|among them|notably|plus|as well as)\b)?/gi;
/** What may stand between two nations of such a list. */
const NATION_GAP = /^[\s,]*(?:(?:and|plus|as well as)\s+)?(?:the\s+)?(?:(?:newest|new|ally|allies|partner|partners|nations?|countries|member|members|states|host|candidate(?:-member)?|aspirant)\s+){0,3}$/i;
/** A bloc named inside such a list stands for its members: "the 29 NATO allies". */
const BLOC_MEMBERS = /^\s*(?:member\s+(?:countries|states|nations)|members|allies|countries|states|nations)\b/i;
/** The exercise takes place in this sentence: a cue without which a list of nations may be any deployment. */
const EXERCISE_CUE = /\b(?:exercises?|drills?|manoeuvres|maneuvers|war ?games|wargames|participat\w*|take part|took part|taking part|takes part|joined|joining|training|trained)\b/i;
/** "a NATO-led military exercise", "NATO's biggest military exercise". */
const LED_NOUN = /^(?:-led|[’']s)\s+(?:[\w-]+\s+){0,4}?(?:exercises?|drills?|manoeuvres|maneuvers|war ?games|wargames)\b/i;
/** Between the exercise and such a phrase: an apposition or "is a". */
const LED_LINK = /^[^;:]{0,40}?(?:,|\bis|\bwas|\bwill be|\bremains|\bhas been)\s+(?:(?:a|an|the|this)\s+)?$/i;

/** The blocs an exercise is said to belong to. */
const BLOCS = new Set(['org:nato', 'org:csto', 'org:sco', 'org:eu']);
/** "NATO on Wednesday began its biggest military exercise"; not "began its own exercise planning". */
const BLOC_RUNS = /^\s*(?:(?:on\s+\w+day|this week|last week|today|yesterday|again|also)\s+)?(?:launched|launches|began|begins|kicked off|kicks off|started|starts|concluded|concludes|wrapped up|wraps up|held|holds|is holding|conducted|conducts|staged|stages|opened|opens|will launch|would launch)\s+its\s+(?!own\b)(?:[\w-]+\s+){0,5}?(?:exercises?|drills?|manoeuvres|maneuvers|war ?games)\b(?!\s+(?:planning|plans?|schedule|calendar|programme|program)\b)/i;
/** "the NATO cyber exercise, called Cyber Coalition", "the NATO exercise Trident Juncture". */
const BLOC_ATTRIBUTIVE = /^\s+(?:[\w-]+\s+){0,3}?(?:exercise|drills?)\s*,?\s*(?:(?:called|named|dubbed|known as|code-?named)\s+)?(?:the\s+)?$/i;

/** "NATO's Trident Juncture", "the NATO-led exercise". */
const POSSESSIVE = /^(?:[’']s|-led)\b/;

export function findRoles(sentence: string, actors: Actor[], exercises: Span[] = []): RoleMatch[] {
  const out: RoleMatch[] = [];
  const add = (entity: string, role: Role, start: number, end: number, wordEnd: number): void => {
    const same = out.find((r) => r.entity === entity && r.role === role);
    if (same) {
      same.start = Math.min(same.start, start);
      same.end = Math.max(same.end, end);
    } else out.push({ entity, role, start, end, wordEnd });
  };
  const negated = (at: number): boolean => NEGATION.test(sentence.slice(Math.max(0, at - 30), at));

  STATUS.lastIndex = 0;
  for (let m = STATUS.exec(sentence); m; m = STATUS.exec(sentence)) {
    const role = ROLE_WORD[(m[1] ?? m[2] ?? m[3])!.toLowerCase()]!;
    if (negated(m.index)) continue;
    const actor = actorBefore(actors, sentence, m.index, 90);
    // A far subject stays the entity, but the claim's text is the role phrase itself.
    if (actor) add(actor.id, role, m.index - actor.end > 40 ? m.index : actor.start, m.index + m[0].length, m.index + m[0].length);
  }
  VERB.lastIndex = 0;
  for (let m = VERB.exec(sentence); m; m = VERB.exec(sentence)) {
    if (negated(m.index)) continue;
    // The subject sits right before the verb, with at most an auxiliary between: "Sweden and Finland joined".
    const subjects = listBefore(actors, sentence, m.index);
    if (!subjects.length) continue;
    const end = m.index + m[0].length;
    // "took part as an observer", "joined as partners": the noun names the role.
    const as = /^\s+as\s+(?:an?\s+)?(?:full(?:-fledged)?\s+|formal\s+)?(observer|participant|partner)s?\b/i.exec(sentence.slice(end));
    const role = as ? ROLE_WORD[as[1]!.toLowerCase()]! : verbRole(m[1]!);
    const wordEnd = as ? end + as[0].length : end;
    for (const actor of subjects) add(actor.id, role, actor.start, wordEnd, wordEnd);
    // "is co-hosting with the Ukrainian Navy": the partner hosts too.
    if (/^co-host/i.test(m[1]!)) {
      const partner = actors.find((a) => a.start >= end && /^\s+(?:the\s+\w+\s+)?with\s+(?:the\s+)?$/i.test(sentence.slice(end, a.start)));
      if (partner) add(partner.id, 'host', partner.start, partner.end, end);
    }
  }
  for (const a of actors) {
    const by = BY.exec(sentence.slice(Math.max(0, a.start - 40), a.start));
    if (!by || negated(a.start - by[0].length)) continue;
    // "led by U.S. Vice Adm. John Alexander": an officer leads it, the country is his title's.
    if (a.type === 'country' && RANK_AFTER.test(sentence.slice(a.end, a.end + 20))) continue;
    // "hosted by NATO's Cooperative Cyber Defence Centre": the body owned, not its owner, does it.
    const owned = actors.find((b) => b.start > a.end && /^[’']s\s+(?:the\s+)?$/.test(sentence.slice(a.end, b.start)));
    const doer = owned ?? a;
    add(doer.id, verbRole(by[1]!), a.start - by[0].length, doer.end, a.start);
  }
  INCLUDE.lastIndex = 0;
  for (let m = INCLUDE.exec(sentence); m; m = INCLUDE.exec(sentence)) {
    if (!GROUP_BEFORE_INCLUDE.test(sentence.slice(0, m.index))) continue;
    // The listed actors run until the clause ends.
    const stop = sentence.slice(m.index + m[0].length).search(/[;:]|(?<![A-Z])\.(?=\s|$)|\b(?:participated|took part|joined|were|are|will|have)\b/);
    const end = stop < 0 ? sentence.length : m.index + m[0].length + stop;
    // Only the actors listed right after the word: "include the U.S., European Union and Ukraine".
    let cursor = m.index + m[0].length;
    let role: Role = 'participant';
    for (const a of actors) {
      if (a.start < cursor || a.start >= end) continue;
      // "the newest ally Finland, Partner Nations Sweden, Georgia": labels inside the list, the role they name carries on.
      const gap = LIST_GAP.exec(sentence.slice(cursor, a.start));
      if (!gap) break;
      if (/\bpartner/i.test(gap[0])) role = 'partner';
      cursor = a.end;
      if (a.form === 'demonym' || /^\s*(?:member|countries|allies|states|nations)\b/i.test(sentence.slice(a.end))) continue;
      add(a.id, role, a.start, a.end, a.end);
    }
  }
  // Forces a country sends to the exercise, and the lists they come in.
  const listFrom = (k: number): Actor[] => {
    const list = [actors[k]!];
    for (let j = k + 1; j < actors.length; j++) {
      const prev = list[list.length - 1]!;
      const gap = sentence.slice(prev.end, actors[j]!.start);
      // "Russian-Belarusian": two demonyms joined by a hyphen are a list too.
      const hyphened = gap === '-' && prev.form === 'demonym' && actors[j]!.form === 'demonym';
      if (!hyphened && !/^[\s,]*(?:and\s+|as well as\s+)?(?:the\s+)?$/i.test(gap)) break;
      list.push(actors[j]!);
    }
    return list;
  };
  /** What follows a list of demonyms makes them the exercise's: its name, or "drills" after two or more joint ones ("joint Russian-Belarusian drills"). */
  const namesExercise = (list: Actor[]): boolean => {
    const end = list[list.length - 1]!.end;
    const rest = sentence.slice(end);
    const adjectives = /^\s*(?:(?:joint|military|naval|strategic|large[- ]scale|annual|biennial|combined|army|air|command[- ]staff|war)\s+){0,3}/i.exec(rest)![0].length;
    if (exercises.some((e) => e.start === end + adjectives)) return true;
    // Without the name, only "joint" drills are this exercise ("the plan for Russian-Belarusian drills" may be any).
    return list.length > 1 && /\bjoint\s+$/i.test(sentence.slice(0, list[0]!.start)) && /^(?:drills?|exercises?|manoeuvres|maneuvers|war ?games|wargames)\b/i.test(rest.slice(adjectives));
  };
  for (let k = 0; k < actors.length; k++) {
    const a = actors[k]!;
    if (negated(a.start)) continue;
    const before = sentence.slice(Math.max(0, a.start - 60), a.start);
    const head = LIST_HEAD.exec(sentence.slice(Math.max(0, a.start - 120), a.start));
    if (head && a.form !== 'demonym') {
      const role: Role = /^partner/i.test(head[1] ?? head[2] ?? '') ? 'partner' : 'participant';
      const list = listFrom(k);
      for (const x of list) if (x.form !== 'demonym') add(x.id, role, x.start, x.end, x.end);
      k += list.length - 1;
      continue;
    }
    // "observers will be coming from Brunei, Canada and France": each of them observes.
    if (OBSERVERS_FROM.test(before) && a.form !== 'demonym') {
      const list = listFrom(k);
      for (const x of list) if (x.form !== 'demonym' && !BLOCS.has(x.id)) add(x.id, 'observer', x.start, x.end, x.end);
      k += list.length - 1;
      continue;
    }
    // "after America withdrew its troops from Afghanistan": forces leaving a country are not its forces.
    if ((FORCES_OF.test(before) && !WITHDRAWN.test(before)) || (BETWEEN.test(before) && !POLITICS_BETWEEN.test(before))) {
      const list = listFrom(k);
      // "troops from China, India and several other countries": the named ones take part. "Involving NATO
      // troops", "soldiers from NATO and partner nations": a bloc's members take part, named when they do.
      for (const x of list) if ((x.type === 'country' || x.form !== 'demonym') && !BLOCS.has(x.id)) add(x.id, 'participant', x.start, x.end, x.end);
      k += list.length - 1;
      continue;
    }
    if (a.form === 'demonym' && a.type === 'country') {
      // "Belarusian and Russian troops": every demonym of the list before the force noun.
      const list = listFrom(k);
      const last = list[list.length - 1]!;
      if (list.every((x) => x.form === 'demonym') && (FORCE_NOUN.test(sentence.slice(last.end, last.end + 40)) || namesExercise(list))) {
        for (const x of list) add(x.id, 'participant', x.start, x.end, x.end);
        k += list.length - 1;
      }
    }
  }
  OBSERVE.lastIndex = 0;
  for (let m = OBSERVE.exec(sentence); m; m = OBSERVE.exec(sentence)) {
    if (negated(m.index)) continue;
    const end = m.index + m[0].length;
    // The list right before the verb ("the Philippines, Singapore and Thailand also attended as observers"),
    // or the one after "Representatives of" that opens the clause.
    let subjects = listBefore(actors, sentence, m.index);
    if (!subjects.length) {
      const first = actors.findIndex((a) => ENVOYS_OF.test(sentence.slice(Math.max(0, a.start - 40), a.start)));
      if (first >= 0 && actors[first]!.start < m.index) {
        const list = [actors[first]!];
        for (let j = first + 1; j < actors.length && actors[j]!.end <= m.index; j++) {
          if (!/^[\s,]*(?:and\s+)?(?:the\s+)?$/i.test(sentence.slice(list[list.length - 1]!.end, actors[j]!.start))) break;
          list.push(actors[j]!);
        }
        // Nothing but auxiliaries between the list and the verb: "... and Sri Lanka will act as observers".
        if (/^\s*(?:(?:will|would|also|have|has|had|are|were|is|was|to|be)\s+)*$/i.test(sentence.slice(list[list.length - 1]!.end, m.index))) subjects = list;
      }
    }
    for (const a of subjects) if (a.form !== 'demonym') add(a.id, 'observer', a.start, end, end);
  }
  SEND.lastIndex = 0;
  for (let m = SEND.exec(sentence); m; m = SEND.exec(sentence)) {
    const end = m.index + m[0].length;
    const object = SENT_OBJECT.exec(sentence.slice(end));
    if (!object || negated(m.index)) continue;
    const role: Role = /^observer/i.test(object[1]!) ? 'observer' : 'participant';
    // The sender right before the verb (auxiliaries between): "Mongolia has also sent", "China will contribute".
    const subjects = listBefore(actors, sentence, m.index).filter((a) => a.type === 'country' && a.form !== 'demonym');
    for (const a of subjects) add(a.id, role, a.start, end + object[0].length, end);
  }
  LAUNCH.lastIndex = 0;
  for (let m = LAUNCH.exec(sentence); m; m = LAUNCH.exec(sentence)) {
    if (negated(m.index) || !exercises.some((e) => e.start >= m.index + m[0].length && e.start - (m.index + m[0].length) <= 60) && !/\b(?:drills?|exercises?|manoeuvres|maneuvers|war ?games)\b/i.test(sentence.slice(m.index, m.index + 60))) continue;
    const subjects = listBefore(actors, sentence, m.index).filter((a) => a.type === 'country' && a.form !== 'demonym');
    for (const a of subjects) add(a.id, 'participant', a.start, m.index + m[0].length, m.index + m[0].length);
  }
  FROM_NATIONS.lastIndex = 0;
  for (let m = FROM_NATIONS.exec(sentence); m; m = FROM_NATIONS.exec(sentence)) {
    if (negated(m.index) || !EXERCISE_CUE.test(sentence) && !exercises.length) continue;
    let cursor = m.index + m[0].length;
    let first = true;
    for (const a of actors) {
      if (a.start < cursor) continue;
      const gap = sentence.slice(cursor, a.start);
      // After "including" anything short may come before the first name ("including two hopefuls, Finland").
      const fits = first && m[1] ? gap.length <= 60 && !/[.;:]|\b(?:and|but|while|whereas)\s+(?:the\s+)?\w+\s+(?:is|are|was|were|will|has|have)\b/i.test(gap) : NATION_GAP.test(gap);
      if (!fits) break;
      first = false;
      cursor = a.end;
      const bloc = BLOC_MEMBERS.exec(sentence.slice(a.end));
      if (a.type === 'organization' || bloc) {
        if (bloc) cursor = a.end + bloc[0].length;
        if (!bloc) break;
        continue;
      }
      if (a.form !== 'demonym') add(a.id, 'participant', a.start, a.end, a.end);
    }
  }
  // The organization that leads it, in an apposition or "is a": "Trident Juncture, a NATO-led exercise".
  for (const a of actors) {
    if (a.type !== 'organization' && !sentence.slice(a.end).startsWith('-led')) continue;
    const led = LED_NOUN.exec(sentence.slice(a.end));
    const subject = exercises.filter((e) => e.end <= a.start).pop();
    if (!led || !subject || !LED_LINK.test(sentence.slice(subject.end, a.start)) || negated(a.start)) continue;
    add(a.id, 'organizer', a.start, a.end + led[0].length, a.end + led[0].length);
  }
  // The bloc that runs its own exercise: "NATO concluded its largest annual cyber exercise", "the NATO cyber
  // exercise, called Cyber Coalition".
  const firstExercise = exercises.length ? Math.min(...exercises.map((e) => e.start)) : Infinity;
  for (const a of actors) {
    if (!BLOCS.has(a.id) || a.start > firstExercise || negated(a.start)) continue;
    const runs = BLOC_RUNS.exec(sentence.slice(a.end));
    const named = exercises.find((e) => e.start >= a.end && e.start - a.end <= 60 && BLOC_ATTRIBUTIVE.test(sentence.slice(a.end, e.start)));
    if (runs) add(a.id, 'organizer', a.start, a.end + runs[0].length, a.end + runs[0].length);
    else if (named) add(a.id, 'organizer', a.start, named.end, named.start);
  }
  // The organisation whose exercise it is: "NATO's Trident Juncture", "a NATO-led exercise".
  for (const e of exercises) {
    const a = actors.find((x) => x.type === 'organization' && x.end <= e.start && e.start - x.end <= 12 && POSSESSIVE.test(sentence.slice(x.end)));
    if (a && (a.id === 'org:nato' || a.id === 'org:csto' || a.id === 'org:sco' || a.id === 'org:eu')) add(a.id, 'organizer', a.start, e.start, e.start);
  }
  attachYears(sentence, out);
  // Who observes in a sentence does not also take part in it ("delegations from India will observe the
  // exercise"), unless the observing was in other years ("an observer from 2015 to 2018, joined this year").
  const observers = new Set(out.filter((r) => r.role === 'observer' && r.from === undefined && r.to === undefined).map((r) => r.entity));
  return out.filter((r) => r.role !== 'participant' || !observers.has(r.entity));
}

/** Each year span goes to the role word nearest to it, preferring the word before the years. */
function attachYears(sentence: string, roles: RoleMatch[]): void {
  if (!roles.length) return;
  YEARS.lastIndex = 0;
  for (let m = YEARS.exec(sentence); m; m = YEARS.exec(sentence)) {
    const from = Number(m[1] ?? m[3] ?? m[5] ?? m[6]);
    const toText = m[2] ?? m[4] ?? m[6];
    const distance = (r: RoleMatch): number => (m.index >= r.wordEnd ? m.index - r.wordEnd : 2 * (r.wordEnd - m.index));
    let nearest = roles[0]!;
    for (const r of roles) if (distance(r) < distance(nearest)) nearest = r;
    nearest.from = from;
    if (toText) nearest.to = Number(toText);
    nearest.end = Math.max(nearest.end, m.index + m[0].length);
  }
}
