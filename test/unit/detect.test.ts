import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeeds } from '../../lib/dataset/seeds-fs';
import { createDetector, type Detector } from '../../lib/detect';
import { scoreDetector } from '../../lib/detect/gold';

const ROOT = join(__dirname, '..', '..');
let detector: Detector;
const found = (text: string) => detector.detect(text).map((m) => [m.text, m.id]);

beforeAll(() => {
  detector = createDetector(readSeeds(join(ROOT, 'seeds')).entities);
});

describe('detector on the gold set', () => {
  it('reaches precision and recall of at least 0.95 for every entity type', () => {
    const sheet = scoreDetector(ROOT, (t) => detector.detect(t));
    for (const [type, s] of Object.entries(sheet.byType)) {
      expect.soft(s.precision, `${type} precision`).toBeGreaterThanOrEqual(0.95);
      expect.soft(s.recall, `${type} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('finds every entity of seed 000 and nothing else', () => {
    const text = readFileSync(join(ROOT, 'seeds/documents/000_8bf4eb82250f4ca7.txt'), 'utf8');
    const ids = new Set(detector.detect(text).map((m) => m.id));
    expect([...ids].sort()).toEqual(
      ['country:CN', 'country:EE', 'country:JP', 'country:RU', 'country:UA', 'country:US', 'ex:cyber-coalition', 'org:eu', 'org:g7', 'org:jp-mod', 'org:jsdf', 'org:nato', 'org:nikkei'].sort(),
    );
  });

  it('reads the machine-translated seed 002', () => {
    const text = readFileSync(join(ROOT, 'seeds/documents/002_4de12a9a1f9c8cde.txt'), 'utf8');
    const mentions = detector.detect(text);
    const alliance = mentions.find((m) => m.text === 'network alliance 2019');
    expect(alliance).toMatchObject({ id: 'ex:cyber-coalition', edition: 2019, form: 'edition' });
    expect(mentions.find((m) => m.text === 'Japan Economic News')).toMatchObject({ id: 'org:nikkei', form: 'variant' });
    expect(mentions.find((m) => m.text === 'land self defense team')).toMatchObject({ id: 'org:jgsdf' });
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('detector rules', () => {
  it('reads edition forms as the series plus the year', () => {
    const mentions = detector.detect("Zapad 2017, Zapad-2017, Zapad '17, West-2017, Запад-2017, Trident Juncture 18 and TRJE18.");
    expect(mentions.map((m) => [m.id, m.edition])).toEqual([
      ['ex:zapad', 2017], ['ex:zapad', 2017], ['ex:zapad', 2017], ['ex:zapad', 2017], ['ex:zapad', 2017],
      ['ex:trident-juncture', 2018], ['ex:trident-juncture', 2018],
    ]);
  });

  it('finds possessives, hyphenated names and names split across a line break, but not inside longer names', () => {
    expect(found("NATO's drills")).toEqual([['NATO', 'org:nato']]);
    expect(found('the Japan\nSelf-Defense Forces')).toEqual([['Japan\nSelf-Defense Forces', 'org:jsdf']]);
    expect(found('Japan Self-Defense Forces')).toEqual([['Japan Self-Defense Forces', 'org:jsdf']]);
  });

  it('ignores words inside web and e-mail addresses', () => {
    expect(found('Read more at https://news.example/us-vietnam-talks or www.example.com/Japan, or mail japan@example.org. Japan agreed.')).toEqual([['Japan', 'country:JP']]);
  });

  it('tells acronyms from words', () => {
    expect(found('Let us know. US troops arrived.')).toEqual([['US', 'country:US']]);
    expect(found('TELL US WHAT YOU THINK')).toEqual([]);
  });

  it('resolves ambiguous country names from their context', () => {
    expect(found('Michael Jordan scored. Jordan hosted the drills.')).toEqual([['Jordan', 'country:JO']]);
    expect(found('Chad Smith spoke. Chad sent troops.')).toEqual([['Chad', 'country:TD']]);
    expect(found('We carved the turkey. Roast Turkey sandwiches were served.')).toEqual([]);
    expect(found('Turkey joined the exercise.')).toEqual([['Turkey', 'country:TR']]);
    expect(found('She set out the fine china and the china cabinet.')).toEqual([]);
    expect(found('Boats on the Niger River.')).toEqual([]);
    expect(found('Georgia voters in Atlanta backed the governor; Georgia Republicans cheered.')).toEqual([]);
    expect(found('Georgia and Ukraine sent observers to Tbilisi talks.').map((m) => m[1])).toEqual(['country:GE', 'country:UA']);
    expect(found('Ships sailed the Norwegian Sea and the South China Sea.')).toEqual([]);
  });

  it('resolves generic ministries through the sentence or the article country', () => {
    expect(found('the Russian Defence Ministry said')).toEqual([['Russian Defence Ministry', 'org:ru-mod']]);
    const mentions = detector.detect('Japan joined the drills. A Defense Ministry official said the ministry was ready.');
    expect(mentions.map((m) => [m.text, m.id])).toEqual([
      ['Japan', 'country:JP'],
      ['Defense Ministry', 'org:jp-mod'],
      ['ministry', 'org:jp-mod'],
    ]);
  });

  it('catches exercises missing from the data through their context, with lower confidence', () => {
    const mentions = detector.detect('The drills, code-named Northern Lantern 2021, followed the Amber Fox exercise.');
    expect(mentions.map((m) => [m.text, m.id, m.edition ?? null])).toEqual([
      ['Northern Lantern 2021', 'ex:x-northern-lantern', 2021],
      ['Amber Fox', 'ex:x-amber-fox', null],
    ]);
    for (const m of mentions) expect(m.confidence).toBeLessThan(1);
  });
});
