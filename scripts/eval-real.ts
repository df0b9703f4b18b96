/**
 * Scores Triangulate on the real-reporting development set (test/real/, texts in the cache outside
 * the repository; see test/real/README.md). Each article is annotated against all the others, as
 * imported sources with their derivations detected, and compared with the facts we wrote down.
 *
 *   npm run eval:real [-- --errors] [--part dev|heldout]
 *
 * Prints per part and per claim kind: extraction precision and recall, conflict precision,
 * corroboration precision, derived-source recall, circular corroborations, and every wrong verdict
 * with its cause.
 */
import { parseArgs } from 'node:util';
import { compareClaims, deriveBatch, relate } from '../lib/claims';
import { wireName } from '../lib/claims/credits';
import { readSeeds } from '../lib/dataset/seeds-fs';
import { createDetector } from '../lib/detect';
import { analyzeArticle } from '../lib/pipeline/analyze';
import type { Claim, ClaimValue, Evidence, Scope, Source } from '../lib/types';
import { cachedText, loadRealSet, realCacheDir, type RealArticle, type RealFact } from './lib/real-set';

const { values: args } = parseArgs({ options: { errors: { type: 'boolean', default: false }, part: { type: 'string' }, lang: { type: 'string' } } });

const all = loadRealSet();
const texts = new Map<string, string>();
for (const a of all) {
  const t = cachedText(a.id);
  if (t) texts.set(a.id, t);
}
if (!texts.size) {
  console.log(`eval:real skipped: no cached texts in ${realCacheDir()} (see test/real/README.md to fill the cache).`);
  process.exit(0);
}
const missing = all.filter((a) => !texts.has(a.id));
if (missing.length) console.log(`note: ${missing.length} article(s) have no cached text and are skipped: ${missing.map((a) => a.id).join(', ')}`);
const articles = all.filter((a) => texts.has(a.id));

const seeds = readSeeds('seeds');
const detector = createDetector(seeds.entities);
const countryOfEntity = (id: string): string | undefined => (id.startsWith('country:') ? id : detector.gazetteer.entities.get(id)?.country);
const outletNames = (id: string): string[] => {
  const e = detector.gazetteer.entities.get(id);
  return e ? [e.name, ...e.aliases, ...(e.variants ?? [])] : [];
};

/** The publisher as a page would give it: the set notes whose story it carries in parentheses ("The Columbian (Associated Press)"). */
const publisher = (a: RealArticle): string => a.outlet.replace(/\s*\([^)]*\)/g, '').trim();

// 1. Analyse every article as an imported source.
const analysed = articles.map((a) => {
  const text = texts.get(a.id)!;
  const analysis = analyzeArticle({ title: '', outlet: publisher(a), published: a.published, url: a.url, text }, a.id, detector);
  const source: Source = {
    id: a.id, title: a.id, outlet: publisher(a), published: a.published, language: a.language, url: a.url, origin: 'imported', set: 'real',
    entities: analysis.entities, text, fingerprint: analysis.fingerprint, signature: analysis.signature,
  };
  return { article: a, analysis, source };
});
const sources = new Map(analysed.map((x) => [x.source.id, x.source]));

// 2. Derivation of every source against the others, oriented (what import does: deriveBatch).
const derived = deriveBatch(analysed.map((x) => ({ source: x.source, mentions: x.analysis.mentions })), { storedFor: () => [], outletOf: outletNames, canRelink: () => false });
const derivedFrom = new Map<string, string | null>();
const cited = new Map<string, string[]>();
for (const x of analysed) {
  const link = derived.links.get(x.source.id)!;
  derivedFrom.set(x.article.id, link.derivedFrom);
  cited.set(x.article.id, link.retells ? [link.retells, ...link.cited] : link.cited);
  if (link.retells) x.source.retells = link.retells;
}
if (process.env.DEBUG_DERIV) console.log([...derivedFrom].filter(([, v]) => v));
for (const [id, up] of derivedFrom) sources.get(id)!.derivedFrom = up;

// Gold origins: an article retelling another in the set shares its origin; wire copies of one outlet's story share that outlet.
const goldById = new Map(articles.map((a) => [a.id, a]));
function goldOrigin(a: RealArticle): string {
  let at = a;
  for (let hops = 0; hops < 10 && at.retells; hops++) {
    if (at.retells.id && goldById.has(at.retells.id)) at = goldById.get(at.retells.id)!;
    else return `outlet:${(at.retells.outlet ?? '').toLowerCase()}`;
  }
  return at.id;
}

// 3. Extraction against the written facts.
function scopeOf(f: RealFact): Scope | undefined {
  return !f.scope || f.scope.kind === 'total' ? undefined : (f.scope as Scope);
}
function valueMatches(c: ClaimValue, f: RealFact): boolean {
  const v = f.value as Record<string, unknown>;
  switch (c.type) {
    case 'count':
      return JSON.stringify(c.stated) === JSON.stringify(v.stated);
    case 'dates': {
      let same = 0;
      for (const k of ['start', 'end'] as const) {
        const g = v[k] as string | null | undefined;
        const x = c[k];
        if (!g || !x) continue;
        const l = Math.min(g.length, x.length);
        if (g.slice(0, l) !== x.slice(0, l)) return false;
        same++;
      }
      return same > 0;
    }
    case 'location':
      return c.country === v.country;
    case 'role': {
      // "The Russian Navy organised it" says Russia takes part: a country matches its own forces,
      // and taking part is implied by organising or hosting.
      const sameEntity = c.entity === v.entity || (!!countryOfEntity(v.entity as string) && countryOfEntity(v.entity as string) === c.entity);
      return sameEntity && (c.role === v.role || (c.role === 'participant' && (v.role === 'organizer' || v.role === 'host')));
    }
    case 'edition':
      return c.ordinal === v.ordinal;
  }
}
function factMatches(c: Pick<Claim, 'subject' | 'edition' | 'kind' | 'value' | 'scope'>, f: RealFact): boolean {
  if (c.subject !== f.subject || c.kind !== f.kind || c.edition !== f.edition) return false;
  if (c.value.type === 'count' && !sameScopeLoose(c.scope, scopeOf(f))) return false;
  return valueMatches(c.value, f);
}
function sameScopeLoose(a: Scope | undefined, b: Scope | undefined): boolean {
  const ka = a?.kind ?? 'total';
  const kb = b?.kind ?? 'total';
  if (ka !== kb) return false;
  if (ka === 'contingent' || ka === 'territory') return !a?.of || !b?.of || a.of === b.of;
  return true;
}
/** The written fact a claim matches, the exact one first (a role's own entity and role before its country's forces). */
function bestFact(c: Pick<Claim, 'subject' | 'edition' | 'kind' | 'value' | 'scope'>, facts: RealFact[]): RealFact | undefined {
  const all = facts.filter((f) => factMatches(c, f));
  // A place or date matches facts of any scope; the one of the claim's own scope is the one it states.
  const own = all.filter((f) => sameScopeLoose(c.scope, scopeOf(f)));
  const matching = own.length ? own : all;
  return matching.find((f) => JSON.stringify(goldFactValue(f)) === JSON.stringify(c.value)) ?? matching.find((f) => c.value.type !== 'role' || (f.value as { role?: string }).role === c.value.role) ?? matching[0];
}

function goldFactValue(f: RealFact): ClaimValue {
  const v = f.value as Record<string, unknown>;
  switch (f.kind) {
    case 'dates': return { type: 'dates', start: (v.start as string) ?? null, end: (v.end as string) ?? null, precision: (v.precision as 'day') ?? 'day' };
    case 'location': return { type: 'location', country: (v.country as string) ?? null };
    case 'role': return { type: 'role', entity: v.entity as string, role: v.role as 'participant', ...(v.from ? { from: v.from as number } : {}), ...(v.to ? { to: v.to as number } : {}) };
    case 'edition': return { type: 'edition', ordinal: v.ordinal as number };
    default: return { type: 'count', stated: v.stated as number[], hedge: (v.hedge as 'exact') ?? 'exact' };
  }
}

/** "A two-week exercise": a length without dates, which the set's fact schema does not record; left out of every figure. */
function durationOnly(c: Claim): boolean {
  return c.value.type === 'dates' && !c.value.start && !c.value.end;
}

interface Tally { tp: number; fp: number; gold: number; found: number }
const KINDS = ['participants', 'nations', 'aircraft', 'vessels', 'vehicles', 'teams', 'dates', 'location', 'role', 'edition'];

function scorePart(part: 'dev' | 'heldout' | 'all', lang?: string) {
  const inPart = analysed.filter((x) => (part === 'all' || x.article.part === part) && (!lang || x.article.language === lang));
  const ext = new Map<string, Tally>(KINDS.map((k) => [k, { tp: 0, fp: 0, gold: 0, found: 0 }]));
  const errors: string[] = [];
  let undated = 0;
  let conflicts = 0, conflictsRight = 0, corrob = 0, corrobRight = 0, circular = 0, disputed = 0, disputedRight = 0;
  let derivedGold = 0, derivedFound = 0, citedGold = 0, citedFound = 0, falseDerived = 0;
  const entities = { tp: 0, found: 0, gold: 0 };
  /** Claims the engine marks tentative (read from a sentence that does not name the exercise, or a guessed edition). */
  const tentative = { tp: 0, found: 0 };

  for (const x of inPart) {
    const facts = x.article.facts;
    // Entities: the ids detected against the ids the set says the text mentions (where it says).
    if (x.article.entities) {
      const gold = new Set(x.article.entities);
      const got = new Set(x.analysis.mentions.map((m) => m.id));
      entities.gold += gold.size;
      entities.found += got.size;
      for (const id of got) if (gold.has(id)) entities.tp++;
      if (args.errors) {
        for (const id of got) if (!gold.has(id)) errors.push(`entity extra  ${x.article.id} ${id} "${x.analysis.mentions.find((m) => m.id === id)!.text}"`);
        for (const id of gold) if (!got.has(id)) errors.push(`entity missed ${x.article.id} ${id}`);
      }
    }
    for (const f of facts) ext.get(f.kind)!.gold++;
    for (const f of facts) if (x.analysis.claims.some((c) => factMatches(c, f))) ext.get(f.kind)!.found++;
    for (const c of x.analysis.claims) {
      if (durationOnly(c)) continue;
      const t = ext.get(c.kind)!;
      if (c.tentative) {
        tentative.found++;
        if (facts.some((f) => factMatches(c, f))) tentative.tp++;
      }
      if (facts.some((f) => factMatches(c, f))) t.tp++;
      // No edition is "cannot tell which", not a wrong one: right when all else matches a fact of some edition
      // (such a claim is never compared for a verdict, a role that carries its own years apart: compare.ts).
      // It still finds no fact for recall.
      else if (c.edition === null && !(c.value.type === 'role' && (c.value.from !== undefined || c.value.to !== undefined)) && facts.some((f) => factMatches({ ...c, edition: f.edition }, f))) {
        t.tp++;
        undated++;
      } else {
        t.fp++;
        if (args.errors) errors.push(`extra  ${x.article.id} ${c.kind} ${c.subject} ${c.edition} "${c.text}" ${JSON.stringify(c.value.type === 'count' ? c.value.stated : c.value)} ${c.scope ? JSON.stringify(c.scope) : ''}`);
      }
    }
    if (args.errors) for (const f of facts) if (!x.analysis.claims.some((c) => factMatches(c, f))) errors.push(`missed ${x.article.id} ${f.kind} ${f.subject} ${f.edition} ${JSON.stringify(f.value)} ${f.scope && f.scope.kind !== 'total' ? JSON.stringify(f.scope) : ''}`);

    // Derivation: a retelling is recognised when the engine links it to its origin in the KB (the
    // article it retells, or another copy of the same original) or names the origin its lede credits.
    const g = x.article.retells;
    if (g) {
      const inSet = !!g.id && goldById.has(g.id);
      const chain: string[] = [];
      for (let at: string | null | undefined = derivedFrom.get(x.article.id); at && chain.length < 10; at = derivedFrom.get(at)) chain.push(at);
      const linked = chain.length > 0 && ((!!g.id && chain.includes(g.id)) || goldOrigin(goldById.get(chain.at(-1)!)!) === goldOrigin(x.article));
      const origin = goldOrigin(x.article);
      const want = wireName(origin.startsWith('outlet:') ? origin.slice(7) : (g.outlet ?? goldById.get(origin)?.outlet ?? '')).toLowerCase();
      const names = (cited.get(x.article.id) ?? []).map((n) => wireName(n).toLowerCase());
      const named = !!want && names.some((n) => n.includes(want) || want.includes(n));
      if (inSet) derivedGold++;
      else citedGold++;
      if (linked || named) {
        if (inSet) derivedFound++;
        else citedFound++;
      } else errors.push(`derivation ${x.article.id}: retells ${g.id ?? g.outlet} (${g.how}), engine says ${derivedFrom.get(x.article.id) ?? 'independent'}${names.length ? `, names ${names.join(', ')}` : ''}`);
    } else if (derivedFrom.get(x.article.id) || x.source.retells) {
      // A source the set says retells nothing, linked to another or crediting an outlet for its story: a false derived.
      falseDerived++;
      errors.push(`false derived ${x.article.id}: retells nothing, engine says ${derivedFrom.get(x.article.id) ?? `credits ${x.source.retells}`}`);
    }

    // Verdicts against every other article.
    // Dev pages are compared with dev articles only, so nothing of the held-out part is seen while tuning.
    const pool = analysed.filter((y) => y !== x && (x.article.part === 'heldout' || y.article.part === 'dev'));
    const others = pool.flatMap((y) => y.analysis.claims);
    const chain = new Map<string, string | null>([...derivedFrom].map(([k, v]) => [k, v]));
    const annotated = compareClaims(x.analysis.claims.filter((c) => !durationOnly(c)), others.filter((c) => !durationOnly(c)), sources, { pageSourceId: x.article.id, derivation: chain });
    const pageOrigin = goldOrigin(x.article);
    for (const a of annotated) {
      const pf = bestFact(a, facts);
      const judge = (e: Evidence, kind: 'conflict' | 'agree' | 'disputed'): [boolean, string] => {
        const other = goldById.get(e.source.id)!;
        // Evidence is compared within one kind: "32 countries … 32 ships" gives two claims of one sentence and value.
        const oc = analysed.find((y) => y.article.id === e.source.id)!.analysis.claims.find((c) => c.kind === a.kind && c.sentence === e.text && JSON.stringify(c.value) === JSON.stringify(e.value));
        const of = oc ? bestFact(oc, other.facts) : undefined;
        if (!pf) return [false, 'page claim misread'];
        if (!of) return [false, 'other claim misread'];
        // Two written facts name one part in different words ("NATO allies", org:nato): compared loosely.
        if (pf.subject !== of.subject || pf.edition !== of.edition || pf.kind !== of.kind || !sameScopeLoose(scopeOf(pf), scopeOf(of))) return [false, 'not the same fact (scope/edition)'];
        if (kind === 'agree' && goldOrigin(other) === pageOrigin) return [false, 'circular: retelling of the page or of its origin'];
        // A role claim matches a written fact that implies it ("Russia takes part" matches "Russia hosts"): the
        // two claims are then judged by what both facts imply, the claims' own values.
        const r = pf.kind === 'role' && kind === 'agree' && oc ? relate(a.value, oc.value) : relate(goldFactValue(pf), goldFactValue(of));
        const estimates = (pf.stance === 'estimate') !== (of.stance === 'estimate');
        if (kind === 'agree') return [r === 'agree', `gold values ${r}`];
        if (kind === 'disputed') return [r === 'disagree' || r === 'close' || r === 'other', `gold values ${r}`];
        return [r === 'disagree' && !estimates, estimates ? 'official vs estimate: a dispute' : `gold values ${r}`];
      };
      for (const e of a.conflicting) {
        conflicts++;
        const [ok, why] = judge(e, 'conflict');
        if (ok) conflictsRight++;
        else errors.push(`conflict ${x.article.id} ${a.kind} "${a.text}" vs ${e.source.id} ${JSON.stringify(e.value.type === 'count' ? e.value.stated : e.value)}: ${why}`);
      }
      for (const e of a.corroborating.filter((e) => e.relation === 'agree')) {
        corrob++;
        const [ok, why] = judge(e, 'agree');
        if (ok) corrobRight++;
        else {
          if (why.startsWith('circular')) circular++;
          errors.push(`corroboration ${x.article.id} ${a.kind} "${a.text}" by ${e.source.id}: ${why}`);
        }
      }
      for (const e of a.other.filter((e) => e.relation === 'disputed')) {
        disputed++;
        const [ok, why] = judge(e, 'disputed');
        if (ok) disputedRight++;
        else if (args.errors) errors.push(`disputed ${x.article.id} ${a.kind} "${a.text}" vs ${e.source.id}: ${why}`);
      }
    }
  }
  return { n: inPart.length, undated, tentative, entities, ext, conflicts, conflictsRight, corrob, corrobRight, circular, disputed, disputedRight, derivedGold, derivedFound, citedGold, citedFound, falseDerived, errors };
}

const ratio = (a: number, b: number): string => (b ? (a / b).toFixed(3) : '  n/a');
const parts = args.part ? [args.part as 'dev' | 'heldout'] : (['dev', 'heldout', 'all'] as const);
for (const part of parts) {
  const s = scorePart(part, args.lang);
  console.log(`\n== ${part}${args.lang ? ` (${args.lang})` : ''}: ${s.n} articles ==`);
  console.log('kind          extracted  gold  precision  recall');
  let tp = 0, fp = 0, gold = 0, found = 0;
  for (const [k, t] of s.ext) {
    if (!t.gold && !t.tp && !t.fp) continue;
    tp += t.tp; fp += t.fp; gold += t.gold; found += t.found;
    console.log(`${k.padEnd(13)} ${String(t.tp + t.fp).padStart(9)} ${String(t.gold).padStart(5)}  ${ratio(t.tp, t.tp + t.fp).padStart(9)}  ${ratio(t.found, t.gold).padStart(6)}`);
  }
  console.log(`${'all'.padEnd(13)} ${String(tp + fp).padStart(9)} ${String(gold).padStart(5)}  ${ratio(tp, tp + fp).padStart(9)}  ${ratio(found, gold).padStart(6)}`);
  if (s.tentative.found) console.log(`(of these, ${s.tentative.found} tentative claim(s), right ${ratio(s.tentative.tp, s.tentative.found)}: never set against others as a conflict)`);
  if (s.undated) console.log(`(${s.undated} right claim(s) above give no edition: the text does not tell it; they find no fact for recall)`);
  if (s.entities.gold) console.log(`entities                 precision ${ratio(s.entities.tp, s.entities.found)}, recall ${ratio(s.entities.tp, s.entities.gold)} (${s.entities.tp} right of ${s.entities.found} found, ${s.entities.gold} written)`);
  console.log(`conflict precision       ${ratio(s.conflictsRight, s.conflicts)} (${s.conflictsRight}/${s.conflicts})`);
  console.log(`corroboration precision  ${ratio(s.corrobRight, s.corrob)} (${s.corrobRight}/${s.corrob}); circular corroborations: ${s.circular}`);
  console.log(`disputed-figure precision ${ratio(s.disputedRight, s.disputed)} (${s.disputedRight}/${s.disputed})`);
  console.log(`derived recall            ${ratio(s.derivedFound + s.citedFound, s.derivedGold + s.citedGold)} (${s.derivedFound + s.citedFound}/${s.derivedGold + s.citedGold}): origin in the set ${s.derivedFound}/${s.derivedGold}, origin outside the set ${s.citedFound}/${s.citedGold}`);
  console.log(`false derived             ${s.falseDerived} (of ${s.n - s.derivedGold - s.citedGold} sources that retell nothing)`);
  // Held-out errors are listed only when that part is named (`--part heldout --errors`), never by default.
  if (s.errors.length && (part === 'dev' || (args.errors && args.part === part))) {
    console.log('wrong verdicts and derivations' + (args.errors ? ', extraction errors' : '') + ':');
    for (const e of s.errors) console.log('  - ' + e);
  }
  if (!args.lang) {
    // The languages issue's figures, per language: entities, facts, verdicts (conflicts and corroborations together), derivations.
    const langs = [...new Set(analysed.map((x) => x.article.language))].sort();
    if (langs.length > 1) {
      console.log('by language   articles  entity P  entity R  claim P  fact R  verdict P          derived R');
      for (const l of langs) {
        const t = scorePart(part, l);
        let ltp = 0, lfp = 0, lgold = 0, lfound = 0;
        for (const k of t.ext.values()) { ltp += k.tp; lfp += k.fp; lgold += k.gold; lfound += k.found; }
        const verdicts = `${ratio(t.conflictsRight + t.corrobRight, t.conflicts + t.corrob)} (${t.conflictsRight + t.corrobRight}/${t.conflicts + t.corrob})`;
        const derivedR = `${ratio(t.derivedFound + t.citedFound, t.derivedGold + t.citedGold)} (${t.derivedFound + t.citedFound}/${t.derivedGold + t.citedGold})`;
        console.log(`${l.padEnd(13)} ${String(t.n).padStart(8)}  ${ratio(t.entities.tp, t.entities.found).padStart(8)}  ${ratio(t.entities.tp, t.entities.gold).padStart(8)}  ${ratio(ltp, ltp + lfp).padStart(7)}  ${ratio(lfound, lgold).padStart(6)}  ${verdicts.padEnd(17)}  ${derivedR}`);
      }
    }
  }
}
