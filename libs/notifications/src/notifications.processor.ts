import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { COMPETITION_EVENTS_QUEUE, CompetitionEvents, type CallOpened } from '@app/competition';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { NotificationsFacade } from './notifications.facade';

@Processor(COMPETITION_EVENTS_QUEUE, workerOptions())
export class NotificationsProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: COMPETITION_EVENTS_QUEUE, names: Object.values(CompetitionEvents) };

  constructor(private readonly notifications: NotificationsFacade) {
    super();
  }

  async process(job: Job<CallOpened>): Promise<void> {
    if (job.name !== CompetitionEvents.callOpened) {
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${COMPETITION_EVENTS_QUEUE}`);
    }
    await this.notifications.callOpened(job.data);
  }
}
