import { parseDecimal } from '@app/kernel';
import type { ScoreWeights } from './contracts/competition';

export interface ScoringInput {
  offerId: string;
  price: bigint;
  /** Committed improvement over baseline, relative to what the problem asks (1 = exactly the problem's target). */
  improvement: number;
  /** The vendor's trust lower bound L (or the category prior for a vendor without history). */
  trust: number;
}

export interface ScoreBreakdown {
  offerId: string;
  rank: number;
  total: number;
  priceScore: number;
  effectScore: number;
  trustScore: number;
}

/**
 * PRODUCT.md tier-2 score: `w_p·lowest/price + w_e·improvement/best + w_t·L`. Ranking is by total, then lower
 * price, then offer id, so the result does not depend on the order offers arrived in.
 */
export function scoreOffers(inputs: ScoringInput[], weights: ScoreWeights): ScoreBreakdown[] {
  if (inputs.length === 0) return [];
  const lowest = inputs.reduce((min, i) => (i.price < min ? i.price : min), inputs[0].price);
  const best = Math.max(...inputs.map((i) => i.improvement));
  const scored = inputs.map((i) => {
    const priceScore = Number(lowest) / Number(i.price);
    const effectScore = best > 0 ? i.improvement / best : 1;
    const trustScore = i.trust;
    const total =
      (weights.priceBp * priceScore + weights.effectBp * effectScore + weights.trustBp * trustScore) / 10_000;
    return { offerId: i.offerId, price: i.price, priceScore, effectScore, trustScore, total };
  });
  scored.sort(
    (a, b) =>
      b.total - a.total || (a.price < b.price ? -1 : a.price > b.price ? 1 : 0) || a.offerId.localeCompare(b.offerId),
  );
  return scored.map(({ price: _price, ...s }, index) => ({ ...s, rank: index + 1 }));
}

export interface KpiForImprovement {
  code: string;
  baseline: string | null;
  target: string;
  binary: boolean;
  /** null on every KPI of the problem = plain mean */
  weightBp: number | null;
}

/**
 * Mean over KPIs of (committed target − baseline) / (problem target − baseline), weighted by the problem's KPI
 * weights when it sets them, so improving a heavily weighted KPI counts for more; a met threshold counts 1.
 */
export function committedImprovement(
  kpis: KpiForImprovement[],
  commitments: Array<{ kpiCode: string; target: string; baseline?: string }>,
): number {
  const byCode = new Map(commitments.map((c) => [c.kpiCode, c]));
  const ratios = kpis.map((kpi) => {
    const commitment = byCode.get(kpi.code);
    const baseline = commitment?.baseline ?? kpi.baseline;
    if (!commitment || kpi.binary || baseline === null) return 1;
    const asked = parseDecimal(kpi.target).sub(parseDecimal(baseline));
    if (asked.compare(0) === 0) return 1;
    return parseDecimal(commitment.target).sub(parseDecimal(baseline)).div(asked).valueOf();
  });
  const weights = kpis.map((kpi) => kpi.weightBp);
  if (weights.every((w): w is number => w !== null)) {
    return ratios.reduce((sum, r, i) => sum + r * weights[i], 0) / 10_000;
  }
  return ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
}
