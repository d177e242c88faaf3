import { Injectable } from '@nestjs/common';
import type { BakeOffConcluded } from '@app/competition';
import { Transactions } from '@app/platform';
import { dong } from '../notice-format';
import { NotificationInbox } from '../notification-inbox';

@Injectable()
export class NotifyBakeOffConcluded {
  constructor(
    private readonly tx: Transactions,
    private readonly inbox: NotificationInbox,
  ) {}

  /**
   * Each finalist learns its outcome: proposed or eliminated with its measured figures (the full elimination reason
   * rides in the data), or withdrawn with the cancellation's reason.
   */
  async execute(event: BakeOffConcluded): Promise<void> {
    const rows = event.finalists.map((f) => {
      const [messageVi, messageEn] = outcomeMessages(event, f);
      return {
        organisationId: f.vendorOrganisationId,
        kind: 'bake-off-concluded',
        subjectId: f.trialOrderId,
        messageVi,
        messageEn,
        data: { callId: event.callId, callStatus: event.callStatus, ...f },
      };
    });
    if (rows.length === 0) return;
    await this.tx.run((tx) => this.inbox.addIgnoringRepeats(tx, rows));
  }
}

function outcomeMessages(event: BakeOffConcluded, f: BakeOffConcluded['finalists'][number]): [string, string] {
  const vi = `Vòng POC của bài toán "${event.problemTitleVi}" đã kết thúc: `;
  const en = `The POC bake-off on "${event.problemTitleEn}" has concluded: `;
  const figuresVi = `hiệu quả chi phí đo được ${f.costEffectivenessPercent} % (đã trả ${dong(f.paid ?? '0')} / ${dong(f.maxAmount)})`;
  const figuresEn = `measured cost-effectiveness ${f.costEffectivenessPercent} % (paid ${dong(f.paid ?? '0')} of ${dong(f.maxAmount)})`;
  switch (f.outcome) {
    case 'PROPOSED':
      return [
        `${vi}hồ sơ chào của bạn được đề xuất trao thầu, ${figuresVi}.`,
        `${en}your offer is proposed for award, ${figuresEn}.`,
      ];
    case 'ELIMINATED':
      return [`${vi}hồ sơ chào của bạn bị loại, ${figuresVi}.`, `${en}your offer is eliminated, ${figuresEn}.`];
    case 'WITHDRAWN':
      return [
        `${vi}bạn đã rời vòng POC vì đơn hàng thử nghiệm bị hủy khi chưa ký: ${f.reason}`,
        `${en}you left the bake-off because the trial order was cancelled unsigned: ${f.reason}`,
      ];
  }
}
