import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const DOCUMENT_REVIEW_STATUSES = ['ACCEPTED', 'PENDING', 'REJECTED'] as const;
export type DocumentReviewStatus = (typeof DOCUMENT_REVIEW_STATUSES)[number];

/** A document attached to a solution; the bytes live in the document store under their SHA-256. */
@Entity({ schema: 'catalog', name: 'documents' })
@Check('documents_review_status_check', `review_status IN ('ACCEPTED', 'PENDING', 'REJECTED')`)
export class SolutionDocument {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('documents_solution_idx')
  @Column({ type: 'uuid' })
  solutionId: string;

  /** The solution version the document was uploaded for. */
  @Column({ type: 'integer' })
  solutionVersion: number;

  @Column({ type: 'text' })
  fileName: string;

  /** Detected from the file's first bytes, never taken from the client. */
  @Column({ type: 'text' })
  mediaType: string;

  @Column({ type: 'bigint' })
  bytes: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  /** Confidential documents are shown to the vendor, operators and assigned assessors only, never to the public. */
  @Column({ type: 'boolean', default: false })
  confidential: boolean;

  @Column({ type: 'text', nullable: true })
  confidentialReason: string | null;

  /**
   * A document added after the solution passed its pre-check was not part of that check: it stays PENDING (not
   * public) until the operator accepts it or a re-check of the solution covers it.
   */
  @Index('documents_pending_idx', { where: `review_status = 'PENDING'` })
  @Column({ type: 'text', default: 'ACCEPTED' })
  reviewStatus: DocumentReviewStatus;

  @Column({ type: 'text', nullable: true })
  reviewReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An assessor assigned to review a solution (recorded by the pre-check): may read all its documents. */
@Entity({ schema: 'catalog', name: 'document_reviewers' })
export class DocumentReviewer {
  @PrimaryColumn({ type: 'uuid' })
  solutionId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
