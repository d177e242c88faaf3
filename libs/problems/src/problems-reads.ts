import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Principal } from '@app/identity';
import type { Page } from '@app/kernel';
import { keysetPage } from '@app/platform';
import { ProblemErrors } from './contracts/problems';
import { Problem, ProblemKpi } from './problem.entity';
import { loadProblem } from './problem-lookup';
import { Proposal } from './proposal.entity';

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

/** Problems and proposals as their readers may see them; each read stands on its own. */
@Injectable()
export class ProblemsReads {
  constructor(@InjectRepository(Problem) private readonly problems: Repository<Problem>) {}

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

  /** Published problems are public; a draft only for operators, its agency and the agencies whose proposals it merged. */
  async getVisible(id: string, principal?: Principal): Promise<Problem> {
    const problem = await loadProblem(this.problems.manager, id);
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
}
