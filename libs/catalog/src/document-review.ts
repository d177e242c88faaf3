import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditFacade, type AuditActor } from '@app/audit';
import { decodeTimeIdCursor, type Page, pageOf } from '@app/kernel';
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
    const query = this.documents.createQueryBuilder('d').where(`d.review_status = 'PENDING'`);
    const createdMs = `date_trunc('milliseconds', d.created_at)`;
    if (cursor !== undefined) {
      const after = decodeTimeIdCursor(cursor);
      if (!after) throw CatalogErrors.INVALID_CURSOR(undefined, { cursor });
      query.andWhere(`(${createdMs}, d.id) > (CAST(:at AS timestamptz), CAST(:id AS uuid))`, after);
    }
    const rows = await query
      .orderBy(createdMs, 'ASC')
      .addOrderBy('d.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return pageOf(rows, limit, (d) => [d.createdAt.toISOString(), d.id]);
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
