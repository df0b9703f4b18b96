import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../lib/cli/main';
import type { Annotation } from '../../lib/types';

const ROOT = join(__dirname, '..', '..');

describe('bundled dataset in use', () => {
  it('shows the official Zapad 2017 troop figure and Western estimates as a disputed figure, not a conflict', async () => {
    const a = JSON.parse(await run(['annotate', join(ROOT, 'test/fixtures/articles/zapad-2017.md'), '--json'])) as Annotation;
    const official = a.claims.find((c) => c.subject === 'ex:zapad' && c.edition === 2017 && c.kind === 'participants' && c.text.includes('12,700'));
    expect(official).toBeDefined();
    expect(official!.corroborating.length).toBeGreaterThan(0);
    expect(official!.conflicting).toEqual([]);
    expect(official!.verdict).toBe('disputed');
    for (const e of [...official!.corroborating, ...official!.other]) {
      expect(e.source.outlet).not.toBe('');
      expect(e.source.published).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(e.source.url).toMatch(/^https?:\/\//);
    }
    // A Western estimate far above the official figure is shown as a dispute between speakers.
    const estimate = official!.other.find((e) => e.value.type === 'count' && Math.max(...e.value.stated) >= 70000);
    expect(estimate?.relation).toBe('disputed');
    expect(estimate?.attribution).toBeTruthy();
  });
});
