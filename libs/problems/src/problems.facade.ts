import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { CatalogErrors, CatalogFacade } from '@app/catalog';
import { actorOf, IdentityErrors, IdentityFacade, type Principal } from '@app/identity';
import { Clock, firstRepeated, isWorse, newId } from '@app/kernel';
import { updateIfStatus } from '@app/platform';
import { problemLifecycle, ProblemErrors } from './contracts/problems';
import { deadlineEnd } from './deadline';
import { kpiWeightsRefusal } from './kpi-weights';
import { Problem, ProblemKpi } from './problem.entity';
import { Proposal } from './proposal.entity';
import {
  CreateProblemDto,
  CreateProposalDto,
  ProblemKpiDto,
  PROPOSAL_MAX_WORDS,
  proposalWordCount,
} from './problems.dto';

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
    private readonly clock: Clock,
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
    const repeatedCode = firstRepeated(dto.kpis.map((kpi) => kpi.code));
    if (repeatedCode !== undefined)
      throw ProblemErrors.KPI_CODE_REPEATED(undefined, { field: 'kpis', code: repeatedCode });
    const deadline = deadlineEnd(dto.deadline ?? null);
    if (deadline && deadline <= this.clock.now())
      throw ProblemErrors.DEADLINE_PASSED(undefined, { field: 'deadline', deadline: dto.deadline });
    const weightsRefusal = kpiWeightsRefusal(dto.kpis.map((kpi) => kpi.weightBp));
    if (weightsRefusal) throw ProblemErrors.KPI_WEIGHTS_INVALID(undefined, { ...weightsRefusal });
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
        scale: dto.scale ?? 'SMALL_TRIAL',
        scope: dto.scope ?? '',
        publishedAt: null,
        kpis: dto.kpis.map((kpi) =>
          tx.create(ProblemKpi, {
            ...kpi,
            id: newId(),
            problemId: id,
            binary: kpi.binary ?? false,
            comparator: kpi.comparator ?? (kpi.direction === 'increase' ? 'gte' : 'lte'),
            baseline: kpi.baseline ?? null,
            aggregation: kpi.aggregation ?? 'mean',
            weightBp: kpi.weightBp ?? null,
          }),
        ),
      });
      await tx.save(problem);
      await this.mergeProposals(tx, principal, id, dto.proposalIds ?? []);
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

  /** Form Mẫu 01 from a ward or agency: the problem and the need, at most 1,000 words. */
  async submitProposal(principal: Principal, dto: CreateProposalDto): Promise<Proposal> {
    const words = proposalWordCount(dto);
    if (words > PROPOSAL_MAX_WORDS)
      throw ProblemErrors.PROPOSAL_TOO_LONG(undefined, { words, max: PROPOSAL_MAX_WORDS });
    return this.problems.manager.transaction(async (tx) => {
      const proposal = tx.create(Proposal, {
        ...dto,
        id: newId(),
        agencyOrganisationId: principal.organisationId,
        status: 'SUBMITTED',
        mergedIntoProblemId: null,
      });
      await tx.insert(Proposal, proposal);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'proposal',
        entityId: proposal.id,
        action: 'submitted',
        after: { fields: dto.fields, words },
      });
      return proposal;
    });
  }

  /** Operators see every proposal; an agency its own. */
  listProposals(principal: Principal): Promise<Proposal[]> {
    const where = principal.organisationType === 'OPERATOR' ? {} : { agencyOrganisationId: principal.organisationId };
    return this.problems.manager.find(Proposal, { where, order: { createdAt: 'DESC' }, take: 500 });
  }

  /** Links the proposals a catalogue problem consolidates; each proposal merges once. */
  private async mergeProposals(
    tx: EntityManager,
    principal: Principal,
    problemId: string,
    proposalIds: string[],
  ): Promise<void> {
    if (proposalIds.length === 0) return;
    if (principal.organisationType !== 'OPERATOR')
      throw IdentityErrors.FORBIDDEN_ROLE(undefined, { field: 'proposalIds' });
    for (const proposalId of new Set(proposalIds)) {
      const proposal = await tx.findOneBy(Proposal, { id: proposalId });
      if (!proposal) throw ProblemErrors.PROPOSAL_NOT_FOUND(undefined, { id: proposalId });
      if (proposal.status !== 'SUBMITTED') throw ProblemErrors.PROPOSAL_ALREADY_MERGED(undefined, { id: proposalId });
      await updateIfStatus(tx, Proposal, proposalId, 'SUBMITTED', { status: 'MERGED', mergedIntoProblemId: problemId });
    }
  }

  async publish(principal: Principal, id: string): Promise<Problem> {
    return this.problems.manager.transaction(async (tx) => {
      const problem = await this.get(id, tx);
      this.assertCanManage(principal, problem);
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

  async get(id: string, tx?: EntityManager): Promise<Problem> {
    const problem = await (tx ?? this.problems.manager).findOne(Problem, {
      where: { id },
      relations: { kpis: true },
      order: { kpis: { code: 'ASC' } },
    });
    if (!problem) throw ProblemErrors.PROBLEM_NOT_FOUND(undefined, { id });
    return problem;
  }

  /** Published problems are public; a draft only for operators, its agency and the agencies whose proposals it merged. */
  async getVisible(id: string, principal?: Principal): Promise<Problem> {
    const problem = await this.get(id);
    const visible =
      problem.status !== 'DRAFT' ||
      principal?.organisationType === 'OPERATOR' ||
      principal?.organisationId === problem.agencyOrganisationId ||
      (principal !== undefined &&
        (await this.problems.manager.existsBy(Proposal, {
          mergedIntoProblemId: id,
          agencyOrganisationId: principal.organisationId,
        })));
    if (!visible) throw ProblemErrors.PROBLEM_NOT_FOUND(undefined, { id });
    return problem;
  }

  /** Drafts: operators see all; an agency those it owns and those its proposals were merged into. */
  listDrafts(principal: Principal): Promise<Problem[]> {
    const query = this.problems
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.kpis', 'k')
      .where("p.status = 'DRAFT'")
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('k.code', 'ASC');
    if (principal.organisationType !== 'OPERATOR') {
      query.andWhere(
        `(p.agencyOrganisationId = :org OR p.id IN (
           SELECT m.merged_into_problem_id FROM problems.proposals m WHERE m.agency_organisation_id = :org))`,
        { org: principal.organisationId },
      );
    }
    return query.take(500).getMany();
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
