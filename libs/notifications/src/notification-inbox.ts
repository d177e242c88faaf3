import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityFacade } from '@app/identity';
import { newId } from '@app/kernel';
import { Notification } from './notification.entity';
import { WebhookDeliveries } from './webhook-deliveries';

export type NewNotification = Pick<
  Notification,
  'organisationId' | 'kind' | 'subjectId' | 'messageVi' | 'messageEn' | 'data'
>;

/** The step every event handler shares: who the operators are, and adding messages to inboxes exactly once. */
@Injectable()
export class NotificationInbox {
  constructor(
    private readonly identity: IdentityFacade,
    private readonly webhooks: WebhookDeliveries,
  ) {}

  /** The operator organisations (whose admins decide re-checks, disputes and suspensions). */
  async operatorOrganisations(): Promise<string[]> {
    return [...new Set((await this.identity.usersWithRole('OPERATOR_ADMIN')).map((u) => u.organisationId))];
  }

  /** Adds the messages not added before, and queues their webhook deliveries in the same transaction. */
  async addIgnoringRepeats(tx: EntityManager, rows: NewNotification[]): Promise<void> {
    if (rows.length === 0) return;
    // Raised by every acceptance and money event: plain SQL, as TypeORM's insert builder cost more than the insert.
    const added = await tx.query<Notification[]>(
      `INSERT INTO notifications.inbox (id, organisation_id, kind, subject_id, message_vi, message_en, data)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::jsonb[])
       ON CONFLICT DO NOTHING
       RETURNING id, organisation_id AS "organisationId", kind, subject_id AS "subjectId", message_vi AS "messageVi",
                 message_en AS "messageEn", data, created_at AS "createdAt", read_at AS "readAt"`,
      [
        rows.map(() => newId()),
        rows.map((row) => row.organisationId),
        rows.map((row) => row.kind),
        rows.map((row) => row.subjectId),
        rows.map((row) => row.messageVi),
        rows.map((row) => row.messageEn),
        rows.map((row) => JSON.stringify(row.data)),
      ],
    );
    await this.webhooks.enqueueFor(tx, added);
  }
}
