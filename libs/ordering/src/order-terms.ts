import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { offerPaymentTerms, type AwardedOffer } from '@app/competition';
import type { PaymentTerms } from '@app/kernel';
import type { CofunderPledge, OrderTerms, RoundTerms } from './contracts/ordering';

const DAY_MS = 86_400_000;
export const DEFAULT_DISPUTE_WINDOW_SECONDS = 5 * 24 * 3600;
/** The buyer may set a shorter or longer window at award; the vendor agrees to it by signing the terms. */
export const MAX_DISPUTE_WINDOW_SECONDS = 30 * 24 * 3600;

/** The order carries exactly the payment terms of the awarded offer, plus what measuring them needs. */
export function buildTerms(
  orderId: string,
  { call, offer, problem, minimumSamples }: AwardedOffer,
  startsAt: Date,
  disputeWindowSeconds: number,
): OrderTerms {
  const payment = offerPaymentTerms(offer, problem);
  const roundMs = Math.floor((offer.durationDays * DAY_MS) / offer.rounds);
  const rounds: RoundTerms[] = payment.roundSharesBp.map((shareBp, i) => ({
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
    deliveryShareBp: payment.deliveryShareBp,
    floorBp: payment.floorBp,
    disputeWindowSeconds,
    kpis: payment.kpis.map((kpi, i) => ({
      ...kpi,
      nameVi: problem.kpis[i].nameVi,
      nameEn: problem.kpis[i].nameEn,
      unit: problem.kpis[i].unit,
      aggregation: problem.kpis[i].aggregation,
      minimumSample: minimumSamples[kpi.key] ?? 1,
      frequency: problem.kpis[i].measurementPeriod,
    })),
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

export interface Funding {
  /** The agency budget's share of the escrow (the seed capital). */
  city: bigint;
  cofunders: Array<{ funderOrganisationId: string; amount: bigint }>;
}

/** Who funds the order's max amount: co-funders their pledges, the agency budget the rest. */
export function fundingOf(terms: OrderTerms): Funding {
  const cofunders = (terms.cofunding?.pledges ?? []).map((p) => ({
    funderOrganisationId: p.funderOrganisationId,
    amount: BigInt(p.amount),
  }));
  return { city: BigInt(terms.maxAmount) - cofunders.reduce((sum, c) => sum + c.amount, 0n), cofunders };
}

/** The terms with these pledges; without any, exactly the terms as awarded (so their hash is the awarded one). */
export function withPledges(terms: OrderTerms, pledges: CofunderPledge[]): OrderTerms {
  const { cofunding: _previous, ...rest } = terms;
  if (pledges.length === 0) return rest;
  const sorted = [...pledges].sort((a, b) => (a.funderOrganisationId < b.funderOrganisationId ? -1 : 1));
  const pledged = sorted.reduce((sum, p) => sum + BigInt(p.amount), 0n);
  return { ...rest, cofunding: { cityShare: (BigInt(terms.maxAmount) - pledged).toString(), pledges: sorted } };
}

/** The terms naming `validatorOrganisationId` as the order's independent validator, or none (null). */
export function withValidator(terms: OrderTerms, validatorOrganisationId: string | null): OrderTerms {
  const { validatorOrganisationId: _previous, ...rest } = terms;
  return validatorOrganisationId === null ? rest : { ...rest, validatorOrganisationId };
}

/** The organisations whose acceptance officers measure and sign for the order: the agency, and its validator if named. */
export function acceptanceOrganisationsOf(terms: OrderTerms): string[] {
  return terms.validatorOrganisationId
    ? [terms.agencyOrganisationId, terms.validatorOrganisationId]
    : [terms.agencyOrganisationId];
}
