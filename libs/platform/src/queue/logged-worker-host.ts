import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

/** A processor whose failed attempts are logged with the job, so a retrying or dead job never fails silently. */
export abstract class LoggedWorkerHost extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error(
      {
        err: error,
        queue: job?.queueName,
        job: job?.name,
        jobId: job?.id,
        attempt: job?.attemptsMade,
        data: job?.data as unknown,
      },
      `job failed: ${error.message}`,
    );
  }
}
