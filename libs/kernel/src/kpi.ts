import { parseDecimal } from './money';

export const KPI_DIRECTIONS = ['increase', 'decrease'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** How often a KPI is measured, a closed list: the sufficiency rule counts the periods of a round. */
export const MEASUREMENT_FREQUENCIES = ['hourly', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'once'] as const;
export type MeasurementFrequency = (typeof MEASUREMENT_FREQUENCIES)[number];

/**
 * A unit names something: it has a letter or a percent or per-mille sign ("km/h", "%", "có/không", "giờ/ngày").
 * Units stay open (the city's KPIs count reports, wards, scenarios…), but "??" measures nothing.
 */
export const MEANINGFUL_UNIT = /[\p{L}%‰]/u;

/** Whether `value` is worse than `reference` for a KPI that should move in `direction` (exact decimals). */
export function isWorse(direction: KpiDirection, value: string, reference: string): boolean {
  const gap = parseDecimal(value).sub(parseDecimal(reference)).compare(0);
  return direction === 'increase' ? gap < 0 : gap > 0;
}
