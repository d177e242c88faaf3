import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { actorOf, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { jobId, Outbox, Transactions } from '@app/platform';
import { deadlineEnd, ProblemsFacade, type Problem } from '@app/problems';
import { Call } from '../call.entity';
import { OpenCallDto } from '../competition.dto';
import {
  COMPETITION_EVENTS_QUEUE,
  CompetitionErrors,
  CompetitionEvents,
  DEFAULT_WEIGHTS,
  type CallOpened,
  type ScoreWeights,
} from '../contracts/competition';

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

@Injectable()
export class OpenCall {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly problems: ProblemsFacade,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  /** Opens a call on a published problem and freezes the eligible pool: solutions LISTED in its category now. */
  async execute({ principal, ...dto }: { principal: Principal } & OpenCallDto): Promise<Call> {
    const deadline = new Date(dto.deadline);
    if (deadline <= this.clock.now()) throw CompetitionErrors.DEADLINE_IN_PAST(undefined, { field: 'deadline' });
    const weights = toWeights(dto.weights);
    const awardMode = dto.awardMode ?? 'DIRECT';
    if (awardMode === 'POC' && (dto.pocFinalists === undefined || dto.pocTrialBudget === undefined)) {
      throw CompetitionErrors.POC_SETTINGS_INVALID(undefined, { fields: ['pocFinalists', 'pocTrialBudget'] });
    }
    return this.tx.run(async (tx) => {
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
