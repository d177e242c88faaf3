import { errorCodes, StateMachine } from '@app/kernel';

export const CALL_STATUSES = ['OPEN', 'AWARDED', 'CANCELLED'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const callLifecycle = new StateMachine<CallStatus, 'award' | 'cancel'>('COMPETITION', 'call', {
  OPEN: { award: 'AWARDED', cancel: 'CANCELLED' },
  AWARDED: {},
  CANCELLED: {},
});

export const OFFER_STATUSES = ['SUBMITTED', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const offerLifecycle = new StateMachine<OfferStatus, 'withdraw' | 'award' | 'decline'>('COMPETITION', 'offer', {
  SUBMITTED: { withdraw: 'WITHDRAWN', award: 'AWARDED', decline: 'NOT_AWARDED' },
  WITHDRAWN: {},
  AWARDED: {},
  NOT_AWARDED: {},
});

export interface KpiCommitment {
  kpiCode: string;
  target: string;
  /** Agreed baseline when the problem's KPI is measured during a baseline period. */
  baseline?: string;
}

export const CompetitionErrors = errorCodes('COMPETITION', {
  CALL_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy lời mời chào giá. / Call not found.' },
  OFFER_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy hồ sơ chào. / Offer not found.' },
  PROBLEM_NOT_PUBLISHED: {
    kind: 'CONFLICT',
    message: 'Chỉ mở lời mời trên bài toán đã công bố. / Calls open only on published problems.',
  },
  DEADLINE_IN_PAST: { kind: 'INVALID', message: 'Hạn nộp phải ở tương lai. / The deadline must be in the future.' },
  CALL_CLOSED: {
    kind: 'CONFLICT',
    message: 'Lời mời đã hết hạn nộp hoặc đã đóng. / The call is past its deadline or closed.',
  },
  CALL_STILL_OPEN: {
    kind: 'CONFLICT',
    message: 'Chưa đến hạn nộp; hồ sơ còn niêm phong. / Offers stay sealed until the deadline.',
  },
  SOLUTION_NOT_ELIGIBLE: {
    kind: 'FORBIDDEN',
    message:
      'Giải pháp không nằm trong danh sách đủ điều kiện của lời mời. / The solution is not in the call’s eligible pool.',
  },
  PRICE_ABOVE_ENVELOPE: {
    kind: 'UNPROCESSABLE',
    message: 'Giá chào vượt hạn mức ngân sách của bài toán. / Price exceeds the problem’s budget envelope.',
  },
  KPI_COMMITMENT_INVALID: { kind: 'UNPROCESSABLE', message: 'Cam kết KPI không hợp lệ. / Invalid KPI commitment.' },
  OFFER_NOT_IN_CALL: {
    kind: 'INVALID',
    message: 'Hồ sơ chào không thuộc lời mời này. / The offer is not part of this call.',
  },
});
