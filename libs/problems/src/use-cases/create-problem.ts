import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { newId } from '@app/kernel';
import { insertWithChildren, Transactions } from '@app/platform';
import { Problem } from '../problem.entity';
import { definitionOf, kpiRows, mergeProposals, ProblemDefinitions } from '../problem-definition';
import { assertCodeFree } from '../problem-lookup';
import { CreateProblemDto } from '../problems.dto';

@Injectable()
export class CreateProblem {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly definitions: ProblemDefinitions,
  ) {}

  /** A buyer creates problems for its own agency; an operator for any agency it names. */
  async execute({
    principal,
    definition: dto,
  }: {
    principal: Principal;
    definition: CreateProblemDto;
  }): Promise<Problem> {
    const agencyOrganisationId = await this.definitions.check(principal, dto);
    return this.tx.run(async (tx) => {
      const id = newId();
      const code = dto.code ?? `BT-${id.slice(-8).toUpperCase()}`;
      await assertCodeFree(tx, code);
      const problem = tx.create(Problem, {
        id,
        code,
        agencyOrganisationId,
        ...definitionOf(dto),
        status: 'DRAFT',
        publishedAt: null,
        closedAt: null,
        closeReason: null,
        kpis: kpiRows(tx, id, dto),
      });
      await insertWithChildren(tx, Problem, problem, 'kpis');
      await mergeProposals(tx, principal, id, dto.proposalIds ?? []);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'problem',
        entityId: id,
        action: 'created',
        after: { code, status: 'DRAFT' },
      });
      return problem;
    });
  }
}
