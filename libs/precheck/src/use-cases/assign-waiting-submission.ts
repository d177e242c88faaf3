import { Injectable } from '@nestjs/common';
import { AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { Transactions, updateIfStatus } from '@app/platform';
import { AssessorAssignments } from '../assessor-assignments';
import { submissionLifecycle } from '../contracts/precheck';
import { Submission } from '../submission.entity';

/** Scheduled: a submission that waited for enough unrelated assessors gets them; 1 when it did, else 0. */
@Injectable()
export class AssignWaitingSubmission {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly assignments: AssessorAssignments,
  ) {}

  execute({ submissionId: id, pool }: { submissionId: string; pool: string[] }): Promise<number> {
    return this.tx.run(async (tx) => {
      const submission = await tx.findOne(Submission, {
        where: { id, status: 'SUBMITTED' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!submission) return 0;
      const chosen = await this.assignments.choose(tx, submission.vendorOrganisationId, pool);
      if (chosen.length === 0) return 0;
      await this.assignments.insert(tx, submission, chosen);
      const status = submissionLifecycle.apply(submission.status, 'assign');
      await updateIfStatus(tx, Submission, id, submission.status, { status });
      if (submission.changedGroups !== null)
        await this.catalog.reviseTransition(tx, SYSTEM_ACTOR, submission.solutionId, 'start_review');
      else await this.catalog.transition(tx, SYSTEM_ACTOR, submission.solutionId, 'start_review');
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        entityType: 'precheck_submission',
        entityId: id,
        action: 'assigned',
        before: { status: submission.status },
        after: { status, assessors: chosen },
      });
      return 1;
    });
  }
}
