import {
  explainKpi,
  floorDong,
  formatExact,
  Fraction,
  measuredDisplay,
  parseDecimal,
  roundEarnedExact,
  type RoundMeasurements,
} from '@app/kernel';
import { paymentTermsOf, type OrderKpiTerms, type OrderTerms, type RoundTerms } from '@app/ordering';
import type { KpiResult } from './contracts/acceptance';

const DAY_MS = 86_400_000;
/** Share of the expected data points a round needs before it can be evaluated. */
const SUFFICIENT_COVERAGE = new Fraction(9, 10);
const PERIOD_DAYS: Record<string, number> = {
  hourly: 1 / 24,
  daily: 1,
  weekly: 7,
  monthly: 30,
  quarterly: 90,
  yearly: 365,
};

/** The round's value of a KPI, exact: a decimal, or "p/q" when no decimal writes it (never rounded before paying). */
/**
 * What every aggregation needs of a KPI's readings in a round: their number, their exact sum (a decimal: a sum of
 * decimals is one) and the last of them in observation order. PostgreSQL computes it over the stored rows in one
 * pass, so a round of a million readings never travels to the worker.
 */
export interface KpiSeries {
  points: number;
  sum: string;
  last: string;
}

/** The series of readings given in observation order (for callers that hold the readings themselves). */
export function seriesOf(values: string[]): KpiSeries {
  const sum = values.reduce((acc, v) => acc.add(parseDecimal(v)), new Fraction(0));
  return { points: values.length, sum: formatExact(sum), last: values[values.length - 1] ?? '0' };
}

export function aggregate(kind: OrderKpiTerms['aggregation'], series: KpiSeries): string {
  const sum = parseDecimal(series.sum);
  const result: Fraction =
    kind === 'sum'
      ? sum
      : kind === 'count'
        ? new Fraction(series.points)
        : kind === 'last'
          ? parseDecimal(series.last)
          : sum.div(series.points);
  return formatExact(result);
}

/**
 * Data points a KPI should produce in a round: one per period of its frequency that fits the round window (at
 * least one). A KPI without a regular frequency ("once", event-based) has none and relies on its minimum sample.
 */
export function expectedPoints(kpi: Pick<OrderKpiTerms, 'frequency'>, round: RoundTerms): number | null {
  const periodDays = kpi.frequency ? PERIOD_DAYS[kpi.frequency] : undefined;
  if (periodDays === undefined) return null;
  const roundDays = (Date.parse(round.endsAt) - Date.parse(round.startsAt)) / DAY_MS;
  return Math.max(1, Math.floor(roundDays / periodDays + 1e-9));
}

/** The sufficiency rule: 90 % of the expected points, and never fewer than the KPI's minimum sample. */
export function requiredPoints(kpi: Pick<OrderKpiTerms, 'frequency' | 'minimumSample'>, round: RoundTerms): number {
  const expected = expectedPoints(kpi, round);
  const coverageFloor = expected === null ? 0 : Number(SUFFICIENT_COVERAGE.mul(expected).ceil().n);
  return Math.max(1, kpi.minimumSample, coverageFloor);
}

function coverageOf(points: number, expected: number | null): string | null {
  if (expected === null) return null;
  const k = new Fraction(points, expected).mul(10_000).floor().n;
  return `${k / 10_000n}.${(k % 10_000n).toString().padStart(4, '0')}`;
}

export interface InsufficientKpi {
  key: string;
  points: number;
  required: number;
  expected: number | null;
}

/** Per KPI of the order, the points the round has, needs and expects (the sufficiency rule's inputs). */
export function roundCoverage(terms: OrderTerms, roundNo: number, series: Map<string, KpiSeries>): InsufficientKpi[] {
  const round = terms.rounds.find((r) => r.no === roundNo);
  if (!round) throw new RangeError(`The order has no round ${roundNo}.`);
  return terms.kpis.map((kpi) => ({
    key: kpi.key,
    points: series.get(kpi.key)?.points ?? 0,
    required: requiredPoints(kpi, round),
    expected: expectedPoints(kpi, round),
  }));
}

export type RoundEvaluation =
  | { evaluable: false; insufficient: InsufficientKpi[] }
  | { evaluable: true; measured: RoundMeasurements; results: KpiResult[] };

/**
 * Evaluates one round from its series (per KPI). A KPI without sufficient data makes the round "not yet
 * evaluable" — never a zero.
 */
export function evaluateRound(terms: OrderTerms, roundNo: number, series: Map<string, KpiSeries>): RoundEvaluation {
  const roundIndex = terms.rounds.findIndex((r) => r.no === roundNo);
  if (roundIndex < 0) throw new RangeError(`The order has no round ${roundNo}.`);
  const round = terms.rounds[roundIndex];
  const insufficient = roundCoverage(terms, roundNo, series).filter((s) => s.points < s.required);
  if (insufficient.length > 0) return { evaluable: false, insufficient };
  const payment = paymentTermsOf(terms);
  const measured: RoundMeasurements = {};
  const results = terms.kpis.map((kpi): KpiResult => {
    // Sufficiency (at least one point per KPI) was checked above.
    const kpiSeries = series.get(kpi.key)!;
    const value = aggregate(kpi.aggregation, kpiSeries);
    measured[kpi.key] = value;
    const expected = expectedPoints(kpi, round);
    return {
      key: kpi.key,
      nameVi: kpi.nameVi,
      unit: kpi.unit,
      aggregation: kpi.aggregation,
      points: kpiSeries.points,
      expectedPoints: expected,
      requiredPoints: requiredPoints(kpi, round),
      coverage: coverageOf(kpiSeries.points, expected),
      measured: value,
      measuredDisplay: measuredDisplay(value),
      baseline: kpi.baseline,
      target: kpi.target,
      weightBp: kpi.weightBp,
      ...explainKpi(kpi, value, terms.floorBp),
      amount: floorDong(roundEarnedExact(payment, roundIndex, { [kpi.key]: value })).toString(),
    };
  });
  return { evaluable: true, measured, results };
}
