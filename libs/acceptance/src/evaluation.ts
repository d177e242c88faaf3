import { explainKpi, Fraction, parseDecimal, type RoundMeasurements } from '@app/kernel';
import type { OrderKpiTerms, OrderTerms } from '@app/ordering';
import type { KpiResult } from './contracts/acceptance';

/** Aggregates are kept to 6 decimals, the precision measurements are accepted with. */
const AGGREGATE_DECIMALS = 6;

export function aggregate(kind: OrderKpiTerms['aggregation'], values: string[]): string {
  const numbers = values.map((v) => parseDecimal(v));
  const sum = numbers.reduce((acc, n) => acc.add(n), new Fraction(0));
  const result: Fraction =
    kind === 'sum'
      ? sum
      : kind === 'count'
        ? new Fraction(values.length)
        : kind === 'last'
          ? numbers[numbers.length - 1]
          : sum.div(values.length);
  return result.round(AGGREGATE_DECIMALS).toString();
}

export type RoundEvaluation =
  | { evaluable: false; insufficient: Array<{ key: string; points: number; required: number }> }
  | { evaluable: true; measured: RoundMeasurements; results: KpiResult[] };

/**
 * Evaluates one round from its series (values in observation order). A KPI below its minimum sample makes the
 * round "not yet evaluable" — never a zero.
 */
export function evaluateRound(terms: OrderTerms, series: Map<string, string[]>): RoundEvaluation {
  const insufficient = terms.kpis
    .map((kpi) => ({ key: kpi.key, points: series.get(kpi.key)?.length ?? 0, required: kpi.minimumSample }))
    .filter((s) => s.points < s.required);
  if (insufficient.length > 0) return { evaluable: false, insufficient };
  const measured: RoundMeasurements = {};
  const results = terms.kpis.map((kpi): KpiResult => {
    const values = series.get(kpi.key) ?? [];
    const value = aggregate(kpi.aggregation, values);
    measured[kpi.key] = value;
    const explanation = explainKpi(kpi, value, terms.floorBp);
    return {
      key: kpi.key,
      nameVi: kpi.nameVi,
      unit: kpi.unit,
      aggregation: kpi.aggregation,
      points: values.length,
      measured: value,
      baseline: kpi.baseline,
      target: kpi.target,
      weightBp: kpi.weightBp,
      ...explanation,
    };
  });
  return { evaluable: true, measured, results };
}
