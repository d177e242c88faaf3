import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { type AssessorReplaced, PRECHECK_NOTICES_QUEUE, PrecheckNotices } from '@app/precheck';
import { NotificationsFacade } from './notifications.facade';

/** Puts the pre-check's notices (an assessor replaced after a declared link) in the assessors' inbox. */
@Processor(PRECHECK_NOTICES_QUEUE, workerOptions())
export class PrecheckNoticesProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: PRECHECK_NOTICES_QUEUE, names: Object.values(PrecheckNotices) };

  constructor(private readonly notifications: NotificationsFacade) {
    super();
  }

  async process(job: Job<AssessorReplaced>): Promise<void> {
    if (job.name !== PrecheckNotices.assessorReplaced)
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${PRECHECK_NOTICES_QUEUE}`);
    await this.notifications.assessorReplaced(job.data);
  }
}
