import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditFacade, type AuditActor } from '@app/audit';
import { type Page } from '@app/kernel';
import { keysetPage } from '@app/platform';
import { CatalogErrors } from './contracts/catalog';
import { SolutionDocument } from './document.entity';

export type DocumentDecision = 'accept' | 'reject';

/** The operator's check of documents added to a solution after its pre-check, before the public may read them. */
@Injectable()
export class DocumentReview {
  constructor(
    private readonly audit: AuditFacade,
    @InjectRepository(SolutionDocument) private readonly documents: Repository<SolutionDocument>,
  ) {}

  /** Documents waiting for the operator, oldest first (they have waited longest), paged by cursor. */
  async pending(cursor: string | undefined, limit: number): Promise<Page<SolutionDocument>> {
    return keysetPage(this.documents.createQueryBuilder('d').where(`d.review_status = 'PENDING'`), {
      timeColumn: 'd.created_at',
      timeOf: (d) => d.createdAt,
      direction: 'ASC',
      cursor,
      limit,
      invalidCursor: () => CatalogErrors.INVALID_CURSOR(undefined, { cursor }),
    });
  }

  decide(
    actor: AuditActor,
    solutionId: string,
    documentId: string,
    decision: DocumentDecision,
    reason: string | undefined,
  ): Promise<SolutionDocument> {
    return this.documents.manager.transaction(async (tx) => {
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
