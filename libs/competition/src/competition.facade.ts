import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { actorOf, IdentityErrors, IdentityFacade, type Principal, type VendorIdentity } from '@app/identity';
import { Clock, firstRepeated, isWorse, newId, type Page } from '@app/kernel';
import { jobId, keysetPage, Outbox, updateIfStatus } from '@app/platform';
import { deadlineEnd, ProblemsFacade, type Problem } from '@app/problems';
import { Call } from './call.entity';
import { Clarification } from './clarification.entity';
import { AwardDto, OpenCallDto, PaymentTermsDto, PayoutLevelView, SubmitOfferDto } from './competition.dto';
import {
  callLifecycle,
  COMPETITION_EVENTS_QUEUE,
  CompetitionErrors,
  CompetitionEvents,
  DEFAULT_WEIGHTS,
  offerLifecycle,
  TRUST_SOURCE,
  type CallOpened,
  type CallStatus,
  type ScoreWeights,
  type TrustSource,
} from './contracts/competition';
import { Offer } from './offer.entity';
import { OfferScore } from './offer-score.entity';
import {
  declaredMinimumSamples,
  equalShares,
  maxDeliveryShareBp,
  offerPaymentTerms,
  roundSharesRefusal,
} from './offer-terms';
import { payoutTable } from './payout-table';
import { committedImprovement, scoreOffers } from './scoring';

export interface AwardedOffer {
  call: Call;
  offer: Offer;
  problem: Problem;
  /** per KPI code, the minimum sample the vendor declared for its solution (see declaredMinimumSamples) */
  minimumSamples: Record<string, number>;
}

const weightsOf = (call: Call): ScoreWeights => ({
  priceBp: call.weightPriceBp,
  effectBp: call.weightEffectBp,
  trustBp: call.weightTrustBp,
});

function toWeights(dto: OpenCallDto['weights']): ScoreWeights {
  if (!dto) return DEFAULT_WEIGHTS;
  const weights = {
    priceBp: Math.round(dto.price * 10_000),
    effectBp: Math.round(dto.effect * 10_000),
    trustBp: Math.round(dto.trust * 10_000),
  };
  if (weights.priceBp + weights.effectBp + weights.trustBp !== 10_000) {
    throw CompetitionErrors.WEIGHTS_INVALID(undefined, { field: 'weights', weights: dto });
  }
  return weights;
}

export interface CallListFilter {
  cursor?: string;
  limit: number;
  status?: CallStatus;
  problemId?: string;
  agencyOrganisationId?: string;
}

@Injectable()
export class CompetitionFacade {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly problems: ProblemsFacade,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    @Inject(TRUST_SOURCE) private readonly trust: TrustSource,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Offer) private readonly offers: Repository<Offer>,
  ) {}

  /** Opens a call on a published problem and freezes the eligible pool: solutions LISTED in its category now. */
  async openCall(principal: Principal, dto: OpenCallDto): Promise<Call> {
    const deadline = new Date(dto.deadline);
    if (deadline <= this.clock.now()) throw CompetitionErrors.DEADLINE_IN_PAST(undefined, { field: 'deadline' });
    const weights = toWeights(dto.weights);
    const awardMode = dto.awardMode ?? 'DIRECT';
    if (awardMode === 'POC' && (dto.pocFinalists === undefined || dto.pocTrialBudget === undefined)) {
      throw CompetitionErrors.POC_SETTINGS_INVALID(undefined, { fields: ['pocFinalists', 'pocTrialBudget'] });
    }
    return this.calls.manager.transaction(async (tx) => {
      const problem = await this.problems.get(dto.problemId, tx);
      this.problems.assertCanManage(principal, problem);
      if (problem.status !== 'PUBLISHED') throw CompetitionErrors.PROBLEM_NOT_PUBLISHED();
      const problemDeadline = deadlineEnd(problem.deadline);
      if (problemDeadline && deadline > problemDeadline) {
        throw CompetitionErrors.CALL_AFTER_PROBLEM_DEADLINE(undefined, {
          field: 'deadline',
          deadline: deadline.toISOString(),
          problemDeadline: problem.deadline,
        });
      }
      if (awardMode === 'POC') assertTrialBudget(problem, dto.pocTrialBudget!, dto.pocFinalists!);
      const eligible = await this.catalog.listedInCategory(tx, problem.categoryCode);
      const call = tx.create(Call, {
        id: newId(),
        problemId: problem.id,
        agencyOrganisationId: problem.agencyOrganisationId,
        status: 'OPEN',
        deadline,
        eligibleSolutionIds: eligible.map((s) => s.id),
        weightPriceBp: weights.priceBp,
        weightEffectBp: weights.effectBp,
        weightTrustBp: weights.trustBp,
        awardMode,
        pocFinalists: awardMode === 'POC' ? (dto.pocFinalists ?? null) : null,
        pocTrialBudget: awardMode === 'POC' ? (dto.pocTrialBudget ?? null) : null,
        allowsWorseTargets: dto.allowsWorseTargets ?? false,
        evaluatedAt: null,
        pocProposedOfferId: null,
        awardedOfferId: null,
        awardJustification: null,
      });
      await tx.insert(Call, call);
      const opened: CallOpened = {
        callId: call.id,
        problemId: problem.id,
        problemTitleVi: problem.titleVi,
        problemTitleEn: problem.titleEn,
        deadline: deadline.toISOString(),
        vendorOrganisationIds: [...new Set(eligible.map((s) => s.vendorOrganisationId))],
      };
      await this.outbox.enqueue(tx, {
        queue: COMPETITION_EVENTS_QUEUE,
        name: CompetitionEvents.callOpened,
        id: jobId(CompetitionEvents.callOpened, call.id),
        payload: opened,
      });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'call',
        entityId: call.id,
        action: 'opened',
        after: { problemId: problem.id, deadline, eligible: call.eligibleSolutionIds.length, weights, awardMode },
      });
      return call;
    });
  }

  async submitOffer(principal: Principal, callId: string, dto: SubmitOfferDto): Promise<Offer> {
    return this.offers.manager.transaction((tx) => this.insertOffer(tx, principal, callId, dto));
  }

  /** Before the deadline a vendor may withdraw its offer… */
  async withdrawOffer(principal: Principal, offerId: string): Promise<Offer> {
    return this.offers.manager.transaction(async (tx) => {
      const offer = await this.ownOpenOffer(tx, principal, offerId);
      const status = offerLifecycle.apply(offer.status, 'withdraw');
      await updateIfStatus(tx, Offer, offer.id, offer.status, { status });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'offer',
        entityId: offer.id,
        action: 'withdrawn',
        before: { status: offer.status },
        after: { status },
      });
      return { ...offer, status };
    });
  }

  /** …or replace it with a new one, atomically. */
  async replaceOffer(principal: Principal, offerId: string, dto: SubmitOfferDto): Promise<Offer> {
    return this.offers.manager.transaction(async (tx) => {
      const offer = await this.ownOpenOffer(tx, principal, offerId);
      const status = offerLifecycle.apply(offer.status, 'replace');
      await updateIfStatus(tx, Offer, offer.id, offer.status, { status });
      const replacement = await this.insertOffer(tx, principal, offer.callId, dto);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'offer',
        entityId: offer.id,
        action: 'replaced',
        after: { by: replacement.id },
      });
      return replacement;
    });
  }

  /** Sealed bids: before the deadline a vendor sees only its own offers, the buyer none. */
  /** Offers with their vendor's name and tax code: whom the buyer would be ordering from. */
  async listOffers(principal: Principal, callId: string): Promise<Array<Offer & VendorIdentity>> {
    const call = await this.getCall(callId, this.calls.manager);
    const isBuyerSide =
      principal.organisationType === 'OPERATOR' || principal.organisationId === call.agencyOrganisationId;
    if (isBuyerSide && call.deadline > this.clock.now()) throw CompetitionErrors.CALL_STILL_OPEN();
    const offers = await this.offers.find({
      where: isBuyerSide ? { callId } : { callId, vendorOrganisationId: principal.organisationId },
      order: { submittedAt: 'ASC' },
    });
    return this.identity.withVendors(offers);
  }

  /** Calls past their deadline that still wait for scoring (the worker's sweeper queues them). */
  async callsDueForEvaluation(): Promise<string[]> {
    const due = await this.calls
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where("c.status = 'OPEN' AND c.deadline <= :now", { now: this.clock.now() })
      .limit(500)
      .getRawMany<{ id: string }>();
    return due.map((d) => d.id);
  }

  /** Worker: scores the offers of a call once its deadline has passed; repeated deliveries are no-ops. */
  async evaluate(callId: string): Promise<void> {
    await this.calls.manager.transaction((tx) => this.evaluateDue(tx, callId));
  }

  /** Scores with their breakdown and inputs; public once the call is evaluated (the deadline has passed). */
  async scores(callId: string): Promise<OfferScore[]> {
    const call = await this.getCall(callId, this.calls.manager);
    if (call.status === 'OPEN') throw CompetitionErrors.CALL_STILL_OPEN();
    return this.calls.manager.find(OfferScore, { where: { callId }, order: { rank: 'ASC' } });
  }

  /**
   * Awards inside the caller's transaction, so the draft order is created atomically with the award. An offer whose
   * solution is no longer LISTED cannot be awarded: the agency awards another one.
   */
  async award(tx: EntityManager, principal: Principal, callId: string, dto: AwardDto): Promise<AwardedOffer> {
    const locked = await tx.findOne(Call, { where: { id: callId }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw CompetitionErrors.CALL_NOT_FOUND(undefined, { id: callId });
    if (principal.organisationId !== locked.agencyOrganisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
    if (locked.deadline > this.clock.now()) throw CompetitionErrors.CALL_STILL_OPEN();
    await this.evaluateDue(tx, callId);
    const call = await this.getCall(callId, tx);
    const offer = await tx.findOneBy(Offer, { id: dto.offerId });
    if (!offer || offer.callId !== callId)
      throw CompetitionErrors.OFFER_NOT_IN_CALL(undefined, { offerId: dto.offerId });
    await this.assertListed(tx, offer.solutionId);
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

  /** What the offer would pay at each attainment level (see payoutTable). */
  async simulate(principal: Principal, offerId: string, levels: number[]): Promise<PayoutLevelView[]> {
    const offer = await this.offers.findOneBy({ id: offerId });
    if (!offer) throw CompetitionErrors.OFFER_NOT_FOUND(undefined, { id: offerId });
    const call = await this.getCall(offer.callId, this.calls.manager);
    const buyerMaySee = principal.organisationId === call.agencyOrganisationId && call.deadline <= this.clock.now();
    if (
      principal.organisationId !== offer.vendorOrganisationId &&
      !buyerMaySee &&
      principal.organisationType !== 'OPERATOR'
    ) {
      throw CompetitionErrors.OFFER_NOT_FOUND(undefined, { id: offerId });
    }
    return payoutTable(offerPaymentTerms(offer, await this.problems.get(call.problemId, this.calls.manager)), levels);
  }

  /**
   * What offer terms not yet submitted would pay at each attainment level (the payout simulator of the offer form),
   * refused with the same codes as the submission itself.
   */
  async previewPayout(callId: string, dto: PaymentTermsDto, levels: number[]): Promise<PayoutLevelView[]> {
    const call = await this.getCall(callId, this.calls.manager);
    const problem = await this.problems.get(call.problemId, this.calls.manager);
    return payoutTable(offerPaymentTerms(checkedPaymentTerms(problem, call, dto), problem), levels);
  }

  async askClarification(principal: Principal, callId: string, question: string): Promise<Clarification> {
    return this.calls.manager.transaction(async (tx) => {
      const call = await this.getCall(callId, tx);
      if (call.status !== 'OPEN' || call.deadline <= this.clock.now()) throw CompetitionErrors.CALL_CLOSED();
      const clarification = tx.create(Clarification, {
        id: newId(),
        callId,
        askedByOrganisationId: principal.organisationId,
        question,
        answer: null,
        answeredAt: null,
      });
      await tx.insert(Clarification, clarification);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'clarification',
        entityId: clarification.id,
        action: 'asked',
        after: { callId },
      });
      return clarification;
    });
  }

  async answerClarification(
    principal: Principal,
    callId: string,
    clarificationId: string,
    answer: string,
  ): Promise<Clarification> {
    return this.calls.manager.transaction(async (tx) => {
      const call = await this.getCall(callId, tx);
      if (principal.organisationId !== call.agencyOrganisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
      const clarification = await tx.findOneBy(Clarification, { id: clarificationId, callId });
      if (!clarification) throw CompetitionErrors.CLARIFICATION_NOT_FOUND(undefined, { id: clarificationId });
      const answeredAt = this.clock.now();
      await tx.update(Clarification, { id: clarificationId }, { answer, answeredAt });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'clarification',
        entityId: clarificationId,
        action: 'answered',
        after: { answer },
      });
      return { ...clarification, answer, answeredAt };
    });
  }

  /** Answered questions are public (without who asked); a vendor also sees its own pending ones. */
  async clarifications(callId: string, principal?: Principal): Promise<Clarification[]> {
    await this.getCall(callId, this.calls.manager);
    const all = await this.calls.manager.find(Clarification, { where: { callId }, order: { askedAt: 'ASC' } });
    return all
      .filter(
        (c) =>
          c.answer !== null ||
          c.askedByOrganisationId === principal?.organisationId ||
          principal?.organisationType === 'OPERATOR',
      )
      .map((c) => ({
        ...c,
        askedByOrganisationId: c.askedByOrganisationId === principal?.organisationId ? c.askedByOrganisationId : '',
      }));
  }

  /** A call as its own read, outside any transaction. */
  call(id: string): Promise<Call> {
    return this.getCall(id, this.calls.manager);
  }

  async getCall(id: string, tx: EntityManager): Promise<Call> {
    const call = await tx.findOneBy(Call, { id });
    if (!call) throw CompetitionErrors.CALL_NOT_FOUND(undefined, { id });
    return call;
  }

  listCalls(filter: CallListFilter): Promise<Page<Call>> {
    const query = this.calls.createQueryBuilder('c');
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.problemId) query.andWhere('c.problemId = :problemId', { problemId: filter.problemId });
    if (filter.agencyOrganisationId)
      query.andWhere('c.agencyOrganisationId = :agency', { agency: filter.agencyOrganisationId });
    return keysetPage(query, {
      timeColumn: 'c.opened_at',
      timeOf: (c) => c.openedAt,
      direction: 'DESC',
      cursor: filter.cursor,
      limit: filter.limit,
      invalidCursor: () => CompetitionErrors.INVALID_CURSOR(undefined, { cursor: filter.cursor }),
    });
  }

  private async insertOffer(
    tx: EntityManager,
    principal: Principal,
    callId: string,
    dto: SubmitOfferDto,
  ): Promise<Offer> {
    const call = await this.getCall(callId, tx);
    if (call.status !== 'OPEN' || call.deadline <= this.clock.now()) throw CompetitionErrors.CALL_CLOSED();
    if (!call.eligibleSolutionIds.includes(dto.solutionId)) {
      throw CompetitionErrors.SOLUTION_NOT_ELIGIBLE(undefined, { solutionId: dto.solutionId });
    }
    const solution = await this.catalog.getSolution(dto.solutionId, tx);
    if (solution.vendorOrganisationId !== principal.organisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
    await this.assertListed(tx, dto.solutionId);
    const live = await tx.findOneBy(Offer, { callId, solutionId: dto.solutionId, status: 'SUBMITTED' });
    if (live) throw CompetitionErrors.OFFER_ALREADY_LIVE(undefined, { offerId: live.id, solutionId: dto.solutionId });
    const problem = await this.problems.get(call.problemId, tx);
    const offer = tx.create(Offer, {
      id: newId(),
      callId,
      solutionId: dto.solutionId,
      vendorOrganisationId: principal.organisationId,
      status: 'SUBMITTED',
      ...checkedPaymentTerms(problem, call, dto),
      durationDays: dto.durationDays,
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
  }

  /** Only LISTED solutions bid and are awarded: the eligible pool frozen at opening is not enough on its own. */
  private async assertListed(tx: EntityManager, solutionId: string): Promise<void> {
    const status = (await this.catalog.statusesOf(tx, [solutionId])).get(solutionId);
    if (status !== 'LISTED') throw CompetitionErrors.SOLUTION_NOT_LISTED(undefined, { solutionId, status });
  }

  private async ownOpenOffer(tx: EntityManager, principal: Principal, offerId: string): Promise<Offer> {
    const offer = await tx.findOneBy(Offer, { id: offerId });
    if (!offer) throw CompetitionErrors.OFFER_NOT_FOUND(undefined, { id: offerId });
    if (offer.vendorOrganisationId !== principal.organisationId) throw CompetitionErrors.NOT_OFFER_OWNER();
    const call = await this.getCall(offer.callId, tx);
    if (call.status !== 'OPEN' || call.deadline <= this.clock.now()) throw CompetitionErrors.CALL_CLOSED();
    return offer;
  }

  /** Scores the call inside the caller's transaction if its deadline has passed and it is not scored yet. */
  async evaluateDue(tx: EntityManager, callId: string): Promise<void> {
    const call = await tx.findOne(Call, { where: { id: callId }, lock: { mode: 'pessimistic_write' } });
    if (!call || call.status !== 'OPEN' || call.deadline > this.clock.now()) return;
    const problem = await this.problems.get(call.problemId, tx);
    const offers = await tx.find(Offer, { where: { callId, status: 'SUBMITTED' } });
    const trust = new Map<string, { value: number; source: string }>();
    for (const vendor of new Set(offers.map((o) => o.vendorOrganisationId))) {
      trust.set(vendor, await this.trust.lowerBound(vendor, problem.categoryCode));
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
  }
}

/** Every finalist's trial is paid from the problem's envelope. */
function assertTrialBudget(problem: Problem, trialBudget: string, finalists: number): void {
  const total = BigInt(trialBudget) * BigInt(finalists);
  if (BigInt(trialBudget) <= 0n || total > BigInt(problem.budgetEnvelope)) {
    throw CompetitionErrors.POC_SETTINGS_INVALID(
      'Kinh phí thử nghiệm phải dương và tổng cho các đơn vị vào vòng cuối không vượt hạn mức của bài toán. / The trial budget must be positive and, for all finalists, within the problem’s envelope.',
      { field: 'pocTrialBudget', trialBudget, finalists, total: total.toString(), envelope: problem.budgetEnvelope },
    );
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

/** The fixed delivery share leaves at least the problem's share payable by results. */
function assertDeliveryShare(problem: Problem, deliveryShareBp: number): void {
  const maximum = maxDeliveryShareBp(problem);
  if (deliveryShareBp > maximum) {
    throw CompetitionErrors.DELIVERY_SHARE_TOO_HIGH(undefined, {
      field: 'deliveryShareBp',
      deliveryShareBp,
      maximum,
      outcomeShareBp: problem.outcomeShareBp,
    });
  }
}

/** Every problem KPI gets a commitment no worse than the problem's target, with a baseline when the problem has none. */
function assertCommitments(problem: Problem, dto: PaymentTermsDto, allowsWorseTargets: boolean): void {
  const repeated = firstRepeated(dto.kpiCommitments.map((c) => c.kpiCode));
  if (repeated !== undefined)
    throw CompetitionErrors.KPI_COMMITMENT_INVALID(
      `Hai cam kết cho cùng KPI ${repeated}. / Two commitments for KPI ${repeated}.`,
      { kpiCode: repeated, field: 'kpiCommitments' },
    );
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
    if (!allowsWorseTargets && isWorse(kpi.direction, commitment.target, kpi.target)) {
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

/** An offer's payment terms as the problem and call allow them (price in the envelope, delivery share, shares). */
function checkedPaymentTerms(problem: Problem, call: Call, dto: PaymentTermsDto) {
  if (BigInt(dto.price) <= 0n) throw CompetitionErrors.PRICE_NOT_POSITIVE(undefined, { field: 'price' });
  if (BigInt(dto.price) > BigInt(problem.budgetEnvelope)) {
    throw CompetitionErrors.PRICE_ABOVE_ENVELOPE(undefined, { price: dto.price, envelope: problem.budgetEnvelope });
  }
  assertDeliveryShare(problem, dto.deliveryShareBp ?? 0);
  assertCommitments(problem, dto, call.allowsWorseTargets);
  const shares = dto.roundSharesBp ?? equalShares(dto.rounds);
  const sharesRefusal = roundSharesRefusal(shares, dto.rounds);
  if (sharesRefusal) throw CompetitionErrors.ROUND_SHARES_INVALID(undefined, sharesRefusal);
  return {
    price: dto.price,
    kpiCommitments: dto.kpiCommitments,
    rounds: dto.rounds,
    roundSharesBp: shares,
    deliveryShareBp: dto.deliveryShareBp ?? 0,
    floorBp: dto.floorBp ?? 5000,
  };
}
