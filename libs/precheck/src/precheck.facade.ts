import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditFacade, SYSTEM_ACTOR, type AuditActor } from '@app/audit';
import { CatalogErrors, CatalogFacade, REVISABLE_LISTINGS, type Solution } from '@app/catalog';
import { actorOf, IdentityFacade, type Principal } from '@app/identity';
import { newId, type Page } from '@app/kernel';
import { jobId, keysetPage, Outbox, updateIfStatus } from '@app/platform';
import {
  ASSESSORS_PER_SUBMISSION,
  DEFAULT_GROUP_MARK,
  DEFAULT_TOTAL_MARK,
  DEFAULT_WEIGHTS,
  GROUPS,
  PRECHECK_EVENTS_QUEUE,
  PrecheckErrors,
  PrecheckEvents,
  submissionLifecycle,
  type ConflictDeclared,
  type Group,
  type GroupScore,
  type Requirement,
  type SubmissionStatus,
} from './contracts/precheck';
import { ConflictDto, CreateRequirementSetDto, ScoreDto, SubmissionView, SubmitSolutionDto } from './precheck.dto';
import {
  automaticFailures,
  changedGroups,
  checkAnswers,
  checkScores,
  decide,
  groupTotalsOf,
  requirementSetProblems,
  type CheckedState,
} from './rules';
import { AssessorAssignments } from './assessor-assignments';
import { Assignment, AssessorConflict, RequirementSet, Submission } from './submission.entity';

const isOperatorAdmin = (p: Principal) => p.organisationType === 'OPERATOR' && p.roles.includes('OPERATOR_ADMIN');

const OUTSCORED =
  'Một giải pháp có điểm chất lượng cao hơn đã được niêm yết vào lĩnh vực đã đủ chỗ; giải pháp chờ chỗ trống tiếp theo. / A better-scoring solution took the slot in this full category; the solution waits for the next free one.';
const CAPACITY_LOWERED =
  'Sức chứa của lĩnh vực đã giảm và chỉ các giải pháp điểm cao nhất được niêm yết; giải pháp chờ chỗ trống tiếp theo. / The category’s capacity was lowered and only the best-scoring solutions stay listed; the solution waits for the next free one.';

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

@Injectable()
export class PrecheckFacade {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly identity: IdentityFacade,
    private readonly outbox: Outbox,
    private readonly assignments: AssessorAssignments,
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    @InjectRepository(RequirementSet) private readonly requirementSets: Repository<RequirementSet>,
  ) {}

  /** A new version of the category's requirement set; earlier submissions keep the version they answered. */
  async createRequirementSet(principal: Principal, dto: CreateRequirementSetDto): Promise<RequirementSet> {
    if (!(await this.catalog.categoryExists(dto.categoryCode)))
      throw CatalogErrors.CATEGORY_NOT_FOUND(undefined, { field: 'categoryCode', value: dto.categoryCode });
    const requirements: Requirement[] = dto.requirements.map((r) => ({ ...r }));
    const problems = requirementSetProblems(requirements);
    const weights = dto.weights ? { ...dto.weights } : DEFAULT_WEIGHTS;
    if (weights.capability + weights.security + weights.kpi === 0)
      problems.push('weights: at least one must be positive');
    if (problems.length > 0) throw PrecheckErrors.INVALID_REQUIREMENT_SET(undefined, { problems });
    return this.submissions.manager.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`precheck.requirement-set.${dto.categoryCode}`]);
      const latest = await this.latestSet(tx, dto.categoryCode);
      const set = tx.create(RequirementSet, {
        id: newId(),
        categoryCode: dto.categoryCode,
        version: (latest?.version ?? 0) + 1,
        requirements,
        weights,
        groupMark: dto.groupMark ?? DEFAULT_GROUP_MARK,
        totalMark: dto.totalMark ?? DEFAULT_TOTAL_MARK,
        createdBy: principal.userId ?? '',
      });
      await tx.insert(RequirementSet, set);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'requirement_set',
        entityId: set.id,
        action: 'created',
        after: { categoryCode: set.categoryCode, version: set.version, requirements: requirements.length },
      });
      return set;
    });
  }

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

  /** The operator declares anyone's link with a vendor; an assessor declares their own (and leaves its queue). */
  async declareConflict(principal: Principal, dto: ConflictDto): Promise<AssessorConflict> {
    if (!isOperatorAdmin(principal) && dto.assessorUserId !== principal.userId)
      throw PrecheckErrors.OWN_CONFLICT_ONLY(undefined, { assessorUserId: dto.assessorUserId });
    // Acceptance officers are linked the same way: the trust ranking leaves out the orders they signed off.
    const people = [
      ...(await this.identity.usersWithRole('ASSESSOR')),
      ...(await this.identity.usersWithRole('ACCEPTANCE_OFFICER')),
    ];
    if (!people.some((u) => u.id === dto.assessorUserId))
      throw PrecheckErrors.NOT_AN_ASSESSOR(undefined, { assessorUserId: dto.assessorUserId });
    await this.identity.requireOrganisationType(dto.vendorOrganisationId, 'VENDOR');
    return this.submissions.manager.transaction(async (tx) => {
      const existing = await tx.findOneBy(AssessorConflict, {
        assessorUserId: dto.assessorUserId,
        vendorOrganisationId: dto.vendorOrganisationId,
      });
      if (existing) throw PrecheckErrors.CONFLICT_EXISTS(undefined, { ...dto });
      const conflict = tx.create(AssessorConflict, {
        ...dto,
        reason: dto.reason.trim(),
        declaredBy: principal.userId ?? '',
      });
      await tx.insert(AssessorConflict, conflict);
      const reassigned = await this.assignments.replaceLinked(
        tx,
        actorOf(principal),
        dto.assessorUserId,
        dto.vendorOrganisationId,
      );
      await this.outbox.enqueue(tx, {
        queue: PRECHECK_EVENTS_QUEUE,
        name: PrecheckEvents.conflictDeclared,
        id: jobId(PrecheckEvents.conflictDeclared, dto.assessorUserId, dto.vendorOrganisationId),
        payload: { vendorOrganisationId: dto.vendorOrganisationId } satisfies ConflictDeclared,
      });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'assessor_conflict',
        entityId: dto.assessorUserId,
        action: 'declared',
        after: { vendorOrganisationId: dto.vendorOrganisationId, reason: conflict.reason, reassigned },
      });
      return conflict;
    });
  }

  /** Declared person–vendor links, of the given vendors or all; the ranking discounts what a linked person signed. */
  conflictsOf(tx: EntityManager, vendorOrganisationIds?: string[]): Promise<AssessorConflict[]> {
    return tx.find(AssessorConflict, {
      where: vendorOrganisationIds ? { vendorOrganisationId: In(vendorOrganisationIds) } : {},
    });
  }

  /**
   * Freezes the answers and the solution version, evaluates the automatic requirements at once, and either
   * rejects with the reasons or assigns two assessors unrelated to the vendor.
   */
  async submit(principal: Principal, dto: SubmitSolutionDto): Promise<SubmissionView> {
    const actor = actorOf(principal);
    const assessorPool = await this.identity.usersWithRole('ASSESSOR');
    const view = await this.submissions.manager.transaction(async (tx) => {
      const solution = await this.catalog.getSolution(dto.solutionId, tx);
      if (solution.vendorOrganisationId !== principal.organisationId) throw PrecheckErrors.NOT_OWNER();
      const set = await this.latestSet(tx, solution.categoryCode);
      const requirements = set?.requirements ?? [];
      const answers = checkAnswers(requirements, dto.answers ?? []);
      const recheck = REVISABLE_LISTINGS.includes(solution.status);
      let previous: Submission | null = null;
      let changed: Group[] | null = null;
      if (recheck) {
        if (solution.revisionStatus !== 'DRAFT')
          throw PrecheckErrors.NOT_REVISED(undefined, { status: solution.status });
        previous = await tx.findOne(Submission, {
          where: { solutionId: solution.id, status: In(['LISTED', 'WAITING']) },
          order: { decidedAt: 'DESC' },
        });
        changed = previous
          ? changedGroups(requirements, checkedState(previous), {
              requirementSetId: set?.id ?? null,
              answers: Object.fromEntries(answers),
              content: snapshot(solution) as unknown as CheckedState['content'],
            })
          : [...GROUPS];
        if (changed.length === 0) throw PrecheckErrors.NOTHING_TO_RECHECK();
        await this.catalog.reviseTransition(tx, actor, solution.id, 'submit');
      } else {
        await this.catalog.transition(tx, actor, solution.id, 'submit');
      }
      const documents = new Map((await this.catalog.documentsOf(solution.id, tx)).map((d) => [d.id, d.mediaType]));
      const strangers = requirements
        .filter((r) => r.type === 'document' && answers.has(r.id) && !documents.has(answers.get(r.id) as string))
        .map((r) => r.id);
      if (strangers.length > 0) throw PrecheckErrors.UNKNOWN_DOCUMENT(undefined, { requirementIds: strangers });
      const failures = automaticFailures(requirements, answers, solution.kpis, new Date(), documents);
      const rejected = failures.length > 0;
      // Fewer than two unrelated assessors: the submission waits, and the scheduler assigns it once they exist.
      const chosen = rejected
        ? []
        : await this.assignments.choose(
            tx,
            solution.vendorOrganisationId,
            assessorPool.map((u) => u.id),
          );
      const queued = !rejected && chosen.length === 0;
      const submission = tx.create(Submission, {
        id: newId(),
        solutionId: solution.id,
        solutionVersion: solution.version,
        vendorOrganisationId: solution.vendorOrganisationId,
        categoryCode: solution.categoryCode,
        requirementSetId: set?.id ?? null,
        status: rejected ? 'AUTO_REJECTED' : queued ? 'SUBMITTED' : 'UNDER_REVIEW',
        answers: Object.fromEntries(answers),
        solutionSnapshot: snapshot(solution),
        failures,
        changedGroups: changed,
        previousSubmissionId: previous?.id ?? null,
        groupTotals: null,
        qualityScore: null,
        reason: rejected ? failures.map((f) => f.reason).join('\n') : null,
        decidedAt: rejected ? new Date() : null,
      });
      await tx.save(submission);
      const assignments = await this.assignments.insert(tx, submission, chosen);
      const details = { reason: submission.reason ?? undefined };
      if (!queued) {
        const event = rejected ? 'auto_reject' : 'start_review';
        if (recheck) await this.catalog.reviseTransition(tx, actor, solution.id, event, details);
        else await this.catalog.transition(tx, actor, solution.id, event, details);
      }
      await this.audit.record(tx, {
        actor,
        entityType: 'precheck_submission',
        entityId: submission.id,
        action: rejected ? 'auto_rejected' : queued ? 'awaiting_assessors' : 'submitted',
        after: {
          solutionId: solution.id,
          solutionVersion: solution.version,
          requirementSetId: submission.requirementSetId,
          failures: failures.length,
          changedGroups: changed,
          assessors: chosen,
        },
      });
      return this.view(principal, submission, assignments);
    });
    return view;
  }

  /**
   * Scheduled: assigns the submissions that were waiting for enough unrelated assessors, oldest first, then fills
   * the places linked assessors left.
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
    for (const { id } of pending) {
      assigned += await this.submissions.manager.transaction(async (tx) => {
        const submission = await tx.findOne(Submission, {
          where: { id, status: 'SUBMITTED' },
          lock: { mode: 'pessimistic_write' },
        });
        if (!submission) return 0;
        const chosen = await this.assignments.choose(tx, submission.vendorOrganisationId, pool);
        if (chosen.length === 0) return 0;
        await this.assignments.insert(tx, submission, chosen);
        const status = submissionLifecycle.apply(submission.status, 'assign');
        await updateIfStatus(tx, Submission, id, submission.status, { status });
        if (submission.changedGroups !== null)
          await this.catalog.reviseTransition(tx, SYSTEM_ACTOR, submission.solutionId, 'start_review');
        else await this.catalog.transition(tx, SYSTEM_ACTOR, submission.solutionId, 'start_review');
        await this.audit.record(tx, {
          actor: SYSTEM_ACTOR,
          entityType: 'precheck_submission',
          entityId: id,
          action: 'assigned',
          before: { status: submission.status },
          after: { status, assessors: chosen },
        });
        return 1;
      });
    }
    return assigned + (await this.assignments.topUp());
  }

  /**
   * Scheduled: keeps each capacity category's listing the top N by quality score. A lowered capacity sends the
   * lowest listed solutions beyond it to wait; free slots (an expiry, a delisting, a raised capacity) go to the best
   * waiting solutions; a waiting solution that now scores higher than the lowest listed one (after a re-check) takes
   * its place. Returns how many listings moved.
   */
  async rebalanceCapacity(offsetSeconds: number): Promise<number> {
    const now = await this.catalog.now(offsetSeconds);
    let moved = 0;
    for (const code of await this.catalog.categoriesToRebalance()) {
      moved += await this.submissions.manager.transaction(async (tx) => {
        const category = await this.catalog.lockCategory(tx, code);
        let free = (category.capacity ?? Infinity) - (await this.catalog.occupiedSlots(tx, code));
        let changes = 0;
        for (; free < 0; free++, changes++) {
          const lowest = await this.catalog.lowestListed(tx, code);
          if (!lowest) break;
          await this.displace(tx, lowest.id, CAPACITY_LOWERED);
        }
        for (const candidate of await this.catalog.bestWaiting(tx, code, 100)) {
          if (free > 0) free--;
          else {
            const lowest = await this.catalog.lowestListed(tx, code);
            if (!lowest || (lowest.qualityScore ?? 0) >= (candidate.qualityScore ?? 0)) break;
            await this.displace(tx, lowest.id, OUTSCORED);
          }
          await this.moveSubmissions(tx, candidate.id, 'WAITING', 'promote');
          await this.catalog.transition(tx, SYSTEM_ACTOR, candidate.id, 'list', { now });
          changes++;
        }
        return changes;
      });
    }
    return moved;
  }

  /** A listed solution gives its slot up and waits for the next free one (its vendor is told why). */
  private async displace(tx: EntityManager, solutionId: string, reason: string, actor: AuditActor = SYSTEM_ACTOR) {
    await this.moveSubmissions(tx, solutionId, 'LISTED', 'displace');
    await this.catalog.transition(tx, actor, solutionId, 'displace', { reason });
  }

  private async moveSubmissions(
    tx: EntityManager,
    solutionId: string,
    from: 'LISTED' | 'WAITING',
    event: 'displace' | 'promote',
  ): Promise<void> {
    await tx.update(Submission, { solutionId, status: from }, { status: submissionLifecycle.apply(from, event) });
  }

  async score(principal: Principal, id: string, dto: ScoreDto): Promise<SubmissionView> {
    const actor = actorOf(principal);
    return this.submissions.manager.transaction(async (tx) => {
      const submission = await tx.findOne(Submission, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!submission) throw PrecheckErrors.SUBMISSION_NOT_FOUND(undefined, { id });
      const assignments = await tx.find(Assignment, { where: { submissionId: id }, order: { createdAt: 'ASC' } });
      const mine = assignments.find((a) => a.assessorUserId === principal.userId);
      if (!mine) throw PrecheckErrors.NOT_ASSIGNED(undefined, { id });
      if (mine.scoredAt) throw PrecheckErrors.ALREADY_SCORED(undefined, { id });
      if (submission.status !== 'UNDER_REVIEW')
        throw PrecheckErrors.NOT_UNDER_REVIEW(undefined, { id, status: submission.status });
      const linked = await tx.existsBy(AssessorConflict, {
        assessorUserId: mine.assessorUserId,
        vendorOrganisationId: submission.vendorOrganisationId,
      });
      if (linked) throw PrecheckErrors.CONFLICT_OF_INTEREST(undefined, { id });
      checkScores(dto.scores, submission.changedGroups ?? GROUPS);
      const scores: GroupScore[] = dto.scores.map((s) => ({ group: s.group, score: s.score, reason: s.reason.trim() }));
      mine.scores = scores;
      mine.scoredAt = new Date();
      const updated = await tx
        .createQueryBuilder()
        .update(Assignment)
        .set({ scores, scoredAt: mine.scoredAt })
        .where('id = :id AND scored_at IS NULL', { id: mine.id })
        .execute();
      if (updated.affected !== 1) throw PrecheckErrors.ALREADY_SCORED(undefined, { id });
      // A place left by a linked assessor must be filled before the submission can be decided.
      const complete = assignments.length >= ASSESSORS_PER_SUBMISSION && assignments.every((a) => a.scoredAt !== null);
      const decided = complete ? await this.decide(tx, actor, submission, assignments) : submission;
      await this.audit.record(tx, {
        actor,
        entityType: 'precheck_submission',
        entityId: id,
        action: 'scored',
        after: { assessorUserId: mine.assessorUserId, scores },
      });
      return this.view(principal, decided, assignments);
    });
  }

  private async decide(
    tx: EntityManager,
    actor: AuditActor,
    submission: Submission,
    assignments: Assignment[],
  ): Promise<Submission> {
    const set = submission.requirementSetId
      ? await tx.findOneByOrFail(RequirementSet, { id: submission.requirementSetId })
      : null;
    const groupMark = set?.groupMark ?? DEFAULT_GROUP_MARK;
    const totalMark = set?.totalMark ?? DEFAULT_TOTAL_MARK;
    const reviewed = submission.changedGroups ?? GROUPS;
    const previous = submission.previousSubmissionId
      ? await tx.findOneByOrFail(Submission, { id: submission.previousSubmissionId })
      : null;
    const groupTotals = {
      ...previous?.groupTotals,
      ...groupTotalsOf(
        assignments.map((a) => a.scores ?? []),
        reviewed,
      ),
    } as Record<Group, number>;
    const decision = decide(groupTotals, assignments.length, set?.weights ?? DEFAULT_WEIGHTS, groupMark, totalMark);
    const recheck = submission.changedGroups !== null;
    let event: 'approve' | 'queue' | 'reject' = decision.passed ? 'approve' : 'reject';
    if (decision.passed && recheck) {
      // A re-check keeps the solution's place: a waiting one stays waiting, re-ranked by its new score.
      if ((await this.catalog.getSolution(submission.solutionId, tx)).status === 'WAITING') event = 'queue';
    } else if (decision.passed) {
      // Capacity N lists the top N by quality score. A newcomer that beats the lowest listed solution takes its
      // slot at once and that one waits (its vendor is notified); otherwise the newcomer waits with its rank.
      const category = await this.catalog.lockCategory(tx, submission.categoryCode);
      if (category.capacity !== null && (await this.catalog.occupiedSlots(tx, category.code)) >= category.capacity) {
        const lowest = await this.catalog.lowestListed(tx, category.code);
        if (lowest && (lowest.qualityScore ?? 0) < decision.qualityScore)
          await this.displace(tx, lowest.id, OUTSCORED, actor);
        else event = 'queue';
      }
    }
    const status = submissionLifecycle.apply(submission.status, event);
    const reason = decision.passed
      ? `Đạt, điểm chất lượng ${decision.qualityScore}. / Passed with quality score ${decision.qualityScore}.`
      : [
          ...decision.failedGroups.map((g) => `Nhóm ${g} dưới ${groupMark} điểm. / Group ${g} is below ${groupMark}.`),
          ...(decision.qualityScore < totalMark
            ? [
                `Tổng có trọng số ${decision.qualityScore} < ${totalMark}. / Weighted total ${decision.qualityScore} is below ${totalMark}.`,
              ]
            : []),
        ].join('\n');
    const patch = { status, groupTotals, qualityScore: decision.qualityScore, reason, decidedAt: new Date() };
    await updateIfStatus(tx, Submission, submission.id, submission.status, patch);
    const details = { qualityScore: decision.qualityScore, reason };
    if (recheck)
      await this.catalog.reviseTransition(
        tx,
        actor,
        submission.solutionId,
        decision.passed ? 'accept' : 'reject',
        details,
      );
    else
      await this.catalog.transition(
        tx,
        actor,
        submission.solutionId,
        event === 'approve' ? 'list' : event === 'queue' ? 'wait' : 'reject',
        details,
      );
    await this.audit.record(tx, {
      actor,
      entityType: 'precheck_submission',
      entityId: submission.id,
      action: 'decided',
      before: { status: submission.status },
      after: { status, qualityScore: decision.qualityScore, groupTotals },
    });
    return { ...submission, ...patch };
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
    const submission = await this.submissions.findOneBy({ id });
    if (!submission) throw PrecheckErrors.SUBMISSION_NOT_FOUND(undefined, { id });
    const assignments = await this.submissions.manager.find(Assignment, {
      where: { submissionId: id },
      order: { createdAt: 'ASC' },
    });
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
  private async view(principal: Principal, s: Submission, assignments: Assignment[]): Promise<SubmissionView> {
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

  private latestSet(tx: EntityManager, categoryCode: string): Promise<RequirementSet | null> {
    return tx.findOne(RequirementSet, { where: { categoryCode }, order: { version: 'DESC' } });
  }
}

function checkedState(s: Submission): CheckedState {
  return {
    requirementSetId: s.requirementSetId,
    answers: s.answers,
    content: s.solutionSnapshot as unknown as CheckedState['content'],
  };
}

function snapshot(solution: Solution): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...frozen } = solution;
  return JSON.parse(JSON.stringify(frozen)) as Record<string, unknown>;
}
