import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { jobId, keysetPage, Outbox, Transactions, type JobRequest } from '@app/platform';
import {
  NotificationsErrors,
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_EVENT_HEADER,
  WEBHOOK_QUEUE,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WebhookJobs,
  type WebhookJob,
} from './contracts/notifications';
import type { Notification } from './notification.entity';
import { Webhook, WebhookAttempt, WebhookDelivery } from './webhook.entity';

const MAX_URL_LENGTH = 2000;
const DELIVERY_TIMEOUT_MS = 10_000;
/** What a receiver's error body may leave in the attempt log. */
const MAX_LOGGED_ERROR = 500;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it with its secret. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw NotificationsErrors.INVALID_WEBHOOK_URL(undefined, { url });
  }
  if (
    url.length > MAX_URL_LENGTH ||
    !['http:', 'https:'].includes(parsed.protocol) ||
    parsed.username ||
    parsed.password ||
    !parsed.hostname
  )
    throw NotificationsErrors.INVALID_WEBHOOK_URL(undefined, { url });
  return parsed.toString();
}

const deliveryJob = (deliveryId: string, replay: number): JobRequest<WebhookJob> => ({
  queue: WEBHOOK_QUEUE,
  name: WebhookJobs.deliver,
  id: jobId('webhook', deliveryId, replay),
  payload: { deliveryId },
});

export interface DeliveryOutcome {
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * Organisations' webhooks: each notification an organisation receives is also posted, signed, to its webhooks,
 * through the outbox and the queue (retried with backoff), every attempt logged, any delivery replayable.
 */
@Injectable()
export class WebhooksFacade {
  constructor(
    private readonly tx: Transactions,
    private readonly outbox: Outbox,
    private readonly audit: AuditFacade,
    private readonly clock: Clock,
  ) {}

  /** Registers a webhook of the caller's organisation; the secret is in this answer only. */
  async register(principal: Principal, url: string): Promise<Webhook> {
    const webhook: Webhook = {
      id: newId(),
      organisationId: principal.organisationId,
      url: checkedUrl(url),
      secret: `whsec_${randomBytes(32).toString('hex')}`,
      createdByUserId: principal.userId ?? null,
      createdAt: this.clock.now(),
    };
    return this.tx.run(async (tx) => {
      await tx.insert(Webhook, webhook);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'webhook',
        entityId: webhook.id,
        action: 'registered',
        after: { organisationId: webhook.organisationId, url: webhook.url },
      });
      return webhook;
    });
  }

  list(principal: Principal): Promise<Webhook[]> {
    return this.tx.run((tx) =>
      tx.find(Webhook, { where: { organisationId: principal.organisationId }, order: { createdAt: 'DESC' } }),
    );
  }

  /** One page of the webhook's deliveries, newest first, each with its attempts. */
  async deliveries(principal: Principal, webhookId: string, page: { cursor?: string; limit: number }) {
    return this.tx.run(async (tx) => {
      await this.ownWebhook(tx, principal, webhookId);
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

  /** Sends a delivery again (same body, fresh timestamp and signature), through the queue like the first time. */
  async replay(principal: Principal, webhookId: string, deliveryId: string): Promise<WebhookDelivery> {
    return this.tx.run(async (tx) => {
      await this.ownWebhook(tx, principal, webhookId);
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

  /** Queues, in the caller's transaction, one delivery per webhook of each notification's organisation. */
  async enqueueFor(tx: EntityManager, notifications: Notification[]): Promise<void> {
    if (notifications.length === 0) return;
    const webhooks = await tx.find(Webhook, {
      where: { organisationId: In([...new Set(notifications.map((n) => n.organisationId))]) },
    });
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

  /**
   * One attempt of a delivery (the job's): nothing when it is no longer pending; else the signed POST, outside any
   * transaction, and then the attempt and the outcome recorded. `lastAttempt` marks a failure final.
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryOutcome | null> {
    const found = await this.tx.run(async (tx) => {
      const delivery = await tx.findOneBy(WebhookDelivery, { id: deliveryId, status: 'PENDING' });
      const webhook =
        delivery &&
        (await tx.findOne(Webhook, {
          where: { id: delivery.webhookId },
          select: { id: true, url: true, secret: true },
        }));
      return delivery && webhook ? { delivery, webhook } : null;
    });
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

  private async ownWebhook(tx: EntityManager, principal: Principal, webhookId: string): Promise<Webhook> {
    const webhook = await tx.findOneBy(Webhook, { id: webhookId, organisationId: principal.organisationId });
    if (!webhook) throw NotificationsErrors.WEBHOOK_NOT_FOUND(undefined, { id: webhookId });
    return webhook;
  }
}
