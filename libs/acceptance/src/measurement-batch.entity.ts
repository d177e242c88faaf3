import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One upload: the raw content's SHA-256 and who sent it, kept forever (append-only). */
@Entity({ schema: 'acceptance', name: 'measurement_batches' })
@Index('measurement_batches_round_idx', ['orderId', 'roundNo'])
export class MeasurementBatch {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'integer' })
  roundNo: number;

  @Column({ type: 'text' })
  format: string;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'integer' })
  rowCount: number;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedByApiKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
