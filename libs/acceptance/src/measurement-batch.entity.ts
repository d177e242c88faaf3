import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RowProblem } from './ingest/rows';

/** One upload: the raw file's SHA-256, where it is kept and who sent it, kept forever (append-only). */
@Entity({ schema: 'acceptance', name: 'measurement_batches' })
@Index('measurement_batches_round_idx', ['orderId', 'roundNo'])
/** The same file is never counted twice for an order (PRODUCT.md: 409 naming the earlier batch). */
@Index('measurement_batches_order_sha256_key', ['orderId', 'sha256'], { unique: true })
@Index('measurement_batches_idempotency_key', ['organisationId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class MeasurementBatch {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'integer' })
  roundNo: number;

  /** The record version this data is for: a correction uploads revision n + 1, which replaces its KPI's data. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ type: 'text' })
  format: string;

  /** SHA-256 of the raw bytes as received (of the canonical JSON for a JSON body). */
  @Column({ type: 'text' })
  sha256: string;

  /** Accepted points. */
  @Column({ type: 'integer' })
  rowCount: number;

  /** Rows refused when the officer asked to keep only the valid rows. */
  @Column({ type: 'integer', default: 0 })
  rejectedCount: number;

  /** The first problems of the refused rows (line, column, reason). */
  @Column({ type: 'jsonb', nullable: true })
  problems: RowProblem[] | null;

  /** Path of the raw file under MEASUREMENT_FILES_DIR; null for batches stored before raw files were kept. */
  @Column({ type: 'text', nullable: true })
  storageKey: string | null;

  @Column({ type: 'bigint', nullable: true })
  byteSize: string | null;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 over the target, the options and the raw content: what "the same request" means for a replay. */
  @Column({ type: 'text', nullable: true })
  requestHash: string | null;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedByApiKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
