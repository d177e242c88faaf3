import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AcceptanceNotices, type AcceptanceNotice, type AcceptanceNoticeName } from '@app/acceptance';
import { CatalogEvents, type CatalogEventName, type ListingNotice } from '@app/catalog';
import type { BakeOffConcluded, BakeOffStarted, CallOpened } from '@app/competition';
import { IdentityFacade } from '@app/identity';
import { deterministicId, formatDong, newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import type { AssessorReplaced } from '@app/precheck';
import { NotificationsErrors } from './contracts/notifications';
import { Notification } from './notification.entity';
import { WebhooksFacade } from './webhooks.facade';

const formatDeadline = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
/** An amount sent as a string of đồng, written as people read it ("1.234.567 đ"). */
const dong = (amount: string) => formatDong(BigInt(amount));

/** Each organisation's inbox, filled from other modules' events. */
@Injectable()
export class NotificationsFacade {
  constructor(
    @InjectRepository(Notification) private readonly inbox: Repository<Notification>,
    private readonly identity: IdentityFacade,
    private readonly tx: Transactions,
    private readonly webhooks: WebhooksFacade,
  ) {}

  /** The operator organisations (whose admins decide re-checks, disputes and suspensions). */
  private async operatorOrganisations(): Promise<string[]> {
    return [...new Set((await this.identity.usersWithRole('OPERATOR_ADMIN')).map((u) => u.organisationId))];
  }

  /** Every vendor of the frozen eligible pool learns the call is open; a redelivered event adds nothing. */
  async callOpened(event: CallOpened): Promise<void> {
    await this.insertIgnoringRepeats(
      event.vendorOrganisationIds.map((organisationId) => ({
        organisationId,
        kind: 'call-opened',
        subjectId: event.callId,
        messageVi: `Lời mời chào giá mới cho bài toán "${event.problemTitleVi}": giải pháp của bạn đủ điều kiện; hạn nộp ${formatDeadline(event.deadline)}.`,
        messageEn: `New call for offers on "${event.problemTitleEn}": your solution is eligible; offers close ${event.deadline}.`,
        data: { callId: event.callId, problemId: event.problemId, deadline: event.deadline },
      })),
    );
  }

  /** Each finalist learns of its trial order: its id, the trial budget and the date to sign it by. */
  async bakeOffStarted(event: BakeOffStarted): Promise<void> {
    const budget = dong(event.trialBudget);
    await this.insertIgnoringRepeats(
      event.finalists.map((f) => ({
        organisationId: f.vendorOrganisationId,
        kind: 'bake-off-started',
        subjectId: f.trialOrderId,
        messageVi:
          `Hồ sơ chào của bạn vào vòng POC cuối của bài toán "${event.problemTitleVi}": đơn hàng thử nghiệm ` +
          `${f.trialOrderId}, kinh phí thử nghiệm ${budget}. Hãy ký trước ${formatDeadline(event.signBy)}; ` +
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
      })),
    );
  }

  /**
   * Each finalist learns its outcome: proposed or eliminated with its measured figures (the full elimination reason
   * rides in the data), or withdrawn with the cancellation's reason.
   */
  async bakeOffConcluded(event: BakeOffConcluded): Promise<void> {
    await this.insertIgnoringRepeats(
      event.finalists.map((f) => {
        const [messageVi, messageEn] = outcomeMessages(event, f);
        return {
          organisationId: f.vendorOrganisationId,
          kind: 'bake-off-concluded',
          subjectId: f.trialOrderId,
          messageVi,
          messageEn,
          data: { callId: event.callId, callStatus: event.callStatus, ...f },
        };
      }),
    );
  }

  /** The assessors' organisation learns that a linked assessor left a submission, and who (if anyone) replaced them. */
  async assessorReplaced(notice: AssessorReplaced): Promise<void> {
    const replaced = notice.newAssessorUserIds.length > 0;
    await this.insertIgnoringRepeats([
      {
        organisationId: notice.organisationId,
        kind: 'precheck-assessor-replaced',
        // One notice per (submission, departing assessor): a second link on the same submission is news too.
        subjectId: deterministicId(notice.submissionId, notice.removedAssessorUserId),
        messageVi: replaced
          ? `Hồ sơ tiền kiểm ${notice.submissionId}: thẩm định viên có xung đột lợi ích đã được thay bằng người khác; người mới hãy chấm điểm.`
          : `Hồ sơ tiền kiểm ${notice.submissionId}: thẩm định viên có xung đột lợi ích đã rút; hồ sơ chờ phân công thẩm định viên mới.`,
        messageEn: replaced
          ? `Pre-check submission ${notice.submissionId}: a conflicted assessor was replaced; the new assessor should score it.`
          : `Pre-check submission ${notice.submissionId}: a conflicted assessor left; it waits for a new assessor.`,
        data: { ...notice },
      },
    ]);
  }

  /** Adds the messages not added before, and queues their webhook deliveries in the same transaction. */
  private async insertIgnoringRepeats(
    rows: Array<Pick<Notification, 'organisationId' | 'kind' | 'subjectId' | 'messageVi' | 'messageEn' | 'data'>>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.tx.run(async (tx) => {
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
    });
  }

  /**
   * A listing lifecycle notice for the solution's vendor (expiry reminder, displaced, promoted, suspended, reinstated,
   * delisted); a re-check is also the operators' to decide, so it reaches their inboxes too.
   */
  async listingNotice(name: CatalogEventName, notice: ListingNotice): Promise<void> {
    const [messageVi, messageEn] = listingMessages(name, notice);
    const operators = name === CatalogEvents.recheckOpened ? await this.operatorOrganisations() : [];
    await this.insertIgnoringRepeats(
      [notice.vendorOrganisationId, ...operators].map((organisationId) => ({
        organisationId,
        kind: name,
        subjectId: notice.noticeId,
        messageVi,
        messageEn,
        data: { ...notice },
      })),
    );
  }

  /** An order's acceptance or money event, to each organisation it concerns (see `acceptanceRecipients`). */
  async acceptanceNotice(name: AcceptanceNoticeName, notice: AcceptanceNotice): Promise<void> {
    const operators = name === AcceptanceNotices.disputeOpened ? await this.operatorOrganisations() : [];
    const recipients = [...new Set([...acceptanceRecipients(name, notice), ...operators])];
    await this.insertIgnoringRepeats(
      recipients.map((organisationId) => {
        const [messageVi, messageEn] = acceptanceMessages(name, notice, organisationId);
        return { organisationId, kind: name, subjectId: notice.noticeId, messageVi, messageEn, data: { ...notice } };
      }),
    );
  }

  list(organisationId: string): Promise<Notification[]> {
    return this.inbox.find({ where: { organisationId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  async markRead(organisationId: string, id: string): Promise<Notification> {
    await this.inbox.update({ id, organisationId, readAt: IsNull() }, { readAt: new Date() });
    const notification = await this.inbox.findOneBy({ id, organisationId });
    if (!notification) throw NotificationsErrors.NOT_FOUND(undefined, { id });
    return notification;
  }
}

function listingMessages(name: CatalogEventName, n: ListingNotice): [string, string] {
  switch (name) {
    case CatalogEvents.expiryReminder:
      return [
        `Niêm yết của giải pháp "${n.solutionName}" hết hạn ngày ${formatDeadline(n.expiresAt ?? '')}; hãy nộp lại tiền kiểm để gia hạn.`,
        `The listing of "${n.solutionName}" expires on ${n.expiresAt}; resubmit it to the pre-check to renew it.`,
      ];
    case CatalogEvents.displaced:
      return [
        `Giải pháp "${n.solutionName}" đã nhường chỗ cho một giải pháp có điểm chất lượng cao hơn trong lĩnh vực ${n.categoryCode} và đang chờ chỗ trống (thứ ${n.waitingRank}).`,
        `"${n.solutionName}" gave its slot in ${n.categoryCode} to a better-scoring solution and waits for a free one (rank ${n.waitingRank}).`,
      ];
    case CatalogEvents.promoted:
      return [
        `Giải pháp "${n.solutionName}" đã được niêm yết vì lĩnh vực ${n.categoryCode} có chỗ trống.`,
        `"${n.solutionName}" is now listed: a slot in ${n.categoryCode} became free.`,
      ];
    case CatalogEvents.recheckOpened:
      return [
        `Giải pháp "${n.solutionName}" đang được xem xét lại: cận dưới điểm tín nhiệm của nhà cung cấp thấp hơn ngưỡng. Quản trị Chợ sẽ quyết định giữ, đình chỉ hoặc hủy niêm yết, kèm lý do.`,
        `"${n.solutionName}" is under re-check: the vendor's trust lower bound is under the floor. The operator will keep, suspend or delist it, with a reason.`,
      ];
    case CatalogEvents.suspended:
      return [
        `Niêm yết của giải pháp "${n.solutionName}" bị đình chỉ đến ${formatDeadline(n.suspendedUntil ?? '')}. Lý do: ${n.reason ?? ''}`,
        `The listing of "${n.solutionName}" is suspended until ${n.suspendedUntil}. Reason: ${n.reason ?? ''}`,
      ];
    case CatalogEvents.reinstated:
      return [
        `Giải pháp "${n.solutionName}" đã được niêm yết trở lại sau thời gian đình chỉ.`,
        `"${n.solutionName}" is listed again: its suspension ended.`,
      ];
    case CatalogEvents.delisted:
      return [
        `Giải pháp "${n.solutionName}" đã bị hủy niêm yết. Lý do: ${n.reason ?? ''}`,
        `"${n.solutionName}" was delisted. Reason: ${n.reason ?? ''}`,
      ];
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
  const round = n.roundNo === 0 ? 'bàn giao' : `kỳ ${n.roundNo}`;
  const roundEn = n.roundNo === 0 ? 'delivery' : `round ${n.roundNo}`;
  switch (name) {
    case AcceptanceNotices.recordReady:
      return [
        `Biên bản nghiệm thu ${round} của đơn hàng ${order} đã sẵn sàng, chờ cán bộ nghiệm thu ký.`,
        `The acceptance record of ${roundEn} of order ${order} is ready for an acceptance officer to sign.`,
      ];
    case AcceptanceNotices.recordSigned:
      return [
        `Biên bản nghiệm thu ${round} của đơn hàng ${order} đã được ký; bạn có thể khiếu nại đến ${formatDeadline(n.disputeDeadline ?? '')}.`,
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
