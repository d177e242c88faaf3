import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ schema: 'platform', name: 'outbox' })
@Index('outbox_unpublished_idx', ['id'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  jobName: string;

  /** Deterministic BullMQ job id: publishing twice is harmless. */
  @Index('outbox_job_id_key', { unique: true })
  @Column({ type: 'text' })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: object;

  /** See JobRequest.coalesceKey. */
  @Column({ type: 'text', nullable: true })
  coalesceKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
