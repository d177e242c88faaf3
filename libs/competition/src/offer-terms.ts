import type { PaymentTerms } from '@app/kernel';
import type { Problem } from '@app/problems';
import type { Offer } from './offer.entity';

/** Equal integer shares of 10,000 basis points; the remainder goes to the first items so the sum is exact. */
export function equalShares(count: number): number[] {
  const base = Math.floor(10_000 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 10_000 - base * count ? 1 : 0));
}

/** The problem's KPI weights: as the buyer set them, or equal when it set none (a problem has all or none). */
export function kpiWeightsBp(kpis: ReadonlyArray<{ weightBp: number | null }>): number[] {
  const weights = kpis.map((kpi) => kpi.weightBp);
  return weights.every((w): w is number => w !== null) ? weights : equalShares(kpis.length);
}

/** The offer's round shares: as the vendor proposed them, or equal for an offer that proposed none. */
export function roundSharesBp(offer: Pick<Offer, 'rounds' | 'roundSharesBp'>): number[] {
  return offer.roundSharesBp ?? equalShares(offer.rounds);
}

/** Why proposed round shares are refused (one positive share per round, sum exactly 10,000), or null. */
export function roundSharesRefusal(
  shares: readonly number[],
  rounds: number,
): { field: 'roundSharesBp'; rounds: number; length: number; sum: number; minimum: number } | null {
  const sum = shares.reduce((a, b) => a + b, 0);
  const minimum = shares.length > 0 ? Math.min(...shares) : 0;
  if (shares.length === rounds && minimum >= 1 && sum === 10_000) return null;
  return { field: 'roundSharesBp', rounds, length: shares.length, sum, minimum };
}

/** PRODUCT.md: the optional fixed delivery share d is 0–30 % of the max amount. */
export const MAX_DELIVERY_SHARE_BP = 3_000;

/** The largest delivery share an offer on the problem may propose: at least the problem's share stays payable by results. */
export function maxDeliveryShareBp(problem: Pick<Problem, 'outcomeShareBp'>): number {
  return Math.min(MAX_DELIVERY_SHARE_BP, 10_000 - problem.outcomeShareBp);
}

/** The payment terms an offer proposes on a problem: the order signed from it carries exactly these. */
export function offerPaymentTerms(
  offer: Pick<Offer, 'price' | 'deliveryShareBp' | 'floorBp' | 'rounds' | 'roundSharesBp' | 'kpiCommitments'>,
  problem: Problem,
): PaymentTerms {
  const commitments = new Map(offer.kpiCommitments.map((c) => [c.kpiCode, c]));
  const weights = kpiWeightsBp(problem.kpis);
  return {
    maxAmount: BigInt(offer.price),
    deliveryShareBp: offer.deliveryShareBp,
    floorBp: offer.floorBp,
    roundSharesBp: roundSharesBp(offer),
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

const comparable = (name: string) => name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The minimum sample per KPI code of the problem, as the vendor declared it for the solution's matching KPI in the
 * pre-check (KPI measurability; matched by the KPI's code or name): the order's sufficiency rule uses it. A KPI the
 * solution declares no minimum for needs one point.
 */
export function declaredMinimumSamples(
  problem: Pick<Problem, 'kpis'>,
  solutionKpis: ReadonlyArray<{ metric: string; minimumSample: number | null }>,
): Record<string, number> {
  return Object.fromEntries(
    problem.kpis.map((kpi) => {
      const names = new Set([kpi.code, kpi.nameVi, kpi.nameEn].map(comparable));
      const declared = solutionKpis.find((s) => names.has(comparable(s.metric)))?.minimumSample;
      return [kpi.code, declared ?? 1];
    }),
  );
}
