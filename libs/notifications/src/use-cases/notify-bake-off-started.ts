import { Injectable } from '@nestjs/common';
import type { BakeOffStarted } from '@app/competition';
import { hanoiDateTime } from '@app/kernel';
import { Transactions } from '@app/platform';
import { dong } from '../notice-format';
import { NotificationInbox } from '../notification-inbox';

@Injectable()
export class NotifyBakeOffStarted {
  constructor(
    private readonly tx: Transactions,
    private readonly inbox: NotificationInbox,
  ) {}

  /** Each finalist learns of its trial order: its id, the trial budget and the date to sign it by. */
  async execute(event: BakeOffStarted): Promise<void> {
    const budget = dong(event.trialBudget);
    const rows = event.finalists.map((f) => ({
      organisationId: f.vendorOrganisationId,
      kind: 'bake-off-started',
      subjectId: f.trialOrderId,
      messageVi:
        `Hồ sơ chào của bạn vào vòng POC cuối của bài toán "${event.problemTitleVi}": đơn hàng thử nghiệm ` +
        `${f.trialOrderId}, kinh phí thử nghiệm ${budget}. Hãy ký trước ${hanoiDateTime(event.signBy)}; ` +
        `quá hạn, đơn hàng bị hủy và bạn rời vòng POC.`,
      messageEn:
        `Your offer is a finalist of the POC bake-off on "${event.problemTitleEn}": trial order ${f.trialOrderId}, ` +
        `trial budget ${budget}. Sign it by ${event.signBy}, or it is cancelled and you leave the bake-off.`,
      data: {
        callId: event.callId,
        offerId: f.offerId,
        trialOrderId: f.trialOrderId,
        trialBudget: event.trialBudget,
        signBy: event.signBy,
      },
    }));
    if (rows.length === 0) return;
    await this.tx.run((tx) => this.inbox.addIgnoringRepeats(tx, rows));
  }
}
