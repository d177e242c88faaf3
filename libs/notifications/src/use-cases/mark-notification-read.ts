import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Transactions } from '@app/platform';
import { NotificationsErrors } from '../contracts/notifications';
import { Notification } from '../notification.entity';

@Injectable()
export class MarkNotificationRead {
  constructor(private readonly tx: Transactions) {}

  execute({ organisationId, id }: { organisationId: string; id: string }): Promise<Notification> {
    return this.tx.run(async (tx) => {
      await tx.update(Notification, { id, organisationId, readAt: IsNull() }, { readAt: new Date() });
      const notification = await tx.findOneBy(Notification, { id, organisationId });
      if (!notification) throw NotificationsErrors.NOT_FOUND(undefined, { id });
      return notification;
    });
  }
}
