import { describe, expect, it } from 'vitest';
import { buildPopoverModel } from '../../components/popover/model';
import { MARK_SHAPE } from '../../components/popover/marks';
import { VERDICTS } from '../../lib/report/format';
import type { Annotation, Mention, SourceSummary } from '../../lib/types';

const source = (id: string, outlet: string, published: string, extra: Partial<SourceSummary> = {}): SourceSummary => ({
  id,
  title: `${outlet} story`,
  outlet,
  published,
  url: null,
  derivedFrom: null,
  origin: 'bundled',
  entities: ['ex:zapad'],
  ...extra,
});

describe('popover model', () => {
  const text = 'Zapad-2017 began in Belarus.';
  const mention = { type: 'exercise', id: 'ex:zapad', name: 'Zapad', text: 'Zapad-2017', start: 0, end: 10, confidence: 1, form: 'edition', edition: 2017 } as Mention;
  const annotation = {
    title: 't',
    published: null,
    url: null,
    text,
    mentions: [mention],
    claims: [],
    sources: [
      source('late', 'Harbour Street Ledger', '2017-09-20', { language: 'en' }),
      source('mod', 'Ministry of Defence of Russia', '2017-09-14', { publisher: { type: 'government', country: 'RU' }, language: 'ru' }),
      source('tass', 'TASS', '2017-09-15', { publisher: { type: 'wire', country: 'RU', stateOwner: 'RU' }, language: 'ru' }),
    ],
  } as Annotation;

  it('titles an exercise with its edition, lists sources by date and ties a ministry to its state media', () => {
    const model = buildPopoverModel(annotation, mention, 'en');
    expect(model.title).toBe('Zapad 2017');
    expect(model.sources.independent.map((s) => s.id)).toEqual(['mod', 'tass', 'late']);
    expect(model.ties.get('mod')).toBe('not independent of TASS (same government: Russia)');
    expect(model.ties.has('late')).toBe(false);
    expect(model.pageLanguage).toBe('en');
  });

  it('gives every verdict a mark shape', () => {
    for (const v of VERDICTS) expect(['round', 'square', 'diamond', 'dashed']).toContain(MARK_SHAPE[v]);
    expect(MARK_SHAPE.corroborated).not.toBe(MARK_SHAPE.conflicting);
    expect(MARK_SHAPE.disputed).not.toBe(MARK_SHAPE.unverified);
  });
});
