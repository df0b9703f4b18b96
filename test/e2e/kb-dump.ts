/**
 * Reads the user's part of the knowledge base out of an extension page (IndexedDB lives in the
 * extension's origin), checks that it holds together, and hashes its content so two KBs can be
 * compared: the same articles, texts, claims and sets, whatever ids or times a restore gave them.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';

export interface KbDump {
  sources: Record<string, unknown>[];
  texts: { id: string; text: string }[];
  claims: Record<string, unknown>[];
  sets: Record<string, unknown>[];
}

/** Evaluated in an extension page: every store the user's articles live in, user records only. */
export const DUMP_KB = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('triangulate-kb');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = (store) => new Promise((resolve, reject) => {
    const r = db.transaction(store).objectStore(store).getAll();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const plain = (o) => JSON.parse(JSON.stringify(o, (k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v)));
  try {
    const [sources, texts, claims, sets] = await Promise.all(['sources', 'texts', 'claims', 'sets'].map(all));
    const user = sources.filter((s) => s.origin !== 'bundled');
    const ids = new Set(user.map((s) => s.id));
    return plain({
      sources: user,
      texts: texts.filter((t) => ids.has(t.id) || !sources.some((s) => s.id === t.id)),
      claims: claims.filter((c) => ids.has(c.source) || !sources.some((s) => s.id === c.source)),
      sets,
    });
  } finally {
    db.close();
  }
})()`;

export async function dumpKb(page: Page): Promise<KbDump> {
  return (await page.evaluate(DUMP_KB)) as KbDump;
}

/** What does not hold together: orphans, missing texts, set counts that do not match, the same article twice. */
export function inconsistencies(dump: KbDump): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(dump.sources.map((s) => s.id as string));
  const textIds = new Set(dump.texts.map((t) => t.id));
  for (const s of dump.sources) if (s.origin !== 'page' && !textIds.has(s.id as string)) problems.push(`source ${String(s.id)} has no text`);
  for (const t of dump.texts) if (!sourceIds.has(t.id)) problems.push(`text ${String(t.id)} has no source`);
  for (const c of dump.claims) if (!sourceIds.has(c.source as string)) problems.push(`claim ${String(c.id)} has no source`);
  for (const set of dump.sets) {
    const held = dump.sources.filter((s) => s.set === set.id).length;
    if (held !== set.count) problems.push(`set ${String(set.name)} says ${String(set.count)} articles, holds ${held}`);
  }
  const setIds = new Set(dump.sets.map((s) => s.id as string));
  for (const s of dump.sources) if (s.origin === 'imported' && !setIds.has(s.set as string)) problems.push(`source ${String(s.id)} is in no set`);
  const seen = new Map<string, string>();
  for (const s of dump.sources) {
    for (const key of [`fingerprint ${s.fingerprint as string}`, s.url ? `url ${s.urlKey as string}` : null]) {
      if (!key) continue;
      if (seen.has(key)) problems.push(`${String(s.id)} and ${seen.get(key)} share ${key}`);
      seen.set(key, s.id as string);
    }
  }
  return problems;
}

/** JSON with keys sorted, so equal content gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The user's content as one canonical record per article (its source record with what it retells,
 * text and claims with their references, its set by name), without what a restore rightly changes:
 * when it was added, the set's id and dates. Links (derivedFrom, derivation) are part of it: a
 * restore sets the export's own once every record is in, whatever order they came in.
 */
export function userContent(dump: KbDump): string {
  const setName = new Map(dump.sets.map((s) => [s.id as string, s.name as string]));
  const textOf = new Map(dump.texts.map((t) => [t.id, t.text]));
  const articles = dump.sources
    .map((s) => {
      const { added: _added, set, ...rest } = s;
      const claims = dump.claims.filter((c) => c.source === s.id).sort((a, b) => String(a.id).localeCompare(String(b.id)));
      return { ...rest, id: s.id as string, set: setName.get(set as string) ?? null, text: textOf.get(s.id as string) ?? null, claims };
    })
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const sets = dump.sets.map((s) => ({ name: s.name, count: s.count, origin: s.origin })).sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return canonicalJson({ articles, sets });
}

/** Which stored article retells which, as "id -> id (how)". */
export function retellingLinks(dump: KbDump): string[] {
  return dump.sources.filter((s) => s.derivedFrom).map((s) => `${String(s.id)} -> ${String(s.derivedFrom)} (${String(s.derivation ?? '')})`).sort();
}

export function contentHash(dump: KbDump): string {
  return createHash('sha256').update(userContent(dump)).digest('hex');
}

/** The first article (or the sets) whose canonical content differs between two dumps, for a readable failure; null when equal. */
export function contentDifference(a: KbDump, b: KbDump): string | null {
  const pa = JSON.parse(userContent(a)) as { articles: Record<string, unknown>[]; sets: unknown[] };
  const pb = JSON.parse(userContent(b)) as { articles: Record<string, unknown>[]; sets: unknown[] };
  if (pa.articles.length !== pb.articles.length) return `${pa.articles.length} articles, then ${pb.articles.length}`;
  for (let i = 0; i < pa.articles.length; i++) {
    const x = pa.articles[i]!;
    const y = pb.articles[i]!;
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const vx = canonicalJson(x[key]);
      const vy = canonicalJson(y[key]);
      if (vx !== vy) return `${String(x.id)}: ${key} was ${vx.slice(0, 300)}, is ${vy.slice(0, 300)}`;
    }
  }
  const sa = canonicalJson(pa.sets);
  const sb = canonicalJson(pb.sets);
  return sa === sb ? null : `sets were ${sa}, are ${sb}`;
}
