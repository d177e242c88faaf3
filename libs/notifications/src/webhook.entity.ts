import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An organisation's endpoint for its notifications; the secret signs every delivery and is shown once. */
@Entity({ schema: 'notifications', name: 'webhooks' })
@Index('webhooks_organisation_idx', ['organisationId', 'createdAt'])
export class Webhook {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  url: string;

  /** kept to sign deliveries; never returned after registration */
  @Column({ type: 'text', select: false })
  secret: string;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One notification for one webhook; (webhook, notification) is unique so a redelivered event sends nothing twice. */
@Entity({ schema: 'notifications', name: 'webhook_deliveries' })
@Index('webhook_deliveries_notification_key', ['webhookId', 'notificationId'], { unique: true })
@Index('webhook_deliveries_webhook_idx', ['webhookId', 'createdAt'])
@Check('webhook_deliveries_status_check', `status IN ('PENDING', 'DELIVERED', 'FAILED')`)
export class WebhookDelivery {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  webhookId: string;

  @Column({ type: 'uuid' })
  notificationId: string;

  @Column({ type: 'text' })
  event: string;

  /** the exact JSON sent, so a replay sends the same bytes (with a fresh timestamp and signature) */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  /** how often the operator or the organisation asked to send it again */
  @Column({ type: 'integer', default: 0 })
  replays: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}

/** Every attempt of a delivery with its outcome: the receiver's status code, or the network error. */
@Entity({ schema: 'notifications', name: 'webhook_attempts' })
@Index('webhook_attempts_delivery_idx', ['deliveryId', 'attemptedAt'])
export class WebhookAttempt {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  deliveryId: string;

  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer' })
  durationMs: number;

  @Column({ type: 'timestamptz' })
  attemptedAt: Date;
}
