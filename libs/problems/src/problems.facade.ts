import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { CatalogErrors, CatalogFacade } from '@app/catalog';
import { actorOf, IdentityErrors, IdentityFacade, type Principal } from '@app/identity';
import { Clock, firstRepeated, isWorse, newId, type Page } from '@app/kernel';
import { keysetPage, updateIfStatus } from '@app/platform';
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

/** The fields a draft's author sets (and may rewrite while it is a draft). */
function definitionOf(dto: CreateProblemDto) {
  return {
    titleVi: dto.titleVi,
    titleEn: dto.titleEn,
    categoryCode: dto.categoryCode,
    budgetEnvelope: dto.budgetEnvelope,
    outcomeShareBp: dto.outcomeShareBp,
    deadline: dto.deadline ?? null,
    scale: dto.scale ?? ('SMALL_TRIAL' as const),
    scope: dto.scope ?? '',
  };
}

export interface PageRequest {
  cursor?: string;
  limit: number;
}

function newestFirst<T>(page: PageRequest, timeOf: (row: T) => Date, timeColumn: string) {
  return {
    timeColumn,
    timeOf,
    direction: 'DESC' as const,
    cursor: page.cursor,
    limit: page.limit,
    invalidCursor: () => ProblemErrors.INVALID_CURSOR(undefined, { cursor: page.cursor }),
  };
}

function kpiRows(tx: EntityManager, problemId: string, dto: CreateProblemDto): ProblemKpi[] {
  return dto.kpis.map((kpi) =>
    tx.create(ProblemKpi, {
      ...kpi,
      id: newId(),
      problemId,
      binary: kpi.binary ?? false,
      comparator: kpi.comparator ?? (kpi.direction === 'increase' ? 'gte' : 'lte'),
      baseline: kpi.baseline ?? null,
      aggregation: kpi.aggregation ?? 'mean',
      weightBp: kpi.weightBp ?? null,
    }),
  );
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
    const agencyOrganisationId = await this.checkDefinition(principal, dto);
    return this.problems.manager.transaction(async (tx) => {
      const id = newId();
      const code = dto.code ?? `BT-${id.slice(-8).toUpperCase()}`;
      if (await tx.existsBy(Problem, { code })) throw ProblemErrors.CODE_TAKEN(undefined, { code });
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

  /** A draft is rewritten whole (KPIs included) by its agency or an operator; a published problem is frozen. */
  async editDraft(principal: Principal, id: string, dto: CreateProblemDto): Promise<Problem> {
    const current = await this.get(id, this.problems.manager);
    this.assertCanManage(principal, current);
    const agencyOrganisationId = await this.checkDefinition(principal, {
      ...dto,
      agencyOrganisationId: dto.agencyOrganisationId ?? current.agencyOrganisationId,
    });
    return this.problems.manager.transaction(async (tx) => {
      const problem = await tx.findOne(Problem, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!problem) throw ProblemErrors.PROBLEM_NOT_FOUND(undefined, { id });
      if (problem.status !== 'DRAFT') throw ProblemErrors.NOT_A_DRAFT(undefined, { id, status: problem.status });
      const code = dto.code ?? problem.code;
      if (code !== problem.code && (await tx.existsBy(Problem, { code })))
        throw ProblemErrors.CODE_TAKEN(undefined, { code });
      const definition = { code, agencyOrganisationId, ...definitionOf(dto) };
      await updateIfStatus(tx, Problem, id, 'DRAFT', definition);
      await tx.delete(ProblemKpi, { problemId: id });
      await tx.insert(ProblemKpi, kpiRows(tx, id, dto));
      await this.mergeProposals(tx, principal, id, dto.proposalIds ?? []);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'problem',
        entityId: id,
        action: 'edited',
        before: { code: problem.code, budgetEnvelope: problem.budgetEnvelope, deadline: problem.deadline },
        after: { ...definition, kpis: dto.kpis.map((k) => k.code) },
      });
      return this.get(id, tx);
    });
  }

  /** A published problem is closed with a reason: no new calls on it; calls already open run to their end. */
  async close(principal: Principal, id: string, reason: string): Promise<Problem> {
    return this.problems.manager.transaction(async (tx) => {
      const problem = await this.get(id, tx);
      this.assertCanManage(principal, problem);
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

  /** Checks a problem's definition; returns the agency it belongs to. */
  private async checkDefinition(principal: Principal, dto: CreateProblemDto): Promise<string> {
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
    return agencyOrganisationId;
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

  /** Operators see every proposal; an agency its own. Newest first, paged. */
  listProposals(principal: Principal, page: PageRequest): Promise<Page<Proposal>> {
    const query = this.problems.manager.createQueryBuilder(Proposal, 'p');
    if (principal.organisationType !== 'OPERATOR')
      query.where('p.agencyOrganisationId = :org', { org: principal.organisationId });
    return keysetPage(
      query,
      newestFirst(page, (p) => p.createdAt, 'p.created_at'),
    );
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

  async get(id: string, tx: EntityManager): Promise<Problem> {
    const problem = await tx.findOne(Problem, {
      where: { id },
      relations: { kpis: true },
      order: { kpis: { code: 'ASC' } },
    });
    if (!problem) throw ProblemErrors.PROBLEM_NOT_FOUND(undefined, { id });
    return problem;
  }

  /** Published problems are public; a draft only for operators, its agency and the agencies whose proposals it merged. */
  async getVisible(id: string, principal?: Principal): Promise<Problem> {
    const problem = await this.get(id, this.problems.manager);
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

  /** Drafts: operators see all; an agency those it owns and those its proposals were merged into. Newest first. */
  async listDrafts(principal: Principal, page: PageRequest): Promise<Page<Problem>> {
    const query = this.problems.createQueryBuilder('p').where("p.status = 'DRAFT'");
    if (principal.organisationType !== 'OPERATOR') {
      query.andWhere(
        `(p.agencyOrganisationId = :org OR p.id IN (
           SELECT m.merged_into_problem_id FROM problems.proposals m WHERE m.agency_organisation_id = :org))`,
        { org: principal.organisationId },
      );
    }
    return this.withKpis(
      await keysetPage(
        query,
        newestFirst(page, (p) => p.createdAt, 'p.created_at'),
      ),
    );
  }

  /** The public catalogue of problems: published ones, most recently published first, by category or agency. */
  async listPublished(
    page: PageRequest & { categoryCode?: string; agencyOrganisationId?: string },
  ): Promise<Page<Problem>> {
    const query = this.problems.createQueryBuilder('p').where("p.status = 'PUBLISHED'");
    if (page.categoryCode) query.andWhere('p.categoryCode = :category', { category: page.categoryCode });
    if (page.agencyOrganisationId)
      query.andWhere('p.agencyOrganisationId = :agency', { agency: page.agencyOrganisationId });
    return this.withKpis(
      await keysetPage(
        query,
        newestFirst(page, (p) => p.publishedAt ?? p.createdAt, 'p.published_at'),
      ),
    );
  }

  /** KPIs are read for the page's problems in one query (a join would page KPI rows, not problems). */
  private async withKpis(page: Page<Problem>): Promise<Page<Problem>> {
    const ids = page.items.map((p) => p.id);
    const kpis = ids.length
      ? await this.problems.manager.find(ProblemKpi, { where: { problemId: In(ids) }, order: { code: 'ASC' } })
      : [];
    return { ...page, items: page.items.map((p) => ({ ...p, kpis: kpis.filter((k) => k.problemId === p.id) })) };
  }

  assertCanManage(principal: Principal, problem: Problem): void {
    if (principal.organisationType !== 'OPERATOR' && principal.organisationId !== problem.agencyOrganisationId) {
      throw IdentityErrors.FORBIDDEN_ORGANISATION();
    }
  }
}
