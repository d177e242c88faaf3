import { errorCodes } from '@app/kernel';
import { jobId, type JobRequest } from '@app/platform';

export const ACCEPTANCE_QUEUE = 'acceptance';
export const AcceptanceJobs = { evaluateRound: 'evaluate-round', settleRound: 'settle-round' } as const;
export interface RoundJob {
  orderId: string;
  roundNo: number;
}

/** One job per order, round and step: its id makes repeated enqueues of the same work collapse. */
export const roundJob = (name: string, orderId: string, roundNo: number): JobRequest<RoundJob> => ({
  queue: ACCEPTANCE_QUEUE,
  name,
  id: jobId(name, orderId, roundNo),
  payload: { orderId, roundNo },
});

/** Published for whoever ranks suppliers: an order's outcome money changed. */
export const OUTCOME_EVENTS_QUEUE = 'outcome-events';
export const OutcomeEvents = { settled: 'outcome-settled' } as const;
export interface OutcomeSettled {
  orderId: string;
  vendorOrganisationId: string;
}

export const RECORD_STATUSES = ['EVALUATED', 'SETTLED'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface KpiResult {
  key: string;
  nameVi: string;
  unit: string;
  aggregation: string;
  points: number;
  measured: string;
  baseline: string | null;
  target: string;
  weightBp: number;
  attainment: string;
  payFraction: string;
  reasonVi: string;
  reasonEn: string;
}

export const AcceptanceErrors = errorCodes('ACCEPTANCE', {
  ORDER_NOT_ACTIVE: {
    kind: 'CONFLICT',
    message:
      'Đơn hàng chưa hiệu lực hoặc đã đóng; không nhận số liệu. / The order is not active; measurements are refused.',
  },
  NOT_ACCEPTANCE_OFFICER_OF_ORDER: {
    kind: 'FORBIDDEN',
    message:
      'Chỉ cán bộ nghiệm thu của cơ quan đặt hàng được tải số liệu; nhà cung cấp không được. / Only the ordering agency’s acceptance officers may upload measurements; never the vendor.',
  },
  ROUND_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Đơn hàng không có kỳ đo này. / The order has no such measurement round.',
  },
  UNKNOWN_KPI: { kind: 'INVALID', message: 'KPI không thuộc đơn hàng. / KPI is not part of the order.' },
  OUTSIDE_ROUND_WINDOW: {
    kind: 'INVALID',
    message:
      'Thời điểm đo nằm ngoài khung thời gian của kỳ hoặc ở tương lai. / Observation time is outside the round window or in the future.',
  },
  DUPLICATE_TIMESTAMP: {
    kind: 'INVALID',
    message: 'Trùng thời điểm đo cho cùng KPI. / Duplicate observation time for the same KPI.',
  },
  ROUND_ALREADY_EVALUATED: {
    kind: 'CONFLICT',
    message:
      'Kỳ này đã được đánh giá; số liệu mới cần qua khiếu nại. / This round is already evaluated; new data goes through a dispute.',
  },
  RECORD_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Chưa có biên bản nghiệm thu cho kỳ này. / No acceptance record for this round yet.',
  },
});
