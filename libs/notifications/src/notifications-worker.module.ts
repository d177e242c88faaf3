import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { COMPETITION_EVENTS_QUEUE } from '@app/competition';
import { NotificationsModule } from './notifications.module';
import { NotificationsProcessor } from './notifications.processor';

@Module({
  imports: [NotificationsModule, BullModule.registerQueue({ name: COMPETITION_EVENTS_QUEUE })],
  providers: [NotificationsProcessor],
})
export class NotificationsWorkerModule {}
