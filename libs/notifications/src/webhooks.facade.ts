import { Injectable } from '@nestjs/common';
import type { Principal } from '@app/identity';
import type { Webhook, WebhookDelivery } from './webhook.entity';
import { WebhookReads } from './webhook-reads';
import { DeliverWebhook, type DeliveryOutcome } from './use-cases/deliver-webhook';
import { RegisterWebhook } from './use-cases/register-webhook';
import { ReplayDelivery } from './use-cases/replay-delivery';

/**
 * Organisations' webhooks: each notification an organisation receives is also posted, signed, to its webhooks,
 * through the outbox and the queue (retried with backoff), every attempt logged, any delivery replayable.
 */
@Injectable()
export class WebhooksFacade {
  constructor(
    private readonly reads: WebhookReads,
    private readonly registerCase: RegisterWebhook,
    private readonly replayCase: ReplayDelivery,
    private readonly deliverCase: DeliverWebhook,
  ) {}

  register(principal: Principal, url: string): Promise<Webhook> {
    return this.registerCase.execute({ principal, url });
  }

  list(principal: Principal): Promise<Webhook[]> {
    return this.reads.list(principal);
  }

  deliveries(principal: Principal, webhookId: string, page: { cursor?: string; limit: number }) {
    return this.reads.deliveries(principal, webhookId, page);
  }

  replay(principal: Principal, webhookId: string, deliveryId: string): Promise<WebhookDelivery> {
    return this.replayCase.execute({ principal, webhookId, deliveryId });
  }

  deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryOutcome | null> {
    return this.deliverCase.execute({ deliveryId, lastAttempt });
  }
}
