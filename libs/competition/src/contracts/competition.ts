import type { EntityManager } from 'typeorm';
import { errorCodes, StateMachine } from '@app/kernel';

export const CALL_STATUSES = ['OPEN', 'EVALUATED', 'POC_TRIAL', 'POC_PROPOSED', 'AWARDED', 'CANCELLED'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export type CallEvent = 'evaluate' | 'startPoc' | 'proposePoc' | 'abandonPoc' | 'award' | 'cancel';
/**
 * Offers are scored once, at the deadline; only a scored call can be awarded. A POC call first runs its bake-off:
 * the finalists' trial orders (POC_TRIAL), then the finalist with the best measured cost-effectiveness is proposed
 * (POC_PROPOSED) and the buyer awards. When every finalist withdrew (its trial order cancelled unsigned) nobody is
 * left to award: the call ends CANCELLED and the agency opens a new call on the still published problem.
 */
export const callLifecycle = new StateMachine<CallStatus, CallEvent>('COMPETITION', 'call', {
  OPEN: { evaluate: 'EVALUATED', cancel: 'CANCELLED' },
  EVALUATED: { award: 'AWARDED', startPoc: 'POC_TRIAL', cancel: 'CANCELLED' },
  POC_TRIAL: { proposePoc: 'POC_PROPOSED', abandonPoc: 'CANCELLED' },
  POC_PROPOSED: { award: 'AWARDED' },
  AWARDED: {},
  CANCELLED: {},
});

export const AWARD_MODES = ['DIRECT', 'POC'] as const;
export type AwardMode = (typeof AWARD_MODES)[number];

/** Tier-2 weights in basis points (PRODUCT.md default 0.4 price, 0.4 effect, 0.2 trust). */
export interface ScoreWeights {
  priceBp: number;
  effectBp: number;
  trustBp: number;
}
export const DEFAULT_WEIGHTS: ScoreWeights = { priceBp: 4000, effectBp: 4000, trustBp: 2000 };

/**
 * Published when a call opens, so the vendors of its frozen eligible pool hear about it, and when a bake-off starts
 * and concludes, so each finalist hears about its trial order and then its outcome.
 */
export const COMPETITION_EVENTS_QUEUE = 'competition-events';
export const CompetitionEvents = {
  callOpened: 'call-opened',
  bakeOffStarted: 'bake-off-started',
  bakeOffConcluded: 'bake-off-concluded',
} as const;
export interface CallOpened {
  callId: string;
  problemId: string;
  problemTitleVi: string;
  problemTitleEn: string;
  deadline: string;
  vendorOrganisationIds: string[];
}

export interface BakeOffStarted {
  callId: string;
  problemTitleVi: string;
  problemTitleEn: string;
  /** Each trial order's max amount, đồng. */
  trialBudget: string;
  signBy: string;
  finalists: Array<{ vendorOrganisationId: string; offerId: string; trialOrderId: string }>;
}

export type FinalistOutcome = 'PROPOSED' | 'ELIMINATED' | 'WITHDRAWN';
export interface BakeOffConcluded {
  callId: string;
  problemTitleVi: string;
  problemTitleEn: string;
  /** POC_PROPOSED, or CANCELLED when every finalist withdrew. */
  callStatus: CallStatus;
  finalists: Array<{
    vendorOrganisationId: string;
    offerId: string;
    trialOrderId: string;
    outcome: FinalistOutcome;
    /** Measured figures of a compared finalist: paid and max amount in đồng, paid ÷ max as a percentage. */
    paid: string | null;
    maxAmount: string;
    costEffectivenessPercent: string | null;
    /** The elimination or withdrawal reason ("Tiếng Việt. / English."). */
    reason: string | null;
  }>;
}

export const COMPETITION_QUEUE = 'competition';
export const CompetitionJobs = { evaluateCall: 'evaluate-call' } as const;
export interface CallJob {
  callId: string;
}

/**
 * Port for the trust lower bound L of a vendor in a category (PRODUCT.md): implemented by the ranking module and
 * bound by the application, since ranking sits above competition.
 */
export const TRUST_SOURCE = Symbol('TRUST_SOURCE');
export interface TrustSource {
  /** L for the vendor, or the category prior when the vendor has no post-checked orders there; read through `tx`. */
  lowerBound(
    tx: EntityManager,
    vendorOrganisationId: string,
    categoryCode: string,
  ): Promise<{ value: number; source: 'history' | 'prior' }>;
}

export const OFFER_STATUSES = [
  'SUBMITTED',
  'WITHDRAWN',
  'REPLACED',
  'FINALIST',
  'ELIMINATED',
  'AWARDED',
  'NOT_AWARDED',
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export type OfferEvent = 'withdraw' | 'replace' | 'shortlist' | 'eliminate' | 'award' | 'decline';
/**
 * A bake-off shortlists the top offers as FINALISTs; when the trials are post-checked all but the proposed finalist
 * are ELIMINATED with the measured data. The buyer may still award an eliminated finalist with a public
 * justification.
 */
export const offerLifecycle = new StateMachine<OfferStatus, OfferEvent>('COMPETITION', 'offer', {
  SUBMITTED: {
    withdraw: 'WITHDRAWN',
    replace: 'REPLACED',
    shortlist: 'FINALIST',
    award: 'AWARDED',
    decline: 'NOT_AWARDED',
  },
  FINALIST: { eliminate: 'ELIMINATED', award: 'AWARDED', decline: 'NOT_AWARDED' },
  ELIMINATED: { award: 'AWARDED' },
  REPLACED: {},
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
  INVALID_CURSOR: { kind: 'INVALID', message: 'Con trỏ trang không hợp lệ. / Invalid page cursor.' },
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
  SOLUTION_NOT_LISTED: {
    kind: 'CONFLICT',
    message:
      'Giải pháp hiện không ở trạng thái niêm yết (bị đình chỉ, huỷ niêm yết, hết hạn hoặc chờ suất); chỉ giải pháp đang niêm yết được chào giá và trao thầu. / The solution is not LISTED now (suspended, delisted, expired or waiting); only listed solutions may bid and be awarded.',
  },
  DELIVERY_SHARE_TOO_HIGH: {
    kind: 'UNPROCESSABLE',
    message:
      'Tỷ lệ thanh toán cố định khi bàn giao vượt mức bài toán cho phép (phần còn lại phải thanh toán theo kết quả). / The fixed delivery share exceeds what the problem allows (the rest must be payable by results).',
  },
  PRICE_NOT_POSITIVE: {
    kind: 'UNPROCESSABLE',
    message: 'Giá chào phải lớn hơn 0 đồng. / The offered price must be more than 0 đồng.',
  },
  OFFER_ALREADY_LIVE: {
    kind: 'CONFLICT',
    message:
      'Giải pháp này đã có hồ sơ chào hiệu lực trong lời mời; hãy rút hoặc thay thế hồ sơ đó. / ' +
      'This solution already has a live offer in the call; withdraw or replace that offer.',
  },
  PRICE_ABOVE_ENVELOPE: {
    kind: 'UNPROCESSABLE',
    message: 'Giá chào vượt hạn mức ngân sách của bài toán. / Price exceeds the problem’s budget envelope.',
  },
  KPI_COMMITMENT_INVALID: { kind: 'UNPROCESSABLE', message: 'Cam kết KPI không hợp lệ. / Invalid KPI commitment.' },
  ROUND_SHARES_INVALID: {
    kind: 'UNPROCESSABLE',
    message:
      'Tỷ lệ giá của các đợt đo phải có đúng một giá trị cho mỗi đợt, mỗi giá trị ít nhất 1 và cộng lại đúng 10.000 điểm cơ bản. / Round shares need exactly one value per round, each at least 1, summing to exactly 10,000 basis points.',
  },
  WEIGHTS_INVALID: {
    kind: 'INVALID',
    message:
      'Trọng số giá, hiệu quả và tín nhiệm phải cộng lại bằng 1. / Price, effect and trust weights must sum to 1.',
  },
  POC_SETTINGS_INVALID: {
    kind: 'INVALID',
    message:
      'Chế độ POC cần 2–3 đơn vị vào vòng cuối và kinh phí thử nghiệm. / POC mode needs 2–3 finalists and a trial budget.',
  },
  NOT_OFFER_OWNER: {
    kind: 'FORBIDDEN',
    message: 'Hồ sơ chào của nhà cung cấp khác. / The offer belongs to another vendor.',
  },
  JUSTIFICATION_REQUIRED: {
    kind: 'UNPROCESSABLE',
    message:
      'Trao cho hồ sơ không xếp hạng nhất cần nêu lý do (công khai). / Awarding an offer that is not ranked first needs a (public) justification.',
  },
  NO_OFFERS: { kind: 'CONFLICT', message: 'Lời mời không có hồ sơ chào hợp lệ. / The call has no valid offer.' },
  CLARIFICATION_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy câu hỏi làm rõ. / Clarification not found.' },
  CALL_AFTER_PROBLEM_DEADLINE: {
    kind: 'UNPROCESSABLE',
    message:
      'Hạn nộp của lời mời không được sau hạn của bài toán. / The call deadline must not be later than the problem’s deadline.',
  },
  NOT_A_POC_CALL: {
    kind: 'CONFLICT',
    message: 'Lời mời này trao thầu trực tiếp, không có vòng POC. / This call awards directly; it has no POC bake-off.',
  },
  POC_NOT_DECIDED: {
    kind: 'CONFLICT',
    message:
      'Lời mời POC chỉ trao thầu sau khi các đơn hàng thử nghiệm được nghiệm thu. / A POC call is awarded only after its trial orders are post-checked.',
  },
  NOT_A_FINALIST: {
    kind: 'UNPROCESSABLE',
    message: 'Hồ sơ chào không vào vòng POC cuối. / The offer is not a finalist of the bake-off.',
  },
  BAKE_OFF_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message:
      'Lời mời chưa có vòng POC, hoặc kết quả chưa được công bố. / The call has no bake-off, or its results are not public yet.',
  },
  OFFER_NOT_IN_CALL: {
    kind: 'INVALID',
    message: 'Hồ sơ chào không thuộc lời mời này. / The offer is not part of this call.',
  },
});

/** What a trial order measured in one round (from its acceptance record). */
export interface TrialRoundMeasurement {
  roundNo: number;
  kpis: Array<{ key: string; measured: string; attainment: string }>;
}

/** A post-checked (closed) trial order, as the acceptance module reports it to conclude a bake-off. */
export interface TrialOutcome {
  orderId: string;
  paid: bigint;
  maxAmount: bigint;
  measured: TrialRoundMeasurement[];
}
