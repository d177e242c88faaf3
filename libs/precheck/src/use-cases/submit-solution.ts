import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { CatalogFacade, REVISABLE_LISTINGS, type Solution } from '@app/catalog';
import { actorOf, IdentityFacade, type Principal } from '@app/identity';
import { newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { AssessorAssignments } from '../assessor-assignments';
import { GROUPS, PrecheckErrors, type Group } from '../contracts/precheck';
import type { SubmissionView, SubmitSolutionDto } from '../precheck.dto';
import { latestSet, PrecheckReads } from '../precheck-reads';
import { automaticFailures, changedGroups, checkAnswers, type CheckedState } from '../rules';
import { Submission } from '../submission.entity';

@Injectable()
export class SubmitSolution {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly identity: IdentityFacade,
    private readonly assignments: AssessorAssignments,
    private readonly reads: PrecheckReads,
  ) {}

  /**
   * Freezes the answers and the solution version, evaluates the automatic requirements at once, and either
   * rejects with the reasons or assigns two assessors unrelated to the vendor.
   */
  async execute({ principal, dto }: { principal: Principal; dto: SubmitSolutionDto }): Promise<SubmissionView> {
    const actor = actorOf(principal);
    const assessorPool = await this.identity.usersWithRole('ASSESSOR');
    const view = await this.tx.run(async (tx) => {
      const solution = await this.catalog.getSolution(dto.solutionId, tx);
      if (solution.vendorOrganisationId !== principal.organisationId) throw PrecheckErrors.NOT_OWNER();
      const set = await latestSet(tx, solution.categoryCode);
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
      return this.reads.view(principal, submission, assignments);
    });
    return view;
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
