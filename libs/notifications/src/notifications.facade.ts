import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { CatalogEvents, type CatalogEventName, type ListingNotice } from '@app/catalog';
import type { CallOpened } from '@app/competition';
import { DomainError, newId } from '@app/kernel';
import { Notification } from './notification.entity';

const formatDeadline = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Each organisation's inbox, filled from other modules' events. */
@Injectable()
export class NotificationsFacade {
  constructor(@InjectRepository(Notification) private readonly inbox: Repository<Notification>) {}

  /** Every vendor of the frozen eligible pool learns the call is open; a redelivered event adds nothing. */
  async callOpened(event: CallOpened): Promise<void> {
    if (event.vendorOrganisationIds.length === 0) return;
    await this.inbox
      .createQueryBuilder()
      .insert()
      .values(
        event.vendorOrganisationIds.map((organisationId) => ({
          id: newId(),
          organisationId,
          kind: 'call-opened',
          subjectId: event.callId,
          messageVi: `Lời mời chào giá mới cho bài toán "${event.problemTitleVi}": giải pháp của bạn đủ điều kiện; hạn nộp ${formatDeadline(event.deadline)}.`,
          messageEn: `New call for offers on "${event.problemTitleEn}": your solution is eligible; offers close ${event.deadline}.`,
          data: { callId: event.callId, problemId: event.problemId, deadline: event.deadline },
          readAt: null,
        })),
      )
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
