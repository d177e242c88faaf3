import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ACCEPTANCE_NOTICES_QUEUE } from '@app/acceptance';
import { CATALOG_EVENTS_QUEUE } from '@app/catalog';
import { COMPETITION_EVENTS_QUEUE } from '@app/competition';
import { AcceptanceNoticesProcessor } from './acceptance-notices.processor';
import { ListingNoticesProcessor } from './listing-notices.processor';
import { NotificationsModule } from './notifications.module';
import { NotificationsProcessor } from './notifications.processor';
import { WEBHOOK_QUEUE } from './contracts/notifications';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';

@Module({
  imports: [
    NotificationsModule,
    BullModule.registerQueue(
      { name: COMPETITION_EVENTS_QUEUE },
      { name: CATALOG_EVENTS_QUEUE },
      { name: WEBHOOK_QUEUE },
      { name: ACCEPTANCE_NOTICES_QUEUE },
    ),
  ],
  providers: [NotificationsProcessor, ListingNoticesProcessor, AcceptanceNoticesProcessor, WebhookDeliveryProcessor],
})
export class NotificationsWorkerModule {}
