import { Injectable } from '@nestjs/common';
import { CatalogEvents, type CatalogEventName, type ListingNotice } from '@app/catalog';
import { hanoiDateTime } from '@app/kernel';
import { Transactions } from '@app/platform';
import { NotificationInbox } from '../notification-inbox';

@Injectable()
export class NotifyListingNotice {
  constructor(
    private readonly tx: Transactions,
    private readonly inbox: NotificationInbox,
  ) {}

  /**
   * A listing lifecycle notice for the solution's vendor (expiry reminder, displaced, promoted, suspended, reinstated,
   * delisted); a re-check is also the operators' to decide, so it reaches their inboxes too.
   */
  async execute({ name, notice }: { name: CatalogEventName; notice: ListingNotice }): Promise<void> {
    const [messageVi, messageEn] = listingMessages(name, notice);
    const operators = name === CatalogEvents.recheckOpened ? await this.inbox.operatorOrganisations() : [];
    const rows = [notice.vendorOrganisationId, ...operators].map((organisationId) => ({
      organisationId,
      kind: name,
      subjectId: notice.noticeId,
      messageVi,
      messageEn,
      data: { ...notice },
    }));
    await this.tx.run((tx) => this.inbox.addIgnoringRepeats(tx, rows));
  }
}

function listingMessages(name: CatalogEventName, n: ListingNotice): [string, string] {
  switch (name) {
    case CatalogEvents.expiryReminder:
      return [
        `Niêm yết của giải pháp "${n.solutionName}" hết hạn ngày ${hanoiDateTime(n.expiresAt ?? '')}; hãy nộp lại tiền kiểm để gia hạn.`,
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
        `Niêm yết của giải pháp "${n.solutionName}" bị đình chỉ đến ${hanoiDateTime(n.suspendedUntil ?? '')}. Lý do: ${n.reason ?? ''}`,
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
