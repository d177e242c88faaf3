import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { actorOf, IdentityErrors, type Principal } from '@app/identity';
import { Clock, isWorse, newId } from '@app/kernel';
import { updateIfStatus } from '@app/platform';
import { ProblemsFacade, type Problem } from '@app/problems';
import { Call } from './call.entity';
import { AwardDto, OpenCallDto, SubmitOfferDto } from './competition.dto';
import { callLifecycle, CompetitionErrors, offerLifecycle } from './contracts/competition';
import { Offer } from './offer.entity';

export interface AwardedOffer {
  call: Call;
  offer: Offer;
  problem: Problem;
}

@Injectable()
export class CompetitionFacade {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly problems: ProblemsFacade,
    private readonly clock: Clock,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Offer) private readonly offers: Repository<Offer>,
  ) {}

  async openCall(principal: Principal, dto: OpenCallDto): Promise<Call> {
    const deadline = new Date(dto.deadline);
    if (deadline <= this.clock.now()) throw CompetitionErrors.DEADLINE_IN_PAST(undefined, { field: 'deadline' });
    return this.calls.manager.transaction(async (tx) => {
      const problem = await this.problems.get(dto.problemId, tx);
      this.problems.assertCanManage(principal, problem);
      if (problem.status !== 'PUBLISHED') throw CompetitionErrors.PROBLEM_NOT_PUBLISHED();
      const call = tx.create(Call, {
        id: newId(),
        problemId: problem.id,
        agencyOrganisationId: problem.agencyOrganisationId,
        status: 'OPEN',
        deadline,
        eligibleSolutionIds: await this.catalog.listedIdsInCategory(tx, problem.categoryCode),
        awardedOfferId: null,
        awardJustification: null,
      });
      await tx.insert(Call, call);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'call',
        entityId: call.id,
        action: 'opened',
        after: { problemId: problem.id, deadline, eligible: call.eligibleSolutionIds.length },
      });
      return call;
    });
  }

  async submitOffer(principal: Principal, callId: string, dto: SubmitOfferDto): Promise<Offer> {
    return this.offers.manager.transaction(async (tx) => {
      const call = await this.getCall(callId, tx);
      if (call.status !== 'OPEN' || call.deadline <= this.clock.now()) throw CompetitionErrors.CALL_CLOSED();
      if (!call.eligibleSolutionIds.includes(dto.solutionId))
        throw CompetitionErrors.SOLUTION_NOT_ELIGIBLE(undefined, { solutionId: dto.solutionId });
      const solution = await this.catalog.getSolution(dto.solutionId, tx);
      if (solution.vendorOrganisationId !== principal.organisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
      const problem = await this.problems.get(call.problemId, tx);
      if (BigInt(dto.price) > BigInt(problem.budgetEnvelope)) {
        throw CompetitionErrors.PRICE_ABOVE_ENVELOPE(undefined, { price: dto.price, envelope: problem.budgetEnvelope });
      }
      assertCommitments(problem, dto);
      const offer = tx.create(Offer, {
        id: newId(),
        callId,
        solutionId: dto.solutionId,
        vendorOrganisationId: principal.organisationId,
        status: 'SUBMITTED',
        price: dto.price,
        kpiCommitments: dto.kpiCommitments,
        durationDays: dto.durationDays,
        rounds: dto.rounds,
        deliveryShareBp: dto.deliveryShareBp ?? 0,
        floorBp: dto.floorBp ?? 5000,
        acceptsPocElimination: dto.acceptsPocElimination ?? true,
      });
      await tx.insert(Offer, offer);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'offer',
        entityId: offer.id,
        action: 'submitted',
        after: { callId, solutionId: dto.solutionId },
      });
      return offer;
    });
  }

  /** Sealed bids: before the deadline a vendor sees only its own offers, the buyer none. */
  async listOffers(principal: Principal, callId: string): Promise<Offer[]> {
    const call = await this.getCall(callId);
    const isBuyerSide =
      principal.organisationType === 'OPERATOR' || principal.organisationId === call.agencyOrganisationId;
    if (isBuyerSide) {
      if (call.deadline > this.clock.now()) throw CompetitionErrors.CALL_STILL_OPEN();
      return this.offers.find({ where: { callId }, order: { submittedAt: 'ASC' } });
    }
    return this.offers.find({
      where: { callId, vendorOrganisationId: principal.organisationId },
      order: { submittedAt: 'ASC' },
    });
  }

  /** Awards inside the caller's transaction, so the draft order is created atomically with the award. */
  async award(tx: EntityManager, principal: Principal, callId: string, dto: AwardDto): Promise<AwardedOffer> {
    const call = await this.getCall(callId, tx);
    if (principal.organisationId !== call.agencyOrganisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
    if (call.deadline > this.clock.now()) throw CompetitionErrors.CALL_STILL_OPEN();
    const offer = await tx.findOneBy(Offer, { id: dto.offerId });
    if (!offer || offer.callId !== callId)
      throw CompetitionErrors.OFFER_NOT_IN_CALL(undefined, { offerId: dto.offerId });
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
      .where('call_id = :callId AND id <> :id AND status = :submitted', {
        callId,
        id: offer.id,
        submitted: 'SUBMITTED',
      })
      .execute();
    await this.audit.record(tx, {
      actor: actorOf(principal),
      entityType: 'call',
      entityId: callId,
      action: 'awarded',
      before: { status: call.status },
      after: { status: callStatus, offerId: offer.id },
    });
    return {
      call: { ...call, status: callStatus, awardedOfferId: offer.id },
      offer: { ...offer, status: offerStatus },
      problem: await this.problems.get(call.problemId, tx),
    };
  }

  async getCall(id: string, tx?: EntityManager): Promise<Call> {
    const call = await (tx ?? this.calls.manager).findOneBy(Call, { id });
    if (!call) throw CompetitionErrors.CALL_NOT_FOUND(undefined, { id });
    return call;
  }

  listCalls(): Promise<Call[]> {
    return this.calls.find({ order: { openedAt: 'DESC' }, take: 200 });
  }
}

/** Every problem KPI gets a commitment no worse than the problem's target, with a baseline when the problem has none. */
function assertCommitments(problem: Problem, dto: SubmitOfferDto): void {
  const byCode = new Map(dto.kpiCommitments.map((c) => [c.kpiCode, c]));
  for (const kpi of problem.kpis) {
    const commitment = byCode.get(kpi.code);
    if (!commitment)
      throw CompetitionErrors.KPI_COMMITMENT_INVALID(
        `Thiếu cam kết cho KPI ${kpi.code}. / Missing commitment for KPI ${kpi.code}.`,
        { kpiCode: kpi.code },
      );
    if (kpi.baseline === null && commitment.baseline === undefined && !kpi.binary) {
      throw CompetitionErrors.KPI_COMMITMENT_INVALID(
        `KPI ${kpi.code} cần mức cơ sở đã thống nhất. / KPI ${kpi.code} needs an agreed baseline.`,
        { kpiCode: kpi.code, field: 'baseline' },
      );
    }
    const baseline = commitment.baseline ?? kpi.baseline;
    if (!kpi.binary && baseline !== null && isWorse(kpi.direction, commitment.target, baseline)) {
      throw CompetitionErrors.KPI_COMMITMENT_INVALID(
        `Mục tiêu cam kết cho ${kpi.code} ngược chiều với mức cơ sở. / Committed target for ${kpi.code} is on the wrong side of its baseline.`,
        { kpiCode: kpi.code, baseline, target: commitment.target, direction: kpi.direction },
      );
    }
    if (isWorse(kpi.direction, commitment.target, kpi.target)) {
      throw CompetitionErrors.KPI_COMMITMENT_INVALID(
        `Mục tiêu cam kết cho ${kpi.code} kém hơn mục tiêu của bài toán. / Committed target for ${kpi.code} is worse than the problem's.`,
        { kpiCode: kpi.code, committed: commitment.target, required: kpi.target },
      );
    }
    byCode.delete(kpi.code);
  }
  if (byCode.size > 0)
    throw CompetitionErrors.KPI_COMMITMENT_INVALID(undefined, { unknownKpiCodes: [...byCode.keys()] });
}
