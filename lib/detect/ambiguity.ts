/**
 * Country names that are also people, rivers, food, porcelain or a US state. A hit on one of
 * them survives unless its context says it is the other thing. compromise's tagger
 * (./tagger.ts) decides whether a neighbouring word is a first or last name; it is asked only
 * about a capitalised word beside such a name, once the cheaper context rules have not decided,
 * so the common path stays a plain trie walk and most pages never load compromise.
 */
import type { RawHit } from './gazetteer';
import { wordTags } from './tagger';
import type { Token } from './tokens';
import { isCapitalised } from './tokens';

const PERSON_NAME_COUNTRIES = new Set(['country:JO', 'country:TD', 'country:GE', 'country:NE', 'country:CN', 'country:TR']);
const GEOGRAPHY_AFTER = /^(river|delta|valley|basin|rift)$/i;
const GEOGRAPHY_BEFORE = /^(river|lake)$/i;
const FOOD_CONTEXT = /\b(roast(ed)?|thanksgiving|sandwich(es)?|stuffing|gravy|breast|carv(e|ed|ing)|recipe|dinner|leftover|cranberr(y|ies)|oven|bacon|slices?)\b/i;
const PORCELAIN_BEFORE = /^(fine|bone|blue|willow|antique|porcelain)$/i;
const PORCELAIN_AFTER = /^(cabinet|set|plates?|dishes|teacups?|pattern|tableware|shop)$/i;
const GEORGIA_STATE = /\b(Atlanta|Savannah|Macon|Augusta|Athens,? Ga|Fulton County|Gwinnett|Cobb County|Kemp|Raffensperger|Ossoff|Warnock|Georgia (Tech|Bulldogs|Power|Republicans?|Democrats?|voters|Senate|Legislature|Supreme Court|General Assembly|election)|University of Georgia|state of Georgia|Ga\.|Alabama|Tennessee|South Carolina|North Carolina|Florida|peach state)\b/g;
const GEORGIA_COUNTRY = /\b(Tbilisi|Georgian|Abkhazia|South Ossetia|Caucasus|Saakashvili|Kremlin|Batumi|Kutaisi|Black Sea|Georgian Dream|Zourabichvili)\b/g;

function sentenceAround(text: string, at: number): { start: number; body: string } {
  let start = at;
  while (start > 0 && !/[.!?\n]/.test(text.charAt(start - 1))) start--;
  let end = at;
  while (end < text.length && !/[.!?\n]/.test(text.charAt(end))) end++;
  return { start, body: text.slice(start, end) };
}

/** Tags of the word at `offset` according to compromise, read in its sentence. */
function tagsAt(text: string, offset: number): Set<string> {
  const { start, body } = sentenceAround(text, offset);
  return wordTags(body, offset - start);
}

function adjacent(text: string, a: Token, b: Token): boolean {
  return /^ $/.test(text.slice(a.end, b.start));
}

function isPersonName(hit: RawHit, text: string, tokens: Token[]): boolean {
  const before = tokens[hit.first - 1];
  const after = tokens[hit.last + 1];
  if (before && adjacent(text, before, tokens[hit.first]!) && isCapitalised(before.raw)) {
    if (/^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov)$/.test(before.raw)) return true;
    const tags = tagsAt(text, before.start);
    if (tags.has('FirstName') || tags.has('Honorific')) return true;
  }
  if (after && adjacent(text, tokens[hit.last]!, after) && isCapitalised(after.raw) && !GEOGRAPHY_AFTER.test(after.raw)) {
    const tags = tagsAt(text, after.start);
    if (tags.has('LastName') || (tags.has('Person') && !tags.has('Place'))) return true;
  }
  return false;
}

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

const georgiaVerdicts = new WeakMap<Token[], boolean>();

/** "Norwegian Sea", "South China Sea", "Persian Gulf": a body of water named after a country is not the country. */
const WATER_AFTER = /^(sea|ocean|gulf|strait|straits|bight)$/i;

/** Words that turn a country name into another place: "Latin America", "New Jersey", "Gulf of Guinea". */
const PLACE_BEFORE = /^(latin|south|central|north|new)$/i;
const PLACE_OF_BEFORE = /^(gulf|sea|bay|bight)$/i;

function isPartOfPlaceName(hit: RawHit, text: string, tokens: Token[]): boolean {
  const first = tokens[hit.first]!;
  const next = tokens[hit.last + 1];
  if (next && WATER_AFTER.test(next.raw) && /^ $/.test(text.slice(tokens[hit.last]!.end, next.start))) return true;
  const before = tokens[hit.first - 1];
  if (!before || !/^ $/.test(text.slice(before.end, first.start))) return false;
  // "South Korea" is a country in the data and wins as the longer match before we get here.
  if (PLACE_BEFORE.test(before.raw) && isCapitalised(before.raw)) return true;
  const beforeOf = tokens[hit.first - 2];
  return before.key === 'of' && !!beforeOf && PLACE_OF_BEFORE.test(beforeOf.raw);
}

export function rejectedByContext(hit: RawHit, text: string, tokens: Token[]): boolean {
  const id = hit.entry.id;
  if (hit.entry.type === 'country' && isPartOfPlaceName(hit, text, tokens)) return true;
  if (hit.entry.form === 'demonym' || hit.entry.form === 'acronym') return false;
  if (!PERSON_NAME_COUNTRIES.has(id)) return false;
  const before = tokens[hit.first - 1];
  const after = tokens[hit.last + 1];
  if (after && GEOGRAPHY_AFTER.test(after.raw)) return true;
  if (before && GEOGRAPHY_BEFORE.test(before.raw)) return true;
  if (id === 'country:TR' && FOOD_CONTEXT.test(sentenceAround(text, tokens[hit.first]!.start).body)) return true;
  if (id === 'country:CN' && ((before && PORCELAIN_BEFORE.test(before.raw)) || (after && PORCELAIN_AFTER.test(after.raw)))) return true;
  if (id === 'country:GE') {
    let stateReading = georgiaVerdicts.get(tokens);
    if (stateReading === undefined) {
      stateReading = countMatches(GEORGIA_STATE, text) > countMatches(GEORGIA_COUNTRY, text);
      georgiaVerdicts.set(tokens, stateReading);
    }
    if (stateReading) return true;
  }
  return isPersonName(hit, text, tokens);
}
