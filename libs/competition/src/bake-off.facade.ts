import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { type AuditEntry, AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { actorOf, IdentityErrors, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { updateIfStatus } from '@app/platform';
import { ProblemsFacade, type Problem } from '@app/problems';
import { percentOf, rankTrials, type RankedTrial } from './bake-off-ranking';
import { Call } from './call.entity';
import { CompetitionFacade } from './competition.facade';
import { callLifecycle, CompetitionErrors, offerLifecycle, type TrialOutcome } from './contracts/competition';
import { Offer } from './offer.entity';
import { OfferScore } from './offer-score.entity';
import { PocTrial } from './poc-trial.entity';

export interface BakeOffFinalist {
  offer: Offer;
  trialOrderId: string;
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
 * eliminated with the data. Orders themselves are the ordering module's: it calls in here, never the reverse.
 */
@Injectable()
export class BakeOffFacade {
  constructor(
    private readonly audit: AuditFacade,
    private readonly competition: CompetitionFacade,
    private readonly problems: ProblemsFacade,
    private readonly clock: Clock,
    @InjectRepository(PocTrial) private readonly trials: Repository<PocTrial>,
  ) {}

  /**
   * Shortlists the best-scored offers that accept POC elimination as finalists, declines the rest, and reserves one
   * trial order id per finalist; the caller creates those orders in the same transaction.
   */
  async start(tx: EntityManager, principal: Principal, callId: string): Promise<BakeOffStart> {
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
    const shortlisted = scores
      .map((score) => ({ score, offer: offers.find((o) => o.id === score.offerId) }))
      .filter((s): s is { score: OfferScore; offer: Offer } => s.offer?.acceptsPocElimination === true)
      .slice(0, call.pocFinalists ?? 0);
    if (shortlisted.length === 0) throw CompetitionErrors.NO_OFFERS();
    const startedAt = this.clock.now();
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
        after: { status: offerStatus, callId },
      });
    }
    await updateIfStatus(tx, Call, callId, call.status, { status });
    await this.audit.record(tx, ...offerEntries, {
      actor: actorOf(principal),
      entityType: 'call',
      entityId: callId,
      action: 'bake-off-started',
      before: { status: call.status },
      after: {
        status,
        trialBudget: call.pocTrialBudget,
        finalists: trials.map((t) => ({ offerId: t.offerId, rank: t.scoreRank, trialOrderId: t.orderId })),
        declined: offers.filter((o) => !finalistIds.includes(o.id)).map((o) => o.id),
      },
    });
    return {
      call: { ...call, status },
      problem: await this.problems.get(call.problemId, tx),
      finalists: trials.map((t) => ({
        offer: shortlisted.find((s) => s.offer.id === t.offerId)!.offer,
        trialOrderId: t.orderId,
      })),
    };
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

  async trialOrderIds(callId: string, tx?: EntityManager): Promise<string[]> {
    const trials = await (tx ?? this.trials.manager).find(PocTrial, { where: { callId } });
    return trials.map((t) => t.orderId);
  }

  /**
   * With every trial order post-checked, ranks the finalists by measured cost-effectiveness, proposes the best for
   * award and eliminates the others with the data. Returns false when the call is no longer in its trial (a repeat).
   */
  async conclude(tx: EntityManager, callId: string, outcomes: TrialOutcome[]): Promise<boolean> {
    const call = await tx.findOne(Call, { where: { id: callId }, lock: { mode: 'pessimistic_write' } });
    if (!call || call.status !== 'POC_TRIAL') return false;
    const trials = await tx.find(PocTrial, { where: { callId } });
    const outcomeOf = new Map(outcomes.map((o) => [o.orderId, o]));
    if (trials.some((t) => !outcomeOf.has(t.orderId))) return false;
    const ranked = rankTrials(
      trials.map((t) => ({
        offerId: t.offerId,
        paid: outcomeOf.get(t.orderId)!.paid,
        maxAmount: outcomeOf.get(t.orderId)!.maxAmount,
        scoreTotal: t.scoreTotal,
        scoreRank: t.scoreRank,
      })),
    );
    const best = ranked[0];
    const concludedAt = this.clock.now();
    for (const trial of trials) {
      const result = ranked.find((r) => r.offerId === trial.offerId)!;
      const outcome = outcomeOf.get(trial.orderId)!;
      await tx.update(
        PocTrial,
        { id: trial.id },
        {
          paid: outcome.paid.toString(),
          measured: outcome.measured,
          costEffectiveness: result.costEffectiveness.toFraction(),
          comparisonRank: result.comparisonRank,
          concludedAt,
        },
      );
    }
    const offers = await tx.find(Offer, { where: { id: In(trials.map((t) => t.offerId)) } });
    const offerEntries: AuditEntry[] = [];
    for (const offer of offers.filter((o) => o.id !== best.offerId)) {
      const offerStatus = offerLifecycle.apply(offer.status, 'eliminate');
      const reason = eliminationReason(
        ranked.find((r) => r.offerId === offer.id)!,
        best,
      );
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
    const status = callLifecycle.apply(call.status, 'proposePoc');
    await updateIfStatus(tx, Call, callId, call.status, { status, pocProposedOfferId: best.offerId });
    await this.audit.record(tx, ...offerEntries, {
      actor: SYSTEM_ACTOR,
      entityType: 'call',
      entityId: callId,
      action: 'bake-off-concluded',
      before: { status: call.status },
      after: {
        status,
        proposedOfferId: best.offerId,
        comparison: ranked.map((r) => ({
          offerId: r.offerId,
          paid: r.paid.toString(),
          maxAmount: r.maxAmount.toString(),
          costEffectiveness: r.costEffectiveness.toFraction(),
          scoreTotal: r.scoreTotal,
          comparisonRank: r.comparisonRank,
        })),
      },
    });
    return true;
  }

  /**
   * The comparison table: the buyer's agency and operators see it from the start of the bake-off; everyone once the
   * call is awarded. Before that, it does not exist for anyone else.
   */
  async comparison(callId: string, principal?: Principal): Promise<BakeOffComparison> {
    const call = await this.competition.getCall(callId);
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
        .sort((x, y) => (x.comparisonRank ?? x.scoreRank) - (y.comparisonRank ?? y.scoreRank)),
    };
  }
}

function eliminationReason(trial: RankedTrial, best: RankedTrial): string {
  const own = `${percentOf(trial.costEffectiveness)} %`;
  const top = `${percentOf(best.costEffectiveness)} %`;
  const paid = `${trial.paid} / ${trial.maxAmount} đồng`;
  return trial.costEffectiveness.equals(best.costEffectiveness)
    ? `Thử nghiệm POC: hiệu quả chi phí đo được bằng nhau (${own}, đã trả ${paid}) nhưng điểm vòng 2 thấp hơn. / ` +
        `POC trial: equal measured cost-effectiveness (${own}, paid ${paid}) but a lower tier-2 score.`
    : `Thử nghiệm POC: hiệu quả chi phí đo được ${own} (đã trả ${paid}), thấp hơn ${top} của đơn vị được đề xuất. / ` +
        `POC trial: measured cost-effectiveness ${own} (paid ${paid}), below the proposed finalist's ${top}.`;
}
