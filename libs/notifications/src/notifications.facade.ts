import { Injectable } from '@nestjs/common';
import type { AcceptanceNotice, AcceptanceNoticeName } from '@app/acceptance';
import type { CatalogEventName, ListingNotice } from '@app/catalog';
import type { BakeOffConcluded, BakeOffStarted, CallOpened } from '@app/competition';
import type { Page } from '@app/kernel';
import type { AssessorReplaced } from '@app/precheck';
import type { Notification } from './notification.entity';
import { NotificationReads } from './notification-reads';
import { MarkNotificationRead } from './use-cases/mark-notification-read';
import { NotifyAcceptanceNotice } from './use-cases/notify-acceptance-notice';
import { NotifyAssessorReplaced } from './use-cases/notify-assessor-replaced';
import { NotifyBakeOffConcluded } from './use-cases/notify-bake-off-concluded';
import { NotifyBakeOffStarted } from './use-cases/notify-bake-off-started';
import { NotifyCallOpened } from './use-cases/notify-call-opened';
import { NotifyListingNotice } from './use-cases/notify-listing-notice';

/** Each organisation's inbox, filled from other modules' events: each event's handling is a use case. */
@Injectable()
export class NotificationsFacade {
  constructor(
    private readonly reads: NotificationReads,
    private readonly notifyCallOpened: NotifyCallOpened,
    private readonly notifyBakeOffStarted: NotifyBakeOffStarted,
    private readonly notifyBakeOffConcluded: NotifyBakeOffConcluded,
    private readonly notifyAssessorReplaced: NotifyAssessorReplaced,
    private readonly notifyListingNotice: NotifyListingNotice,
    private readonly notifyAcceptanceNotice: NotifyAcceptanceNotice,
    private readonly markReadCase: MarkNotificationRead,
  ) {}

  callOpened(event: CallOpened): Promise<void> {
    return this.notifyCallOpened.execute(event);
  }

  bakeOffStarted(event: BakeOffStarted): Promise<void> {
    return this.notifyBakeOffStarted.execute(event);
  }

  bakeOffConcluded(event: BakeOffConcluded): Promise<void> {
    return this.notifyBakeOffConcluded.execute(event);
  }

  assessorReplaced(notice: AssessorReplaced): Promise<void> {
    return this.notifyAssessorReplaced.execute(notice);
  }

  listingNotice(name: CatalogEventName, notice: ListingNotice): Promise<void> {
    return this.notifyListingNotice.execute({ name, notice });
  }

  acceptanceNotice(name: AcceptanceNoticeName, notice: AcceptanceNotice): Promise<void> {
    return this.notifyAcceptanceNotice.execute({ name, notice });
  }

  list(organisationId: string, page: { cursor?: string; limit: number }): Promise<Page<Notification>> {
    return this.reads.list(organisationId, page);
  }

  markRead(organisationId: string, id: string): Promise<Notification> {
    return this.markReadCase.execute({ organisationId, id });
  }
}
