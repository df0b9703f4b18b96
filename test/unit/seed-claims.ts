/** Claims of a text as the engine reads it with the bundled entities (the real detector, not mention stubs). */
import { extractClaims } from '../../lib/claims';
import { readSeeds } from '../../lib/dataset/seeds-fs';
import { createDetector } from '../../lib/detect';
import type { Claim, Entity } from '../../lib/types';

const entities: Entity[] = readSeeds('seeds').entities;
const byId = new Map(entities.map((e) => [e.id, e]));
const detector = createDetector(entities);

export function seedClaims(text: string, published: string | null, url: string | null = null): Claim[] {
  return extractClaims({ text, published, url, sourceId: 'page', mentions: detector.detect(text), entity: (id) => byId.get(id) });
}
