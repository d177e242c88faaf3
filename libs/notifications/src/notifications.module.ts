import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsFacade } from './notifications.facade';
import { Webhook, WebhookAttempt, WebhookDelivery } from './webhook.entity';
import { WebhooksController } from './webhooks.controller';
import { WebhooksFacade } from './webhooks.facade';

@Module({
  imports: [
    AuditModule,
    IdentityModule,
    TypeOrmModule.forFeature([Notification, Webhook, WebhookDelivery, WebhookAttempt]),
  ],
  controllers: [NotificationsController, WebhooksController],
  providers: [NotificationsFacade, WebhooksFacade],
  exports: [NotificationsFacade, WebhooksFacade],
})
export class NotificationsModule {}
