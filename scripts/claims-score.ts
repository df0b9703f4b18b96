/**
 * Scores claim extraction and comparison against the annotated set in test/fixtures/claims/gold.json:
 * extraction precision/recall per kind, verdict accuracy, and derivation accuracy.
 * Run: npx tsx scripts/claims-score.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareClaims, extractClaims, findDerivation } from '../lib/claims/index';
import type { Claim, ClaimKind, Entity, Source } from '../lib/types';
import { loadDocuments, mentionsFor, sourceOf } from '../test/fixtures/claims/fixtures';

interface GoldClaim {
  doc: string;
  kind: ClaimKind;
  subject: string;
  edition: number | null;
  value: Record<string, unknown>;
  text: string;
}
interface GoldVerdict {
  page: string;
  others: string[];
  derivation: Record<string, string>;
  kind: ClaimKind;
  text: string;
  verdict: string;
  independent?: number;
}
interface GoldDerivation {
  page: string;
  candidates: string[];
  derivedFrom: string | null;
  derivation: string | null;
}
interface Gold {
  countries: Record<string, string>;
  outlets: Record<string, string[]>;
  claims: GoldClaim[];
  verdicts: GoldVerdict[];
  derivations: GoldDerivation[];
}

export interface Score {
  perKind: Record<string, { tp: number; fp: number; fn: number; precision: number; recall: number }>;
  precision: number;
  recall: number;
  verdictAccuracy: number;
  independenceAccuracy: number;
  derivationAccuracy: number;
  failures: string[];
}

function matches(c: Claim, g: GoldClaim): boolean {
  if (c.source !== g.doc || c.kind !== g.kind || c.subject !== g.subject || c.edition !== g.edition) return false;
  const v = c.value as unknown as Record<string, unknown>;
  // Stated numbers are arrays: compare by value.
  return Object.entries(g.value).every(([k, x]) => JSON.stringify(v[k]) === JSON.stringify(x));
}

export function scoreGold(): Score {
  const gold = JSON.parse(readFileSync(fileURLToPath(new URL('../test/fixtures/claims/gold.json', import.meta.url)), 'utf8')) as Gold;
  const entity = (id: string): Entity | undefined =>
    gold.countries[id] ? ({ id, type: 'organization', name: id, aliases: [], description: '', country: gold.countries[id] } as Entity) : undefined;
  const claimsOf = new Map<string, Claim[]>();
  const sources = new Map<string, Source>();
  const mentionsOf = new Map<string, ReturnType<typeof mentionsFor>>();
  const docs = loadDocuments();
  for (const d of docs) {
    const mentions = mentionsFor(d.text, d.mentions);
    mentionsOf.set(d.id, mentions);
    sources.set(d.id, sourceOf(d, mentions));
    claimsOf.set(d.id, extractClaims({ text: d.text, published: d.published, sourceId: d.id, mentions, entity }));
  }
  const failures: string[] = [];

  const perKind: Score['perKind'] = {};
  const bump = (kind: string, field: 'tp' | 'fp' | 'fn'): void => {
    perKind[kind] ??= { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0 };
    perKind[kind][field]++;
  };
  const used = new Set<Claim>();
  for (const g of gold.claims) {
    const hit = (claimsOf.get(g.doc) ?? []).find((c) => !used.has(c) && matches(c, g));
    if (hit) {
      used.add(hit);
      bump(g.kind, 'tp');
    } else {
      bump(g.kind, 'fn');
      failures.push(`missed ${g.doc} ${g.kind} "${g.text}"`);
    }
  }
  for (const [doc, list] of claimsOf) {
    for (const c of list) {
      if (used.has(c)) continue;
      bump(c.kind, 'fp');
      failures.push(`extra ${doc} ${c.kind} "${c.text}"`);
    }
  }
  let tp = 0, fp = 0, fn = 0;
  for (const k of Object.values(perKind)) {
    k.precision = k.tp + k.fp ? k.tp / (k.tp + k.fp) : 1;
    k.recall = k.tp + k.fn ? k.tp / (k.tp + k.fn) : 1;
    tp += k.tp;
    fp += k.fp;
    fn += k.fn;
  }

  let verdictsRight = 0;
  let independenceChecked = 0;
  let independenceRight = 0;
  for (const v of gold.verdicts) {
    const others = v.others.flatMap((id) => claimsOf.get(id) ?? []);
    const derivation = new Map<string, string | null>(Object.entries(v.derivation));
    const annotated = compareClaims(claimsOf.get(v.page) ?? [], others, sources, { pageSourceId: v.page, derivation });
    const flat = (t: string): string => t.replace(/\s+/g, ' ');
    const claim = annotated.find((a) => a.kind === v.kind && flat(a.text).includes(v.text));
    if (claim?.verdict === v.verdict) verdictsRight++;
    else failures.push(`verdict ${v.page} ${v.kind} "${v.text}": expected ${v.verdict}, got ${claim?.verdict ?? 'no claim'}`);
    if (v.independent !== undefined) {
      independenceChecked++;
      const got = claim ? claim.corroborating.filter((e) => e.independent).length : -1;
      if (got === v.independent) independenceRight++;
      else failures.push(`independent ${v.page} ${v.kind} "${v.text}": expected ${v.independent}, got ${got}`);
    }
  }

  let derivationsRight = 0;
  const outletOf = (id: string): string[] => gold.outlets[id] ?? [];
  for (const d of gold.derivations) {
    const doc = docs.find((x) => x.id === d.page)!;
    const result = findDerivation(
      { text: doc.text, url: doc.url, title: doc.title, outlet: doc.outlet, mentions: mentionsOf.get(d.page) ?? [] },
      d.candidates.map((id) => sources.get(id)!),
      outletOf,
    );
    if (result.derivedFrom === d.derivedFrom && result.derivation === d.derivation) derivationsRight++;
    else failures.push(`derivation ${d.page}: expected ${d.derivedFrom} (${d.derivation}), got ${result.derivedFrom} (${result.derivation})`);
  }

  return {
    perKind,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    verdictAccuracy: gold.verdicts.length ? verdictsRight / gold.verdicts.length : 1,
    independenceAccuracy: independenceChecked ? independenceRight / independenceChecked : 1,
    derivationAccuracy: gold.derivations.length ? derivationsRight / gold.derivations.length : 1,
    failures,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = scoreGold();
  const pct = (x: number): string => x.toFixed(3);
  console.log('kind           tp  fp  fn  precision  recall');
  for (const [kind, k] of Object.entries(s.perKind).sort()) {
    console.log(`${kind.padEnd(13)} ${String(k.tp).padStart(3)} ${String(k.fp).padStart(3)} ${String(k.fn).padStart(3)}  ${pct(k.precision).padStart(9)}  ${pct(k.recall).padStart(6)}`);
  }
  console.log(`extraction precision ${pct(s.precision)}  recall ${pct(s.recall)}`);
  console.log(`verdict accuracy ${pct(s.verdictAccuracy)}  independence accuracy ${pct(s.independenceAccuracy)}  derivation accuracy ${pct(s.derivationAccuracy)}`);
  for (const f of s.failures) console.log(`  - ${f}`);
}
