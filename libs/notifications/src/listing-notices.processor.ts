import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { CATALOG_EVENTS_QUEUE, CatalogEvents, type CatalogEventName, type ListingNotice } from '@app/catalog';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { NotificationsFacade } from './notifications.facade';

const NAMES: string[] = Object.values(CatalogEvents);

/** Puts the catalogue's listing notices (expiry reminder, displaced, promoted) in the vendor's inbox. */
@Processor(CATALOG_EVENTS_QUEUE, workerOptions())
export class ListingNoticesProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: CATALOG_EVENTS_QUEUE, names: NAMES };

  constructor(private readonly notifications: NotificationsFacade) {
    super();
  }

  async process(job: Job<ListingNotice>): Promise<void> {
    if (!NAMES.includes(job.name))
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${CATALOG_EVENTS_QUEUE}`);
    await this.notifications.listingNotice(job.name as CatalogEventName, job.data);
  }
}
