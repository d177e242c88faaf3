import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { CatalogEvents, type CatalogEventName, type ListingNotice } from '@app/catalog';
import type { BakeOffConcluded, BakeOffStarted, CallOpened } from '@app/competition';
import { deterministicId, DomainError, newId } from '@app/kernel';
import type { AssessorReplaced } from '@app/precheck';
import { Notification } from './notification.entity';

const formatDeadline = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
const formatDong = (amount: string) => BigInt(amount).toLocaleString('vi-VN');

/** Each organisation's inbox, filled from other modules' events. */
@Injectable()
export class NotificationsFacade {
  constructor(@InjectRepository(Notification) private readonly inbox: Repository<Notification>) {}

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
    const budget = formatDong(event.trialBudget);
    await this.insertIgnoringRepeats(
      event.finalists.map((f) => ({
        organisationId: f.vendorOrganisationId,
        kind: 'bake-off-started',
        subjectId: f.trialOrderId,
        messageVi:
          `Hồ sơ chào của bạn vào vòng POC cuối của bài toán "${event.problemTitleVi}": đơn hàng thử nghiệm ` +
          `${f.trialOrderId}, kinh phí thử nghiệm ${budget} đồng. Hãy ký trước ${formatDeadline(event.signBy)}; ` +
          `quá hạn, đơn hàng bị hủy và bạn rời vòng POC.`,
        messageEn:
          `Your offer is a finalist of the POC bake-off on "${event.problemTitleEn}": trial order ${f.trialOrderId}, ` +
          `trial budget ${budget} đồng. Sign it by ${event.signBy}, or it is cancelled and you leave the bake-off.`,
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

  private async insertIgnoringRepeats(
    rows: Array<Pick<Notification, 'organisationId' | 'kind' | 'subjectId' | 'messageVi' | 'messageEn' | 'data'>>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.inbox
      .createQueryBuilder()
      .insert()
      .values(rows.map((row) => ({ id: newId(), ...row, readAt: null })))
      .orIgnore()
      .execute();
  }

  /** A listing lifecycle notice for the solution's vendor (expiry reminder, displaced, promoted). */
  async listingNotice(name: CatalogEventName, notice: ListingNotice): Promise<void> {
    const [messageVi, messageEn] = listingMessages(name, notice);
    await this.inbox
      .createQueryBuilder()
      .insert()
      .values({
        id: newId(),
        organisationId: notice.vendorOrganisationId,
        kind: name,
        subjectId: notice.noticeId,
        messageVi,
        messageEn,
        data: { ...notice },
        readAt: null,
      })
      .orIgnore()
      .execute();
  }

  list(organisationId: string): Promise<Notification[]> {
    return this.inbox.find({ where: { organisationId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  async markRead(organisationId: string, id: string): Promise<Notification> {
    await this.inbox.update({ id, organisationId, readAt: IsNull() }, { readAt: new Date() });
    const notification = await this.inbox.findOneBy({ id, organisationId });
    if (!notification) {
      throw new DomainError(
        'NOTIFICATIONS.NOT_FOUND',
        'NOT_FOUND',
        'Không tìm thấy thông báo. / Notification not found.',
        { id },
      );
    }
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
  }
}

function outcomeMessages(event: BakeOffConcluded, f: BakeOffConcluded['finalists'][number]): [string, string] {
  const vi = `Vòng POC của bài toán "${event.problemTitleVi}" đã kết thúc: `;
  const en = `The POC bake-off on "${event.problemTitleEn}" has concluded: `;
  const figuresVi = `hiệu quả chi phí đo được ${f.costEffectivenessPercent} % (đã trả ${formatDong(f.paid ?? '0')} / ${formatDong(f.maxAmount)} đồng)`;
  const figuresEn = `measured cost-effectiveness ${f.costEffectivenessPercent} % (paid ${formatDong(f.paid ?? '0')} of ${formatDong(f.maxAmount)} đồng)`;
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
