import { simulateKpiAlone, simulatePayout, type PaymentTerms } from '@app/kernel';
import type { PayoutLevelView } from './competition.dto';

/**
 * What terms would pay at each attainment level, per round and in total with every KPI at that level, and per KPI
 * with that KPI alone — computed by the settlement engine's own exact functions, so simulation and settlement cannot
 * disagree. Offers and orders both simulate through here.
 */
export function payoutTable(terms: PaymentTerms, levels: number[]): PayoutLevelView[] {
  return simulatePayout(terms, levels).map((s) => ({
    level: s.level,
    delivery: s.delivery.toString(),
    perRound: s.perRound.map(String),
    total: s.total.toString(),
    perKpi: Object.fromEntries(
      terms.kpis.map((kpi) => [kpi.key, simulateKpiAlone(terms, kpi.key, s.level).toString()]),
    ),
  }));
}
