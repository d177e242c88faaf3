import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CATALOG_EVENTS_QUEUE } from '@app/catalog';
import { COMPETITION_EVENTS_QUEUE } from '@app/competition';
import { PRECHECK_NOTICES_QUEUE } from '@app/precheck';
import { ListingNoticesProcessor } from './listing-notices.processor';
import { NotificationsModule } from './notifications.module';
import { NotificationsProcessor } from './notifications.processor';
import { PrecheckNoticesProcessor } from './precheck-notices.processor';

@Module({
  imports: [
    NotificationsModule,
    BullModule.registerQueue(
      { name: COMPETITION_EVENTS_QUEUE },
      { name: CATALOG_EVENTS_QUEUE },
      { name: PRECHECK_NOTICES_QUEUE },
    ),
  ],
  providers: [NotificationsProcessor, ListingNoticesProcessor, PrecheckNoticesProcessor],
})
export class NotificationsWorkerModule {}
