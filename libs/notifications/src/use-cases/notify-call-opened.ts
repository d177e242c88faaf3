import { Injectable } from '@nestjs/common';
import type { CallOpened } from '@app/competition';
import { hanoiDateTime } from '@app/kernel';
import { Transactions } from '@app/platform';
import { NotificationInbox } from '../notification-inbox';

@Injectable()
export class NotifyCallOpened {
  constructor(
    private readonly tx: Transactions,
    private readonly inbox: NotificationInbox,
  ) {}

  /** Every vendor of the frozen eligible pool learns the call is open; a redelivered event adds nothing. */
  async execute(event: CallOpened): Promise<void> {
    const rows = event.vendorOrganisationIds.map((organisationId) => ({
      organisationId,
      kind: 'call-opened',
      subjectId: event.callId,
      messageVi: `Lời mời chào giá mới cho bài toán "${event.problemTitleVi}": giải pháp của bạn đủ điều kiện; hạn nộp ${hanoiDateTime(event.deadline)}.`,
      messageEn: `New call for offers on "${event.problemTitleEn}": your solution is eligible; offers close ${event.deadline}.`,
      data: { callId: event.callId, problemId: event.problemId, deadline: event.deadline },
    }));
    if (rows.length === 0) return;
    await this.tx.run((tx) => this.inbox.addIgnoringRepeats(tx, rows));
  }
}
