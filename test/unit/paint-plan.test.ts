import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planClaimMarks, planPaint } from '../../lib/page/paint-plan';
import { SentenceIndex, sentenceBounds } from '../../lib/page/sentences';
import type { AnnotatedClaim, Mention } from '../../lib/types';

function mention(text: string, name: string, type: Mention['type'], from = 0): Mention {
  const start = text.indexOf(name, from);
  return { id: `${type}:${name}`, type, name, start, end: start + name.length } as Mention;
}

describe('paint plan', () => {
  it('finds every offset’s sentence with one index, as the per-offset scan does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '.', '!', '?', '\n'), maxLength: 200 }), (text) => {
        const index = new SentenceIndex(text);
        for (let i = 0; i <= text.length; i++) expect(index.startOf(i)).toBe(sentenceBounds(text, i).start);
      }),
    );
  });

  it('orders exercises first, then mentions in sentences with a claim, then organizations, then countries', () => {
    const text = 'Estonia and NATO watched. Japan sent 500 troops to Cyber Coalition. France stayed home.';
    const mentions = [
      mention(text, 'Estonia', 'country'),
      mention(text, 'NATO', 'organization'),
      mention(text, 'Japan', 'country'),
      mention(text, 'Cyber Coalition', 'exercise'),
      mention(text, 'France', 'country'),
    ];
    const claims = [{ start: text.indexOf('500'), end: text.indexOf('500') + 3, verdict: 'corroborated' } as AnnotatedClaim];
    const plan = planPaint({ text, mentions, claims });
    expect(plan.map((p) => p.mention.name)).toEqual(['Cyber Coalition', 'Japan', 'NATO', 'Estonia', 'France']);
    expect(plan.map((p) => p.index).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('paints nothing on a page that names no exercise, unless the reader asks', () => {
    const text = 'Poland and Germany signed a trade deal.\nNATO ministers met in Brussels.';
    const mentions = [mention(text, 'Poland', 'country'), mention(text, 'Germany', 'country'), mention(text, 'NATO', 'organization')];
    const claims = [{ start: 0, end: 6, verdict: 'unverified' } as AnnotatedClaim];
    expect(planPaint({ text, mentions, claims: [] })).toEqual([]);
    expect(planClaimMarks({ text, mentions, claims })).toEqual([]);
    expect(planPaint({ text, mentions, claims: [] }, { offTopic: true }).map((p) => p.mention.name)).toEqual(['NATO', 'Poland', 'Germany']);
    expect(planClaimMarks({ text, mentions, claims }, { offTopic: true })).toHaveLength(1);
  });

  it('paints countries and organizations only in or beside a paragraph about an exercise', () => {
    const paragraphs = [
      'Markets in Japan fell on Monday.',
      'Trade talks with Canada stalled.',
      'Estonia said it would join the drills.',
      'Latvia hosted Cyber Coalition, with NATO observers.',
      'Finland sent 40 troops.',
      'Sweden will vote in spring.',
      'Chile and Peru signed a fishing accord.',
    ];
    const text = paragraphs.join('\n\n');
    const names: [string, Mention['type']][] = [
      ['Japan', 'country'],
      ['Canada', 'country'],
      ['Estonia', 'country'],
      ['Latvia', 'country'],
      ['Cyber Coalition', 'exercise'],
      ['NATO', 'organization'],
      ['Finland', 'country'],
      ['Sweden', 'country'],
      ['Chile', 'country'],
    ];
    const mentions = names.map(([n, t]) => mention(text, n, t));
    // A claim in the Finland paragraph makes it exercise content too: Sweden, beside it, is painted; Chile is not.
    const claims = [{ start: text.indexOf('40'), end: text.indexOf('40') + 2, verdict: 'unverified' } as AnnotatedClaim];
    const painted = planPaint({ text, mentions, claims }).map((p) => p.mention.name).sort();
    expect(painted).toEqual(['Cyber Coalition', 'Estonia', 'Finland', 'Latvia', 'NATO', 'Sweden'].sort());
    expect(planPaint({ text, mentions, claims }, { offTopic: true })).toHaveLength(names.length);
  });

  it('marks each claim on its own words, in document order, skipping claims without a place in the text', () => {
    const text = 'Cyber Coalition ran 2–6 December. About 1,000 people took part.';
    const mentions = [mention(text, 'Cyber Coalition', 'exercise')];
    const at = (s: string) => text.indexOf(s);
    const claims = [
      { start: at('About 1,000'), end: at('About 1,000') + 11, verdict: 'disputed' },
      { start: at('2–6 December'), end: at('2–6 December') + 12, verdict: 'corroborated' },
      { start: 5, end: 5, verdict: 'unverified' },
      { start: 0, end: text.length + 4, verdict: 'unverified' },
    ] as AnnotatedClaim[];
    const marks = planClaimMarks({ text, mentions, claims });
    expect(marks.map((m) => [text.slice(m.start, m.end), m.verdict])).toEqual([
      ['2–6 December', 'corroborated'],
      ['About 1,000', 'disputed'],
    ]);
    expect(marks.map((m) => m.index)).toEqual([1, 0]);
  });
});
