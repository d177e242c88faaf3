import { errorCodes, StateMachine } from '@app/kernel';

export const SUBMISSION_STATUSES = ['UNDER_REVIEW', 'LISTED', 'REJECTED'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const submissionLifecycle = new StateMachine<SubmissionStatus, 'approve' | 'reject'>('PRECHECK', 'submission', {
  UNDER_REVIEW: { approve: 'LISTED', reject: 'REJECTED' },
  LISTED: {},
  REJECTED: {},
});

/** PRODUCT.md default: listed when the (weighted) score reaches 70. */
export const LISTING_MARK = 70;

export const PrecheckErrors = errorCodes('PRECHECK', {
  SUBMISSION_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy hồ sơ tiền kiểm. / Pre-check submission not found.',
  },
  NOT_OWNER: {
    kind: 'FORBIDDEN',
    message: 'Chỉ nhà cung cấp sở hữu giải pháp mới được nộp. / Only the owning vendor may submit.',
  },
});
