import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import {
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_EVENT_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from '../contracts/notifications';
import { WebhookAttempt, WebhookDelivery } from '../webhook.entity';
import { WebhookReads } from '../webhook-reads';

const DELIVERY_TIMEOUT_MS = 10_000;
/** What a receiver's error body may leave in the attempt log. */
const MAX_LOGGED_ERROR = 500;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it with its secret. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface DeliveryOutcome {
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
}

@Injectable()
export class DeliverWebhook {
  constructor(
    private readonly tx: Transactions,
    private readonly reads: WebhookReads,
    private readonly clock: Clock,
  ) {}

  /**
   * One attempt of a delivery (the job's): nothing when it is no longer pending; else the signed POST, outside any
   * transaction, and then the attempt and the outcome recorded. `lastAttempt` marks a failure final.
   */
  async execute({
    deliveryId,
    lastAttempt,
  }: {
    deliveryId: string;
    lastAttempt: boolean;
  }): Promise<DeliveryOutcome | null> {
    const found = await this.reads.pendingDelivery(deliveryId);
    if (!found) return null;
    const { delivery, webhook } = found;
    const attemptedAt = this.clock.now();
    const timestamp = Math.floor(attemptedAt.getTime() / 1000);
    const outcome: DeliveryOutcome = { delivered: false, statusCode: null, error: null };
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(webhook.secret, timestamp, delivery.body),
          [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
          [WEBHOOK_EVENT_HEADER]: delivery.event,
          [WEBHOOK_DELIVERY_HEADER]: delivery.id,
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      outcome.statusCode = response.status;
      outcome.delivered = response.status >= 200 && response.status < 300;
      if (!outcome.delivered) outcome.error = (await response.text()).slice(0, MAX_LOGGED_ERROR);
      else await response.body?.cancel();
    } catch (error) {
      outcome.error = (error instanceof Error ? error.message : String(error)).slice(0, MAX_LOGGED_ERROR);
    }
    const durationMs = this.clock.now().getTime() - attemptedAt.getTime();
    await this.tx.run(async (tx) => {
      await tx.insert(WebhookAttempt, {
        id: newId(),
        deliveryId,
        statusCode: outcome.statusCode,
        error: outcome.error,
        durationMs,
        attemptedAt,
      });
      if (outcome.delivered || lastAttempt)
        await tx.update(
          WebhookDelivery,
          { id: deliveryId, status: 'PENDING' },
          outcome.delivered ? { status: 'DELIVERED', deliveredAt: this.clock.now() } : { status: 'FAILED' },
        );
    });
    return outcome;
  }
}
