/**
 * Derivation of a batch of sources (an import, the KB upgrade's re-derivation, the bundled seed
 * documents): each is checked with findDerivation against the stored sources on its topics and
 * against the other sources of the batch. Text similarity is symmetric, so every link found is
 * oriented with retellerOf: the later, undated or crediting copy is the one that retells. When the
 * stored copy turns out to be the retelling (the batch holds the earlier original), the stored
 * source is relinked to it instead.
 */
import type { Mention, Source } from '../types';
import { findDerivation, retellerOf, type Derivation } from './independence';

export interface BatchSource {
  /** The source as it will be stored, with its text, fingerprint and signature. */
  source: Source;
  mentions: Mention[];
  /** Its link is declared by the data (curated seeds): kept as it is, never detected nor turned around. */
  declared?: boolean;
}

export interface DerivationLink {
  derivedFrom: string | null;
  derivation: Derivation | null;
  /** The outlet its lede credits for the story, when it does. */
  retells?: string;
  /** Outlet names it cites anywhere, as written (empty when it was not checked: a declared link). */
  cited: string[];
}

export interface BatchDerivations {
  /** The link of every source of the batch. */
  links: Map<string, DerivationLink>;
  /** Stored sources found to retell a source of the batch: their new link. */
  relinked: Map<string, { derivedFrom: string; derivation: Derivation }>;
}

export interface DeriveBatchOptions {
  /** Stored sources worth comparing with one of the batch (its topics), texts included where known. */
  storedFor: (item: BatchSource) => Source[];
  /** Outlet names of an organization entity, for citations written with another name of the outlet. */
  outletOf: (entityId: string) => string[];
  /** Whether a stored source's link may be set (bundled ones carry the links their files declare). */
  canRelink: (stored: Source) => boolean;
}

const MAX_HOPS = 32;

/**
 * Whether two sources can be one story: a copy names what its original names, and a citation
 * counts only on a shared entity (findDerivation), so sources with no entity in common are not
 * compared. Exercises decide when both name one, as in the KB's own lookups.
 */
function onOneTopic(a: Source, b: Source): boolean {
  if (!a.entities.length || !b.entities.length) return true;
  const exercises = (s: Source) => s.entities.filter((e) => e.startsWith('ex:'));
  const [ea, eb] = [exercises(a), exercises(b)];
  const [x, y] = ea.length && eb.length ? [ea, eb] : [a.entities, b.entities];
  return x.some((e) => y.includes(e));
}

export function deriveBatch(batch: BatchSource[], opts: DeriveBatchOptions): BatchDerivations {
  const inBatch = new Map(batch.map((b) => [b.source.id, b]));
  const known = new Map<string, Source>();
  const links = new Map<string, DerivationLink>();
  const relinked = new Map<string, { derivedFrom: string; derivation: Derivation }>();

  for (const item of batch) {
    const { source } = item;
    const kept: DerivationLink = { derivedFrom: source.derivedFrom ?? null, derivation: (source.derivation as Derivation | undefined) ?? null, ...(source.retells ? { retells: source.retells } : {}), cited: [] };
    if (item.declared) {
      links.set(source.id, kept);
      continue;
    }
    const stored = opts.storedFor(item).filter((s) => !inBatch.has(s.id));
    for (const s of stored) known.set(s.id, s);
    const peers = batch.filter((b) => b !== item && onOneTopic(source, b.source)).map((b) => b.source);
    const d = findDerivation(
      { text: source.text ?? '', url: source.url, title: source.title, outlet: source.outlet, mentions: item.mentions, ...(source.fingerprint ? { fingerprint: source.fingerprint } : {}), ...(source.signature ? { signature: source.signature } : {}) },
      [...stored, ...peers],
      opts.outletOf,
    );
    const retells = d.retells ?? source.retells;
    const found = { ...(retells ? { retells } : {}), cited: d.cited };
    // A link set earlier from the other side (this source is a stored copy's original or retelling) stays when nothing new is found.
    links.set(source.id, d.derivedFrom ? { derivedFrom: d.derivedFrom, derivation: d.derivation, ...found } : { ...kept, ...found });
  }

  // A batch source as orientation sees it: with the outlet its lede credits, found above.
  const sourceOf = (id: string): Source | undefined => {
    const source = inBatch.get(id)?.source ?? known.get(id);
    const retells = links.get(id)?.retells;
    return source && retells && source.retells !== retells ? { ...source, retells } : source;
  };
  const parentOf = (id: string): string | null => (links.has(id) ? links.get(id)!.derivedFrom : (relinked.get(id)?.derivedFrom ?? known.get(id)?.derivedFrom ?? null));
  const citedBy = (id: string): string[] => {
    const link = links.get(id);
    const retells = link ? link.retells : sourceOf(id)?.retells;
    return retells ? [retells, ...(link?.cited ?? [])] : (link?.cited ?? []);
  };
  const unlink = (id: string): void => {
    links.set(id, { ...links.get(id)!, derivedFrom: null, derivation: null });
  };

  for (const [id, link] of [...links]) {
    const up = link.derivedFrom;
    if (!up || inBatch.get(id)?.declared || links.get(id)!.derivedFrom !== up) continue;
    const upSource = sourceOf(up);
    if (!upSource || !link.derivation) continue;
    if (retellerOf(sourceOf(id)!, upSource, citedBy) === id) {
      // This one retells; a link found the other way round is a loop, cut there.
      if (inBatch.has(up) && !inBatch.get(up)!.declared && links.get(up)!.derivedFrom === id) unlink(up);
      continue;
    }
    // The other copy retells this one.
    if (parentOf(up) === id) {
      unlink(id);
      continue;
    }
    const upBatch = inBatch.get(up);
    if (upBatch ? !upBatch.declared && !parentOf(up) : !parentOf(up) && opts.canRelink(upSource)) {
      if (upBatch) links.set(up, { ...links.get(up)!, derivedFrom: id, derivation: link.derivation });
      else relinked.set(up, { derivedFrom: id, derivation: link.derivation });
      unlink(id);
    }
    // Otherwise the other copy already retells another source (or its link is declared): this one
    // stays linked to it, so the copies still count as one story.
  }

  // Whatever was found, no chain may come back to where it started.
  for (const id of links.keys()) {
    if (inBatch.get(id)?.declared) continue;
    for (let at = parentOf(id), hops = 0; at && hops < MAX_HOPS; at = parentOf(at), hops++) {
      if (at !== id) continue;
      unlink(id);
      break;
    }
  }
  return { links, relinked };
}

/** A source with the link found for it (a link with no origin clears an earlier one). */
export function withLink(source: Source, link: DerivationLink | undefined): Source {
  const same = link && link.derivedFrom === (source.derivedFrom ?? null) && (link.derivation ?? undefined) === source.derivation && link.retells === source.retells;
  if (!link || same) return source;
  const { derivation: _derivation, retells: _retells, ...rest } = source;
  return {
    ...rest,
    derivedFrom: link.derivedFrom,
    ...(link.derivation ? { derivation: link.derivation } : {}),
    ...(link.retells ? { retells: link.retells } : {}),
  };
}

/**
 * The bundled seed documents with their derivations: a link declared in the index stays; the
 * others are found among the documents and against the curated sources (whose links their files
 * declare, so they are never turned around).
 */
export function linkSeedDocuments(documents: BatchSource[], curated: Source[], outletOf: (entityId: string) => string[]): Source[] {
  const { links } = deriveBatch(
    documents.map((d) => ({ ...d, declared: d.declared ?? !!d.source.derivedFrom })),
    { storedFor: () => curated, outletOf, canRelink: () => false },
  );
  return documents.map((d) => withLink(d.source, links.get(d.source.id)));
}
