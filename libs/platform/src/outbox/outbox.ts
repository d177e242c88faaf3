import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobRequest } from './job';
import { OutboxMessage } from './outbox-message.entity';

/** Writes async work into the caller's transaction; the worker's relay publishes it after commit. */
@Injectable()
export class Outbox {
  async enqueue(tx: EntityManager, job: JobRequest): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({ queue: job.queue, jobName: job.name, jobId: job.id, payload: job.payload })
      .orIgnore()
      .execute();
  }
}
