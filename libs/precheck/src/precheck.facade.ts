import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { CatalogFacade } from '@app/catalog';
import type { Principal } from '@app/identity';
import type { Page } from '@app/kernel';
import { AssessorAssignments } from './assessor-assignments';
import type { ConflictDto, CreateRequirementSetDto, ScoreDto, SubmissionView, SubmitSolutionDto } from './precheck.dto';
import { PrecheckReads, type RequirementSetListFilter, type SubmissionListFilter } from './precheck-reads';
import { Submission, type AssessorConflict, type RequirementSet } from './submission.entity';
import { AssignWaitingSubmission } from './use-cases/assign-waiting-submission';
import { CreateRequirementSet } from './use-cases/create-requirement-set';
import { DeclareConflict } from './use-cases/declare-conflict';
import { RebalanceCategory } from './use-cases/rebalance-category';
import { ScoreSubmission } from './use-cases/score-submission';
import { SubmitSolution } from './use-cases/submit-solution';
import { TopUpAssessors } from './use-cases/top-up-assessors';

export type { RequirementSetListFilter, SubmissionListFilter } from './precheck-reads';

/** The pre-check's front door: its write operations are use cases, its pages read through PrecheckReads. */
@Injectable()
export class PrecheckFacade {
  constructor(
    private readonly reads: PrecheckReads,
    private readonly catalog: CatalogFacade,
    private readonly assignments: AssessorAssignments,
    private readonly createRequirementSetCase: CreateRequirementSet,
    private readonly declareConflictCase: DeclareConflict,
    private readonly submitCase: SubmitSolution,
    private readonly scoreCase: ScoreSubmission,
    private readonly assignWaiting: AssignWaitingSubmission,
    private readonly topUpAssessors: TopUpAssessors,
    private readonly rebalanceCategory: RebalanceCategory,
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
  ) {}

  /** A new version of the category's requirement set; earlier submissions keep the version they answered. */
  createRequirementSet(principal: Principal, dto: CreateRequirementSetDto): Promise<RequirementSet> {
    return this.createRequirementSetCase.execute({ principal, dto });
  }

  /** The operator declares anyone's link with a vendor; an assessor declares their own (and leaves its queue). */
  declareConflict(principal: Principal, dto: ConflictDto): Promise<AssessorConflict> {
    return this.declareConflictCase.execute({ principal, dto });
  }

  /**
   * Freezes the answers and the solution version, evaluates the automatic requirements at once, and either
   * rejects with the reasons or assigns two assessors unrelated to the vendor.
   */
  submit(principal: Principal, dto: SubmitSolutionDto): Promise<SubmissionView> {
    return this.submitCase.execute({ principal, dto });
  }

  score(principal: Principal, id: string, dto: ScoreDto): Promise<SubmissionView> {
    return this.scoreCase.execute({ principal, id, dto });
  }

  /**
   * Scheduled: assigns the submissions that were waiting for enough unrelated assessors, oldest first (each in its
   * own transaction), then fills the places linked assessors left.
   */
  async assignPending(): Promise<number> {
    const pending = await this.submissions.find({
      select: { id: true },
      where: { status: 'SUBMITTED' },
      order: { createdAt: 'ASC' },
      take: 100,
    });
    const pool = await this.assignments.pool();
    let assigned = 0;
    for (const { id } of pending) assigned += await this.assignWaiting.execute({ submissionId: id, pool });
    return assigned + (await this.topUpAssessors.execute());
  }

  /** Scheduled: keeps each capacity category's listing the top N by quality score, one category at a time. */
  async rebalanceCapacity(offsetSeconds: number): Promise<number> {
    const now = await this.catalog.now(offsetSeconds);
    let moved = 0;
    for (const categoryCode of await this.catalog.categoriesToRebalance())
      moved += await this.rebalanceCategory.execute({ categoryCode, now });
    return moved;
  }

  /** Newest version first (of one category, or of all). */
  requirementSetsOf(filter: RequirementSetListFilter): Promise<Page<RequirementSet>> {
    return this.reads.requirementSetsOf(filter);
  }

  /** Declared person–vendor links, of the given vendors or all; the ranking discounts what a linked person signed. */
  conflictsOf(tx: EntityManager, vendorOrganisationIds?: string[]): Promise<AssessorConflict[]> {
    return this.reads.conflictsOf(tx, vendorOrganisationIds);
  }

  /** Operators see every submission; an assessor only their assigned queue; a vendor only its own. */
  list(principal: Principal, filter: SubmissionListFilter): Promise<Page<SubmissionView>> {
    return this.reads.list(principal, filter);
  }

  get(principal: Principal, id: string): Promise<SubmissionView> {
    return this.reads.get(principal, id);
  }
}
