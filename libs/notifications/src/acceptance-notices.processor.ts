import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import {
  ACCEPTANCE_NOTICES_QUEUE,
  AcceptanceNotices,
  type AcceptanceNotice,
  type AcceptanceNoticeName,
} from '@app/acceptance';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { NotificationsFacade } from './notifications.facade';

const NAMES: string[] = Object.values(AcceptanceNotices);

/** Records to sign, disputes, payments, clawbacks and released remainders reach the inboxes of those concerned. */
@Processor(ACCEPTANCE_NOTICES_QUEUE, workerOptions())
export class AcceptanceNoticesProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: ACCEPTANCE_NOTICES_QUEUE, names: NAMES };

  constructor(private readonly notifications: NotificationsFacade) {
    super();
  }

  async process(job: Job<AcceptanceNotice>): Promise<void> {
    if (!NAMES.includes(job.name))
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${ACCEPTANCE_NOTICES_QUEUE}`);
    await this.notifications.acceptanceNotice(job.name as AcceptanceNoticeName, job.data);
  }
}
