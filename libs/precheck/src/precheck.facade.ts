import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { CatalogErrors, CatalogFacade } from '@app/catalog';
import { actorOf, type Principal } from '@app/identity';
import { newId } from '@app/kernel';
import { updateIfStatus } from '@app/platform';
import { LISTING_MARK, PrecheckErrors, submissionLifecycle } from './contracts/precheck';
import { DecisionDto } from './precheck.dto';
import { Submission } from './submission.entity';

@Injectable()
export class PrecheckFacade {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
  ) {}

  /** Freezes the solution for review: it leaves DRAFT and one open submission exists for it. */
  async submit(principal: Principal, solutionId: string): Promise<Submission> {
    const actor = actorOf(principal);
    return this.submissions.manager.transaction(async (tx) => {
      const solution = await this.catalog.getSolution(solutionId, tx);
      if (solution.vendorOrganisationId !== principal.organisationId) throw PrecheckErrors.NOT_OWNER();
      if (solution.kpis.length === 0) throw CatalogErrors.NO_KPI();
      await this.catalog.transition(tx, actor, solutionId, 'submit');
      const submission = tx.create(Submission, {
        id: newId(),
        solutionId,
        vendorOrganisationId: principal.organisationId,
        status: 'UNDER_REVIEW',
        score: null,
        reason: null,
        decidedBy: null,
        decidedAt: null,
      });
      await tx.insert(Submission, submission);
      await this.audit.record(tx, {
        actor,
        entityType: 'precheck_submission',
        entityId: submission.id,
        action: 'submitted',
        after: { solutionId },
      });
      return submission;
    });
  }

  async decide(principal: Principal, id: string, dto: DecisionDto): Promise<Submission> {
    const actor = actorOf(principal);
    return this.submissions.manager.transaction(async (tx) => {
      const submission = await tx.findOneBy(Submission, { id });
      if (!submission) throw PrecheckErrors.SUBMISSION_NOT_FOUND(undefined, { id });
      const approved = dto.score >= LISTING_MARK;
      const status = submissionLifecycle.apply(submission.status, approved ? 'approve' : 'reject');
      const decision = {
        status,
        score: dto.score,
        reason: dto.reason,
        decidedBy: principal.userId,
        decidedAt: new Date(),
      };
      await updateIfStatus(tx, Submission, id, submission.status, decision);
      await this.catalog.transition(tx, actor, submission.solutionId, approved ? 'list' : 'reject', dto.score);
      await this.audit.record(tx, {
        actor,
        entityType: 'precheck_submission',
        entityId: id,
        action: 'decided',
        before: { status: submission.status },
        after: decision,
      });
      return { ...submission, ...decision };
    });
  }

  /** Assessors and operators see the whole queue; a vendor only its own submissions. */
  list(principal: Principal): Promise<Submission[]> {
    const where = principal.organisationType === 'OPERATOR' ? {} : { vendorOrganisationId: principal.organisationId };
    return this.submissions.find({ where, order: { createdAt: 'DESC' }, take: 200 });
  }
}
