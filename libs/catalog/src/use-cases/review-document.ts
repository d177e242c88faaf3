import { Injectable } from '@nestjs/common';
import { AuditFacade, type AuditActor } from '@app/audit';
import { Transactions } from '@app/platform';
import { CatalogErrors } from '../contracts/catalog';
import { SolutionDocument } from '../document.entity';

export type DocumentDecision = 'accept' | 'reject';

/** The operator's check of a document added to a solution after its pre-check, before the public may read it. */
@Injectable()
export class ReviewDocument {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
  ) {}

  execute({
    actor,
    solutionId,
    documentId,
    decision,
    reason,
  }: {
    actor: AuditActor;
    solutionId: string;
    documentId: string;
    decision: DocumentDecision;
    reason: string | undefined;
  }): Promise<SolutionDocument> {
    return this.tx.run(async (tx) => {
      const document = await tx.findOne(SolutionDocument, {
        where: { id: documentId, solutionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!document) throw CatalogErrors.DOCUMENT_NOT_FOUND(undefined, { id: documentId });
      if (document.reviewStatus !== 'PENDING')
        throw CatalogErrors.DOCUMENT_NOT_PENDING(undefined, { id: documentId, reviewStatus: document.reviewStatus });
      if (decision === 'reject' && !reason) throw CatalogErrors.REJECTION_REASON_REQUIRED();
      const patch = {
        reviewStatus: decision === 'accept' ? ('ACCEPTED' as const) : ('REJECTED' as const),
        reviewReason: reason ?? null,
        reviewedAt: new Date(),
      };
      await tx.update(SolutionDocument, { id: documentId }, patch);
      await this.audit.record(tx, {
        actor,
        entityType: 'solution_document',
        entityId: documentId,
        action: decision === 'accept' ? 'review_accepted' : 'review_rejected',
        before: { reviewStatus: document.reviewStatus },
        after: { reviewStatus: patch.reviewStatus, reason: patch.reviewReason },
      });
      return { ...document, ...patch };
    });
  }
}
