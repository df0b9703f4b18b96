/**
 * The compiled gazetteer: every name of every entity, as a trie over folded tokens. Built once
 * per KB (the background keeps it), then each page is one left-to-right pass over its tokens.
 */
import { runSteps, type Steps } from '../steps';
import type { Entity, EntityType, MentionForm } from '../types';
import { foldKey, isAllCaps, tokenize } from './tokens';

/**
 * How strictly the surface must match the case of the name:
 * - `exact`: acronyms ("US" must not fire on "us", "AP" not on "ap");
 * - `capital`: names and demonyms: the first word capitalised ("China", not "china" the porcelain);
 * - `any`: translated/garbled variants, which arrive in any case ("network alliance 2019").
 */
export type CaseRule = 'exact' | 'capital' | 'any';

export interface GazetteerEntry {
  id: string;
  type: EntityType;
  form: MentionForm;
  caseRule: CaseRule;
  /** Surface tokens of the name, for exact-case comparison. */
  raw: string[];
  /** Only a mention when a year follows ("West-2017" for Zapad). */
  needsYear: boolean;
  /**
   * A native name that is also a common word ("Запад" is "the West", "西部" "western"): a mention with a
   * year, in quotes («Запад»), or beside a word for exercise ("учения Запад", "西部演习").
   */
  inContext?: boolean;
}

/** A gazetteer entry found in a text: its first and last token (declared here so the ambiguity rules need not import the detector). */
export interface RawHit {
  entry: GazetteerEntry;
  first: number;
  last: number;
  edition?: number;
  /** Characters to leave off the end of the last token ("Japans" is highlighted as "Japan"). */
  trimEnd?: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries?: GazetteerEntry[];
}

export interface Gazetteer {
  root: TrieNode;
  entities: Map<string, Entity>;
  /** Exercise codes followed by a two-digit year ("TRJE" in "TRJE18"). */
  codes: Map<string, string>;
  /** `role|country` to the organisation with that role ("defence-ministry|country:JP" to org:jp-mod). */
  roles: Map<string, string>;
  size: number;
}

const ACRONYM_MAX_LETTERS = 7;

function caseRuleFor(name: string, form: MentionForm): CaseRule {
  if (form === 'variant') return 'any';
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters.length <= ACRONYM_MAX_LETTERS && isAllCaps(letters) && !/\s/.test(name.trim())) {
    return 'exact';
  }
  if (name === name.toLowerCase()) return 'any';
  return 'capital';
}

function insert(root: TrieNode, name: string, entry: Omit<GazetteerEntry, 'caseRule' | 'raw'>): boolean {
  const tokens = tokenize(name);
  if (tokens.length === 0) return false;
  let node = root;
  for (const token of tokens) {
    let child = node.next.get(token.key);
    if (!child) {
      child = { next: new Map() };
      node.next.set(token.key, child);
    }
    node = child;
  }
  const full: GazetteerEntry = { ...entry, caseRule: caseRuleFor(name, entry.form), raw: tokens.map((t) => t.raw) };
  const list = (node.entries ??= []);
  // The same key twice for one entity (e.g. an alias repeating the name) adds nothing.
  if (list.some((e) => e.id === full.id && e.needsYear === full.needsYear && e.caseRule === full.caseRule)) return false;
  list.push(full);
  return true;
}

/** One word, or one or two Chinese characters: short native exercise names are ordinary words too. */
function isCommonWord(name: string): boolean {
  const tokens = tokenize(name);
  if (tokens.length === 1) return true;
  return tokens.length <= 2 && tokens.every((t) => /^[\p{sc=Han}]$/u.test(t.raw));
}

function isAcronymLike(name: string): boolean {
  return caseRuleFor(name, 'alias') === 'exact';
}

/** Entities compiled per step of buildGazetteerInSteps: a few milliseconds' work in a cold service worker. */
const ENTITIES_PER_STEP = 50;

export function buildGazetteer(entities: Iterable<Entity>): Gazetteer {
  return runSteps(buildGazetteerInSteps(entities));
}

/**
 * `buildGazetteer` in steps (lib/steps.ts): it yields every ENTITIES_PER_STEP entities (the
 * number compiled so far), so a waking service worker can take messages while it compiles the
 * thousand-odd entities and their six thousand names. The same gazetteer, in the same order.
 */
export function* buildGazetteerInSteps(entities: Iterable<Entity>): Steps<Gazetteer> {
  const root: TrieNode = { next: new Map() };
  const byId = new Map<string, Entity>();
  const codes = new Map<string, string>();
  const roles = new Map<string, string>();
  let size = 0;
  let yearOnly = new Set<string>();
  const add = (e: Entity, name: string, form: MentionForm, needsYear = false, inContext = false) => {
    // A name listed among the year-only forms ("Dragon", "Ocean") is never a mention on its own.
    if (!needsYear && yearOnly.has(name.toLowerCase())) return;
    if (name.trim() && insert(root, name, { id: e.id, type: e.type, form, needsYear, ...(inContext ? { inContext } : {}) })) size++;
  };
  for (const e of entities) {
    if (byId.size > 0 && byId.size % ENTITIES_PER_STEP === 0) yield byId.size;
    byId.set(e.id, e);
    yearOnly = new Set((e.yearAliases ?? []).map((n) => n.toLowerCase()));
    add(e, e.name, 'name');
    for (const alias of e.aliases) add(e, alias, isAcronymLike(alias) ? 'acronym' : 'alias');
    for (const demonym of e.demonyms ?? []) add(e, demonym, 'demonym');
    for (const variant of e.variants ?? []) add(e, variant, 'variant');
    for (const native of e.native ?? []) {
      const common = e.type === 'exercise' && isCommonWord(native.text);
      add(e, native.text, 'alias', common, common);
    }
    for (const yearAlias of e.yearAliases ?? []) add(e, yearAlias, 'edition', true);
    for (const code of e.codes ?? []) codes.set(foldKey(code), e.id);
    if (e.role && e.country) {
      const key = `${e.role}|${e.country}`;
      // The first (main) body of a role wins; data lists the ministry before its agencies.
      if (!roles.has(key)) roles.set(key, e.id);
    }
  }
  return { root, entities: byId, codes, roles, size };
}
