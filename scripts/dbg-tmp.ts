import { readFileSync } from 'node:fs';
import { extractClaims } from '../lib/claims';
import { createDetector } from '../lib/detect';
import { loadRealSet, cachedText } from './lib/real-set';
const read = (p: string) => readFileSync(p, 'utf8');
const entities = ['countries', 'organizations', 'exercises'].flatMap((f) => JSON.parse(read(`seeds/entities/${f}.json`)));
const byId = new Map(entities.map((e: any) => [e.id, e]));
const det = createDetector(entities);
const set = loadRealSet();
for (const id of process.argv.slice(2)) {
  if (id.startsWith("/")) { const text = readFileSync(id, "utf8"); for (const c of extractClaims({ text, published: "2019-12-03", sourceId: "x", mentions: det.detect(text), entity: (i) => byId.get(i) as any })) console.log(" ", c.kind, c.edition, JSON.stringify(c.value).slice(0, 80), JSON.stringify(c.scope ?? null), c.tentative ? "T" : "", "|", c.text); continue; }
  const a = set.find((x) => x.id.startsWith(id))!;
  const text = cachedText(a.id)!;
  const mentions = det.detect(text);
  console.log('##', a.id, a.published, 'mentions:', mentions.filter((m) => m.type === 'exercise').map((m) => m.text + '@' + m.start).join(', '));
  for (const c of extractClaims({ text, published: a.published, sourceId: 'x', mentions, entity: (i) => byId.get(i) as any }))
    console.log(' ', c.kind, c.subject, c.edition, JSON.stringify(c.value).slice(0, 90), c.scope ? JSON.stringify(c.scope) : '', c.stance ?? '', '|', c.text.slice(0, 60));
}
