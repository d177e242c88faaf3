import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Every job ever queued through the outbox; a row never changes once written (see OutboxPending). */
@Entity({ schema: 'platform', name: 'outbox' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  jobName: string;

  /** Deterministic BullMQ job id: publishing twice is harmless, and a job queued once is never queued again. */
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
}

/**
 * The outbox rows not yet published: a row leaves when the relay has published it or the work it stands for is done.
 * Deleting a row here writes one small WAL record, where marking the outbox row published wrote a new version of it
 * and an entry in each of its indexes.
 */
@Entity({ schema: 'platform', name: 'outbox_pending' })
export class OutboxPending {
  @PrimaryColumn({ type: 'bigint' })
  id: string;
}
