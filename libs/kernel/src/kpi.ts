import { parseDecimal } from './money';

export const KPI_DIRECTIONS = ['increase', 'decrease'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** Whether `value` is worse than `reference` for a KPI that should move in `direction` (exact decimals). */
export function isWorse(direction: KpiDirection, value: string, reference: string): boolean {
  const gap = parseDecimal(value).sub(parseDecimal(reference)).compare(0);
  return direction === 'increase' ? gap < 0 : gap > 0;
}
