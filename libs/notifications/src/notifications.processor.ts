import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import {
  type BakeOffConcluded,
  type BakeOffStarted,
  type CallOpened,
  COMPETITION_EVENTS_QUEUE,
  CompetitionEvents,
} from '@app/competition';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { NotificationsFacade } from './notifications.facade';

@Processor(COMPETITION_EVENTS_QUEUE, workerOptions())
export class NotificationsProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: COMPETITION_EVENTS_QUEUE, names: Object.values(CompetitionEvents) };

  constructor(private readonly notifications: NotificationsFacade) {
    super();
  }

  async process(job: Job<CallOpened | BakeOffStarted | BakeOffConcluded>): Promise<void> {
    switch (job.name) {
      case CompetitionEvents.callOpened:
        return this.notifications.callOpened(job.data as CallOpened);
      case CompetitionEvents.bakeOffStarted:
        return this.notifications.bakeOffStarted(job.data as BakeOffStarted);
      case CompetitionEvents.bakeOffConcluded:
        return this.notifications.bakeOffConcluded(job.data as BakeOffConcluded);
      default:
        throw new UnrecoverableError(`No handler for job ${job.name} on queue ${COMPETITION_EVENTS_QUEUE}`);
    }
  }
}
