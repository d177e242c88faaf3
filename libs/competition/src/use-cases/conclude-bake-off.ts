import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { type AuditEntry, AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { Clock, formatDong } from '@app/kernel';
import { jobId, Outbox, updateIfStatus } from '@app/platform';
import { ProblemsFacade } from '@app/problems';
import { percentOf, rankTrials, type RankedTrial } from '../bake-off-ranking';
import { Call } from '../call.entity';
import {
  type BakeOffConcluded,
  callLifecycle,
  COMPETITION_EVENTS_QUEUE,
  CompetitionEvents,
  offerLifecycle,
  type TrialOutcome,
} from '../contracts/competition';
import { Offer } from '../offer.entity';
import { PocTrial } from '../poc-trial.entity';

@Injectable()
export class ConcludeBakeOff {
  constructor(
    private readonly audit: AuditFacade,
    private readonly problems: ProblemsFacade,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  /**
   * With every trial order post-checked or cancelled, ranks the finalists still in the bake-off by measured
   * cost-effectiveness, proposes the best for award and eliminates the others with the data. When every finalist
   * withdrew there is nobody to propose and the call is cancelled. Returns false when the call is no longer in its
   * trial (a repeat) or a compared finalist's outcome is missing. Runs in the caller's transaction.
   */
  async executeIn(
    tx: EntityManager,
    { callId, outcomes }: { callId: string; outcomes: TrialOutcome[] },
  ): Promise<boolean> {
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
