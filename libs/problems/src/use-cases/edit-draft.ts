import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Transactions, updateIfStatus } from '@app/platform';
import { ProblemErrors } from '../contracts/problems';
import { Problem, ProblemKpi } from '../problem.entity';
import { definitionOf, kpiRows, mergeProposals, ProblemDefinitions } from '../problem-definition';
import { assertCanManage, assertCodeFree, loadProblem } from '../problem-lookup';
import { CreateProblemDto } from '../problems.dto';

@Injectable()
export class EditDraft {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly definitions: ProblemDefinitions,
    @InjectRepository(Problem) private readonly problems: Repository<Problem>,
  ) {}

  /** A draft is rewritten whole (KPIs included) by its agency or an operator; a published problem is frozen. */
  async execute({
    principal,
    id,
    definition: dto,
  }: {
    principal: Principal;
    id: string;
    definition: CreateProblemDto;
  }): Promise<Problem> {
    const current = await loadProblem(this.problems.manager, id);
    assertCanManage(principal, current);
    const agencyOrganisationId = await this.definitions.check(principal, {
      ...dto,
      agencyOrganisationId: dto.agencyOrganisationId ?? current.agencyOrganisationId,
    });
    return this.tx.run(async (tx) => {
      const problem = await tx.findOne(Problem, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!problem) throw ProblemErrors.PROBLEM_NOT_FOUND(undefined, { id });
      if (problem.status !== 'DRAFT') throw ProblemErrors.NOT_A_DRAFT(undefined, { id, status: problem.status });
      const code = dto.code ?? problem.code;
      if (code !== problem.code) await assertCodeFree(tx, code);
      const definition = { code, agencyOrganisationId, ...definitionOf(dto) };
      await updateIfStatus(tx, Problem, id, 'DRAFT', definition);
      await tx.delete(ProblemKpi, { problemId: id });
      await tx.insert(ProblemKpi, kpiRows(tx, id, dto));
      await mergeProposals(tx, principal, id, dto.proposalIds ?? []);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'problem',
        entityId: id,
        action: 'edited',
        before: { code: problem.code, budgetEnvelope: problem.budgetEnvelope, deadline: problem.deadline },
        after: { ...definition, kpis: dto.kpis.map((k) => k.code) },
      });
      return loadProblem(tx, id);
    });
  }
}
