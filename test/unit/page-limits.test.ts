import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInputLimits, limitsNotice, PAGE_LIMITS } from '../../lib/pipeline/limits';

const small = { maxTokenChars: 10, maxChars: 60, maxSentences: 3 };

describe('page input caps', () => {
  it('leaves an ordinary page untouched, the same string and no report', () => {
    const text = 'Estonia hosted Locked Shields 2019. NATO said so.';
    const out = applyInputLimits(text, PAGE_LIMITS);
    expect(out.text).toBe(text);
    expect(out.report).toBeNull();
  });

  it('blanks a 600,000-character word with as many spaces, so later offsets still point at the page', () => {
    const text = `Estonia hosted the drills. ${'x'.repeat(600_000)} NATO said so.`;
    const { text: capped, report } = applyInputLimits(text, PAGE_LIMITS);
    expect(capped.length).toBeLessThanOrEqual(PAGE_LIMITS.maxChars);
    expect(capped.startsWith('Estonia hosted the drills. ')).toBe(true);
    expect(/x/.test(capped)).toBe(false);
    expect(report).toEqual({ totalChars: text.length, analysedChars: capped.length, cutBy: 'characters', longTokens: 1, longTokenChars: capped.length - 27 });
    expect(limitsNotice(report!)).toBe(`Analysed the first 200,000 characters of ${text.length.toLocaleString('en-US')}. Skipped one 199,973-character word.`);
  });

  it('reads a Chinese or Japanese paragraph whole, though it has no space in hundreds of characters', () => {
    // Our own sentences.
    const zh = '中俄“海上联合-2017”军事演习于7月21日开始，双方派出约10艘舰艇参加演习。'.repeat(8);
    const ja = '日米共同統合演習は10月26日から11月5日まで行われ、約4万7000人が参加した。'.repeat(8);
    for (const text of [zh, ja, `${zh}\n${ja}`]) {
      expect(text.length).toBeGreaterThan(PAGE_LIMITS.maxTokenChars);
      expect(applyInputLimits(text, PAGE_LIMITS)).toEqual({ text, report: null });
    }
    // Their punctuation ends a run: a giant word among such sentences, or hundreds of characters
    // with no stop at all, are still left out.
    const giant = `${zh}${'x'.repeat(300)}。${ja}${'中'.repeat(600)}`;
    const { text: capped, report } = applyInputLimits(giant, PAGE_LIMITS);
    expect(capped).toBe(`${zh}${' '.repeat(300)}。${ja}${' '.repeat(600)}`);
    expect(report).toMatchObject({ longTokens: 2, longTokenChars: 900 });
  });

  it('cuts at a space before the character cap, never inside a name', () => {
    const text = 'Estonia and Latvia and Lithuania joined Zapad 2017 with Poland and Finland watching closely.';
    const { text: capped, report } = applyInputLimits(text, small);
    expect(capped).toBe('Estonia and Latvia and Lithuania joined Zapad 2017 with ');
    expect(report?.cutBy).toBe('characters');
  });

  it('cuts after the last allowed sentence', () => {
    const { text, report } = applyInputLimits('One. Two! Three? Four. Five.', small);
    expect(text).toBe('One. Two! Three?');
    expect(report).toMatchObject({ cutBy: 'sentences', analysedChars: 16, totalChars: 28 });
    expect(limitsNotice(report!)).toBe('Analysed the first 16 characters of 28 (sentence limit reached).');
  });

  it('keeps a prefix of the page, with over-long tokens blanked to the same length (any text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '.', 'é', '\u00a0'), maxLength: 300 }), (text) => {
        const { text: capped, report } = applyInputLimits(text, small);
        expect(capped.length).toBeLessThanOrEqual(text.length);
        for (let i = 0; i < capped.length; i++) if (capped[i] !== text[i]) expect(capped[i]).toBe(' ');
        for (const token of capped.split(/\s+/)) expect(token.length).toBeLessThanOrEqual(small.maxTokenChars);
        if (report) expect(report.analysedChars).toBe(capped.length);
        else expect(capped).toBe(text);
      }),
    );
  });
});
