import { describe, expect, it } from 'vitest';
import { createDetector } from '../../lib/detect';
import { openKb } from '../../lib/kb/db';
import { ingestArticles } from '../../lib/kb/ingest';
import { idbReader } from '../../lib/kb/store';
import { annotateArticle } from '../../lib/pipeline/annotate';

// Synthetic outlets and stories.
const detector = createDetector([
  { id: 'ex:cyber-coalition', type: 'exercise', name: 'Cyber Coalition', aliases: [], description: 'test' },
  { id: 'country:EE', type: 'country', name: 'Estonia', aliases: [], description: 'test' },
  { id: 'org:meridian', type: 'organization', name: 'Meridian Wire', aliases: [], description: 'A news agency (test)' },
]);

describe('annotation origins', () => {
  it('a page and a stored source crediting the same outlet share its origin: no corroboration between them', async () => {
    const db = await openKb(`annotate-origins-${Math.random()}`);
    const stored = 'Cyber Coalition 2019 opened in Estonia with more than 30 nations taking part, Meridian Wire reported. Teams defend simulated networks for a week.';
    const report = await ingestArticles(
      db,
      [{ title: 'Drills open', outlet: 'Granite Post', published: '2019-12-02', url: 'https://granite.test/a', text: stored }],
      { setId: 's', setName: 's', origin: 'imported', detector, pause: async () => {} },
    );
    const id = report.imported[0]!;
    expect((await db.get('sources', id))?.retells).toBe('Meridian Wire');

    const page = 'More than 30 nations take part in Cyber Coalition 2019 in Estonia, Meridian Wire said on Monday. National cells work from home.';
    const annotation = await annotateArticle({ title: 'Cyber drills', outlet: 'Lakeside Observer', published: '2019-12-02', url: 'https://lakeside.test/b', text: page }, { detector, kb: idbReader(db) });
    const nations = annotation.claims.find((c) => c.kind === 'nations')!;
    expect(nations.corroborating.map((e) => [e.source.id, e.relation, e.independent])).toEqual([[id, 'origin', false]]);
    expect(nations.verdict).toBe('as-original');
    expect(nations.origins).toBe(0);
    db.close();
  });

  it('a stored copy of the page under another address (same text, same headline) is the page itself, never its own evidence', async () => {
    const db = await openKb(`annotate-self-${Math.random()}`);
    const original = 'Cyber Coalition 2019 opened in Estonia with more than 30 nations taking part. Teams from every member defend simulated networks for a week, the organisers said on Monday in Tartu.';
    const retelling = 'More than 30 nations take part in Cyber Coalition 2019 in Estonia, Meridian Wire reported. Teams from every member defend simulated networks for a week while cells work from their capitals and share reports every evening.';
    const report = await ingestArticles(
      db,
      [
        { title: 'Drills open', outlet: 'Meridian Wire', published: '2019-12-02', url: 'https://meridian.test/a', text: original },
        { title: 'Cyber drills under way', outlet: 'Lakeside Observer', published: '2019-12-03', url: 'https://lakeside.test/b', text: retelling },
      ],
      { setId: 's', setName: 's', origin: 'imported', detector, pause: async () => {} },
    );
    const [originalId, retellingId] = report.imported as [string, string];
    // The retelling is read again on another site's address, with a little page furniture around it.
    const page = `${retelling}\nShare this story.`;
    const annotation = await annotateArticle({ title: 'Cyber drills under way', outlet: 'Lakeside Observer (mirror)', published: '2019-12-03', url: 'https://mirror.test/b?ref=x', text: page }, { detector, kb: idbReader(db) });
    expect(annotation.sources.map((s) => s.id)).not.toContain(retellingId);
    expect(annotation.pageSourceIds).toContain(retellingId);
    const nations = annotation.claims.find((c) => c.kind === 'nations')!;
    expect(nations.corroborating.map((e) => e.source.id)).not.toContain(retellingId);
    expect(nations.corroborating.find((e) => e.source.id === originalId)?.independent ?? false).toBe(false);
    db.close();
  });
});
