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
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(rows.map((row) => ({ id: newId(), ...row, readAt: null })))
      .orIgnore()
      .returning('*')
      .execute();
    const added = (inserted.raw as Array<Record<string, unknown>>).map((r) =>
      tx.create(Notification, {
        id: r.id as string,
        organisationId: r.organisation_id as string,
        kind: r.kind as string,
        subjectId: r.subject_id as string,
        messageVi: r.message_vi as string,
        messageEn: r.message_en as string,
        data: r.data as object,
        createdAt: r.created_at as Date,
        readAt: null,
      }),
    );
    await this.webhooks.enqueueFor(tx, added);
  }
}
