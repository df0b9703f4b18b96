/**
 * Generic names of national bodies ("the Defense Ministry", "the foreign ministry", "the
 * ministry") mean the body of whichever country the sentence names right before them ("Japan's
 * Defense Ministry", "the Russian Defence Ministry") or, failing that, of the country the article
 * is mostly about.
 */
import type { Mention } from '../types';
import type { Gazetteer } from './gazetteer';
import { tokenize, type Token } from './tokens';

const PHRASES: [string, string][] = [
  ['defense ministry', 'defence-ministry'],
  ['defence ministry', 'defence-ministry'],
  ['ministry of defense', 'defence-ministry'],
  ['ministry of defence', 'defence-ministry'],
  ['ministry of national defense', 'defence-ministry'],
  ['ministry of national defence', 'defence-ministry'],
  ['defense ministries', 'defence-ministry'],
  ['foreign ministry', 'foreign-ministry'],
  ['ministry of foreign affairs', 'foreign-ministry'],
  ['foreign affairs ministry', 'foreign-ministry'],
];

interface PhraseNode {
  next: Map<string, PhraseNode>;
  role?: string;
}

const phraseRoot: PhraseNode = { next: new Map() };
for (const [phrase, role] of PHRASES) {
  let node = phraseRoot;
  for (const t of tokenize(phrase)) {
    let child = node.next.get(t.key);
    if (!child) node.next.set(t.key, (child = { next: new Map() }));
    node = child;
  }
  node.role = role;
}

function mainCountry(mentions: Mention[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.type === 'country') counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [id, count] of counts) {
    if (count > bestCount) {
      best = id;
      bestCount = count;
    }
  }
  return best;
}

/** The country named immediately before `start` ("Japan's", "Russian", "the Japanese"). */
function countryBefore(text: string, start: number, mentions: Mention[]): string | null {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.end > start) continue;
    if (m.type !== 'country') return null;
    return /^(['’]s)?\s+$/.test(text.slice(m.end, start)) ? m.id : null;
  }
  return null;
}

export function resolveGenericPhrases(text: string, tokens: Token[], mentions: Mention[], gz: Gazetteer): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const main = mainCountry(mentions);
  const found: Mention[] = [];
  let lastMinistry: Mention | null = null;
  let p = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (p < sorted.length && sorted[p]!.end <= t.start) p++;
    const covering = sorted[p];
    if (covering && covering.start < t.end) {
      if (covering.type === 'organization' && /ministr/i.test(covering.text)) lastMinistry = covering;
      continue;
    }
    let node: PhraseNode | undefined = phraseRoot;
    let role: string | undefined;
    let last = i;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next.get(tokens[j]!.key);
      if (node?.role) {
        role = node.role;
        last = j;
      }
    }
    if (role) {
      const start = t.start;
      const country = countryBefore(text, start, sorted) ?? main;
      const id = country ? gz.roles.get(`${role}|${country}`) : undefined;
      const entity = id ? gz.entities.get(id) : undefined;
      if (entity) {
        const end = tokens[last]!.end;
        const m: Mention = { type: entity.type, id: entity.id, name: entity.name, text: text.slice(start, end), start, end, confidence: 0.8, form: 'generic' };
        found.push(m);
        lastMinistry = m;
      }
      i = last;
      continue;
    }
    // "the ministry" refers back to the last ministry named.
    const prev = tokens[i - 1];
    if (t.raw === 'ministry' && prev?.key === 'the' && lastMinistry && tokens[i + 1]?.key !== 'of') {
      found.push({ ...lastMinistry, text: t.raw, start: t.start, end: t.end, confidence: 0.7, form: 'generic' });
    }
  }
  return found;
}
