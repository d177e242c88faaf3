import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Clock } from '@app/kernel';
import { Transactions, updateIfStatus } from '@app/platform';
import { problemLifecycle, ProblemErrors } from '../contracts/problems';
import { deadlineEnd } from '../deadline';
import { Problem } from '../problem.entity';
import { assertCanManage, loadProblem } from '../problem-lookup';

@Injectable()
export class PublishProblem {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly clock: Clock,
  ) {}

  /** A draft is published once its deadline is still ahead; calls may then be opened on it. */
  async execute({ principal, id }: { principal: Principal; id: string }): Promise<Problem> {
    return this.tx.run(async (tx) => {
      const problem = await loadProblem(tx, id);
      assertCanManage(principal, problem);
      const status = problemLifecycle.apply(problem.status, 'publish');
      const publishedAt = this.clock.now();
      const deadline = deadlineEnd(problem.deadline);
      if (deadline && deadline <= publishedAt)
        throw ProblemErrors.DEADLINE_PASSED(undefined, { field: 'deadline', deadline: problem.deadline });
      await updateIfStatus(tx, Problem, id, problem.status, { status, publishedAt });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'problem',
        entityId: id,
        action: 'published',
        before: { status: problem.status },
        after: { status },
      });
      return { ...problem, status, publishedAt };
    });
  }
}
