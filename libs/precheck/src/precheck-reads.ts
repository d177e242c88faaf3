import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CatalogFacade } from '@app/catalog';
import type { Principal } from '@app/identity';
import type { Page } from '@app/kernel';
import { keysetPage, selectById, selectFrom } from '@app/platform';
import { PrecheckErrors, type SubmissionStatus } from './contracts/precheck';
import type { SubmissionView } from './precheck.dto';
import { Assignment, AssessorConflict, RequirementSet, Submission } from './submission.entity';

export const isOperatorAdmin = (p: Principal) =>
  p.organisationType === 'OPERATOR' && p.roles.includes('OPERATOR_ADMIN');

export interface SubmissionListFilter {
  cursor?: string;
  limit: number;
  status?: SubmissionStatus;
  solutionId?: string;
  vendorOrganisationId?: string;
}

export interface RequirementSetListFilter {
  cursor?: string;
  limit: number;
  category?: string;
}

/** The category's newest requirement set, the one a new submission answers. */
export function latestSet(tx: EntityManager, categoryCode: string): Promise<RequirementSet | null> {
  return tx
    .query<RequirementSet[]>(
      `${selectFrom(tx, RequirementSet, 'r')} WHERE r.category_code = $1 ORDER BY r.version DESC LIMIT 1`,
      [categoryCode],
    )
    .then(([set]) => set ?? null);
}

/** A submission's assessor assignments, first assigned first. */
export function assignmentsOf(tx: EntityManager, submissionId: string): Promise<Assignment[]> {
  return tx.query<Assignment[]>(`${selectFrom(tx, Assignment, 'a')} WHERE a.submission_id = $1 ORDER BY a.created_at`, [
    submissionId,
  ]);
}

/** Requirement sets, declared links and submissions, each party seeing what it may. */
@Injectable()
export class PrecheckReads {
  constructor(
    private readonly catalog: CatalogFacade,
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    @InjectRepository(RequirementSet) private readonly requirementSets: Repository<RequirementSet>,
  ) {}

  /** Newest version first (of one category, or of all). */
  requirementSetsOf(filter: RequirementSetListFilter): Promise<Page<RequirementSet>> {
    const query = this.requirementSets.createQueryBuilder('r');
    if (filter.category) query.where('r.category_code = :category', { category: filter.category });
    return keysetPage(query, {
      timeColumn: 'r.created_at',
      timeOf: (r) => r.createdAt,
      direction: 'DESC',
      cursor: filter.cursor,
      limit: filter.limit,
      invalidCursor: () => PrecheckErrors.INVALID_CURSOR(undefined, { cursor: filter.cursor }),
    });
  }

  /** Declared person–vendor links, of the given vendors or all; the ranking discounts what a linked person signed. */
  conflictsOf(tx: EntityManager, vendorOrganisationIds?: string[]): Promise<AssessorConflict[]> {
    // Read on every settled round's trust recomputation: plain SQL (see selectFrom).
    const all = selectFrom(tx, AssessorConflict, 'c');
    return vendorOrganisationIds
      ? tx.query(`${all} WHERE c.vendor_organisation_id = ANY($1)`, [vendorOrganisationIds])
      : tx.query(all);
  }

  /** Operators see every submission; an assessor only their assigned queue; a vendor only its own. */
  async list(principal: Principal, filter: SubmissionListFilter): Promise<Page<SubmissionView>> {
    const query = this.submissions.createQueryBuilder('s');
    if (!isOperatorAdmin(principal)) {
      if (principal.roles.includes('ASSESSOR'))
        query.where(
          'EXISTS (SELECT 1 FROM precheck.assignments a WHERE a.submission_id = s.id AND a.assessor_user_id = :me)',
          { me: principal.userId },
        );
      else query.where('s.vendor_organisation_id = :org', { org: principal.organisationId });
    }
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.solutionId) query.andWhere('s.solution_id = :solution', { solution: filter.solutionId });
    if (filter.vendorOrganisationId)
      query.andWhere('s.vendor_organisation_id = :vendor', { vendor: filter.vendorOrganisationId });
    const page = await keysetPage(query, {
      timeColumn: 's.created_at',
      timeOf: (s) => s.createdAt,
      direction: 'DESC',
      cursor: filter.cursor,
      limit: filter.limit,
      invalidCursor: () => PrecheckErrors.INVALID_CURSOR(undefined, { cursor: filter.cursor }),
    });
    const rows = page.items;
    const assignments = rows.length
      ? await this.submissions.manager
          .createQueryBuilder(Assignment, 'a')
          .where('a.submission_id IN (:...ids)', { ids: rows.map((r) => r.id) })
          .orderBy('a.created_at', 'ASC')
          .getMany()
      : [];
    const items = await Promise.all(
      rows.map((r) =>
        this.view(
          principal,
          r,
          assignments.filter((a) => a.submissionId === r.id),
        ),
      ),
    );
    return { items, nextCursor: page.nextCursor };
  }

  async get(principal: Principal, id: string): Promise<SubmissionView> {
    const db = this.submissions.manager;
    const submission = await selectById(db, Submission, id);
    if (!submission) throw PrecheckErrors.SUBMISSION_NOT_FOUND(undefined, { id });
    const assignments = await assignmentsOf(db, id);
    const visible =
      isOperatorAdmin(principal) ||
      submission.vendorOrganisationId === principal.organisationId ||
      assignments.some((a) => a.assessorUserId === principal.userId);
    if (!visible) throw PrecheckErrors.SUBMISSION_NOT_FOUND(undefined, { id });
    return this.view(principal, submission, assignments);
  }

  /**
   * What each party may see: scores stay hidden from the other assessor until both have scored, and the
   * vendor sees the (anonymous) scores and reasons only once decided.
   */
  async view(principal: Principal, s: Submission, assignments: Assignment[]): Promise<SubmissionView> {
    const operator = isOperatorAdmin(principal);
    const allScored = assignments.length > 0 && assignments.every((a) => a.scoredAt !== null);
    const decided = s.status !== 'UNDER_REVIEW';
    const assigned = assignments.some((a) => a.assessorUserId === principal.userId);
    const ownVendor = s.vendorOrganisationId === principal.organisationId;
    const assessments = assignments.map((a) => {
      const mine = a.assessorUserId === principal.userId;
      const revealed = operator || mine || (assigned && allScored) || (ownVendor && decided);
      return {
        assessorUserId: operator || mine ? a.assessorUserId : null,
        mine,
        scoredAt: a.scoredAt,
        scores: revealed ? a.scores : null,
      };
    });
    const waitingRank =
      s.status === 'WAITING'
        ? ((await this.catalog.waitingRanks(s.categoryCode, this.submissions.manager)).get(s.solutionId) ?? null)
        : null;
    return {
      id: s.id,
      solutionId: s.solutionId,
      solutionName: typeof s.solutionSnapshot.name === 'string' ? s.solutionSnapshot.name : '',
      solutionVersion: s.solutionVersion,
      vendorOrganisationId: s.vendorOrganisationId,
      categoryCode: s.categoryCode,
      requirementSetId: s.requirementSetId,
      status: s.status,
      failures: s.failures,
      changedGroups: s.changedGroups,
      qualityScore: s.qualityScore,
      reason: s.reason,
      waitingRank,
      submittedAt: s.createdAt,
      decidedAt: s.decidedAt,
      answers: s.answers,
      assessments,
    };
  }
}
