import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditFacade, type AuditActor } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { actorOf, type Principal } from '@app/identity';
import { selectById, Transactions, updateIfStatus } from '@app/platform';
import {
  ASSESSORS_PER_SUBMISSION,
  DEFAULT_GROUP_MARK,
  DEFAULT_TOTAL_MARK,
  DEFAULT_WEIGHTS,
  GROUPS,
  PrecheckErrors,
  submissionLifecycle,
  type Group,
  type GroupScore,
  type SubmissionEvent,
} from '../contracts/precheck';
import type { ScoreDto, SubmissionView } from '../precheck.dto';
import { assignmentsOf, PrecheckReads } from '../precheck-reads';
import { checkScores, decide, groupTotalsOf } from '../rules';
import { Assignment, RequirementSet, Submission } from '../submission.entity';
import { followListingMoves } from '../submission-moves';

/** How the catalogue placed the solution, as the submission's own event. */
const SUBMISSION_EVENT: Record<'LISTED' | 'WAITING' | 'REJECTED', SubmissionEvent> = {
  LISTED: 'approve',
  WAITING: 'queue',
  REJECTED: 'reject',
};

/** An assessor's blind scores; the last of them decides the submission. */
@Injectable()
export class ScoreSubmission {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly reads: PrecheckReads,
  ) {}

  async execute({ principal, id, dto }: { principal: Principal; id: string; dto: ScoreDto }): Promise<SubmissionView> {
    const actor = actorOf(principal);
    return this.tx.run(async (tx) => {
      const submission = await selectById(tx, Submission, id, { lock: true });
      if (!submission) throw PrecheckErrors.SUBMISSION_NOT_FOUND(undefined, { id });
      const assignments = await assignmentsOf(tx, id);
      const mine = assignments.find((a) => a.assessorUserId === principal.userId);
      if (!mine) throw PrecheckErrors.NOT_ASSIGNED(undefined, { id });
      if (mine.scoredAt) throw PrecheckErrors.ALREADY_SCORED(undefined, { id });
      if (submission.status !== 'UNDER_REVIEW')
        throw PrecheckErrors.NOT_UNDER_REVIEW(undefined, { id, status: submission.status });
      const [linked] = await tx.query<unknown[]>(
        'SELECT 1 FROM precheck.assessor_conflicts WHERE assessor_user_id = $1 AND vendor_organisation_id = $2',
        [mine.assessorUserId, submission.vendorOrganisationId],
      );
      if (linked) throw PrecheckErrors.CONFLICT_OF_INTEREST(undefined, { id });
      checkScores(dto.scores, submission.changedGroups ?? GROUPS);
      const scores: GroupScore[] = dto.scores.map((s) => ({ group: s.group, score: s.score, reason: s.reason.trim() }));
      mine.scores = scores;
      mine.scoredAt = new Date();
      const updated = await tx
        .createQueryBuilder()
        .update(Assignment)
        .set({ scores, scoredAt: mine.scoredAt })
        .where('id = :id AND scored_at IS NULL', { id: mine.id })
        .execute();
      if (updated.affected !== 1) throw PrecheckErrors.ALREADY_SCORED(undefined, { id });
      // A place left by a linked assessor must be filled before the submission can be decided.
      const complete = assignments.length >= ASSESSORS_PER_SUBMISSION && assignments.every((a) => a.scoredAt !== null);
      const decided = complete ? await this.decide(tx, actor, submission, assignments) : submission;
      await this.audit.record(tx, {
        actor,
        entityType: 'precheck_submission',
        entityId: id,
        action: 'scored',
        after: { assessorUserId: mine.assessorUserId, scores },
      });
      return this.reads.view(principal, decided, assignments);
    });
  }

  /**
   * The verdict (pass or fail, and the quality score) from both assessors' group totals; the catalogue places the
   * solution by it (listed, waiting for a slot, or rejected) and the submission follows.
   */
  private async decide(
    tx: EntityManager,
    actor: AuditActor,
    submission: Submission,
    assignments: Assignment[],
  ): Promise<Submission> {
    const set = submission.requirementSetId
      ? await tx.findOneByOrFail(RequirementSet, { id: submission.requirementSetId })
      : null;
    const groupMark = set?.groupMark ?? DEFAULT_GROUP_MARK;
    const totalMark = set?.totalMark ?? DEFAULT_TOTAL_MARK;
    const reviewed = submission.changedGroups ?? GROUPS;
    const previous = submission.previousSubmissionId
      ? await tx.findOneByOrFail(Submission, { id: submission.previousSubmissionId })
      : null;
    const groupTotals = {
      ...previous?.groupTotals,
      ...groupTotalsOf(
        assignments.map((a) => a.scores ?? []),
        reviewed,
      ),
    } as Record<Group, number>;
    const decision = decide(groupTotals, assignments.length, set?.weights ?? DEFAULT_WEIGHTS, groupMark, totalMark);
    const recheck = submission.changedGroups !== null;
    const reason = decision.passed
      ? `Đạt, điểm chất lượng ${decision.qualityScore}. / Passed with quality score ${decision.qualityScore}.`
      : [
          ...decision.failedGroups.map((g) => `Nhóm ${g} dưới ${groupMark} điểm. / Group ${g} is below ${groupMark}.`),
          ...(decision.qualityScore < totalMark
            ? [
                `Tổng có trọng số ${decision.qualityScore} < ${totalMark}. / Weighted total ${decision.qualityScore} is below ${totalMark}.`,
              ]
            : []),
        ].join('\n');
    const placement = await this.catalog.placeChecked(tx, actor, {
      solutionId: submission.solutionId,
      recheck,
      passed: decision.passed,
      qualityScore: decision.qualityScore,
      reason,
    });
    await followListingMoves(
      tx,
      placement.displaced.map((solutionId) => ({ solutionId, move: 'displaced' as const })),
    );
    const status = submissionLifecycle.apply(submission.status, SUBMISSION_EVENT[placement.outcome]);
    const patch = { status, groupTotals, qualityScore: decision.qualityScore, reason, decidedAt: new Date() };
    await updateIfStatus(tx, Submission, submission.id, submission.status, patch);
    await this.audit.record(tx, {
      actor,
      entityType: 'precheck_submission',
      entityId: submission.id,
      action: 'decided',
      before: { status: submission.status },
      after: { status, qualityScore: decision.qualityScore, groupTotals },
    });
    return { ...submission, ...patch };
  }
}
