import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Principal } from '@app/identity';
import { keysetPage, Transactions } from '@app/platform';
import { NotificationsErrors } from './contracts/notifications';
import { Webhook, WebhookAttempt, WebhookDelivery } from './webhook.entity';

export async function ownWebhook(tx: EntityManager, principal: Principal, webhookId: string): Promise<Webhook> {
  const webhook = await tx.findOneBy(Webhook, { id: webhookId, organisationId: principal.organisationId });
  if (!webhook) throw NotificationsErrors.WEBHOOK_NOT_FOUND(undefined, { id: webhookId });
  return webhook;
}

/** An organisation's webhooks and their delivery log; and, for the delivery job, a delivery still to send. */
@Injectable()
export class WebhookReads {
  constructor(private readonly tx: Transactions) {}

  list(principal: Principal): Promise<Webhook[]> {
    return this.tx.run((tx) =>
      tx.find(Webhook, { where: { organisationId: principal.organisationId }, order: { createdAt: 'DESC' } }),
    );
  }

  /** One page of the webhook's deliveries, newest first, each with its attempts. */
  async deliveries(principal: Principal, webhookId: string, page: { cursor?: string; limit: number }) {
    return this.tx.run(async (tx) => {
      await ownWebhook(tx, principal, webhookId);
      const deliveries = await keysetPage(
        tx.createQueryBuilder(WebhookDelivery, 'd').where('d.webhookId = :webhookId', { webhookId }),
        {
          timeColumn: 'd.created_at',
          timeOf: (d) => d.createdAt,
          direction: 'DESC',
          cursor: page.cursor,
          limit: page.limit,
          invalidCursor: () => NotificationsErrors.INVALID_CURSOR(undefined, { cursor: page.cursor }),
        },
      );
      const attempts = await tx.find(WebhookAttempt, {
        where: { deliveryId: In(deliveries.items.map((d) => d.id)) },
        order: { attemptedAt: 'ASC', id: 'ASC' },
      });
      return {
        items: deliveries.items.map((d) => ({ ...d, attempts: attempts.filter((a) => a.deliveryId === d.id) })),
        nextCursor: deliveries.nextCursor,
      };
    });
  }

  /** The delivery with its webhook's address and secret, or null when it is no longer pending. */
  pendingDelivery(deliveryId: string): Promise<{ delivery: WebhookDelivery; webhook: Webhook } | null> {
    return this.tx.run(async (tx) => {
      const delivery = await tx.findOneBy(WebhookDelivery, { id: deliveryId, status: 'PENDING' });
      const webhook =
        delivery &&
        (await tx.findOne(Webhook, {
          where: { id: delivery.webhookId },
          select: { id: true, url: true, secret: true },
        }));
      return delivery && webhook ? { delivery, webhook } : null;
    });
  }
}
