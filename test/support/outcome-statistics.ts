import { OVERALL, outcomeX, type OutcomeRow, type OutcomeStatistics } from '@app/ranking';

/** 0 for an empty list, as the trust score reads "no median". */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** An independent, in-memory computation of what ranking's `outcomeStatistics` reads from PostgreSQL. */
export function statisticsOf(outcomes: OutcomeRow[]): OutcomeStatistics[] {
  const groups = new Map<string, { sumX: number; values: number[] }>([[OVERALL, { sumX: 0, values: [] }]]);
  for (const o of outcomes)
    for (const scope of [OVERALL, o.categoryCode]) {
      let group = groups.get(scope);
      if (!group) groups.set(scope, (group = { sumX: 0, values: [] }));
      group.sumX += outcomeX(o);
      group.values.push(Number(o.maxAmount));
    }
  return [...groups].map(([scope, g]) => ({
    scope,
    orders: g.values.length,
    meanX: g.values.length ? g.sumX / g.values.length : 0,
    medianValue: median(g.values),
  }));
}
