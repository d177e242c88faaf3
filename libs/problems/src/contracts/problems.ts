import { errorCodes, StateMachine } from '@app/kernel';

export const PROBLEM_STATUSES = ['DRAFT', 'PUBLISHED', 'CLOSED'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const problemLifecycle = new StateMachine<ProblemStatus, 'publish' | 'close'>('PROBLEMS', 'problem', {
  DRAFT: { publish: 'PUBLISHED' },
  PUBLISHED: { close: 'CLOSED' },
  CLOSED: {},
});

export const COMPARATORS = ['gte', 'lte', 'eq', 'gt', 'lt'] as const;
export type KpiComparator = (typeof COMPARATORS)[number];

export const ProblemErrors = errorCodes('PROBLEMS', {
  PROBLEM_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy bài toán. / Problem not found.' },
  CODE_TAKEN: { kind: 'CONFLICT', message: 'Mã bài toán đã tồn tại. / Problem code already exists.' },
  AGENCY_REQUIRED: { kind: 'INVALID', message: 'Cần chỉ rõ cơ quan đặt hàng. / The ordering agency is required.' },
  TARGET_WRONG_DIRECTION: {
    kind: 'INVALID',
    message: 'Mục tiêu KPI ngược chiều với hướng cải thiện. / KPI target is on the wrong side of the baseline.',
  },
  NOT_PUBLISHED: { kind: 'CONFLICT', message: 'Bài toán chưa được công bố. / The problem is not published.' },
});
