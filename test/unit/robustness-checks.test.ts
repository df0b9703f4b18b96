import { describe, expect, it } from 'vitest';
import { compareLayouts, layoutChanged, placeHighlight, type Box } from '../../scripts/lib/robustness-checks';

const box = (path: string, y: number, h = 20): Box => ({ path, x: 0, y, w: 100, h });

describe('layout comparison', () => {
  it('finds no change between identical snapshots', () => {
    const d = compareLayouts([box('body>p', 0), box('body>p', 20)], [box('body>p', 0), box('body>p', 20)]);
    expect(layoutChanged(d)).toBe(false);
  });

  it('names an element that moved and counts extra elements', () => {
    const d = compareLayouts([box('body>p', 0), box('body>div', 20)], [box('body>p', 0, 24), box('body>div', 24), box('body>span', 44)]);
    expect(d.moved).toBe(2);
    expect(d.added).toBe(1);
    expect(d.examples[0]).toContain('body>p');
    expect(d.examples).toContain('added body>span at 0,44 100x20');
    expect(layoutChanged(d)).toBe(true);
  });

  it('ignores an empty element the page inserts (a 0x0 tracking iframe), wherever it lands', () => {
    const d = compareLayouts([box('body>p', 0), box('body>div', 20)], [box('body>p', 0), { path: 'body>iframe', x: 40, y: 162, w: 0, h: 0 }, box('body>div', 20)]);
    expect(layoutChanged(d)).toBe(false);
  });
});

describe('highlight placement against the true body', () => {
  const body = 'NATO said Estonia would host Cyber Coalition in Tartu.\n\nChina sent observers.';

  it('accepts a highlight whose neighbouring words are in the body, whatever the spacing', () => {
    expect(placeHighlight({ text: 'Estonia', before: 'NATO  said ', after: ' would host' }, body, '')).toBe('body');
  });

  it('rejects a repeated name whose surroundings are not the article (a sidebar link)', () => {
    expect(placeHighlight({ text: 'China', before: 'Markets rally as ', after: ' data surprises' }, body, '')).toBe('outside');
  });

  it('tells the headline apart from the outside', () => {
    expect(placeHighlight({ text: 'Zapad', before: 'Russia begins ', after: ' drills' }, body, 'Russia begins Zapad drills')).toBe('headline');
  });
});
