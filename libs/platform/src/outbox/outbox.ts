import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobRequest } from './job';
import { markOutboxWritten } from './outbox-wake';

/** The statement queuing jobs in the outbox and its pending list; a job id queued before is skipped. */
export function outboxInsert(jobs: JobRequest[]): { text: string; values: unknown[] } {
  return {
    text: `WITH queued AS (
             INSERT INTO platform.outbox (queue, job_name, job_id, payload, coalesce_key)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
             ON CONFLICT (job_id) DO NOTHING RETURNING id)
           INSERT INTO platform.outbox_pending (id) SELECT id FROM queued`,
    values: [
      jobs.map((j) => j.queue),
      jobs.map((j) => j.name),
      jobs.map((j) => j.id),
      jobs.map((j) => JSON.stringify(j.payload)),
      jobs.map((j) => j.coalesceKey ?? null),
    ],
  };
}

/** Writes async work into the caller's transaction; the worker's relay publishes it after commit. */
@Injectable()
export class Outbox {
  async enqueue(tx: EntityManager, job: JobRequest): Promise<void> {
    await this.enqueueMany(tx, [job]);
  }

  async enqueueMany(tx: EntityManager, jobs: JobRequest[]): Promise<void> {
    if (jobs.length === 0) return;
    const { text, values } = outboxInsert(jobs);
    await tx.query(text, values);
    markOutboxWritten(tx);
  }

  /**
   * The caller's transaction did the work these queued jobs stand for: rows not yet published need never be. Rows a
   * relay is publishing right now are skipped, not waited for; their jobs find the work done. The entries are deleted
   * by an array of their ids, as the relay reads the rows it claims: joined instead, the planner may read a whole table.
   */
  async markDone(tx: EntityManager, jobIds: string[]): Promise<void> {
    if (jobIds.length === 0) return;
    await tx.query(
      `WITH unpublished AS (
         SELECT p.id FROM platform.outbox o JOIN platform.outbox_pending p ON p.id = o.id
         WHERE o.job_id = ANY($1) FOR UPDATE OF p SKIP LOCKED)
       DELETE FROM platform.outbox_pending WHERE id = ANY(ARRAY(SELECT id FROM unpublished))`,
      [jobIds],
    );
  }
}
