import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '@app/kernel';
import { jobId, Outbox, selectFrom, type JobRequest } from '@app/platform';
import { WEBHOOK_QUEUE, WebhookJobs, type WebhookJob } from './contracts/notifications';
import type { Notification } from './notification.entity';
import { Webhook, WebhookDelivery } from './webhook.entity';

export const deliveryJob = (deliveryId: string, replay: number): JobRequest<WebhookJob> => ({
  queue: WEBHOOK_QUEUE,
  name: WebhookJobs.deliver,
  id: jobId('webhook', deliveryId, replay),
  payload: { deliveryId },
});

/** Each notification an organisation receives is also posted, signed, to its webhooks: this queues those posts. */
@Injectable()
export class WebhookDeliveries {
  constructor(private readonly outbox: Outbox) {}

  /** Queues, in the caller's transaction, one delivery per webhook of each notification's organisation. */
  async enqueueFor(tx: EntityManager, notifications: Notification[]): Promise<void> {
    if (notifications.length === 0) return;
    const webhooks = await tx.query<Webhook[]>(
      `${selectFrom(tx, Webhook, 'w')} WHERE w.organisation_id = ANY($1::uuid[])`,
      [[...new Set(notifications.map((n) => n.organisationId))]],
    );
    const deliveries = notifications.flatMap((n) =>
      webhooks
        .filter((w) => w.organisationId === n.organisationId)
        .map((w) => ({
          id: newId(),
          webhookId: w.id,
          notificationId: n.id,
          event: n.kind,
          status: 'PENDING' as const,
          replays: 0,
          deliveredAt: null,
          body: JSON.stringify({
            event: n.kind,
            notification: {
              id: n.id,
              organisationId: n.organisationId,
              kind: n.kind,
              subjectId: n.subjectId,
              messageVi: n.messageVi,
              messageEn: n.messageEn,
              data: n.data,
              createdAt: n.createdAt,
            },
          }),
        })),
    );
    if (deliveries.length === 0) return;
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(WebhookDelivery)
      .values(deliveries)
      .orIgnore()
      .returning(['id'])
      .execute();
    const ids = (inserted.raw as Array<{ id: string }>).map((r) => r.id);
    await this.outbox.enqueueMany(
      tx,
      ids.map((id) => deliveryJob(id, 0)),
    );
  }
}
