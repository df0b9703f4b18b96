import { verdictLabel } from '@/lib/report/format';
import type { Verdict } from '@/lib/types';

/** One symbol per verdict, used on badges and on the page's verdict marks (components/popover/marks.ts). */
export const VERDICT_SYMBOL: Record<Verdict, string> = {
  corroborated: '✓',
  conflicting: '✗',
  mixed: '±',
  disputed: '⇄',
  'as-original': '↺',
  'retold-only': '↺',
  close: '≈',
  'other-figures': '≠',
  unverified: '?',
};

/** Verdict as symbol + word, so it never relies on colour alone. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span class={`badge verdict verdict-${verdict}`} data-verdict={verdict}>
      <span aria-hidden="true">{VERDICT_SYMBOL[verdict]} </span>
      {verdictLabel(verdict)}
    </span>
  );
}
