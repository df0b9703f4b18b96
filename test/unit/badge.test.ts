import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../lib/background/badge';
import type { AnnotatedClaim, Verdict } from '../../lib/types';

const claim = (verdict: Verdict) => ({ verdict }) as AnnotatedClaim;

describe('toolbar badge', () => {
  it('counts the claims other sources dispute or contradict, and is empty otherwise', () => {
    expect(badgeFor({ claims: [claim('disputed'), claim('conflicting'), claim('corroborated'), claim('close')] })).toEqual({
      text: '2',
      title: 'Triangulate: 4 claims, 2 disputed or contradicted by other sources',
    });
    expect(badgeFor({ claims: [claim('corroborated'), claim('retold-only')] }).text).toBe('');
    expect(badgeFor({ claims: [] })).toEqual({ text: '', title: 'Triangulate: no checkable claims on this page' });
  });
});
