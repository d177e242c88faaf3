import { createHash } from 'node:crypto';
import { errorCodes, StateMachine } from '@app/kernel';
import { jobId, type JobRequest } from '@app/platform';

export const ACCEPTANCE_QUEUE = 'acceptance';
export const AcceptanceJobs = { evaluateRound: 'evaluate-round' } as const;
export interface RoundJob {
  orderId: string;
  roundNo: number;
}

/**
 * Published for settlement: a record became payable (its dispute window passed), or a re-checked round was restored
 * to settled as it was (the order may now be complete).
 */
export const RECORD_EVENTS_QUEUE = 'record-events';
export const RecordEvents = { payable: 'record-payable', restored: 'record-restored' } as const;
export type RecordEventName = (typeof RecordEvents)[keyof typeof RecordEvents];

/** Payable-record events are settled with the whole backlog (see libs/settlement), in this many lanes at once. */
export const SETTLEMENT_LANES = 4;

/**
 * An order's settlement lane, from a hash of its id: UUIDv7 ids begin with their timestamp, so orders created
 * within a minute would otherwise share one lane.
 */
export function settlementLane(orderId: string): number {
  return createHash('sha256').update(orderId).digest().readUInt32BE(0) % SETTLEMENT_LANES;
}

/** One evaluation job per order and round: its id makes repeated enqueues of the same work collapse. */
export const evaluationJob = (orderId: string, roundNo: number): JobRequest<RoundJob> => ({
  queue: ACCEPTANCE_QUEUE,
  name: AcceptanceJobs.evaluateRound,
  id: jobId(AcceptanceJobs.evaluateRound, orderId, roundNo),
  payload: { orderId, roundNo },
});

/**
 * One event per order, round, record version and fact: its id makes repeated enqueues collapse, and a corrected
 * record's is a new event. Payable-record events coalesce within their lane: whichever runs settles every payable
 * round, so a backlog of thousands of rounds runs a few jobs instead of thousands that find nothing.
 */
export const recordEvent = (
  name: RecordEventName,
  orderId: string,
  roundNo: number,
  version = 1,
): JobRequest<RoundJob> => ({
  queue: RECORD_EVENTS_QUEUE,
  name,
  id: version === 1 ? jobId(name, orderId, roundNo) : jobId(name, orderId, roundNo, `v${version}`),
  payload: { orderId, roundNo },
  ...(name === RecordEvents.payable ? { coalesceKey: jobId(name, 'lane', settlementLane(orderId)) } : {}),
});

/**
 * The acceptance record of confirmed delivery (biên bản bàn giao) takes round number 0: it is signed, disputable and
 * settled like a measurement round, and earns the order's fixed delivery share once.
 */
export const DELIVERY_ROUND = 0;

/** How people call rounds in Vietnamese and English ("bàn giao, kỳ 1, kỳ 2" / "delivery, round 1, round 2"). */
export function roundNames(roundNos: number[]): { vi: string; en: string } {
  return {
    vi: roundNos.map((no) => (no === DELIVERY_ROUND ? 'bàn giao' : `kỳ ${no}`)).join(', '),
    en: roundNos.map((no) => (no === DELIVERY_ROUND ? 'delivery' : `round ${no}`)).join(', '),
  };
}

/** Published for whoever ranks suppliers: an order's outcome money changed. */
export const OUTCOME_EVENTS_QUEUE = 'outcome-events';
export const OutcomeEvents = {
  settled: 'outcome-settled',
  clawedBack: 'outcome-clawed-back',
  disputeResolved: 'dispute-resolved',
} as const;
export interface OutcomeSettled {
  orderId: string;
  vendorOrganisationId: string;
}

/**
 * An outcome event, unique per fact. One vendor's events coalesce while they wait: ranking recomputes the vendor from
 * all its current outcomes, so a backlog settling thousands of its rounds costs a few recomputations, not thousands.
 */
export const outcomeEvent = (
  name: (typeof OutcomeEvents)[keyof typeof OutcomeEvents],
  payload: OutcomeSettled,
  ...fact: Array<string | number>
): JobRequest<OutcomeSettled> => ({
  queue: OUTCOME_EVENTS_QUEUE,
  name,
  id: jobId(name, ...fact),
  payload,
  coalesceKey: jobId('trust', payload.vendorOrganisationId),
});

/**
 * EVALUATED → officer signs → SIGNED (dispute window runs) → window passed with no open dispute → PAYABLE
 * (settlement queued) → SETTLED. A vendor's dispute freezes a SIGNED record, the operator's re-check a SETTLED one
 * (while the order is active); upholding returns the record where it was, a correction supersedes it with a new
 * version evaluated from the corrected data, which goes through signing and settlement again.
 */
export const RECORD_STATUSES = ['EVALUATED', 'SIGNED', 'DISPUTED', 'PAYABLE', 'SETTLED', 'SUPERSEDED'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export type RecordEvent = 'sign' | 'dispute' | 'reopen' | 'uphold' | 'restore' | 'correct' | 'release' | 'settle';
export const recordLifecycle = new StateMachine<RecordStatus, RecordEvent>('ACCEPTANCE', 'acceptance record', {
  EVALUATED: { sign: 'SIGNED' },
  SIGNED: { dispute: 'DISPUTED', release: 'PAYABLE' },
  DISPUTED: { uphold: 'SIGNED', restore: 'SETTLED', correct: 'SUPERSEDED' },
  PAYABLE: { settle: 'SETTLED' },
  SETTLED: { reopen: 'DISPUTED' },
  SUPERSEDED: {},
});

export const DISPUTE_STATUSES = ['OPEN', 'UPHELD', 'CORRECTED'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
/** VENDOR: the vendor disputes a signed record in its window; AUDIT: the operator re-checks a settled round. */
export const DISPUTE_KINDS = ['VENDOR', 'AUDIT'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];
export type DisputeOutcome = Exclude<DisputeStatus, 'OPEN'>;

/** A file the vendor relies on, named by its SHA-256 (the content itself is exchanged outside the platform). */
export interface EvidenceFile {
  name: string;
  sha256: string;
}

export interface KpiResult {
  key: string;
  nameVi: string;
  unit: string;
  aggregation: string;
  points: number;
  /** data points the KPI's frequency and the round window call for; null when the KPI has no regular frequency */
  expectedPoints: number | null;
  /** points below which the KPI is "not yet evaluable" */
  requiredPoints: number;
  /** points / expected points, 4 decimals rounded down; null without expected points */
  coverage: string | null;
  /** exact: a decimal, or "p/q" for an aggregate no decimal writes exactly (a mean of 1, 1 and 0 is "2/3") */
  measured: string;
  /** how `measured` reads: the decimal itself, or "≈ " and 6 decimals rounded */
  measuredDisplay: string;
  baseline: string | null;
  target: string;
  weightBp: number;
  attainment: string;
  payFraction: string;
  /** what this KPI earns in this round, whole đồng rounded down (the order is paid from the exact cumulative sum) */
  amount: string;
  reasonVi: string;
  reasonEn: string;
}

export const AcceptanceErrors = errorCodes('ACCEPTANCE', {
  ORDER_NOT_ACTIVE: {
    kind: 'CONFLICT',
    message: 'Đơn hàng chưa hiệu lực hoặc đã đóng. / The order is not active (not yet signed, or closed).',
  },
  NOT_ACCEPTANCE_OFFICER_OF_ORDER: {
    kind: 'FORBIDDEN',
    message:
      'Chỉ cán bộ nghiệm thu của cơ quan đặt hàng hoặc của tổ chức nghiệm thu độc lập được chỉ định cho đơn được tải số liệu, ký biên bản và xác nhận bàn giao; nhà cung cấp không được. / Only the acceptance officers of the ordering agency or of the order’s named validator may upload measurements, sign records and confirm delivery; never the vendor.',
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
      'Kỳ này đã được đánh giá; số liệu mới chỉ được gửi khi biên bản đang bị khiếu nại. / This round is already evaluated; new data is accepted only while its record is disputed.',
  },
  NO_DELIVERY_SHARE: {
    kind: 'CONFLICT',
    message: 'Đơn hàng không có phần thanh toán khi bàn giao. / The order has no fixed delivery share to confirm.',
  },
  DELIVERY_ALREADY_CONFIRMED: {
    kind: 'CONFLICT',
    message: 'Việc bàn giao đã được xác nhận. / Delivery is already confirmed.',
  },
  RECORD_CHANGED: {
    kind: 'CONFLICT',
    message:
      'Biên bản đã thay đổi so với bản bạn xem; hãy xem lại trước khi ký. / The record differs from the version you reviewed; review it again.',
  },
  RECORD_NOT_SIGNABLE: {
    kind: 'CONFLICT',
    message: 'Biên bản không ở trạng thái chờ ký. / The record is not awaiting a signature.',
  },
  NOT_VENDOR_OF_ORDER: {
    kind: 'FORBIDDEN',
    message: 'Chỉ nhà cung cấp của đơn hàng được khiếu nại. / Only the order’s vendor may dispute its records.',
  },
  DISPUTE_WINDOW_CLOSED: {
    kind: 'CONFLICT',
    message:
      'Biên bản chưa được ký hoặc đã hết thời hạn khiếu nại. / The record is not signed or its dispute window has passed.',
  },
  DISPUTE_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy khiếu nại. / Dispute not found.' },
  DISPUTE_NOT_OPEN: {
    kind: 'CONFLICT',
    message: 'Khiếu nại đã được giải quyết. / The dispute is already resolved.',
  },
  CORRECTION_DATA_MISSING: {
    kind: 'UNPROCESSABLE',
    message:
      'Chưa có số liệu hiệu chỉnh cho kỳ này; cán bộ nghiệm thu cần tải số liệu mới trước. / No corrected data for this round yet; the acceptance officer uploads it first.',
  },
  CORRECTION_NOT_EVALUABLE: {
    kind: 'UNPROCESSABLE',
    message:
      'Số liệu hiệu chỉnh chưa đủ để đánh giá kỳ này. / The corrected data is not yet sufficient to evaluate the round.',
  },
  RECORD_NOT_REOPENABLE: {
    kind: 'CONFLICT',
    message:
      'Chỉ kỳ đã thanh toán của đơn hàng đang thực hiện mới được hậu kiểm lại. / Only a settled round of an active order can be re-checked.',
  },
  UNSUPPORTED_FORMAT: {
    kind: 'INVALID',
    message: 'Định dạng không được hỗ trợ; hãy gửi CSV, XLSX hoặc JSON. / Unsupported format; send CSV, XLSX or JSON.',
  },
  FILE_TOO_LARGE: {
    kind: 'INVALID',
    message: 'Tệp số liệu vượt quá dung lượng cho phép. / The measurement file exceeds the size limit.',
  },
  FILE_EMPTY: { kind: 'INVALID', message: 'Tệp số liệu rỗng. / The measurement file is empty.' },
  NO_DATA_ROWS: {
    kind: 'INVALID',
    message: 'Tệp chỉ có dòng tiêu đề, không có số liệu. / The file has a header but no data rows.',
  },
  NOT_UTF8: {
    kind: 'INVALID',
    message:
      'Tệp không phải văn bản UTF-8 (ví dụ UTF-16); hãy lưu lại dạng CSV UTF-8. / The file is not UTF-8 text (e.g. UTF-16); save it as CSV UTF-8.',
  },
  LINE_TOO_LONG: {
    kind: 'INVALID',
    message: 'Một dòng của tệp dài bất thường. / A line of the file is abnormally long.',
  },
  MALFORMED_FILE: {
    kind: 'INVALID',
    message: 'Không đọc được tệp số liệu. / The measurement file cannot be read.',
  },
  HEADER_INVALID: {
    kind: 'INVALID',
    message:
      'Dòng tiêu đề thiếu cột bắt buộc (kpi, observedAt, value). / The header lacks a required column (kpi, observedAt, value).',
  },
  SHEET_NOT_FOUND: {
    kind: 'INVALID',
    message: 'Không có trang tính với tên này. / No worksheet has this name.',
  },
  INVALID_ROWS: {
    kind: 'UNPROCESSABLE',
    message:
      'Tệp có dòng không hợp lệ; không dòng nào được lưu. Xem danh sách lỗi. / The file has invalid rows; nothing was stored. See the problem list.',
  },
  DUPLICATE_FILE: {
    kind: 'CONFLICT',
    message:
      'Tệp này đã được tải lên cho đơn hàng (xem lô số liệu trước); số liệu không được tính hai lần. / This file was already uploaded for the order (see the earlier batch); data is never counted twice.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'CONFLICT',
    message:
      'Idempotency-Key này đã dùng cho một yêu cầu khác. / This Idempotency-Key was already used for a different request.',
  },
  RECORD_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Chưa có biên bản nghiệm thu cho kỳ này. / No acceptance record for this round yet.',
  },
});
