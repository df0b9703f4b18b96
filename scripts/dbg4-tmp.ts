import { readFileSync } from 'node:fs';
import { extractClaims } from '../lib/claims/index';
import type { Entity } from '../lib/types';
import { loadDocuments, mentionsFor } from '../test/fixtures/claims/fixtures';
const gold = JSON.parse(readFileSync('test/fixtures/claims/gold.json', 'utf8'));
const entity = (id: string): Entity | undefined => gold.countries[id] ? ({ id, type: 'organization', name: id, aliases: [], description: '', country: gold.countries[id] } as Entity) : undefined;
for (const d of loadDocuments().slice(0, 2)) {
  const mentions = mentionsFor(d.text, d.mentions);
  for (const c of extractClaims({ text: d.text, published: d.published, sourceId: d.id, mentions, entity })) if (c.kind === 'participants' || c.kind === 'aircraft') console.log(d.id.slice(0, 12), c.text, JSON.stringify(c.scope), c.edition, c.tentative);
  console.log(mentions.filter((m) => m.type !== 'exercise').map((m) => m.text).join('|'));
}
