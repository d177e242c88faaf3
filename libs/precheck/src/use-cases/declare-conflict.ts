import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, IdentityFacade, type Principal } from '@app/identity';
import { jobId, Outbox, Transactions } from '@app/platform';
import { AssessorAssignments } from '../assessor-assignments';
import { PRECHECK_EVENTS_QUEUE, PrecheckErrors, PrecheckEvents, type ConflictDeclared } from '../contracts/precheck';
import type { ConflictDto } from '../precheck.dto';
import { isOperatorAdmin } from '../precheck-reads';
import { AssessorConflict } from '../submission.entity';

@Injectable()
export class DeclareConflict {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly identity: IdentityFacade,
    private readonly outbox: Outbox,
    private readonly assignments: AssessorAssignments,
  ) {}

  /** The operator declares anyone's link with a vendor; an assessor declares their own (and leaves its queue). */
  async execute({ principal, dto }: { principal: Principal; dto: ConflictDto }): Promise<AssessorConflict> {
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
    return this.tx.run(async (tx) => {
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
}
