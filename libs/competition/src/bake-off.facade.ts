import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { type AuditActor, type AuditEntry, AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { actorOf, IdentityErrors, type Principal } from '@app/identity';
import { Clock, formatDong, newId } from '@app/kernel';
import { jobId, Outbox, updateIfStatus } from '@app/platform';
import { ProblemsFacade, type Problem } from '@app/problems';
import { percentOf, rankTrials, type RankedTrial } from './bake-off-ranking';
import { Call } from './call.entity';
import { CompetitionFacade } from './competition.facade';
import {
  type BakeOffConcluded,
  type BakeOffStarted,
  callLifecycle,
  COMPETITION_EVENTS_QUEUE,
  CompetitionErrors,
  CompetitionEvents,
  offerLifecycle,
  type TrialOutcome,
} from './contracts/competition';
import { Offer } from './offer.entity';
import { OfferScore } from './offer-score.entity';
import { declaredMinimumSamples } from './offer-terms';
import { PocTrial } from './poc-trial.entity';

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

export interface BakeOffComparison {
  call: Call;
  trials: Array<PocTrial & { offerStatus: Offer['status']; eliminationReason: string | null }>;
}

/**
 * The POC bake-off (PRODUCT.md, tier 2): the top finalists each run a small trial order; once all are post-checked
 * the finalist that measurably earned the most per đồng of trial budget is proposed for award, the others are
 * eliminated with the data. A finalist whose trial order is cancelled unsigned withdraws and is not compared.
 * Orders themselves are the ordering module's: it calls in here, never the reverse.
 */
@Injectable()
export class BakeOffFacade {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly competition: CompetitionFacade,
    private readonly problems: ProblemsFacade,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    @InjectRepository(PocTrial) private readonly trials: Repository<PocTrial>,
  ) {}

  /**
   * Shortlists the best-scored offers that accept POC elimination and whose solution is still LISTED as finalists,
   * declines the rest (an offer of a solution suspended, delisted, expired or waiting since it was submitted is
   * skipped and the next best takes its place), and reserves one trial order id per finalist, to be signed within
   * `signWithinDays`; the caller creates those orders in the same transaction.
   */
  async start(tx: EntityManager, principal: Principal, callId: string, signWithinDays: number): Promise<BakeOffStart> {
    const locked = await tx.findOne(Call, { where: { id: callId }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw CompetitionErrors.CALL_NOT_FOUND(undefined, { id: callId });
    if (principal.organisationId !== locked.agencyOrganisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
    if (locked.awardMode !== 'POC') throw CompetitionErrors.NOT_A_POC_CALL();
    if (locked.deadline > this.clock.now()) throw CompetitionErrors.CALL_STILL_OPEN();
    await this.competition.evaluateDue(tx, callId);
    const call = await this.competition.getCall(callId, tx);
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

  /** Calls whose trial orders are running: the acceptance module checks whether they are all post-checked. */
  async callsInTrial(): Promise<string[]> {
    const rows = await this.trials.manager.find(Call, {
      where: { status: 'POC_TRIAL' },
      select: { id: true },
      take: 500,
    });
    return rows.map((r) => r.id);
  }

  async trialOrderIds(callId: string, tx: EntityManager): Promise<string[]> {
    const trials = await tx.find(PocTrial, { where: { callId } });
    return trials.map((t) => t.orderId);
  }

  /**
   * Trial orders of running bake-offs past their sign-by date (database clock shifted by `offsetSeconds`, test only)
   * whose finalist has not withdrawn; the ordering module cancels those still unsigned.
   */
  async pastSignBy(offsetSeconds: number): Promise<string[]> {
    const rows = await this.trials.query<Array<{ order_id: string }>>(
      `SELECT t.order_id FROM competition.poc_trials t
       JOIN competition.calls c ON c.id = t.call_id AND c.status = 'POC_TRIAL'
       WHERE t.withdrawn_at IS NULL AND t.sign_by <= now() + make_interval(secs => $1)
       ORDER BY t.sign_by LIMIT 500`,
      [offsetSeconds],
    );
    return rows.map((r) => r.order_id);
  }

  /**
   * The finalist of a trial order cancelled unsigned withdraws: it is not awarded and leaves the comparison, keeping
   * the reason. Runs in the cancellation's transaction; returns the audit entries for the caller to record last.
   */
  async withdrawFinalist(tx: EntityManager, actor: AuditActor, orderId: string, reason: string): Promise<AuditEntry[]> {
    const trial = await tx.findOneByOrFail(PocTrial, { orderId, withdrawnAt: IsNull() });
    await tx.findOne(Call, { where: { id: trial.callId }, lock: { mode: 'pessimistic_write' } });
    await tx.update(PocTrial, { id: trial.id }, { withdrawnAt: this.clock.now(), withdrawalReason: reason });
    const offer = await tx.findOneByOrFail(Offer, { id: trial.offerId });
    const offerStatus = offerLifecycle.apply(offer.status, 'decline');
    await updateIfStatus(tx, Offer, offer.id, offer.status, { status: offerStatus });
    return [
      {
        actor,
        entityType: 'offer',
        entityId: offer.id,
        action: 'withdrawn-from-bake-off',
        before: { status: offer.status },
        after: { status: offerStatus, callId: trial.callId, trialOrderId: orderId, reason },
      },
    ];
  }

  /**
   * With every trial order post-checked or cancelled, ranks the finalists still in the bake-off by measured
   * cost-effectiveness, proposes the best for award and eliminates the others with the data. When every finalist
   * withdrew there is nobody to propose and the call is cancelled. Returns false when the call is no longer in its
   * trial (a repeat) or a compared finalist's outcome is missing.
   */
  async conclude(tx: EntityManager, callId: string, outcomes: TrialOutcome[]): Promise<boolean> {
    const call = await tx.findOne(Call, { where: { id: callId }, lock: { mode: 'pessimistic_write' } });
    if (!call || call.status !== 'POC_TRIAL') return false;
    const trials = await tx.find(PocTrial, { where: { callId }, order: { scoreRank: 'ASC' } });
    const compared = trials.filter((t) => t.withdrawnAt === null);
    const outcomeOf = new Map(outcomes.map((o) => [o.orderId, o]));
    if (compared.some((t) => !outcomeOf.has(t.orderId))) return false;
    const ranked = rankTrials(
      compared.map((t) => ({
        offerId: t.offerId,
        paid: outcomeOf.get(t.orderId)!.paid,
        maxAmount: outcomeOf.get(t.orderId)!.maxAmount,
        scoreTotal: t.scoreTotal,
        scoreRank: t.scoreRank,
      })),
    );
    const best = ranked.at(0);
    const concludedAt = this.clock.now();
    for (const trial of trials) {
      const result = ranked.find((r) => r.offerId === trial.offerId);
      const outcome = outcomeOf.get(trial.orderId);
      const measuredFigures =
        result && outcome
          ? {
              paid: outcome.paid.toString(),
              measured: outcome.measured,
              costEffectiveness: result.costEffectiveness.toFraction(),
              comparisonRank: result.comparisonRank,
            }
          : {};
      await tx.update(PocTrial, { id: trial.id }, { ...measuredFigures, concludedAt });
    }
    const reasons = new Map<string, string>();
    const offers = await tx.find(Offer, { where: { id: In(ranked.map((r) => r.offerId)) } });
    const offerEntries: AuditEntry[] = [];
    for (const offer of offers.filter((o) => o.id !== best?.offerId)) {
      const offerStatus = offerLifecycle.apply(offer.status, 'eliminate');
      const reason = eliminationReason(
        ranked.find((r) => r.offerId === offer.id)!,
        best!,
      );
      reasons.set(offer.id, reason);
      await updateIfStatus(tx, Offer, offer.id, offer.status, { status: offerStatus, eliminationReason: reason });
      offerEntries.push({
        actor: SYSTEM_ACTOR,
        entityType: 'offer',
        entityId: offer.id,
        action: 'eliminated',
        before: { status: offer.status },
        after: { status: offerStatus, callId, reason },
      });
    }
    const status = callLifecycle.apply(call.status, best ? 'proposePoc' : 'abandonPoc');
    await updateIfStatus(tx, Call, callId, call.status, { status, pocProposedOfferId: best?.offerId ?? null });
    const problem = await this.problems.get(call.problemId, tx);
    const concluded: BakeOffConcluded = {
      callId,
      problemTitleVi: problem.titleVi,
      problemTitleEn: problem.titleEn,
      callStatus: status,
      finalists: trials.map((t) => {
        const result = ranked.find((r) => r.offerId === t.offerId);
        return {
          vendorOrganisationId: t.vendorOrganisationId,
          offerId: t.offerId,
          trialOrderId: t.orderId,
          outcome: !result ? 'WITHDRAWN' : result === best ? 'PROPOSED' : 'ELIMINATED',
          paid: result?.paid.toString() ?? null,
          maxAmount: t.maxAmount,
          costEffectivenessPercent: result ? percentOf(result.costEffectiveness) : null,
          reason: result ? (reasons.get(t.offerId) ?? null) : t.withdrawalReason,
        };
      }),
    };
    await this.outbox.enqueue(tx, {
      queue: COMPETITION_EVENTS_QUEUE,
      name: CompetitionEvents.bakeOffConcluded,
      id: jobId(CompetitionEvents.bakeOffConcluded, callId),
      payload: concluded,
    });
    await this.audit.record(tx, ...offerEntries, {
      actor: SYSTEM_ACTOR,
      entityType: 'call',
      entityId: callId,
      action: 'bake-off-concluded',
      before: { status: call.status },
      after: {
        status,
        proposedOfferId: best?.offerId ?? null,
        comparison: ranked.map((r) => ({
          offerId: r.offerId,
          paid: r.paid.toString(),
          maxAmount: r.maxAmount.toString(),
          costEffectiveness: r.costEffectiveness.toFraction(),
          scoreTotal: r.scoreTotal,
          comparisonRank: r.comparisonRank,
        })),
        withdrawn: trials
          .filter((t) => t.withdrawnAt !== null)
          .map((t) => ({ offerId: t.offerId, reason: t.withdrawalReason })),
      },
    });
    return true;
  }

  /**
   * The comparison table: the buyer's agency and operators see it from the start of the bake-off; everyone once the
   * call is awarded. Before that, it does not exist for anyone else.
   */
  async comparison(callId: string, principal?: Principal): Promise<BakeOffComparison> {
    const call = await this.competition.call(callId);
    const buyerSide =
      principal?.organisationType === 'OPERATOR' || principal?.organisationId === call.agencyOrganisationId;
    const trials = await this.trials.find({ where: { callId }, order: { scoreRank: 'ASC' } });
    if (trials.length === 0 || (!buyerSide && call.status !== 'AWARDED'))
      throw CompetitionErrors.BAKE_OFF_NOT_FOUND(undefined, { callId });
    const offers = await this.trials.manager.find(Offer, { where: { id: In(trials.map((t) => t.offerId)) } });
    return {
      call,
      trials: trials
        .map((t) => {
          const offer = offers.find((o) => o.id === t.offerId)!;
          return { ...t, offerStatus: offer.status, eliminationReason: offer.eliminationReason };
        })
        .sort(
          (x, y) =>
            Number(x.withdrawnAt !== null) - Number(y.withdrawnAt !== null) ||
            (x.comparisonRank ?? x.scoreRank) - (y.comparisonRank ?? y.scoreRank),
        ),
    };
  }
}

function eliminationReason(trial: RankedTrial, best: RankedTrial): string {
  const own = `${percentOf(trial.costEffectiveness)} %`;
  const top = `${percentOf(best.costEffectiveness)} %`;
  const paid = `${formatDong(trial.paid)} / ${formatDong(trial.maxAmount)}`;
  return trial.costEffectiveness.equals(best.costEffectiveness)
    ? `Thử nghiệm POC: hiệu quả chi phí đo được bằng nhau (${own}, đã trả ${paid}) nhưng điểm vòng 2 thấp hơn. / ` +
        `POC trial: equal measured cost-effectiveness (${own}, paid ${paid}) but a lower tier-2 score.`
    : `Thử nghiệm POC: hiệu quả chi phí đo được ${own} (đã trả ${paid}), thấp hơn ${top} của đơn vị được đề xuất. / ` +
        `POC trial: measured cost-effectiveness ${own} (paid ${paid}), below the proposed finalist's ${top}.`;
}
