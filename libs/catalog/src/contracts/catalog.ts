import { errorCodes, StateMachine } from '@app/kernel';
export type { KpiDirection } from '@app/kernel';

export const SOLUTION_STATUSES = ['DRAFT', 'SUBMITTED', 'LISTED', 'REJECTED'] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];
export type SolutionEvent = 'submit' | 'list' | 'reject' | 'revise';

export const solutionLifecycle = new StateMachine<SolutionStatus, SolutionEvent>('CATALOG', 'solution', {
  DRAFT: { submit: 'SUBMITTED' },
  SUBMITTED: { list: 'LISTED', reject: 'REJECTED' },
  LISTED: {},
  REJECTED: { revise: 'DRAFT' },
});

export const AGGREGATIONS = ['mean', 'sum', 'last', 'count', 'ratio', 'percentile'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const CatalogErrors = errorCodes('CATALOG', {
  SOLUTION_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy giải pháp. / Solution not found.' },
  CATEGORY_NOT_FOUND: { kind: 'INVALID', message: 'Danh mục lĩnh vực không tồn tại. / Unknown category.' },
  NOT_OWNER: {
    kind: 'FORBIDDEN',
    message: 'Giải pháp thuộc nhà cung cấp khác. / The solution belongs to another vendor.',
  },
  NO_KPI: {
    kind: 'UNPROCESSABLE',
    message: 'Giải pháp cần ít nhất một KPI có thể cam kết. / A solution needs at least one committable KPI.',
  },
});
