import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A document attached to a solution; the bytes live in the document store under their SHA-256. */
@Entity({ schema: 'catalog', name: 'documents' })
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
