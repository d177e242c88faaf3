import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Clock } from '@app/kernel';
import { Transactions, updateIfStatus } from '@app/platform';
import { problemLifecycle } from '../contracts/problems';
import { Problem } from '../problem.entity';
import { assertCanManage, loadProblem } from '../problem-lookup';

@Injectable()
export class CloseProblem {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly clock: Clock,
  ) {}

  /** A published problem is closed with a reason: no new calls on it; calls already open run to their end. */
  async execute({ principal, id, reason }: { principal: Principal; id: string; reason: string }): Promise<Problem> {
    return this.tx.run(async (tx) => {
      const problem = await loadProblem(tx, id);
      assertCanManage(principal, problem);
      const status = problemLifecycle.apply(problem.status, 'close');
      const closedAt = this.clock.now();
      await updateIfStatus(tx, Problem, id, problem.status, { status, closedAt, closeReason: reason });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'problem',
        entityId: id,
        action: 'closed',
        before: { status: problem.status },
        after: { status, reason },
      });
      return { ...problem, status, closedAt, closeReason: reason };
    });
  }
}
