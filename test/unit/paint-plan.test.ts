import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPaint } from '../../lib/page/paint-plan';
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

  it('orders exercises first, then mentions in sentences with a verdict, then organizations, then countries', () => {
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
    expect(plan[0]!.styles).toEqual(['exercise', 'corroborated']);
    expect(plan[1]!.styles).toEqual(['country', 'corroborated']);
    expect(plan[3]!.styles).toEqual(['country']);
    expect(plan.map((p) => p.index).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('styles conflicting and mixed sentences alike, and unverified ones apart', () => {
    const text = 'Poland sent 9 jets. Latvia sent 2 ships. Lithuania sent 1 tank.';
    const at = (s: string) => text.indexOf(s);
    const mentions = ['Poland', 'Latvia', 'Lithuania'].map((n) => mention(text, n, 'country'));
    const claims = [
      { start: at('9'), verdict: 'mixed' },
      { start: at('2'), verdict: 'conflicting' },
      { start: at('1 tank'), verdict: 'unverified' },
    ] as AnnotatedClaim[];
    expect(planPaint({ text, mentions, claims }).map((p) => p.styles[1])).toEqual(['conflicting', 'conflicting', 'unverified']);
  });
});
