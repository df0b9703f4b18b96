/**
 * Builds seeds/entities/countries.json: one `Entity` per ISO 3166-1 entry known to i18n-iso-countries
 * (plus Kosovo, which the library carries as XK), merged with the hand-written table in
 * seeds/entities/countries-extra.json (news names, former names, short forms, demonyms, variants).
 *
 * Run: npx tsx scripts/gen-countries.ts
 * The generated file is committed; test/unit/entities-data.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import type { Entity } from '../lib/types.ts';

/** One row of countries-extra.json, keyed there by alpha-2 code. */
export interface CountryExtra {
  /** Where the country lies, phrased to follow "in": "the Baltic region of Northern Europe". */
  region: string;
  /** What it is, when not simply a country: "British Overseas Territory". */
  kind?: string;
  /** Replaces the composed "<kind> in <region>" when that reads badly. */
  description?: string;
  /** English news name, when it differs from the library's first name. */
  name?: string;
  aliases?: string[];
  demonyms?: string[];
  variants?: string[];
  refs?: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
export const COUNTRIES_PATH = `${root}seeds/entities/countries.json`;
export const EXTRA_PATH = `${root}seeds/entities/countries-extra.json`;

/** English names per alpha-2 code, official name first, as the library lists them. */
export function libraryNames(): Record<string, string[]> {
  // The locale file ships as JSON inside a CommonJS package; require keeps this working under tsx and vitest alike.
  const require = createRequire(import.meta.url);
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const names = countries.getNames('en', { select: 'all' });
  return Object.fromEntries(Object.entries(names).map(([code, list]) => [code, [...list]]));
}

export function readExtra(path = EXTRA_PATH): Record<string, CountryExtra> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, CountryExtra>;
}

function unique(list: string[], exclude: Set<string>): string[] {
  const seen = new Set(exclude);
  const out: string[] = [];
  for (const item of list) {
    if (seen.has(item)) continue;
    seen.add(item);
    out.push(item);
  }
  return out;
}

/** Merges library names and the hand table into entities sorted by code; throws when the two disagree on codes. */
export function buildCountries(names: Record<string, string[]>, extra: Record<string, CountryExtra>): Entity[] {
  const missing = Object.keys(names).filter((code) => !extra[code]);
  const unknown = Object.keys(extra).filter((code) => !names[code]);
  if (missing.length || unknown.length) {
    throw new Error(`countries-extra.json out of step with ISO list: missing ${missing.join(',') || '-'}, unknown ${unknown.join(',') || '-'}`);
  }
  return Object.keys(names)
    .sort()
    .map((code) => {
      const lib = names[code] ?? [];
      const row = extra[code] as CountryExtra;
      const name = row.name ?? lib[0];
      if (!name) throw new Error(`no name for ${code}`);
      const demonyms = row.demonyms ?? [];
      // Key order is the order written to the file; optional fields are left out rather than emptied.
      const entity: Entity = {
        id: `country:${code}`,
        type: 'country',
        name,
        // Demonyms live in their own field so the detector can report form "demonym".
        aliases: unique([...lib, ...(row.aliases ?? [])], new Set([name, ...demonyms])),
        ...(demonyms.length ? { demonyms } : {}),
        ...(row.variants?.length ? { variants: row.variants } : {}),
        description: row.description ?? `${row.kind ?? 'Country'} in ${row.region}`,
        ...(row.refs?.length ? { refs: row.refs } : {}),
      };
      return entity;
    });
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  return JSON.stringify(value);
}

/** JSON with one key per line and arrays kept on one line, so diffs of the data stay readable. */
export function formatEntities(entities: Entity[]): string {
  const blocks = entities.map(
    (entity) =>
      '  {\n' +
      Object.entries(entity)
        .map(([key, value]) => `    ${JSON.stringify(key)}: ${formatValue(value)}`)
        .join(',\n') +
      '\n  }',
  );
  return `[\n${blocks.join(',\n')}\n]\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entities = buildCountries(libraryNames(), readExtra());
  writeFileSync(COUNTRIES_PATH, formatEntities(entities));
  console.log(`wrote ${entities.length} countries to ${COUNTRIES_PATH}`);
}
