import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { actorOf, IdentityErrors, type Principal } from '@app/identity';
import { Clock } from '@app/kernel';
import { selectById, updateIfStatus } from '@app/platform';
import { ProblemsFacade, type Problem } from '@app/problems';
import { Call } from '../call.entity';
import { CallScoring } from '../call-scoring';
import { AwardDto } from '../competition.dto';
import { callLifecycle, CompetitionErrors, offerLifecycle } from '../contracts/competition';
import { Offer } from '../offer.entity';
import { assertSolutionListed } from '../offer-rules';
import { OfferScore } from '../offer-score.entity';
import { declaredMinimumSamples } from '../offer-terms';

export interface AwardedOffer {
  call: Call;
  offer: Offer;
  problem: Problem;
  /** per KPI code, the minimum sample the vendor declared for its solution (see declaredMinimumSamples) */
  minimumSamples: Record<string, number>;
}

@Injectable()
export class AwardCall {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly problems: ProblemsFacade,
    private readonly clock: Clock,
    private readonly scoring: CallScoring,
  ) {}

  /**
   * Awards inside the caller's transaction, so the draft order is created atomically with the award. An offer whose
   * solution is no longer LISTED cannot be awarded: the agency awards another one.
   */
  async executeIn(
    tx: EntityManager,
    { principal, callId, ...dto }: { principal: Principal; callId: string } & AwardDto,
  ): Promise<AwardedOffer> {
    const locked = await selectById(tx, Call, callId, { lock: true });
    if (!locked) throw CompetitionErrors.CALL_NOT_FOUND(undefined, { id: callId });
    if (principal.organisationId !== locked.agencyOrganisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
    if (locked.deadline > this.clock.now()) throw CompetitionErrors.CALL_STILL_OPEN();
    const call = await this.scoring.scoreLockedIfDue(tx, locked);
    const offer = await selectById(tx, Offer, dto.offerId);
    if (!offer || offer.callId !== callId)
      throw CompetitionErrors.OFFER_NOT_IN_CALL(undefined, { offerId: dto.offerId });
    await assertSolutionListed(this.catalog, tx, offer.solutionId);
    const score = await tx.findOneBy(OfferScore, { callId, offerId: offer.id });
    if (call.awardMode === 'POC') assertPocAward(call, offer, dto);
    else if (score && score.rank !== 1 && !dto.justification) {
      throw CompetitionErrors.JUSTIFICATION_REQUIRED(undefined, {
        offerId: offer.id,
        rank: score.rank,
        field: 'justification',
      });
    }
    const callStatus = callLifecycle.apply(call.status, 'award');
    const offerStatus = offerLifecycle.apply(offer.status, 'award');
    await updateIfStatus(tx, Call, callId, call.status, {
      status: callStatus,
      awardedOfferId: offer.id,
      awardJustification: dto.justification ?? null,
    });
    await updateIfStatus(tx, Offer, offer.id, offer.status, { status: offerStatus });
    await tx
      .createQueryBuilder()
      .update(Offer)
      .set({ status: 'NOT_AWARDED' })
      .where('call_id = :callId AND id <> :id AND status IN (:...open)', {
        callId,
        id: offer.id,
        open: ['SUBMITTED', 'FINALIST'],
      })
      .execute();
    await this.audit.record(tx, {
      actor: actorOf(principal),
      entityType: 'call',
      entityId: callId,
      action: 'awarded',
      before: { status: call.status },
      after: {
        status: callStatus,
        offerId: offer.id,
        rank: score?.rank ?? null,
        proposedOfferId: call.pocProposedOfferId,
        justification: dto.justification ?? null,
      },
    });
    const problem = await this.problems.get(call.problemId, tx);
    const solution = await this.catalog.getSolution(offer.solutionId, tx);
    return {
      call: { ...call, status: callStatus, awardedOfferId: offer.id },
      offer: { ...offer, status: offerStatus },
      problem,
      minimumSamples: declaredMinimumSamples(problem, solution.kpis),
    };
  }
}

/** A POC call is awarded after its bake-off, to a finalist; another than the proposed one needs a justification. */
function assertPocAward(call: Call, offer: Offer, dto: AwardDto): void {
  if (call.status !== 'POC_PROPOSED') throw CompetitionErrors.POC_NOT_DECIDED(undefined, { status: call.status });
  if (offer.status !== 'FINALIST' && offer.status !== 'ELIMINATED')
    throw CompetitionErrors.NOT_A_FINALIST(undefined, { offerId: offer.id, status: offer.status });
  if (offer.id !== call.pocProposedOfferId && !dto.justification) {
    throw CompetitionErrors.JUSTIFICATION_REQUIRED(undefined, {
      offerId: offer.id,
      proposedOfferId: call.pocProposedOfferId,
      field: 'justification',
    });
  }
}
