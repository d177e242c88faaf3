import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { NotificationInbox } from './notification-inbox';
import { NotificationReads } from './notification-reads';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsFacade } from './notifications.facade';
import { DeliverWebhook } from './use-cases/deliver-webhook';
import { MarkNotificationRead } from './use-cases/mark-notification-read';
import { NotifyAcceptanceNotice } from './use-cases/notify-acceptance-notice';
import { NotifyAssessorReplaced } from './use-cases/notify-assessor-replaced';
import { NotifyBakeOffConcluded } from './use-cases/notify-bake-off-concluded';
import { NotifyBakeOffStarted } from './use-cases/notify-bake-off-started';
import { NotifyCallOpened } from './use-cases/notify-call-opened';
import { NotifyListingNotice } from './use-cases/notify-listing-notice';
import { RegisterWebhook } from './use-cases/register-webhook';
import { ReplayDelivery } from './use-cases/replay-delivery';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookReads } from './webhook-reads';
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
  providers: [
    NotificationsFacade,
    NotificationReads,
    NotificationInbox,
    NotifyCallOpened,
    NotifyBakeOffStarted,
    NotifyBakeOffConcluded,
    NotifyAssessorReplaced,
    NotifyListingNotice,
    NotifyAcceptanceNotice,
    MarkNotificationRead,
    WebhooksFacade,
    WebhookReads,
    WebhookDeliveries,
    RegisterWebhook,
    ReplayDelivery,
    DeliverWebhook,
  ],
  exports: [NotificationsFacade, WebhooksFacade],
})
export class NotificationsModule {}
