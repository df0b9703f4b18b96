/**
 * The words a reader sees about each claim (lib/report/claims.ts), the same in the popover, the
 * side panel, the exports and the CLI. Synthetic annotations with invented outlets: a ministry's
 * figure disputed by others' estimates, retellings, a page's own origin, near and other figures,
 * contingents, and bundled summaries beside imported articles' own sentences.
 */
import { describe, expect, it } from 'vitest';
import { buildPopoverModel } from '../../components/popover/model';
import { combinedVerdict } from '../../lib/page/sentences';
import { formatReport } from '../../lib/cli/report';
import { claimCard, claimPhrase, speakerName, speakerSays, VERDICT_TONE, wordingContext, wordsOf, type ClaimCardModel } from '../../lib/report/claims';
import { toCsv, toJsonReport, toMarkdown } from '../../lib/report/export';
import { formatDate, scopeLabel } from '../../lib/report/format';
import type { AnnotatedClaim, Annotation, ClaimValue, Evidence, Relation, SourceSummary, Verdict } from '../../lib/types';

function source(id: string, outlet: string, origin: SourceSummary['origin'], extra: Partial<SourceSummary> = {}): SourceSummary {
  return { id, title: `${outlet} report`, outlet, published: '2017-09-15', url: `https://${id.replace(/\W/g, '')}.example/a`, derivedFrom: null, origin, entities: ['ex:zapad'], ...extra };
}

const ledger = source('src:ledger', 'Harbor Ledger', 'bundled');
const wire = source('src:wire', 'Northwind Wire', 'bundled');
const gazette = source('imp:gazette', 'Eastmarch Gazette', 'imported', { published: '2017-09-16' });
const echo = source('imp:echo', 'Echo Daily', 'imported', { derivedFrom: 'page', derivation: 'translation' });
const original = source('src:original', 'Original Post', 'bundled', { published: '2017-09-13' });

const count = (n: number, hedge: 'exact' | 'up-to' | 'about' = 'exact', hedgeText?: string): ClaimValue => ({ type: 'count', stated: [n], hedge, ...(hedgeText ? { hedgeText } : {}) });

function ev(s: SourceSummary, value: ClaimValue, relation: Relation, text: string, extra: Partial<Evidence> = {}): Evidence {
  const { id, title, outlet, published, url } = s;
  return { source: { id, title, outlet, published, url }, value, text, relation, independent: relation === 'agree', ...extra };
}

function claim(verdict: Verdict, evidence: Evidence[], extra: Partial<AnnotatedClaim> = {}): AnnotatedClaim {
  return {
    subject: 'ex:zapad',
    subjectName: 'Zapad',
    edition: 2017,
    kind: 'participants',
    value: count(12700),
    text: '12,700 troops',
    start: 40,
    end: 53,
    sentence: 'The Defence Ministry said 12,700 troops were taking part.',
    verdict,
    origins: evidence.filter((e) => e.independent).length,
    corroborating: evidence.filter((e) => ['agree', 'origin', 'retelling'].includes(e.relation)),
    conflicting: evidence.filter((e) => e.relation === 'conflict'),
    other: evidence.filter((e) => ['disputed', 'close', 'other'].includes(e.relation)),
    ...extra,
  };
}

function annotation(claims: AnnotatedClaim[], sources: SourceSummary[] = [ledger, wire, gazette, echo, original]): Annotation {
  return {
    title: 'Zapad-2017 opens',
    published: '2017-09-14',
    url: 'https://page.example/zapad',
    text: 'Zapad-2017 opened on Thursday. The Defence Ministry said 12,700 troops were taking part in Zapad-2017. Western officials said as many as 100,000 could be involved.',
    mentions: [
      { type: 'exercise', id: 'ex:zapad', name: 'Zapad', text: 'Zapad-2017', start: 0, end: 10, confidence: 1, form: 'edition', edition: 2017 },
      { type: 'exercise', id: 'ex:zapad', name: 'Zapad', text: 'Zapad-2017', start: 86, end: 96, confidence: 1, form: 'edition' },
      { type: 'country', id: 'country:BY', name: 'Belarus', text: 'Belarus', start: 140, end: 147, confidence: 1, form: 'name' },
    ],
    claims,
    sources,
    entities: [{ id: 'ex:zapad', type: 'exercise', name: 'Zapad', description: 'Strategic exercise.', aliases: [] }],
  };
}

const disputed = claim(
  'disputed',
  [
    ev(ledger, count(12700), 'agree', 'The ministry put the total at 12,700.', { attribution: 'Defence Ministry', stance: 'official' }),
    ev(wire, count(100000, 'up-to'), 'disputed', 'Western officials expected up to 100,000.', { attribution: 'Western officials', stance: 'estimate' }),
  ],
  { attribution: 'The Defence Ministry said', stance: 'official' },
);
const estimate = claim('corroborated', [ev(wire, count(100000, 'up-to'), 'agree', 'Up to 100,000, Western officials said.')], {
  value: count(100000, 'up-to', 'as many as'),
  text: 'as many as 100,000',
  start: 130,
  end: 148,
  stance: 'estimate',
  attribution: null,
});

function cardOf(c: AnnotatedClaim, a = annotation([c])): ClaimCardModel {
  return claimCard(c, wordingContext(a), a.claims);
}

describe('claim and verdict on one line', () => {
  it('shows a disputed figure with its speakers, not as the article contradicted', () => {
    const card = cardOf(disputed, annotation([disputed, estimate]));
    expect(card.line).toBe('12,700 troops · disputed: the Defence Ministry says 12,700; Western officials estimate up to 100,000 · 1 independent source agrees');
    expect(card.tone).toBe('disputed');
    expect(card.subject).toBe('Zapad 2017');
    expect(card.alsoInArticle).toEqual(['This article also reports estimates of as many as 100,000.']);
    expect(card.groups.map((g) => [g.kind, g.items.map((i) => i.evidence.source.outlet)])).toEqual([
      ['agree', ['Harbor Ledger']],
      ['disputed', ['Northwind Wire']],
    ]);
    expect(card.groups[1]!.items[0]).toMatchObject({ value: 'up to 100,000', speaker: 'Western officials' });
  });

  it('says who gives the page figure and counts the sources of each relation', () => {
    const c = claim(
      'corroborated',
      [
        ev(ledger, count(12700), 'agree', 'a'),
        ev(wire, count(12000, 'up-to'), 'other', 'b'),
        ev(gazette, count(9000), 'other', 'c'),
        ev(echo, count(12700), 'retelling', 'd'),
      ],
      { attribution: 'according to the Belarusian MoD' },
    );
    expect(cardOf(c).line).toBe('12,700 troops — according to the Belarusian MoD · 1 independent source agrees, 2 give other figures, 1 retelling of this page not counted');
    expect(VERDICT_TONE.corroborated).toBe('agree');
  });

  it('never marks retellings of the page as support, and never green', () => {
    const card = cardOf(claim('retold-only', [ev(echo, count(12700), 'retelling', 'Traducción.')]));
    expect(card.line).toBe('12,700 troops · unverified — only retellings of this page');
    expect(card.tone).toBe('unverified');
    expect(card.groups[0]!.items[0]!.note).toBe('retells this page, not counted');
  });

  it('on a retelling page, says what its origin says and how many origins back it', () => {
    const card = cardOf(claim('as-original', [ev(original, count(12700), 'origin', 'x')]));
    expect(card.finding).toBe('as in the original (1 independent origin)');
    expect(card.tone).toBe('neutral');
    expect(card.groups[0]!.items[0]!.note).toBe("this page's origin");
    // The page's own stored copy is named as such, never as another source.
    const a = { ...annotation([claim('as-original', [ev(original, count(12700), 'origin', 'x')])]), pageSourceIds: ['src:original'] };
    expect(claimCard(a.claims[0]!, wordingContext(a)).groups[0]!.items[0]!.note).toBe('a stored copy of this page, not counted');
  });

  it('keeps near and other figures neutral', () => {
    const close = cardOf(claim('close', [ev(ledger, count(13000, 'about'), 'close', 'x')]));
    expect(close.finding).toBe('close, not the same: about 13,000 reported');
    const other = cardOf(claim('other-figures', [ev(ledger, count(3000), 'other', 'x'), ev(wire, count(5500), 'other', 'y')]));
    expect(other.finding).toBe('other figures reported: 3,000 and 5,500');
    expect([close.tone, other.tone]).toEqual(['neutral', 'neutral']);
  });

  it('says "no other source mentions it" only when no source relates at all', () => {
    expect(cardOf(claim('unverified', [])).finding).toBe('no other source mentions it');
    for (const v of ['corroborated', 'conflicting', 'mixed', 'disputed', 'as-original', 'retold-only', 'close', 'other-figures', 'unverified'] as Verdict[]) {
      const card = cardOf(claim(v, [ev(ledger, count(3000), 'other', 'x')]));
      expect(card.line, v).not.toContain('no other source');
    }
  });

  it('shows a count’s scope with the article’s own noun', () => {
    const contingent = claim('unverified', [], { value: count(3000), text: '3,000 Russian troops', scope: { kind: 'contingent', of: 'country:RU' } });
    expect(cardOf(contingent).line).toBe('3,000 Russian troops — contingent of Russia · no other source mentions it');
    const names = () => undefined;
    expect(scopeLabel({ kind: 'territory', of: 'country:BY' }, names)).toBe('territory: Belarus');
    expect(scopeLabel({ kind: 'phase', label: 'land phase' }, names)).toBe('land phase');
    expect(scopeLabel({ kind: 'threshold', label: 'Vienna Document threshold' }, names)).toBe('Vienna Document threshold');
    expect(scopeLabel({ kind: 'threshold' }, names)).toBe('threshold');
    expect(scopeLabel({ kind: 'total' }, names)).toBeNull();
    expect(scopeLabel(undefined, names)).toBeNull();
  });

  it('counts contradictions, and keeps other speakers apart from them', () => {
    const mixed = claim('mixed', [ev(ledger, count(12700), 'agree', 'a'), ev(wire, count(20000), 'conflict', 'b'), ev(gazette, count(90000), 'disputed', 'c', { attribution: 'NATO officials' })]);
    expect(cardOf(mixed).finding).toBe('1 independent source agrees, 1 contradicts it, 1 from other speakers differs');
    const conflicting = claim('conflicting', [ev(wire, count(20000), 'conflict', 'b'), ev(gazette, count(21000), 'conflict', 'c')]);
    expect(cardOf(conflicting).finding).toBe('2 sources contradict it');
  });
});

describe('the page\'s figure as a phrase', () => {
  const phrase = (text: string, stated: number[], hedgeText?: string) =>
    claimPhrase({ kind: 'participants', text, value: { type: 'count', stated, hedge: hedgeText ? 'up-to' : 'exact', ...(hedgeText ? { hedgeText } : {}) } }, () => undefined);
  it('keeps the noun and drops a multiplier word the number already holds', () => {
    expect(phrase('до 100 тысяч военных', [100000], 'до')).toBe('до 100,000 военных');
    expect(phrase('100 thousand troops', [100000])).toBe('100,000 troops');
    expect(phrase('12,7 тыс. человек', [12700])).toBe('12,700 человек');
    expect(phrase('1.27万人', [12700])).toBe('12,700 人');
    expect(phrase('12,700 troops', [12700])).toBe('12,700 troops');
  });
});

describe('speakers', () => {
  it('keeps the speaker alone, as written', () => {
    expect(speakerName('The Russian Defence Ministry said')).toBe('the Russian Defence Ministry');
    expect(speakerName('according to Western officials')).toBe('Western officials');
    expect(speakerName('the ministry told reporters')).toBe('the ministry');
    expect(speakerName('Western estimates')).toBe('Western estimates');
    expect(speakerName('По данным Минобороны Белоруссии')).toBe('Минобороны Белоруссии');
    expect(speakerName('за даними Генштабу')).toBe('Генштабу');
    expect(speakerName('据俄罗斯国防部')).toBe('俄罗斯国防部');
    expect(speakerName('防衛省によると')).toBe('防衛省');
    expect(speakerName(null)).toBeNull();
    expect(speakerName('  ')).toBeNull();
  });

  it('agrees the verb with the speaker and the stance', () => {
    expect(speakerSays('the ministry', 'official', '12,700')).toBe('the ministry says 12,700');
    expect(speakerSays('Western officials', 'estimate', 'up to 100,000')).toBe('Western officials estimate up to 100,000');
    expect(speakerSays('Western estimates', 'estimate', '70,000–100,000')).toBe('Western estimates put it at 70,000–100,000');
    expect(speakerSays('TASS', null, '12,700')).toBe('TASS says 12,700');
  });
});

describe('words and quotes', () => {
  const sources = new Map([ledger, gazette].map((s) => [s.id, s]));
  it('quotes only an imported article’s own sentence; a bundled text is a summary by Triangulate', () => {
    expect(wordsOf(ev(gazette, count(1), 'agree', ' Some   12,700 troops. '), sources)).toEqual({ kind: 'quote', text: 'Some 12,700 troops.' });
    expect(wordsOf(ev(ledger, count(1), 'agree', 'It said 12,700.'), sources)).toEqual({ kind: 'summary', text: 'It said 12,700.' });
    // A source the annotation does not describe is never presented as quoted.
    expect(wordsOf(ev(wire, count(1), 'agree', 'x'), sources)).toEqual({ kind: 'summary', text: 'x' });
    expect(wordsOf(ev(ledger, count(1), 'agree', '“It said 12,700.”'), sources)).toEqual({ kind: 'summary', text: 'It said 12,700.' });
    expect(wordsOf(ev(ledger, count(1), 'agree', '  '), sources)).toBeNull();
  });

  const mixedSources = claim('corroborated', [ev(ledger, count(12700), 'agree', 'It put the total at 12,700.'), ev(gazette, count(12700), 'agree', 'Some 12,700 troops took part.')]);
  const a = annotation([mixedSources]);

  it('Markdown: a quotation in quotation marks with its outlet, a summary labelled and unquoted', () => {
    const md = toMarkdown(a, { generated: '2024-01-01T00:00:00Z' });
    expect(md).toContain(`- Agrees: **12,700**, Harbor Ledger, ${formatDate('2017-09-15')} [2] (independent). Summary by Triangulate: It put the total at 12,700.`);
    expect(md).toContain(`- Agrees: **12,700**, Eastmarch Gazette, ${formatDate('2017-09-16')} [3] (independent): “Some 12,700 troops took part.”`);
    expect(md).not.toMatch(/[“"]It put the total/);
  });

  it('CSV and JSON say which texts are summaries', () => {
    const csv = toCsv(a);
    expect(csv).toContain(',Summary by Triangulate,"It put the total at 12,700."\r\n');
    expect(csv).toContain(',quote,"Some 12,700 troops took part."\r\n');
    const json = toJsonReport(a, { generated: 'x' });
    expect(json.claims[0]!.corroborating.map((e) => [e.source.outlet, e.words])).toEqual([
      ['Harbor Ledger', 'summary'],
      ['Eastmarch Gazette', 'quote'],
    ]);
  });

  it('CLI report: the same line and labels', () => {
    const out = formatReport(annotation([disputed, estimate]));
    expect(out).toContain('[Disputed figure] Zapad 2017 · 12,700 troops · disputed: the Defence Ministry says 12,700; Western officials estimate up to 100,000 · 1 independent source agrees');
    expect(out).toContain('Summary by Triangulate: Western officials expected up to 100,000.');
    expect(out).not.toContain('“Western officials expected');
  });
});

describe('popover model', () => {
  it('titles an exercise card with its edition and builds the sentence’s cards', () => {
    const a = annotation([disputed, estimate]);
    const m = buildPopoverModel(a, a.mentions[1]!);
    expect(m.title).toBe('Zapad 2017');
    expect(m.sentenceClaims.map((c) => c.verdict)).toEqual(['disputed']);
    // The article's text names no noun here, so the kind's own word stands in.
    expect(m.otherClaims.map((c) => c.value)).toEqual(['as many as 100,000 participants']);
    expect(m.verdict).toBe('disputed');
    // Every source that speaks to its claims is among the sources shown.
    expect(new Set([...m.sources.independent, ...m.sources.derived].map((s) => s.id))).toEqual(new Set(['src:ledger', 'src:wire', 'imp:gazette', 'imp:echo', 'src:original']));
  });

  it('keeps "unverified" for claims no source speaks to when marking a sentence', () => {
    const retold = claim('retold-only', [ev(echo, count(1), 'retelling', 'x')]);
    const alone = claim('unverified', []);
    expect(combinedVerdict([retold, alone])).toBe('retold-only');
    expect(combinedVerdict([alone])).toBe('unverified');
    expect(combinedVerdict([disputed, estimate])).toBe('disputed');
    expect(combinedVerdict([estimate, alone])).toBe('corroborated');
    expect(combinedVerdict([])).toBeNull();
  });
});

describe('quotes from bundled articles with their own text', () => {
  it('a bundled seed document (stored with its text) is quoted; a curated source is summarised', () => {
    const e = { text: 'The team of roughly 20 shared data.', source: { id: 's', title: '', outlet: 'Nikkei Asian Review', published: null, url: null } };
    expect(wordsOf(e, new Map([['s', { origin: 'bundled' as const, quotable: true }]]))?.kind).toBe('quote');
    expect(wordsOf(e, new Map([['s', { origin: 'bundled' as const }]]))?.kind).toBe('summary');
  });
});
