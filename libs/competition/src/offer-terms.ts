import type { PaymentTerms } from '@app/kernel';
import type { Problem } from '@app/problems';
import type { Offer } from './offer.entity';

/** Equal integer shares of 10,000 basis points; the remainder goes to the first items so the sum is exact. */
export function equalShares(count: number): number[] {
  const base = Math.floor(10_000 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 10_000 - base * count ? 1 : 0));
}

/** PRODUCT.md: the optional fixed delivery share d is 0–30 % of the max amount. */
export const MAX_DELIVERY_SHARE_BP = 3_000;

/** The largest delivery share an offer on the problem may propose: at least the problem's share stays payable by results. */
export function maxDeliveryShareBp(problem: Pick<Problem, 'outcomeShareBp'>): number {
  return Math.min(MAX_DELIVERY_SHARE_BP, 10_000 - problem.outcomeShareBp);
}

/** The payment terms an offer proposes on a problem: the order signed from it carries exactly these. */
export function offerPaymentTerms(offer: Offer, problem: Problem): PaymentTerms {
  const commitments = new Map(offer.kpiCommitments.map((c) => [c.kpiCode, c]));
  const weights = equalShares(problem.kpis.length);
  return {
    maxAmount: BigInt(offer.price),
    deliveryShareBp: offer.deliveryShareBp,
    floorBp: offer.floorBp,
    roundSharesBp: equalShares(offer.rounds),
    kpis: problem.kpis.map((kpi, i) => ({
      key: kpi.code,
      weightBp: weights[i],
      baseline: commitments.get(kpi.code)?.baseline ?? kpi.baseline,
      target: commitments.get(kpi.code)?.target ?? kpi.target,
      direction: kpi.direction,
      comparator: kpi.comparator,
      binary: kpi.binary,
    })),
  };
}
