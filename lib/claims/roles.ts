/**
 * A country's or organization's part in an exercise: "Japan became a full-fledged participant",
 * "an observer from 2015 to 2018", "hosted by Estonia", "participants include the U.S. and Ukraine".
 */
import type { Mention, Role } from '../types';
import type { Span } from './types';

export interface RoleMatch extends Span {
  entity: string;
  role: Role;
  from?: number;
  to?: number;
}

/** Country and organization mentions with offsets relative to the sentence. */
export type Actor = Pick<Mention, 'id' | 'type' | 'form' | 'start' | 'end'>;

const ROLE_WORD: Record<string, Role> = {
  observer: 'observer', participant: 'participant', partner: 'partner', host: 'host', organizer: 'organizer', organiser: 'organizer',
};
// "as an observer", "a full-fledged participant", "observer status", "the host nation".
const STATUS = /\b(?:(?:as|an?|its|the|full(?:-fledged)?|formal|official|regular|active)\s+(?:[\w-]+\s+)?(observer|participant|partner|host|organi[sz]er)\b(?![-\w])|(observer|participant|partner)\s+(?:status|state|nation|country|member))/gi;
// Verbs whose subject is the actor right before them: "Japan joined", "Estonia hosts".
const VERB = /\b(took part|take part|takes part|taking part|participated|participates|joined|joins|will join|hosted|hosts|will host|is hosting|organi[sz]ed|organi[sz]es|conducted|conducts|led|leads|(?:[’']s|s)?\s*(?:first\s+|full\s+|formal\s+)?participation)\b/gi;
const BY = /\b(hosted|organi[sz]ed|led|conducted|run) by\s+(?:the\s+)?$/i;
const NEGATION = /\b(?:not|never|no longer|nor|n[’']t)\b[^.,;]{0,25}$/i;
const INCLUDE = /\b(?:include|includes|included|including|such as|among them)\b/gi;
const GROUP_BEFORE_INCLUDE = /\b(?:participants|participating|countries|nations|members|states|allies|partners)\b/i;
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

export function findRoles(sentence: string, actors: Actor[]): RoleMatch[] {
  const out: RoleMatch[] = [];
  const add = (entity: string, role: Role, start: number, end: number): void => {
    const same = out.find((r) => r.entity === entity && r.role === role);
    if (same) {
      same.start = Math.min(same.start, start);
      same.end = Math.max(same.end, end);
    } else out.push({ entity, role, start, end });
  };
  const negated = (at: number): boolean => NEGATION.test(sentence.slice(Math.max(0, at - 30), at));

  STATUS.lastIndex = 0;
  for (let m = STATUS.exec(sentence); m; m = STATUS.exec(sentence)) {
    const role = ROLE_WORD[(m[1] ?? m[2])!.toLowerCase()]!;
    if (negated(m.index)) continue;
    const actor = actorBefore(actors, sentence, m.index, 90);
    if (actor) add(actor.id, role, actor.start, m.index + m[0].length);
  }
  VERB.lastIndex = 0;
  for (let m = VERB.exec(sentence); m; m = VERB.exec(sentence)) {
    if (negated(m.index)) continue;
    // The subject sits right before the verb, with at most an auxiliary between.
    const actor = actorBefore(actors, sentence, m.index, 20);
    if (!actor || !/^(?:\s+(?:has|have|had|also|will|has also|have also|is|are|was|were|would|been|has been|formally|officially))*\s*$/i.test(sentence.slice(actor.end, m.index))) continue;
    if (actor.type === 'organization' && /participation|joined|joins|took part|participated/i.test(m[0]) && /^\s*member/i.test(sentence.slice(actor.end))) continue;
    add(actor.id, verbRole(m[1]!), actor.start, m.index + m[0].length);
  }
  for (const a of actors) {
    const by = BY.exec(sentence.slice(Math.max(0, a.start - 40), a.start));
    if (by && !negated(a.start - by[0].length)) add(a.id, verbRole(by[1]!), a.start - by[0].length, a.end);
  }
  INCLUDE.lastIndex = 0;
  for (let m = INCLUDE.exec(sentence); m; m = INCLUDE.exec(sentence)) {
    if (!GROUP_BEFORE_INCLUDE.test(sentence.slice(0, m.index))) continue;
    // The listed actors run until the clause ends.
    const stop = sentence.slice(m.index + m[0].length).search(/[;:]|(?<![A-Z])\.(?=\s|$)|\b(?:participated|took part|joined|were|are|will|have)\b/);
    const end = stop < 0 ? sentence.length : m.index + m[0].length + stop;
    for (const a of actors) {
      if (a.start < m.index || a.start >= end || a.form === 'demonym') continue;
      // "other NATO member countries" names a group, not a participant.
      if (/^\s*(?:member|countries|allies|states|nations)\b/i.test(sentence.slice(a.end))) continue;
      add(a.id, 'participant', a.start, a.end);
    }
  }
  attachYears(sentence, out);
  return out;
}

/** Each year span goes to the role claim nearest to it. */
function attachYears(sentence: string, roles: RoleMatch[]): void {
  if (!roles.length) return;
  YEARS.lastIndex = 0;
  for (let m = YEARS.exec(sentence); m; m = YEARS.exec(sentence)) {
    const from = Number(m[1] ?? m[3] ?? m[5] ?? m[6]);
    const toText = m[2] ?? m[4] ?? m[6];
    let nearest = roles[0]!;
    for (const r of roles) if (distance(r, m.index) < distance(nearest, m.index)) nearest = r;
    nearest.from = from;
    if (toText) nearest.to = Number(toText);
    nearest.end = Math.max(nearest.end, m.index + m[0].length);
    nearest.start = Math.min(nearest.start, m.index);
  }
}

function distance(span: Span, at: number): number {
  return at >= span.end ? at - span.end : span.start - at;
}
