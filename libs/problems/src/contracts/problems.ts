import { errorCodes, StateMachine } from '@app/kernel';

export const PROBLEM_STATUSES = ['DRAFT', 'PUBLISHED', 'CLOSED'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const problemLifecycle = new StateMachine<ProblemStatus, 'publish' | 'close'>('PROBLEMS', 'problem', {
  DRAFT: { publish: 'PUBLISHED' },
  PUBLISHED: { close: 'CLOSED' },
  CLOSED: {},
});

export const PROBLEM_SCALES = ['SMALL_TRIAL', 'PILOT', 'WIDE_ROLLOUT'] as const;
export type ProblemScale = (typeof PROBLEM_SCALES)[number];

/** How a round's data points become one measured value (the settlement engine evaluates these). */
export const KPI_AGGREGATIONS = ['mean', 'sum', 'last', 'count'] as const;
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];

/** Management fields a ward may pick (form Mẫu 01: one or two). */
export const PROPOSAL_FIELDS = [
  'URBAN_MANAGEMENT',
  'HEALTH',
  'EDUCATION',
  'ENVIRONMENT',
  'ADMINISTRATIVE_DATA',
  'OTHER',
] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];

export const PROPOSAL_STATUSES = ['SUBMITTED', 'MERGED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const COMPARATORS = ['gte', 'lte', 'eq', 'gt', 'lt'] as const;
export type KpiComparator = (typeof COMPARATORS)[number];

export const ProblemErrors = errorCodes('PROBLEMS', {
  PROBLEM_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy bài toán. / Problem not found.' },
  KPI_CODE_REPEATED: {
    kind: 'UNPROCESSABLE',
    message: 'Hai KPI của bài toán trùng mã. / Two KPIs of the problem share a code.',
  },
  INVALID_CURSOR: { kind: 'INVALID', message: 'Con trỏ trang không hợp lệ. / Invalid page cursor.' },
  NOT_A_DRAFT: {
    kind: 'CONFLICT',
    message:
      'Chỉ sửa được bài toán nháp; bài toán đã công bố chỉ có thể đóng. / Only a draft can be edited; a published problem can only be closed.',
  },
  CODE_TAKEN: { kind: 'CONFLICT', message: 'Mã bài toán đã tồn tại. / Problem code already exists.' },
  AGENCY_REQUIRED: { kind: 'INVALID', message: 'Cần chỉ rõ cơ quan đặt hàng. / The ordering agency is required.' },
  TARGET_WRONG_DIRECTION: {
    kind: 'INVALID',
    message: 'Mục tiêu KPI ngược chiều với hướng cải thiện. / KPI target is on the wrong side of the baseline.',
  },
  KPI_WEIGHTS_INVALID: {
    kind: 'UNPROCESSABLE',
    message:
      'Trọng số KPI phải có ở mọi KPI (hoặc không KPI nào) và cộng lại đúng 10.000 điểm cơ bản (100 %). / KPI weights must be given on every KPI (or on none) and sum to exactly 10,000 basis points (100 %).',
  },
  PROPOSAL_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy đề xuất bài toán. / Proposal not found.' },
  PROPOSAL_TOO_LONG: {
    kind: 'INVALID',
    message: 'Đề xuất không quá 1.000 từ (Mẫu 01). / A proposal has at most 1,000 words (form 01).',
  },
  PROPOSAL_ALREADY_MERGED: {
    kind: 'CONFLICT',
    message: 'Đề xuất đã được tổng hợp vào một bài toán. / The proposal was already merged into a problem.',
  },
  DEADLINE_PASSED: {
    kind: 'UNPROCESSABLE',
    message:
      'Hạn của bài toán đã qua; hãy đặt hạn mới trước khi công bố. / The problem’s deadline has passed; set a new one before publishing.',
  },
  NOT_PUBLISHED: { kind: 'CONFLICT', message: 'Bài toán chưa được công bố. / The problem is not published.' },
});
