import { Fraction } from '@app/kernel';

export interface TrialResult {
  offerId: string;
  paid: bigint;
  maxAmount: bigint;
  /** Tier-2 score of the offer, and its rank by that score. */
  scoreTotal: number;
  scoreRank: number;
}

export interface RankedTrial extends TrialResult {
  costEffectiveness: Fraction;
  comparisonRank: number;
}

/**
 * Best measured cost-effectiveness first: outcome money earned per đồng of trial budget (paid / max amount), exact.
 * Ties go to the better tier-2 score, then to the better tier-2 rank, so the order never depends on input order.
 */
export function rankTrials(results: TrialResult[]): RankedTrial[] {
  return results
    .map((r) => ({ ...r, costEffectiveness: new Fraction(r.paid, r.maxAmount), comparisonRank: 0 }))
    .sort(
      (x, y) =>
        y.costEffectiveness.compare(x.costEffectiveness) ||
        y.scoreTotal - x.scoreTotal ||
        x.scoreRank - y.scoreRank ||
        x.offerId.localeCompare(y.offerId),
    )
    .map((r, i) => ({ ...r, comparisonRank: i + 1 }));
}

/** A percentage with two decimals, rounded down, for people; the exact fraction is what ranks. */
export function percentOf(f: Fraction): string {
  return f.mul(100).floor(2).toString();
}
