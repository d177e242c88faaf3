import { cumulativeEarned, Fraction, simulatePayout, type PaymentTerms } from '@app/kernel';
import type { PayoutLevelView } from './competition.dto';

/**
 * What terms would pay at each attainment level, per round and in total with every KPI at that level, and per KPI
 * with that KPI alone — computed by the settlement engine's own functions, so simulation and settlement cannot
 * disagree. Offers and orders both simulate through here.
 */
export function payoutTable(terms: PaymentTerms, levels: number[]): PayoutLevelView[] {
  return simulatePayout(terms, levels).map((s) => ({
    level: s.level,
    delivery: s.delivery.toString(),
    perRound: s.perRound.map(String),
    total: s.total.toString(),
    perKpi: Object.fromEntries(terms.kpis.map((kpi) => [kpi.key, kpiAlone(terms, kpi.key, s.level).toString()])),
  }));
}

/** The amount one KPI earns across all rounds when it alone reaches `level` (others not yet measured). */
function kpiAlone(terms: PaymentTerms, key: string, level: number): bigint {
  const kpi = terms.kpis.find((k) => k.key === key)!;
  const measured =
    kpi.binary || kpi.baseline === null
      ? level >= 1
        ? kpi.target
        : (kpi.baseline ?? '0')
      : new Fraction(kpi.baseline)
          .add(new Fraction(kpi.target).sub(new Fraction(kpi.baseline)).mul(new Fraction(level)))
          .round(6)
          .toString();
  return cumulativeEarned(terms, { delivered: false, rounds: terms.roundSharesBp.map(() => ({ [key]: measured })) });
}
