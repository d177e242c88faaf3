import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { Clock, newId } from '@app/kernel';
import { selectById, selectFrom, updateIfStatus } from '@app/platform';
import { ProblemsFacade } from '@app/problems';
import { Call } from './call.entity';
import { callLifecycle, TRUST_SOURCE, type ScoreWeights, type TrustSource } from './contracts/competition';
import { Offer } from './offer.entity';
import { OfferScore } from './offer-score.entity';
import { committedImprovement, scoreOffers } from './scoring';

const weightsOf = (call: Call): ScoreWeights => ({
  priceBp: call.weightPriceBp,
  effectBp: call.weightEffectBp,
  trustBp: call.weightTrustBp,
});

/** The scoring of a call's offers once its deadline has passed, shared by the worker, the award and the bake-off. */
@Injectable()
export class CallScoring {
  constructor(
    private readonly audit: AuditFacade,
    private readonly problems: ProblemsFacade,
    private readonly clock: Clock,
    @Inject(TRUST_SOURCE) private readonly trust: TrustSource,
  ) {}

  /** Scores the call inside the caller's transaction if its deadline has passed and it is not scored yet. */
  async scoreIfDue(tx: EntityManager, callId: string): Promise<void> {
    const call = await selectById(tx, Call, callId, { lock: true });
    if (call) await this.scoreLockedIfDue(tx, call);
  }

  /** The same for a call the caller has already locked (FOR UPDATE); returns the call as it stands afterwards. */
  async scoreLockedIfDue(tx: EntityManager, call: Call): Promise<Call> {
    if (call.status !== 'OPEN' || call.deadline > this.clock.now()) return call;
    const callId = call.id;
    const problem = await this.problems.get(call.problemId, tx);
    const offers = await tx.query<Offer[]>(
      `${selectFrom(tx, Offer, 'o')} WHERE o.call_id = $1 AND o.status = 'SUBMITTED'`,
      [callId],
    );
    const trust = new Map<string, { value: number; source: string }>();
    for (const vendor of new Set(offers.map((o) => o.vendorOrganisationId))) {
      trust.set(vendor, await this.trust.lowerBound(tx, vendor, problem.categoryCode));
    }
    const inputs = offers.map((offer) => ({
      offerId: offer.id,
      price: BigInt(offer.price),
      improvement: committedImprovement(problem.kpis, offer.kpiCommitments),
      trust: trust.get(offer.vendorOrganisationId)?.value ?? 0,
    }));
    const weights = weightsOf(call);
    const lowest = inputs.reduce((min, i) => (i.price < min ? i.price : min), inputs[0]?.price ?? 0n);
    const best = Math.max(0, ...inputs.map((i) => i.improvement));
    const computedAt = this.clock.now();
    const scores = scoreOffers(inputs, weights).map((s) => {
      const input = inputs.find((i) => i.offerId === s.offerId)!;
      const offer = offers.find((o) => o.id === s.offerId)!;
      return tx.create(OfferScore, {
        ...s,
        id: newId(),
        callId,
        computedAt,
        inputs: {
          price: input.price.toString(),
          lowestPrice: lowest.toString(),
          improvement: input.improvement,
          bestImprovement: best,
          trust: trust.get(offer.vendorOrganisationId),
          weights,
        },
      });
    });
    if (scores.length > 0) await tx.insert(OfferScore, scores);
    const status = callLifecycle.apply(call.status, 'evaluate');
    await updateIfStatus(tx, Call, callId, call.status, { status, evaluatedAt: computedAt });
    await this.audit.record(tx, {
      actor: { userId: null, organisationId: null },
      entityType: 'call',
      entityId: callId,
      action: 'evaluated',
      after: {
        offers: scores.length,
        ranking: scores.map((s) => ({ offerId: s.offerId, rank: s.rank, total: s.total })),
      },
    });
    return { ...call, status, evaluatedAt: computedAt };
  }
}
