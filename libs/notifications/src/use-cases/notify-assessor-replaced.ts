import { Injectable } from '@nestjs/common';
import { deterministicId } from '@app/kernel';
import { Transactions } from '@app/platform';
import type { AssessorReplaced } from '@app/precheck';
import { NotificationInbox } from '../notification-inbox';

@Injectable()
export class NotifyAssessorReplaced {
  constructor(
    private readonly tx: Transactions,
    private readonly inbox: NotificationInbox,
  ) {}

  /** The assessors' organisation learns that a linked assessor left a submission, and who (if anyone) replaced them. */
  async execute(notice: AssessorReplaced): Promise<void> {
    const replaced = notice.newAssessorUserIds.length > 0;
    const row = {
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
    };
    await this.tx.run((tx) => this.inbox.addIgnoringRepeats(tx, [row]));
  }
}
