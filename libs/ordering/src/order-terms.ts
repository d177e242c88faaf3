import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AwardedOffer } from '@app/competition';
import type { PaymentTerms } from '@app/kernel';
import type { OrderTerms, RoundTerms } from './contracts/ordering';

const DAY_MS = 86_400_000;
export const DEFAULT_DISPUTE_WINDOW_SECONDS = 5 * 24 * 3600;
/** The buyer may set a shorter or longer window at award; the vendor agrees to it by signing the terms. */
export const MAX_DISPUTE_WINDOW_SECONDS = 30 * 24 * 3600;

/** Equal integer shares of 10,000 basis points; the remainder goes to the first items so the sum is exact. */
export function equalShares(count: number): number[] {
  const base = Math.floor(10_000 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 10_000 - base * count ? 1 : 0));
}

export function buildTerms(
  orderId: string,
  { call, offer, problem }: AwardedOffer,
  startsAt: Date,
  disputeWindowSeconds: number,
): OrderTerms {
  const commitments = new Map(offer.kpiCommitments.map((c) => [c.kpiCode, c]));
  const weights = equalShares(problem.kpis.length);
  const roundShares = equalShares(offer.rounds);
  const roundMs = Math.floor((offer.durationDays * DAY_MS) / offer.rounds);
  const rounds: RoundTerms[] = roundShares.map((shareBp, i) => ({
    no: i + 1,
    shareBp,
    startsAt: new Date(startsAt.getTime() + i * roundMs).toISOString(),
    endsAt: new Date(startsAt.getTime() + (i + 1) * roundMs).toISOString(),
  }));
  return {
    orderId,
    problemId: problem.id,
    callId: call.id,
    offerId: offer.id,
    solutionId: offer.solutionId,
    agencyOrganisationId: call.agencyOrganisationId,
    vendorOrganisationId: offer.vendorOrganisationId,
    maxAmount: offer.price,
    deliveryShareBp: offer.deliveryShareBp,
    floorBp: offer.floorBp,
    disputeWindowSeconds,
    kpis: problem.kpis.map((kpi, i) => {
      const commitment = commitments.get(kpi.code);
      return {
        key: kpi.code,
        nameVi: kpi.nameVi,
        nameEn: kpi.nameEn,
        unit: kpi.unit,
        weightBp: weights[i],
        baseline: commitment?.baseline ?? kpi.baseline,
        target: commitment?.target ?? kpi.target,
        direction: kpi.direction,
        comparator: kpi.comparator,
        binary: kpi.binary,
        aggregation: 'mean',
        minimumSample: 1,
        frequency: kpi.measurementPeriod,
      };
    }),
    rounds,
    startsAt: rounds[0].startsAt,
    endsAt: rounds[rounds.length - 1].endsAt,
  };
}

export function termsHash(terms: OrderTerms): string {
  return createHash('sha256')
    .update(canonicalize(terms) ?? '')
    .digest('hex');
}

/** The view of the terms the single payment-rule implementation works on. */
export function paymentTermsOf(terms: OrderTerms): PaymentTerms {
  return {
    maxAmount: BigInt(terms.maxAmount),
    deliveryShareBp: terms.deliveryShareBp,
    floorBp: terms.floorBp,
    roundSharesBp: terms.rounds.map((r) => r.shareBp),
    kpis: terms.kpis,
  };
}
