import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Page } from '@app/kernel';
import { keysetPage } from '@app/platform';
import { NotificationsErrors } from './contracts/notifications';
import { Notification } from './notification.entity';

@Injectable()
export class NotificationReads {
  constructor(@InjectRepository(Notification) private readonly inbox: Repository<Notification>) {}

  /** An organisation's inbox, newest first, a page after the cursor. */
  list(organisationId: string, page: { cursor?: string; limit: number }): Promise<Page<Notification>> {
    return keysetPage(
      this.inbox.createQueryBuilder('n').where('n.organisationId = :organisationId', { organisationId }),
      {
        timeColumn: 'n.created_at',
        timeOf: (n) => n.createdAt,
        direction: 'DESC',
        cursor: page.cursor,
        limit: page.limit,
        invalidCursor: () => NotificationsErrors.INVALID_CURSOR(undefined, { cursor: page.cursor }),
      },
    );
  }
}
