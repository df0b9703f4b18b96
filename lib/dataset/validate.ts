/**
 * Checks the curated seeds before they become the bundled dataset: the shape of every record, that
 * every reference resolves (claim → source → outlet, claim → exercise), and the mistakes a careful
 * reader would catch (a placeholder title, a page filed under the wrong outlet, a date outside its
 * edition, a summary copied from the headline, a derivation loop). The build and `npm run dataset`
 * refuse a dataset with any error; each error names its file and record.
 */
import { splitSentences } from '../text/sentences';
import { canonicalUrl } from '../text/url';
import type { Entity } from '../types';
import { createOutletLookup, type Outlet } from './outlets';
import type { CuratedClaim, CuratedFile, CuratedSource } from './types';

export interface NamedFile<T> {
  /** File name inside seeds/curated/ ("nato-europe-cyber.json"). */
  file: string;
  data: T;
}

export interface ValidationInput {
  curated: NamedFile<CuratedFile>[];
  outlets: NamedFile<{ outlets: Outlet[] }>;
  /** Countries, organizations and exercises (seeds/entities). */
  entities: Entity[];
}

export interface ValidationError {
  file: string;
  /** The record: a source, outlet or series id, or `claim <n> (<source>)`. */
  record: string;
  message: string;
}

export const FIRST_EDITION = 2000;
export const LAST_EDITION = 2026;

const OUTLET_TYPES = new Set(['government', 'international-organization', 'wire', 'state-media', 'newspaper', 'broadcaster', 'think-tank', 'blog-aggregator']);
const SOURCE_KINDS = new Set(['official', 'news-agency', 'newspaper', 'broadcaster', 'think-tank', 'reference', 'other']);
const DERIVATIONS = new Set(['citation', 'translation', 'wire-copy', 'same-article']);
const HEDGES = new Set(['exact', 'about', 'more-than', 'at-least', 'fewer-than', 'almost', 'up-to', 'range', 'words']);
const ROLES = new Set(['participant', 'observer', 'partner', 'host', 'organizer']);
const VALUE_TYPE: Record<string, string> = {
  participants: 'count', nations: 'count', aircraft: 'count', vessels: 'count', vehicles: 'count', teams: 'count',
  dates: 'dates', location: 'location', role: 'role', edition: 'edition',
};
/** The source kind an outlet type implies; state media keep the kind of what they are (agency, paper, channel). */
const KIND_OF_TYPE: Record<string, string | null> = {
  government: 'official', 'international-organization': 'official', wire: 'news-agency', 'state-media': null,
  newspaper: 'newspaper', broadcaster: 'broadcaster', 'think-tank': 'think-tank', 'blog-aggregator': 'other',
};

const PLACEHOLDER_TITLE = /^\s*[[(<{].*[\])>}]\s*$|headline not captured|^\s*(?:untitled|no title|title|n\/a|null|undefined)\s*$/i;
const URL_LIKE = /https?:\/\/|\bwww\.|\.(?:s?html?|php|aspx?|jsp)\b/i;
/** An index, tag, search or paged listing: it changes over time, so it cannot be the page a fact is cited to. */
const LISTING_URL = /\/page\/\d+\/?$|\/(?:category|categories|tag|tags|topics?)\/[^/]+\/?$|\/search\b|[?&](?:q|query|search)=/i;
/** HTML tags, character entities, Markdown emphasis and links, control characters. */
const MARKUP = /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|\*\*|__|\[[^\]]*\]\([^)]*\)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/i;
const SHARED_RUN = 6;

/** A real calendar date at one of the three precisions. */
export function isDateOfPrecision(text: unknown, precision: unknown): boolean {
  if (typeof text !== 'string') return false;
  const pattern = ({ day: /^(\d{4})-(\d{2})-(\d{2})$/, month: /^(\d{4})-(\d{2})$/, year: /^(\d{4})$/ } as Record<string, RegExp>)[String(precision)];
  const m = pattern?.exec(text);
  if (!m) return false;
  const [year, month = 1, day = 1] = m.slice(1).map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isNonNegativeInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isText = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The longest run of consecutive words two texts share. */
export function longestSharedRun(a: string, b: string): string[] {
  const x = words(a);
  const y = words(b);
  let best: string[] = [];
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) {
      let k = 0;
      while (i + k < x.length && j + k < y.length && x[i + k] === y[j + k]) k++;
      if (k > best.length) best = x.slice(i, i + k);
    }
  }
  return best;
}

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Why a title is not a headline: a placeholder, an address, or a bare slug or file name. */
export function titleProblem(title: string): string | null {
  if (PLACEHOLDER_TITLE.test(title)) return `title "${title}" is a placeholder`;
  if (URL_LIKE.test(title)) return `title "${title}" is a URL`;
  // Chinese, Japanese and Thai headlines have no word spaces, so only a spaceless title in other scripts is a slug.
  if (!/\s/.test(title.trim()) && title.trim().length >= 12 && !UNSPACED_SCRIPT.test(title)) return `title "${title}" is a slug or file name, not a headline`;
  return null;
}

function countProblems(v: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { stated, hedge } = v;
  if (!HEDGES.has(hedge as string)) problems.push(`bad hedge ${String(hedge)}`);
  if ('min' in v || 'max' in v) problems.push('count carries min/max: store the stated number(s) only');
  if (!Array.isArray(stated) || stated.length < 1 || stated.length > 2 || !stated.every(isNonNegativeInt)) {
    return [...problems, 'stated must be [n] or [a, b] of whole numbers'];
  }
  if ((stated.length === 2) !== (hedge === 'range')) problems.push(`stated ${JSON.stringify(stated)} does not fit hedge ${String(hedge)}`);
  if (stated.length === 2 && (stated[0] as number) >= (stated[1] as number)) problems.push('range ends out of order');
  return problems;
}

function datesProblems(v: Record<string, unknown>, edition: unknown): string[] {
  const problems: string[] = [];
  const { start, end, precision, durationDays } = v;
  if (!['day', 'month', 'year'].includes(precision as string)) problems.push(`bad precision ${String(precision)}`);
  if (start === null && end === null && durationDays === undefined) problems.push('dates without start, end or duration');
  if (start !== null && !isDateOfPrecision(start, precision)) problems.push(`start ${String(start)} is not a ${String(precision)}`);
  if (end !== null && !isDateOfPrecision(end, precision)) problems.push(`end ${String(end)} is not a ${String(precision)}`);
  if (typeof start === 'string' && typeof end === 'string' && start > end) problems.push('start after end');
  if (durationDays !== undefined && !(isNonNegativeInt(durationDays) && durationDays > 0)) problems.push('bad durationDays');
  // An edition runs in its year; a window may spill over New Year, never further.
  if (typeof edition === 'number') {
    const years = [start, end].filter((d): d is string => typeof d === 'string').map((d) => Number(d.slice(0, 4)));
    if (years.some((y) => y < edition - 1 || y > edition + 1) || (years.length && !(Math.min(...years) <= edition && edition <= Math.max(...years)))) {
      problems.push(`dates ${String(start)}..${String(end)} fall outside edition ${edition}`);
    }
  }
  return problems;
}

function scopeProblems(scope: unknown, isCountry: (id: unknown) => boolean): string[] {
  const s = scope as Record<string, unknown> | null | undefined;
  if (!s || typeof s !== 'object') return ['missing scope'];
  switch (s.kind) {
    case 'total':
      return Object.keys(s).length === 1 ? [] : ['a total scope takes no other field'];
    case 'contingent':
    case 'territory':
      return isCountry(s.of) ? [] : [`${s.kind} scope needs of: a known country id, got ${String(s.of)}`];
    case 'phase':
    case 'threshold':
      return isText(s.label) ? [] : [`${s.kind} scope needs a label`];
    default:
      return [`bad scope kind ${String(s.kind)}`];
  }
}

export function validateDataset(input: ValidationInput): ValidationError[] {
  const errors: ValidationError[] = [];
  const report = (file: string, record: string, message: string) => errors.push({ file, record, message });

  const entityIds = new Set(input.entities.map((e) => e.id));
  const exercises = input.entities.filter((e) => e.type === 'exercise');
  const exerciseById = new Map(exercises.map((e) => [e.id, e]));
  const isCountry = (id: unknown) => typeof id === 'string' && /^country:[A-Z]{2}$/.test(id) && entityIds.has(id);
  const countryCodes = new Set(input.entities.filter((e) => e.type === 'country').map((e) => e.id.slice('country:'.length)));

  // Outlets.
  const outletsFile = input.outlets.file;
  const outlets = Array.isArray(input.outlets.data?.outlets) ? input.outlets.data.outlets : [];
  if (!outlets.length) report(outletsFile, '-', 'no outlets');
  const outletById = new Map<string, Outlet>();
  const domainOwner = new Map<string, string>();
  for (const o of outlets) {
    const id = typeof o.id === 'string' ? o.id : '?';
    if (!/^outlet:[a-z0-9-]+$/.test(id)) report(outletsFile, id, 'id must be outlet: + lowercase slug');
    if (outletById.has(id)) report(outletsFile, id, 'duplicate outlet id');
    outletById.set(id, o);
    if (!isText(o.name)) report(outletsFile, id, 'missing name');
    else if (MARKUP.test(o.name)) report(outletsFile, id, 'name holds markup');
    if (!OUTLET_TYPES.has(o.type)) report(outletsFile, id, `bad type ${String(o.type)}`);
    if (o.country !== null && !countryCodes.has(o.country)) report(outletsFile, id, `bad country ${String(o.country)}`);
    if (o.stateOwner !== undefined && !countryCodes.has(o.stateOwner)) report(outletsFile, id, `bad stateOwner ${String(o.stateOwner)}`);
    if (o.ref !== undefined && !/^Q\d+$/.test(o.ref)) report(outletsFile, id, `ref ${String(o.ref)} is not a Wikidata id`);
    for (const n of o.native ?? []) if (!isText(n.text) || !/^[a-z]{2,3}$/.test(n.lang)) report(outletsFile, id, `bad native name ${JSON.stringify(n)}`);
    for (const a of o.aliases ?? []) if (!isText(a) || MARKUP.test(a)) report(outletsFile, id, `bad alias ${JSON.stringify(a)}`);
    if (!Array.isArray(o.domains) || !o.domains.length) report(outletsFile, id, 'no domains');
    for (const d of o.domains ?? []) {
      if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(d) || d.startsWith('www.')) report(outletsFile, id, `bad domain ${d}`);
      const other = domainOwner.get(d);
      if (other && other !== id) report(outletsFile, id, `domain ${d} also belongs to ${other}`);
      domainOwner.set(d, id);
    }
  }
  const outletForUrl = createOutletLookup(outlets);

  // Series: one definition each, and one file holds a series' claims.
  const seriesSeen = new Map<string, string>();
  for (const e of exercises) {
    for (const form of new Set([e.name, ...e.aliases].map((s) => s.toLowerCase()))) {
      const other = seriesSeen.get(form);
      if (other && other !== e.id) report('exercises.json', e.id, `name "${form}" also names ${other}`);
      seriesSeen.set(form, e.id);
    }
  }
  if (exerciseById.size !== exercises.length) {
    const seen = new Set<string>();
    for (const e of exercises) {
      if (seen.has(e.id)) report('exercises.json', e.id, 'series defined twice');
      seen.add(e.id);
    }
  }

  // Sources.
  const sourceById = new Map<string, CuratedSource & { file: string }>();
  const urlOwner = new Map<string, string>();
  for (const { file, data } of input.curated) {
    if (!Array.isArray(data?.sources) || !Array.isArray(data?.claims)) {
      report(file, '-', 'a curated file needs "sources" and "claims" arrays');
      continue;
    }
    for (const s of data.sources) {
      const id = typeof s.id === 'string' ? s.id : '?';
      const at = (message: string) => report(file, id, message);
      if (!/^src:[a-z0-9-]+$/.test(id)) at('id must be src: + lowercase slug');
      const previous = sourceById.get(id);
      if (previous) at(`duplicate source id (also in ${previous.file})`);
      sourceById.set(id, { ...s, file });
      for (const field of ['title', 'outlet'] as const) {
        if (!isText(s[field])) at(`missing ${field}`);
        else if (MARKUP.test(s[field])) at(`${field} holds markup: ${s[field]}`);
      }
      if (isText(s.title)) {
        const problem = titleProblem(s.title);
        if (problem) at(problem);
      }
      if (!isDateOfPrecision(s.published, 'day')) at(`published ${String(s.published)} is not YYYY-MM-DD`);
      else if (!id.includes(s.published)) at('id does not carry the published date');
      let host = '';
      try {
        const u = new URL(s.url);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') at(`url protocol ${u.protocol}`);
        host = u.hostname;
        if (LISTING_URL.test(`${u.pathname}${u.search}`)) at(`url ${s.url} is a listing page, not the article`);
      } catch {
        at(`url ${String(s.url)} does not parse`);
      }
      if (host) {
        const key = canonicalUrl(s.url) ?? s.url;
        const other = urlOwner.get(key);
        if (other) at(`url is also the url of ${other}`);
        urlOwner.set(key, id);
      }
      if (typeof s.language !== 'string' || !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(s.language)) at(`bad language ${String(s.language)}`);
      if (!SOURCE_KINDS.has(s.kind)) at(`bad kind ${String(s.kind)}`);
      const outlet = outletById.get(s.outletId);
      if (!outlet) at(`outletId ${String(s.outletId)} is not in ${outletsFile}`);
      else {
        if (s.outlet !== outlet.name) at(`outlet "${s.outlet}" is not the registry name "${outlet.name}"`);
        const expected = KIND_OF_TYPE[outlet.type];
        if (expected && s.kind !== expected) at(`kind ${s.kind} does not fit a ${outlet.type} outlet (${expected})`);
        if (host) {
          const owner = outletForUrl(s.url);
          if (owner?.id !== outlet.id) at(`url domain ${host} belongs to ${owner?.id ?? 'no registered outlet'}, not ${outlet.id}`);
        }
      }
      if (s.via !== undefined && !outletById.has(s.via)) at(`via ${String(s.via)} is not in ${outletsFile}`);
      if (s.via !== undefined && s.via === s.outletId) at('via names the outlet itself');
      if (s.derivedFrom === null || s.derivedFrom === undefined) {
        if (s.derivation !== undefined) at('derivation without derivedFrom');
      } else if (!DERIVATIONS.has(s.derivation ?? '')) at(`bad derivation ${String(s.derivation)}`);
    }
  }
  for (const s of sourceById.values()) {
    if (s.derivedFrom === null || s.derivedFrom === undefined) continue;
    if (s.derivedFrom === s.id) report(s.file, s.id, 'derivedFrom points to itself');
    else if (!sourceById.has(s.derivedFrom)) report(s.file, s.id, `derivedFrom ${s.derivedFrom} does not exist`);
    else {
      const seen = new Set([s.id]);
      for (let next: string | null | undefined = s.derivedFrom; next; next = sourceById.get(next)?.derivedFrom) {
        if (seen.has(next)) {
          report(s.file, s.id, `derivation loop through ${next}`);
          break;
        }
        seen.add(next);
      }
      const origin = sourceById.get(s.derivedFrom);
      if (origin && origin.published > s.published) report(s.file, s.id, `derived from ${origin.id}, published later (${origin.published})`);
    }
  }

  // Claims.
  const used = new Set<string>();
  const editionSources = new Map<string, Set<string>>();
  const seriesFile = new Map<string, string>();
  for (const { file, data } of input.curated) {
    if (!Array.isArray(data?.claims)) continue;
    const stated = new Set<string>();
    data.claims.forEach((c: CuratedClaim, n: number) => {
      const record = `claim ${n} (${String(c.source)}, ${String(c.subject)} ${String(c.edition)} ${String(c.kind)})`;
      const at = (message: string) => report(file, record, message);
      const source = sourceById.get(c.source);
      if (!source) at('source does not exist');
      used.add(c.source);
      const series = exerciseById.get(c.subject);
      if (!series) at(`subject ${String(c.subject)} is not in exercises.json`);
      else {
        const other = seriesFile.get(c.subject);
        if (other && other !== file) at(`series ${c.subject} is split between ${other} and ${file}`);
        seriesFile.set(c.subject, other ?? file);
      }
      const editionOk = Number.isInteger(c.edition) && c.edition >= FIRST_EDITION && c.edition <= LAST_EDITION;
      if (!editionOk) at(`edition ${String(c.edition)} is not a year ${FIRST_EDITION}..${LAST_EDITION}`);
      else if (series && !(series.editions ?? []).includes(c.edition)) at(`edition ${c.edition} is not among ${c.subject}'s editions in exercises.json`);
      if (editionOk) {
        const key = `${String(c.subject)} ${c.edition}`;
        const sources = editionSources.get(key) ?? new Set<string>();
        if (source) sources.add(source.id);
        editionSources.set(key, sources);
      }
      const expected = VALUE_TYPE[c.kind];
      const v = (c.value ?? {}) as unknown as Record<string, unknown>;
      if (!expected) at(`unknown kind ${String(c.kind)}`);
      else if (v.type !== expected) at(`kind ${c.kind} needs value type ${expected}, got ${String(v.type)}`);
      else {
        const problems =
          expected === 'count' ? countProblems(v)
          : expected === 'dates' ? datesProblems(v, editionOk ? c.edition : null)
          : expected === 'location' ? [
              ...(v.country !== null && !isCountry(v.country) ? [`bad country ${String(v.country)}`] : []),
              ...(v.country === null && v.city === undefined && v.place === undefined ? ['empty location'] : []),
              ...(['city', 'place'] as const).filter((f) => v[f] !== undefined && !isText(v[f])).map((f) => `bad ${f}`),
            ]
          : expected === 'role' ? [
              ...(isCountry(v.entity) || (typeof v.entity === 'string' && v.entity.startsWith('org:') && entityIds.has(v.entity)) ? [] : [`role entity ${String(v.entity)} is not a known country or organization`]),
              ...(ROLES.has(v.role as string) ? [] : [`bad role ${String(v.role)}`]),
              ...(['from', 'to'] as const).filter((f) => v[f] !== undefined && !(Number.isInteger(v[f]) && (v[f] as number) >= 1900)).map((f) => `bad ${f}`),
            ]
          : Number.isInteger(v.ordinal) && (v.ordinal as number) >= 1 ? [] : ['ordinal must be a positive whole number'];
        problems.forEach(at);
      }
      scopeProblems(c.scope, isCountry).forEach(at);
      if (!(c.stance === null || c.stance === 'official' || c.stance === 'estimate')) at(`bad stance ${String(c.stance)}`);
      if (c.attribution !== undefined && c.attribution !== null && !isText(c.attribution)) at('empty attribution');
      if (isText(c.attribution) && MARKUP.test(c.attribution)) at('attribution holds markup');
      if (!isText(c.summary)) at('missing summary');
      else {
        if (c.summary.length > 200) at(`summary is ${c.summary.length} characters (at most 200)`);
        if (MARKUP.test(c.summary)) at('summary holds markup');
        if (/["“”«»„]/.test(c.summary)) at('summary quotes text: write it in your own words');
        if (splitSentences(c.summary).length > 1) at('summary holds more than one sentence');
        if (source && isText(source.title)) {
          const run = longestSharedRun(c.summary, source.title);
          if (run.length >= SHARED_RUN) at(`summary shares ${run.length} words in a row with the title: "${run.join(' ')}"`);
        }
      }
      const key = JSON.stringify([c.source, c.subject, c.edition, c.kind, c.value, c.scope]);
      if (stated.has(key)) at('the same claim twice in one source');
      stated.add(key);
    });
  }
  for (const s of sourceById.values()) {
    const isOrigin = [...sourceById.values()].some((other) => other.derivedFrom === s.id);
    if (!used.has(s.id) && !isOrigin) report(s.file, s.id, 'source carries no claim and is no origin of one that does');
  }
  for (const [key, sources] of editionSources) if (sources.size === 0) report('-', key, 'edition without a source');
  return errors;
}

export function formatValidationErrors(errors: ValidationError[], limit = 60): string {
  const lines = errors.slice(0, limit).map((e) => `  ${e.file} ${e.record}: ${e.message}`);
  if (errors.length > limit) lines.push(`  … and ${errors.length - limit} more`);
  return `${errors.length} dataset validation error${errors.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

export class DatasetValidationError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(formatValidationErrors(errors));
    this.name = 'DatasetValidationError';
  }
}
