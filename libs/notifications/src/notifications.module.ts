import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsFacade } from './notifications.facade';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([Notification])],
  controllers: [NotificationsController],
  providers: [NotificationsFacade],
  exports: [NotificationsFacade],
})
export class NotificationsModule {}
