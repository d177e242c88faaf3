import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Outbox, Transactions } from '@app/platform';
import { NotificationsErrors } from '../contracts/notifications';
import { WebhookDelivery } from '../webhook.entity';
import { deliveryJob } from '../webhook-deliveries';
import { ownWebhook } from '../webhook-reads';

@Injectable()
export class ReplayDelivery {
  constructor(
    private readonly tx: Transactions,
    private readonly outbox: Outbox,
    private readonly audit: AuditFacade,
  ) {}

  /** Sends a delivery again (same body, fresh timestamp and signature), through the queue like the first time. */
  execute({
    principal,
    webhookId,
    deliveryId,
  }: {
    principal: Principal;
    webhookId: string;
    deliveryId: string;
  }): Promise<WebhookDelivery> {
    return this.tx.run(async (tx) => {
      await ownWebhook(tx, principal, webhookId);
      const delivery = await tx.findOne(WebhookDelivery, {
        where: { id: deliveryId, webhookId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery) throw NotificationsErrors.DELIVERY_NOT_FOUND(undefined, { webhookId, deliveryId });
      if (delivery.status === 'PENDING') throw NotificationsErrors.DELIVERY_IN_PROGRESS(undefined, { deliveryId });
      const replayed = { status: 'PENDING' as const, replays: delivery.replays + 1, deliveredAt: null };
      await tx.update(WebhookDelivery, { id: deliveryId }, replayed);
      await this.outbox.enqueue(tx, deliveryJob(deliveryId, replayed.replays));
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'webhook_delivery',
        entityId: deliveryId,
        action: 'replayed',
        before: { status: delivery.status },
        after: { status: replayed.status, replays: replayed.replays },
      });
      return { ...delivery, ...replayed };
    });
  }
}
