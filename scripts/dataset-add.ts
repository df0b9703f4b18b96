/**
 * Adds sources and claims to the curated seeds from a compact batch file, so an edition can be
 * entered as fast as it is read:
 *   npx tsx scripts/dataset-add.ts batch.txt [--dry]
 * then `npm run dataset` validates the result. Lines (blank lines and `#` comments are ignored):
 *
 *   F <file>                      curated file for series not yet in any file (sticky): nato-europe-cyber…
 *   O <slug>|<Name>|<type>|<CC or ->|<owner or ->|<domain,domain>   a new outlet in outlets.json
 *   X <ex:id>|<Name>|<description>|<organizers>|<hosts>|<domains>   a new series in exercises.json
 *   A <outlet-slug> <domain>      adds a domain (a mirror) to an outlet
 *   N <ex:id> <lang> <text>[ = <translation>]                        a native name of a series
 *   S <outlet-slug> <yyyy-mm-dd> <url>                               starts a source
 *   T <headline as published>
 *   L <lang> · K <kind> · V <outlet-slug> (via) · D <src:id> <derivation> · I <id slug>
 *   E <ex:id> <year>              the series and edition the next claims are about (sticky)
 *   <kind> <value> [@c:CC|@t:CC|@p:label|@th:label] | <attribution or -> | <o|e|-> | <summary>
 *
 * Count values: =30 exact, ~30 about, >30 more-than, >=30 at-least, <=30 up-to, <30 fewer-than,
 * ^30 almost, 12000-15000 range, w200 words. Dates: 2025-05-06..2025-05-09 (either end may be
 * empty, precision from the form), optionally +10d. Location: CC; city; place (CC may be -).
 * Role: CC|org:x role. Edition: the ordinal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { canonicalUrl } from '../lib/text/url';

const urlKey = (url: string): string => canonicalUrl(url) ?? url;

const ROOT = resolve(import.meta.dirname, '..');
const CURATED = join(ROOT, 'seeds', 'curated');
const EXERCISES = join(ROOT, 'seeds', 'entities', 'exercises.json');

type Json = Record<string, any>;
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const write = (p: string, data: unknown) => writeFileSync(p, `${JSON.stringify(data, null, 2)}\n`);

const HEDGE_PREFIX: [string, string][] = [['>=', 'at-least'], ['<=', 'up-to'], ['=', 'exact'], ['~', 'about'], ['>', 'more-than'], ['<', 'fewer-than'], ['^', 'almost'], ['w', 'words']];
const COUNT_KINDS = new Set(['participants', 'nations', 'aircraft', 'vessels', 'vehicles', 'teams']);
const KIND_OF_TYPE: Record<string, string> = {
  government: 'official', 'international-organization': 'official', wire: 'news-agency', newspaper: 'newspaper',
  broadcaster: 'broadcaster', 'think-tank': 'think-tank', 'blog-aggregator': 'other',
};

function parseValue(kind: string, text: string): Json {
  if (COUNT_KINDS.has(kind)) {
    const range = /^(\d+)-(\d+)$/.exec(text);
    if (range) return { type: 'count', stated: [Number(range[1]), Number(range[2])], hedge: 'range' };
    for (const [prefix, hedge] of HEDGE_PREFIX) {
      if (text.startsWith(prefix) && /^\d+$/.test(text.slice(prefix.length))) return { type: 'count', stated: [Number(text.slice(prefix.length))], hedge };
    }
    throw new Error(`bad count ${text}`);
  }
  if (kind === 'dates') {
    const m = /^([\d-]*)\.\.([\d-]*)(?:\s+\+(\d+)d)?$/.exec(text);
    if (!m) throw new Error(`bad dates ${text}`);
    const [, start, end, days] = m;
    const sample = start || end || '';
    const precision = sample.length === 10 ? 'day' : sample.length === 7 ? 'month' : 'year';
    return { type: 'dates', start: start || null, end: end || null, precision, ...(days ? { durationDays: Number(days) } : {}) };
  }
  if (kind === 'location') {
    const [cc, city, place] = text.split(';').map((s) => s.trim());
    return { type: 'location', country: cc === '-' ? null : `country:${cc}`, ...(city ? { city } : {}), ...(place ? { place } : {}) };
  }
  if (kind === 'role') {
    const [entity, role] = text.split(/\s+/);
    return { type: 'role', entity: entity!.startsWith('org:') ? entity : `country:${entity}`, role };
  }
  if (kind === 'edition') return { type: 'edition', ordinal: Number(text) };
  throw new Error(`unknown kind ${kind}`);
}

function parseScope(text: string | undefined): Json {
  if (!text) return { kind: 'total' };
  const [tag, rest] = [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)];
  switch (tag) {
    case '@c': return { kind: 'contingent', of: `country:${rest}` };
    case '@t': return { kind: 'territory', of: `country:${rest}` };
    case '@p': return { kind: 'phase', label: rest.replace(/_/g, ' ') };
    case '@th': return { kind: 'threshold', label: rest.replace(/_/g, ' ') };
  }
  throw new Error(`bad scope ${text}`);
}

const COUNTRIES: Json[] = [...read(join(ROOT, 'seeds', 'entities', 'countries.json')), ...([] as Json[]).concat(Object.values(read(join(ROOT, 'seeds', 'entities', 'countries-extra.json'))).flat() as Json[])];
const SHORT: Record<string, string> = { US: 'the United States', GB: 'Britain', NL: 'the Netherlands', PH: 'the Philippines', KR: 'South Korea', CZ: 'the Czech Republic', AE: 'the United Arab Emirates', RU: 'Russia', TR: 'Turkey', MD: 'Moldova', KP: 'North Korea', IR: 'Iran', SY: 'Syria', TW: 'Taiwan', VN: 'Vietnam', LA: 'Laos', BN: 'Brunei', TZ: 'Tanzania', CD: 'the DR Congo', BO: 'Bolivia', VE: 'Venezuela' };
function countryName(cc: string): string {
  if (cc.startsWith('org:')) return cc;
  const e = COUNTRIES.find((c) => c.id === `country:${cc}`);
  if (!e) throw new Error(`no country ${cc}`);
  return SHORT[cc] ?? e.name;
}

function slugify(text: string, words = 6): string {
  const stop = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'to', 'and', 'for', 'at', 'with', 'as', 'by', 'is', 'from']);
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter((w) => w && !stop.has(w)).slice(0, words).join('-') || 'page';
}

function main(): void {
  const [batchPath, flag] = process.argv.slice(2);
  if (!batchPath) throw new Error('usage: dataset-add.ts batch.txt [--dry]');
  const outletsFile = read(join(CURATED, 'outlets.json'));
  const outlets: Json[] = outletsFile.outlets;
  const exercises: Json[] = read(EXERCISES);
  const files = new Map<string, Json>();
  for (const name of ['more-exercises', 'nato-europe-cyber', 'russia-asia-pacific']) files.set(name, read(join(CURATED, `${name}.json`)));
  const seriesFile = new Map<string, string>();
  for (const [name, data] of files) for (const c of data.claims) seriesFile.set(c.subject, name);

  const knownUrls = new Map<string, string>();
  for (const data of files.values()) for (const s of data.sources) knownUrls.set(urlKey(s.url), s.id);
  let defaultFile: string | null = null;
  let source: Json | null = null;
  let sourceFile: string | null = null;
  let series: string | null = null;
  let edition = 0;
  const added = { sources: 0, claims: 0 };
  const pending: Json[] = [];

  const flush = () => {
    if (!source) return;
    if (!source.title) throw new Error(`source ${source.url} has no title`);
    const outlet = outlets.find((o) => o.id === source!.outletId);
    if (!outlet) throw new Error(`no outlet ${source.outletId}`);
    source.outlet = outlet.name;
    if (!source.kind) {
      source.kind = KIND_OF_TYPE[outlet.type];
      if (!source.kind) throw new Error(`source ${source.url}: outlet ${outlet.id} is ${outlet.type}, give K`);
    }
    source.id = `src:${source.outletId.slice(7)}-${source.published}-${source.slug ?? slugify(source.title)}`;
    delete source.slug;
    const claims = pending.splice(0);
    if (!claims.length && !flag?.includes('keep')) throw new Error(`source ${source.id} has no claims`);
    const subjects = new Set(claims.map((c) => c.subject));
    const key = urlKey(source.url);
    if (knownUrls.has(key)) {
      console.warn(`skipped: ${source.url} is already ${knownUrls.get(key)}`);
      source = null;
      return;
    }
    knownUrls.set(key, source.id);
    const target = sourceFile ?? seriesFile.get([...subjects][0]!) ?? defaultFile;
    if (!target) throw new Error(`no file for ${[...subjects].join(',')}`);
    const data = files.get(target)!;
    const ordered: Json = { id: source.id, title: source.title, outlet: source.outlet, outletId: source.outletId, published: source.published, url: source.url, language: source.language ?? 'en', kind: source.kind, derivedFrom: source.derivedFrom ?? null };
    if (source.derivation) ordered.derivation = source.derivation;
    if (source.via) ordered.via = source.via;
    data.sources.push(ordered);
    added.sources++;
    for (const c of claims) {
      const file = seriesFile.get(c.subject) ?? defaultFile;
      if (!file) throw new Error(`no file for series ${c.subject}`);
      seriesFile.set(c.subject, file);
      files.get(file)!.claims.push({ ...c, source: source.id });
      added.claims++;
      const ex = exercises.find((e) => e.id === c.subject);
      if (!ex) throw new Error(`no series ${c.subject}`);
      ex.editions = [...new Set([...(ex.editions ?? []), c.edition])].sort((a: number, b: number) => a - b);
    }
    source = null;
    sourceFile = null;
  };

  for (const raw of readFileSync(batchPath, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const tag = line.slice(0, 2);
    const rest = line.slice(2).trim();
    try {
      if (tag === 'F ') defaultFile = rest;
      else if (tag === 'O ') {
        const [slug, name, type, cc, owner, domains] = rest.split('|').map((s) => s.trim());
        if (outlets.some((o) => o.id === `outlet:${slug}`)) continue;
        const o: Json = { id: `outlet:${slug}`, name, type, country: cc === '-' ? null : cc };
        if (owner && owner !== '-') o.stateOwner = owner;
        o.domains = domains!.split(',').map((d) => d.trim());
        for (const d of o.domains) {
          const owner = outlets.find((x) => x.domains.some((od: string) => od === d || d.endsWith(`.${od}`)));
          if (owner) throw new Error(`domain ${d} is already ${owner.id}'s`);
        }
        outlets.push(o);
      } else if (tag === 'X ') {
        // X ex:id|Name|description|organizer,…|host,…|domain,…
        const [id, name, description, organizer, host, domain] = rest.split('|').map((x) => x.trim());
        if (!exercises.some((e) => e.id === id)) {
          const list = (v: string | undefined) => (v && v !== '-' ? v.split(',').map((x) => x.trim()) : []);
          exercises.push({ id, type: 'exercise', name, aliases: [], description, organizer: list(organizer), host: list(host), domain: list(domain), editions: [] });
        }
      } else if (tag === 'A ') {
        const [slug, domain] = rest.split(/\s+/);
        const o = outlets.find((x) => x.id === `outlet:${slug}`);
        if (!o) throw new Error(`no outlet ${slug}`);
        if (!o.domains.includes(domain)) o.domains.push(domain);
      } else if (tag === 'N ') {
        const m = /^(\S+)\s+(\S+)\s+(.+?)(?:\s+=\s+(.+))?$/.exec(rest)!;
        const ex = exercises.find((e) => e.id === m[1]);
        if (!ex) throw new Error(`no series ${m[1]}`);
        ex.native = ex.native ?? [];
        if (!ex.native.some((n: Json) => n.text === m[3])) ex.native.push({ text: m[3], lang: m[2], ...(m[4] ? { translation: m[4] } : {}) });
      } else if (tag === 'S ') {
        flush();
        const [slug, date, url] = rest.split(/\s+/);
        source = { outletId: `outlet:${slug}`, published: date, url };
      } else if (tag === 'T ') source!.title = rest;
      else if (tag === 'L ') source!.language = rest;
      else if (tag === 'K ') source!.kind = rest;
      else if (tag === 'V ') source!.via = `outlet:${rest}`;
      else if (tag === 'I ') source!.slug = rest;
      else if (tag === 'D ') {
        const [from, how] = rest.split(/\s+/);
        source!.derivedFrom = from;
        source!.derivation = how;
      } else if (tag === 'E ') {
        const [id, year] = rest.split(/\s+/);
        series = id!;
        edition = Number(year);
      } else {
        const [head, attribution, stance, ...summary] = line.split('|').map((s) => s.trim());
        if (head!.startsWith('roles ')) {
          // roles CC,CC,… role | attribution | stance | summary with {name}
          const [, list, role] = head!.split(/\s+/);
          if (!series) throw new Error('claim before E');
          for (const cc of list!.split(',')) {
            const name = countryName(cc);
            pending.push({
              source: '', subject: series, edition, kind: 'role', value: parseValue('role', `${cc} ${role}`), scope: { kind: 'total' },
              summary: summary.join('|').replace('{name}', name).replace(/^./, (c) => c.toUpperCase()),
              attribution: !attribution || attribution === '-' ? null : attribution,
              stance: stance === 'o' ? 'official' : stance === 'e' ? 'estimate' : null,
            });
          }
          continue;
        }
        const m = /^(\w+)\s+(.+?)(?:\s+(@\w+:\S+))?$/.exec(head!);
        if (!m) throw new Error('bad claim head');
        const [, kind, valueText, scopeText] = m;
        if (!series) throw new Error('claim before E');
        pending.push({
          source: '', subject: series, edition, kind, value: parseValue(kind!, valueText!), scope: parseScope(scopeText),
          summary: summary.join('|'), attribution: !attribution || attribution === '-' ? null : attribution,
          stance: stance === 'o' ? 'official' : stance === 'e' ? 'estimate' : null,
        });
      }
    } catch (error) {
      throw new Error(`${batchPath}: ${line}\n  ${(error as Error).message}`);
    }
  }
  flush();
  if (flag === '--dry') {
    console.log(`dry run: ${added.sources} sources, ${added.claims} claims`);
    return;
  }
  for (const [name, data] of files) write(join(CURATED, `${name}.json`), data);
  write(join(CURATED, 'outlets.json'), outletsFile);
  write(EXERCISES, exercises);
  console.log(`added ${added.sources} sources, ${added.claims} claims`);
}

main();
