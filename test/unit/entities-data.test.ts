import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../lib/types';
import { buildCountries, formatEntities, libraryNames, readExtra } from '../../scripts/gen-countries';

function load(file: string): Entity[] {
  return JSON.parse(readFileSync(new URL(`../../seeds/entities/${file}`, import.meta.url), 'utf8')) as Entity[];
}

const countries = load('countries.json');
const organizations = load('organizations.json');
const all = [...countries, ...organizations];
const byId = new Map(all.map((e) => [e.id, e]));

/** Every string the detector may match for an entity, tagged with the field it came from. */
function surfaceForms(e: Entity): string[] {
  return [e.name, ...e.aliases, ...(e.demonyms ?? []), ...(e.variants ?? [])];
}

const REQUIRED_IDS = [
  'org:nato', 'org:eu', 'org:un', 'org:osce', 'org:csto', 'org:sco', 'org:asean', 'org:african-union', 'org:g7',
  'org:nato-act', 'org:nato-aco', 'org:ccdcoe', 'org:us-dod', 'org:us-army', 'org:us-navy', 'org:us-air-force',
  'org:us-marine-corps', 'org:us-cyber-command', 'org:us-indopacom', 'org:us-eucom', 'org:uk-mod', 'org:ru-mod',
  'org:ru-armed-forces', 'org:by-mod', 'org:pla', 'org:jp-mod', 'org:jsdf', 'org:jgsdf', 'org:jmsdf', 'org:jasdf',
  'org:jp-joint-staff', 'org:jsdf-cyber-defense-group', 'org:cn-mod', 'org:reuters', 'org:ap', 'org:afp', 'org:xinhua',
  'org:tass', 'org:ria-novosti', 'org:kyodo', 'org:nikkei', 'org:bbc', 'org:cankao-xiaoxi', 'org:in-mod',
  'org:au-defence', 'org:kr-mod', 'org:de-bundeswehr', 'org:fr-armed-forces',
];

/**
 * Surface forms that genuinely name more than one entity. The detector must disambiguate these from
 * context (the article's country, neighbouring mentions); everything else resolves to exactly one id.
 */
const SHARED_FORMS: Record<string, string[]> = {
  congo: ['country:CD', 'country:CG'],
  congolese: ['country:CD', 'country:CG'],
  cna: ['org:cna', 'org:cna-singapore', 'org:focus-taiwan'],
  csis: ['org:csis', 'org:csis-canada'],
  iaf: ['org:il-air-force', 'org:indian-air-force'],
};

/** Phrases that name a role, not a body: the detector resolves them through `role` and the article's country. */
const GENERIC_PHRASES = [
  'Defense Ministry', 'Defence Ministry', 'Ministry of Defense', 'Ministry of Defence', 'Ministry of National Defense',
  'Ministry of National Defence', 'Department of Defence', 'Defense Department', 'Federal Ministry of Defence', 'MoD',
  'Foreign Ministry', 'Ministry of Foreign Affairs', 'Department of Foreign Affairs', 'Armed Forces', 'the military',
  'Army', 'Navy', 'Air Force', 'Joint Staff', 'Joint Chiefs of Staff', 'JCS', 'DND', 'MOFA', 'MND', 'Security Council',
];

describe('entity seed files', () => {
  it('parse into complete entities of the right type', () => {
    expect(countries.every((e) => e.type === 'country')).toBe(true);
    expect(organizations.every((e) => e.type === 'organization')).toBe(true);
    for (const e of all) {
      expect(e.name.trim(), e.id).not.toBe('');
      expect(e.description.trim(), e.id).not.toBe('');
      expect(Array.isArray(e.aliases), e.id).toBe(true);
    }
  });

  it('use unique, well-formed ids', () => {
    expect(byId.size).toBe(all.length);
    for (const e of countries) expect(e.id).toMatch(/^country:[A-Z]{2}$/);
    for (const e of organizations) expect(e.id).toMatch(/^org:[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('contain every id other modules rely on', () => {
    expect(REQUIRED_IDS.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('cover every ISO 3166-1 entry and at least 300 organizations', () => {
    expect(countries.length).toBeGreaterThanOrEqual(249);
    const missing = Object.keys(libraryNames()).filter((code) => !byId.has(`country:${code}`));
    expect(missing).toEqual([]);
    expect(organizations.length).toBeGreaterThanOrEqual(300);
  });

  it('keep countries.json in step with its generator', () => {
    const built = formatEntities(buildCountries(libraryNames(), readExtra()));
    const committed = readFileSync(new URL('../../seeds/entities/countries.json', import.meta.url), 'utf8');
    expect(committed).toBe(built);
  });

  it('list every library name of a country among its names', () => {
    for (const [code, names] of Object.entries(libraryNames())) {
      const e = byId.get(`country:${code}`);
      const known = new Set(e ? [e.name, ...e.aliases] : []);
      expect(names.filter((n) => !known.has(n)), code).toEqual([]);
    }
  });

  it('give demonyms to at least 190 countries', () => {
    expect(countries.filter((e) => (e.demonyms ?? []).length > 0).length).toBeGreaterThanOrEqual(190);
    expect(byId.get('country:JP')?.demonyms).toContain('Japanese');
    expect(byId.get('country:GB')?.demonyms).toEqual(expect.arrayContaining(['British', 'Briton', 'Britons']));
  });

  it('point organization country and parent at existing entities, without cycles', () => {
    for (const e of organizations) {
      if (e.country) expect(byId.get(e.country)?.type, `${e.id} country`).toBe('country');
      if (e.parent) expect(byId.get(e.parent)?.type, `${e.id} parent`).toBe('organization');
      const seen = new Set([e.id]);
      for (let p = e.parent; p; p = byId.get(p)?.parent) {
        expect(seen.has(p), `${e.id} parent cycle`).toBe(false);
        seen.add(p);
      }
    }
  });

  it('give role-bearing organizations a country, with ministries for at least 40 countries', () => {
    const roles = new Set(['defence-ministry', 'foreign-ministry', 'armed-forces', 'news-outlet']);
    for (const e of organizations) {
      if (!e.role) continue;
      expect(roles.has(e.role), `${e.id} role ${e.role}`).toBe(true);
      expect(e.country, e.id).toBeTruthy();
    }
    const withRole = (role: string) => new Set(organizations.filter((e) => e.role === role).map((e) => e.country));
    const defence = withRole('defence-ministry');
    const both = [...withRole('foreign-ministry')].filter((c) => defence.has(c));
    expect(both.length).toBeGreaterThanOrEqual(40);
    // One body per role and country, or "the Defense Ministry" would resolve to two.
    for (const role of ['defence-ministry', 'foreign-ministry', 'armed-forces']) {
      const countriesWithRole = organizations.filter((e) => e.role === role).map((e) => e.country);
      expect(new Set(countriesWithRole).size, role).toBe(countriesWithRole.length);
    }
  });

  it('have no empty or repeated surface forms within an entity', () => {
    for (const e of all) {
      const forms = surfaceForms(e);
      expect(forms.filter((f) => f.trim() === '' || f !== f.trim()), e.id).toEqual([]);
      expect(forms.filter((f, i) => forms.indexOf(f) !== i), e.id).toEqual([]);
      // Case variants are repeats too, except an acronym beside its newspaper spelling ("NATO", "Nato"):
      // the detector matches all-caps acronyms case-sensitively, so both are needed.
      const caseless = forms.filter((f) => /\p{Ll}/u.test(f)).map((f) => f.toLowerCase());
      expect(caseless.filter((f, i) => caseless.indexOf(f) !== i), e.id).toEqual([]);
    }
  });

  it('share a surface form between entities only where listed as ambiguous', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of all) {
      for (const f of surfaceForms(e)) {
        const key = f.toLowerCase();
        owners.set(key, (owners.get(key) ?? new Set()).add(e.id));
      }
    }
    const shared = Object.fromEntries(
      [...owners].filter(([, ids]) => ids.size > 1).map(([form, ids]) => [form, [...ids].sort()]),
    );
    expect(shared).toEqual(SHARED_FORMS);
  });

  it('leave generic role phrases to role resolution', () => {
    const forms = new Set(all.flatMap((e) => surfaceForms(e).map((f) => f.toLowerCase())));
    expect(GENERIC_PHRASES.filter((p) => forms.has(p.toLowerCase()))).toEqual([]);
  });

  it('carry the forms seen in the seed documents', () => {
    const has = (id: string, field: 'aliases' | 'variants', form: string) => {
      const e = byId.get(id);
      expect(e?.[field] ?? [], `${id} ${field}`).toContain(form);
    };
    has('org:nikkei', 'variants', 'Japan Economic News');
    has('org:nikkei', 'variants', 'Nihon Keizai Shimbun');
    has('org:nikkei', 'aliases', 'Nikkei Asian Review');
    has('org:nikkei', 'aliases', 'Nikkei Asia');
    has('org:jgsdf', 'variants', 'land self defense team');
    has('org:jgsdf', 'aliases', 'Ground Self-Defense Force');
    has('org:jgsdf', 'aliases', 'GSDF');
    has('org:jsdf', 'aliases', 'Self-Defense Forces');
    has('org:jsdf', 'aliases', 'SDF');
    has('org:jsdf', 'variants', 'self defense force');
    has('org:jp-joint-staff', 'variants', 'integrated staff');
    has('org:jsdf-cyber-defense-group', 'variants', 'Cyber Defense Force');
    has('org:cankao-xiaoxi', 'aliases', 'Reference News');
    has('org:cankao-xiaoxi', 'variants', 'reference message network');
    has('org:ccdcoe', 'aliases', 'CCD COE');
    has('org:ccdcoe', 'variants', 'cyber war defense center');
    has('org:xinhua', 'aliases', 'Xinhua News Agency');
    has('org:eu', 'aliases', 'EU');
    expect(byId.get('org:ccdcoe')?.name).toBe('NATO Cooperative Cyber Defence Centre of Excellence');
    expect(byId.get('org:eu')?.name).toBe('European Union');
  });

  it('keep acronyms in their exact casing', () => {
    const names = (id: string) => { const e = byId.get(id); return e ? [e.name, ...e.aliases] : []; };
    expect(names('org:nato')).toEqual(expect.arrayContaining(['NATO', 'Nato']));
    expect(names('org:pla')).toContain('PLA');
    expect(names('org:ccdcoe')).toContain('CCDCOE');
    expect(byId.get('country:US')?.aliases).toEqual(expect.arrayContaining(['US', 'U.S.', 'USA']));
  });
});
