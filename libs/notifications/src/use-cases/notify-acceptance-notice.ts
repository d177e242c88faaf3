import { Injectable } from '@nestjs/common';
import { AcceptanceNotices, roundNames, type AcceptanceNotice, type AcceptanceNoticeName } from '@app/acceptance';
import { formatDong, hanoiDateTime } from '@app/kernel';
import { Transactions } from '@app/platform';
import { dong } from '../notice-format';
import { NotificationInbox } from '../notification-inbox';

@Injectable()
export class NotifyAcceptanceNotice {
  constructor(
    private readonly tx: Transactions,
    private readonly inbox: NotificationInbox,
  ) {}

  /** An order's acceptance or money event, to each organisation it concerns (see `acceptanceRecipients`). */
  async execute({ name, notice }: { name: AcceptanceNoticeName; notice: AcceptanceNotice }): Promise<void> {
    const operators = name === AcceptanceNotices.disputeOpened ? await this.inbox.operatorOrganisations() : [];
    const recipients = [...new Set([...acceptanceRecipients(name, notice), ...operators])];
    const rows = recipients.map((organisationId) => {
      const [messageVi, messageEn] = acceptanceMessages(name, notice, organisationId);
      return { organisationId, kind: name, subjectId: notice.noticeId, messageVi, messageEn, data: { ...notice } };
    });
    if (rows.length === 0) return;
    await this.tx.run((tx) => this.inbox.addIgnoringRepeats(tx, rows));
  }
}

/** Who is told: the officers' agency signs, the vendor may dispute, the money's parties hear of the money. */
function acceptanceRecipients(name: AcceptanceNoticeName, n: AcceptanceNotice): string[] {
  switch (name) {
    case AcceptanceNotices.recordReady:
      return [n.agencyOrganisationId];
    case AcceptanceNotices.recordSigned:
      return [n.vendorOrganisationId];
    case AcceptanceNotices.disputeOpened:
    case AcceptanceNotices.disputeResolved:
      return [n.agencyOrganisationId, n.vendorOrganisationId];
    case AcceptanceNotices.paid:
    case AcceptanceNotices.clawedBack:
      return [n.vendorOrganisationId, n.agencyOrganisationId, ...n.cofunderOrganisationIds];
    case AcceptanceNotices.remainderReleased:
      return (n.releases ?? []).map((r) => r.organisationId);
  }
}

function acceptanceMessages(name: AcceptanceNoticeName, n: AcceptanceNotice, recipient: string): [string, string] {
  const order = n.orderId;
  const { vi: round, en: roundEn } = roundNames(n.roundNos ?? [n.roundNo ?? 0]);
  switch (name) {
    case AcceptanceNotices.recordReady:
      return [
        `Biên bản nghiệm thu ${round} của đơn hàng ${order} đã sẵn sàng, chờ cán bộ nghiệm thu ký.`,
        `The acceptance record of ${roundEn} of order ${order} is ready for an acceptance officer to sign.`,
      ];
    case AcceptanceNotices.recordSigned:
      return [
        `Biên bản nghiệm thu ${round} của đơn hàng ${order} đã được ký; bạn có thể khiếu nại đến ${hanoiDateTime(n.disputeDeadline ?? '')}.`,
        `The acceptance record of ${roundEn} of order ${order} is signed; you may dispute it until ${n.disputeDeadline}.`,
      ];
    case AcceptanceNotices.disputeOpened:
      return [
        `Có khiếu nại/xem xét lại về biên bản ${round} của đơn hàng ${order}; việc thanh toán kỳ này tạm dừng đến khi được giải quyết.`,
        `A dispute or re-check was opened on ${roundEn} of order ${order}; its settlement is frozen until it is resolved.`,
      ];
    case AcceptanceNotices.disputeResolved:
      return n.outcome === 'CORRECTED'
        ? [
            `Khiếu nại về ${round} của đơn hàng ${order} đã được giải quyết: biên bản được hiệu chỉnh từ số liệu đã sửa.`,
            `The dispute on ${roundEn} of order ${order} is resolved: the record is corrected from corrected data.`,
          ]
        : [
            `Khiếu nại về ${round} của đơn hàng ${order} đã được giải quyết: giữ nguyên biên bản.`,
            `The dispute on ${roundEn} of order ${order} is resolved: the record stands.`,
          ];
    case AcceptanceNotices.paid:
      return [
        `Đã thanh toán ${dong(n.amount ?? '0')} theo kết quả ${round} của đơn hàng ${order}.`,
        `${dong(n.amount ?? '0')} were paid for ${roundEn} of order ${order}.`,
      ];
    case AcceptanceNotices.clawedBack:
      return [
        `Đã thu hồi ${formatDong(-BigInt(n.amount ?? '0'))} của ${round}, đơn hàng ${order}, theo biên bản hiệu chỉnh.`,
        `${formatDong(-BigInt(n.amount ?? '0'))} of ${roundEn} of order ${order} were clawed back after a corrected record.`,
      ];
    case AcceptanceNotices.remainderReleased: {
      const own = dong(n.releases?.find((r) => r.organisationId === recipient)?.amount ?? '0');
      return [
        `Đơn hàng ${order} đã kết thúc: ${own} còn lại trong ký quỹ đã được hoàn về cho bạn.`,
        `Order ${order} is closed: ${own} of its remaining escrow came back to you.`,
      ];
    }
  }
}
