import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { CatalogErrors, CatalogFacade } from '@app/catalog';
import { actorOf, IdentityErrors, IdentityFacade, type Principal } from '@app/identity';
import { isWorse, newId } from '@app/kernel';
import { updateIfStatus } from '@app/platform';
import { problemLifecycle, ProblemErrors } from './contracts/problems';
import { Problem, ProblemKpi } from './problem.entity';
import { CreateProblemDto, ProblemKpiDto } from './problems.dto';

function assertTargetDirection(kpi: ProblemKpiDto): void {
  if (kpi.baseline === undefined || kpi.binary) return;
  if (isWorse(kpi.direction, kpi.target, kpi.baseline))
    throw ProblemErrors.TARGET_WRONG_DIRECTION(undefined, {
      kpi: kpi.code,
      baseline: kpi.baseline,
      target: kpi.target,
      direction: kpi.direction,
    });
}

@Injectable()
export class ProblemsFacade {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly identity: IdentityFacade,
    @InjectRepository(Problem) private readonly problems: Repository<Problem>,
  ) {}

  /** A buyer creates problems for its own agency; an operator for any agency it names. */
  async create(principal: Principal, dto: CreateProblemDto): Promise<Problem> {
    const agencyOrganisationId =
      principal.organisationType === 'OPERATOR' ? dto.agencyOrganisationId : principal.organisationId;
    if (!agencyOrganisationId) throw ProblemErrors.AGENCY_REQUIRED(undefined, { field: 'agencyOrganisationId' });
    if (
      principal.organisationType !== 'OPERATOR' &&
      dto.agencyOrganisationId &&
      dto.agencyOrganisationId !== principal.organisationId
    ) {
      throw IdentityErrors.FORBIDDEN_ORGANISATION();
    }
    await this.identity.requireOrganisationType(agencyOrganisationId, 'AGENCY');
    if (!(await this.catalog.categoryExists(dto.categoryCode))) {
      throw CatalogErrors.CATEGORY_NOT_FOUND(undefined, { field: 'categoryCode', value: dto.categoryCode });
    }
    dto.kpis.forEach(assertTargetDirection);
    return this.problems.manager.transaction(async (tx) => {
      const id = newId();
      const code = dto.code ?? `BT-${id.slice(-8).toUpperCase()}`;
      if (await tx.existsBy(Problem, { code })) throw ProblemErrors.CODE_TAKEN(undefined, { code });
      const problem = tx.create(Problem, {
        id,
        code,
        agencyOrganisationId,
        titleVi: dto.titleVi,
        titleEn: dto.titleEn,
        categoryCode: dto.categoryCode,
        status: 'DRAFT',
        budgetEnvelope: dto.budgetEnvelope,
        outcomeShareBp: dto.outcomeShareBp,
        deadline: dto.deadline ?? null,
        publishedAt: null,
        kpis: dto.kpis.map((kpi) =>
          tx.create(ProblemKpi, {
            ...kpi,
            id: newId(),
            problemId: id,
            binary: kpi.binary ?? false,
            comparator: kpi.comparator ?? (kpi.direction === 'increase' ? 'gte' : 'lte'),
            baseline: kpi.baseline ?? null,
          }),
        ),
      });
      await tx.save(problem);
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

  async publish(principal: Principal, id: string): Promise<Problem> {
    return this.problems.manager.transaction(async (tx) => {
      const problem = await this.get(id, tx);
      this.assertCanManage(principal, problem);
      const status = problemLifecycle.apply(problem.status, 'publish');
      const publishedAt = new Date();
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

  async get(id: string, tx?: EntityManager): Promise<Problem> {
    const problem = await (tx ?? this.problems.manager).findOne(Problem, {
      where: { id },
      relations: { kpis: true },
      order: { kpis: { code: 'ASC' } },
    });
    if (!problem) throw ProblemErrors.PROBLEM_NOT_FOUND(undefined, { id });
    return problem;
  }

  /** Published problems are public; drafts only for their agency and operators. */
  async getVisible(id: string, principal?: Principal): Promise<Problem> {
    const problem = await this.get(id);
    const visible =
      problem.status !== 'DRAFT' ||
      principal?.organisationType === 'OPERATOR' ||
      principal?.organisationId === problem.agencyOrganisationId;
    if (!visible) throw ProblemErrors.PROBLEM_NOT_FOUND(undefined, { id });
    return problem;
  }

  listPublished(): Promise<Problem[]> {
    return this.problems.find({
      where: { status: 'PUBLISHED' },
      relations: { kpis: true },
      order: { code: 'ASC', kpis: { code: 'ASC' } },
    });
  }

  assertCanManage(principal: Principal, problem: Problem): void {
    if (principal.organisationType !== 'OPERATOR' && principal.organisationId !== problem.agencyOrganisationId) {
      throw IdentityErrors.FORBIDDEN_ORGANISATION();
    }
  }
}
