import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuditEntry, AuditFacade } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { actorOf, IdentityErrors, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { jobId, Outbox, updateIfStatus } from '@app/platform';
import { ProblemsFacade, type Problem } from '@app/problems';
import { Call } from '../call.entity';
import { CallScoring } from '../call-scoring';
import {
  type BakeOffStarted,
  callLifecycle,
  COMPETITION_EVENTS_QUEUE,
  CompetitionErrors,
  CompetitionEvents,
  offerLifecycle,
} from '../contracts/competition';
import { Offer } from '../offer.entity';
import { OfferScore } from '../offer-score.entity';
import { declaredMinimumSamples } from '../offer-terms';
import { PocTrial } from '../poc-trial.entity';

const DAY_MS = 86_400_000;

export interface BakeOffFinalist {
  offer: Offer;
  trialOrderId: string;
  /** per KPI code, the minimum sample the vendor declared for its solution (see declaredMinimumSamples) */
  minimumSamples: Record<string, number>;
}

export interface BakeOffStart {
  call: Call;
  problem: Problem;
  finalists: BakeOffFinalist[];
}

@Injectable()
export class StartBakeOff {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly problems: ProblemsFacade,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly scoring: CallScoring,
  ) {}

  /**
   * Shortlists the best-scored offers that accept POC elimination and whose solution is still LISTED as finalists,
   * declines the rest (an offer of a solution suspended, delisted, expired or waiting since it was submitted is
   * skipped and the next best takes its place), and reserves one trial order id per finalist, to be signed within
   * `signWithinDays`; runs in the caller's transaction, which creates those orders.
   */
  async executeIn(
    tx: EntityManager,
    { principal, callId, signWithinDays }: { principal: Principal; callId: string; signWithinDays: number },
  ): Promise<BakeOffStart> {
    const locked = await tx.findOne(Call, { where: { id: callId }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw CompetitionErrors.CALL_NOT_FOUND(undefined, { id: callId });
    if (principal.organisationId !== locked.agencyOrganisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
    if (locked.awardMode !== 'POC') throw CompetitionErrors.NOT_A_POC_CALL();
    if (locked.deadline > this.clock.now()) throw CompetitionErrors.CALL_STILL_OPEN();
    const call = await this.scoring.scoreLockedIfDue(tx, locked);
    const status = callLifecycle.apply(call.status, 'startPoc');
    const offers = await tx.find(Offer, { where: { callId, status: 'SUBMITTED' } });
    const scores = await tx.find(OfferScore, { where: { callId }, order: { rank: 'ASC' } });
    const statuses = await this.catalog.statusesOf(tx, [...new Set(offers.map((o) => o.solutionId))]);
    const notListed = offers.filter((o) => statuses.get(o.solutionId) !== 'LISTED').map((o) => o.id);
    const shortlisted = scores
      .map((score) => ({ score, offer: offers.find((o) => o.id === score.offerId) }))
      .filter(
        (s): s is { score: OfferScore; offer: Offer } =>
          s.offer?.acceptsPocElimination === true && !notListed.includes(s.offer.id),
      )
      .slice(0, call.pocFinalists ?? 0);
    if (shortlisted.length === 0) throw CompetitionErrors.NO_OFFERS();
    const startedAt = this.clock.now();
    const signBy = new Date(startedAt.getTime() + signWithinDays * DAY_MS);
    const trials = shortlisted.map(({ score, offer }) =>
      tx.create(PocTrial, {
        id: newId(),
        callId,
        offerId: offer.id,
        orderId: newId(),
        vendorOrganisationId: offer.vendorOrganisationId,
        scoreRank: score.rank,
        scoreTotal: score.total,
        maxAmount: call.pocTrialBudget!,
        paid: null,
        costEffectiveness: null,
        measured: null,
        comparisonRank: null,
        startedAt,
        signBy,
        withdrawnAt: null,
        withdrawalReason: null,
        concludedAt: null,
      }),
    );
    await tx.insert(PocTrial, trials);
    const finalistIds = trials.map((t) => t.offerId);
    const offerEntries: AuditEntry[] = [];
    for (const offer of offers) {
      const event = finalistIds.includes(offer.id) ? 'shortlist' : 'decline';
      const offerStatus = offerLifecycle.apply(offer.status, event);
      await updateIfStatus(tx, Offer, offer.id, offer.status, { status: offerStatus });
      offerEntries.push({
        actor: actorOf(principal),
        entityType: 'offer',
        entityId: offer.id,
        action: event === 'shortlist' ? 'shortlisted' : 'not-awarded',
        before: { status: offer.status },
        after: {
          status: offerStatus,
          callId,
          ...(notListed.includes(offer.id) && { solutionStatus: statuses.get(offer.solutionId) }),
        },
      });
    }
    await updateIfStatus(tx, Call, callId, call.status, { status });
    const problem = await this.problems.get(call.problemId, tx);
    const started: BakeOffStarted = {
      callId,
      problemTitleVi: problem.titleVi,
      problemTitleEn: problem.titleEn,
      trialBudget: call.pocTrialBudget!,
      signBy: signBy.toISOString(),
      finalists: trials.map((t) => ({
        vendorOrganisationId: t.vendorOrganisationId,
        offerId: t.offerId,
        trialOrderId: t.orderId,
      })),
    };
    await this.outbox.enqueue(tx, {
      queue: COMPETITION_EVENTS_QUEUE,
      name: CompetitionEvents.bakeOffStarted,
      id: jobId(CompetitionEvents.bakeOffStarted, callId),
      payload: started,
    });
    await this.audit.record(tx, ...offerEntries, {
      actor: actorOf(principal),
      entityType: 'call',
      entityId: callId,
      action: 'bake-off-started',
      before: { status: call.status },
      after: {
        status,
        trialBudget: call.pocTrialBudget,
        signBy,
        finalists: trials.map((t) => ({ offerId: t.offerId, rank: t.scoreRank, trialOrderId: t.orderId })),
        declined: offers.filter((o) => !finalistIds.includes(o.id)).map((o) => o.id),
        notListed,
      },
    });
    const finalists: BakeOffFinalist[] = [];
    for (const t of trials) {
      const offer = shortlisted.find((s) => s.offer.id === t.offerId)!.offer;
      const solution = await this.catalog.getSolution(offer.solutionId, tx);
      finalists.push({
        offer,
        trialOrderId: t.orderId,
        minimumSamples: declaredMinimumSamples(problem, solution.kpis),
      });
    }
    return { call: { ...call, status }, problem, finalists };
  }
}
