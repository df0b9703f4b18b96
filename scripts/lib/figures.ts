/** Figures with optional budgets, printed as a table and returned as the record `npm run bench` prints. */

export interface Figure {
  name: string;
  value: number | string;
  unit?: string;
  /** Upper (`max`) or lower (`min`) bound the issue sets for this figure. */
  budget?: { max?: number; min?: number };
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile: a value that was actually measured, never an interpolation. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function budgetText(f: Figure): string {
  if (!f.budget) return '';
  const unit = f.unit ? ` ${f.unit}` : '';
  if (f.budget.max !== undefined) return `≤ ${f.budget.max}${unit}`;
  return `≥ ${f.budget.min}${unit}`;
}

export function withinBudget(f: Figure): boolean | null {
  if (!f.budget || typeof f.value !== 'number') return null;
  if (f.budget.max !== undefined && !(f.value <= f.budget.max)) return false;
  if (f.budget.min !== undefined && !(f.value >= f.budget.min)) return false;
  return true;
}

export function printFigures(title: string, figures: Figure[]): void {
  const rows = figures.map((f) => {
    const ok = withinBudget(f);
    return [f.name, `${typeof f.value === 'number' ? f.value.toLocaleString('en-US') : f.value}${f.unit && typeof f.value === 'number' ? ` ${f.unit}` : ''}`, budgetText(f), ok === null ? '' : ok ? 'yes' : 'NO'];
  });
  const head = ['figure', 'value', 'budget', 'within budget'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

/** The record form: budgets go into the key, and one entry sums up which budgets were missed. */
export function figureRecord(figures: Figure[]): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const f of figures) {
    const budget = budgetText(f);
    out[`${f.name}${f.unit ? ` (${f.unit})` : ''}${budget ? ` [budget ${budget}]` : ''}`] = f.value;
  }
  const budgeted = figures.filter((f) => withinBudget(f) !== null);
  const missed = budgeted.filter((f) => withinBudget(f) === false).map((f) => f.name);
  if (budgeted.length) out['budgets met'] = `${budgeted.length - missed.length}/${budgeted.length}${missed.length ? ` (missed: ${missed.join('; ')})` : ''}`;
  return out;
}
