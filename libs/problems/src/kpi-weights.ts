/** Why a problem's KPI weights are refused, or null when they are acceptable. */
export interface KpiWeightsRefusal {
  field: 'kpis[].weightBp';
  weighted: number;
  kpis: number;
  sum: number;
}

/**
 * PRODUCT.md: KPI weights sum to 100 %. Either no KPI carries a weight (all weigh equally) or every KPI carries one
 * and the weights sum to exactly 10,000 basis points.
 */
export function kpiWeightsRefusal(weights: ReadonlyArray<number | null | undefined>): KpiWeightsRefusal | null {
  const given = weights.filter((w): w is number => w !== null && w !== undefined);
  if (given.length === 0) return null;
  const sum = given.reduce((a, b) => a + b, 0);
  if (given.length === weights.length && sum === 10_000) return null;
  return { field: 'kpis[].weightBp', weighted: given.length, kpis: weights.length, sum };
}
