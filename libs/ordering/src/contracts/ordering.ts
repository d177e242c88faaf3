import { errorCodes, StateMachine, type KpiPaymentTerms } from '@app/kernel';

export const ORDER_STATUSES = ['DRAFT', 'ACTIVE', 'CLOSED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Only a draft can be cancelled: it holds no escrow, so no money moves. */
export const orderLifecycle = new StateMachine<OrderStatus, 'activate' | 'close' | 'cancel'>('ORDERING', 'order', {
  DRAFT: { activate: 'ACTIVE', cancel: 'CANCELLED' },
  ACTIVE: { close: 'CLOSED' },
  CLOSED: {},
  CANCELLED: {},
});

/** Why the system cancels a trial order its parties did not sign by the bake-off's sign-by date. */
export const NOT_SIGNED_IN_TIME = 'Không ký trong thời hạn. / Not signed in time.';

export type SigningParty = 'AGENCY' | 'VENDOR';

export interface OrderKpiTerms extends KpiPaymentTerms {
  nameVi: string;
  nameEn: string;
  unit: string;
  aggregation: 'mean' | 'sum' | 'last' | 'count';
  minimumSample: number;
  /** How often the KPI is measured ("daily", "monthly", "quarterly", "once", …); sets a round's expected points. */
  frequency?: string;
}

export interface RoundTerms {
  no: number;
  shareBp: number;
  startsAt: string;
  endsAt: string;
}

/** One co-funder's pledge (vốn mồi) to an order, moved from its pool into the escrow on the last signature. */
export interface CofunderPledge {
  funderOrganisationId: string;
  amount: string;
}

/**
 * Who funds the escrow when co-funders pledged: the agency budget reserves `cityShare` = max amount − Σ pledges.
 * Part of the signed terms, so a pledge made or withdrawn after a signature invalidates it (the party signs again).
 */
export interface CofundingTerms {
  cityShare: string;
  /** In funder-id order, at most one per funder. */
  pledges: CofunderPledge[];
}

/** Everything both parties sign; its canonical JSON (RFC 8785) hash is what a signature covers. */
export interface OrderTerms {
  orderId: string;
  problemId: string;
  callId: string;
  offerId: string;
  solutionId: string;
  agencyOrganisationId: string;
  vendorOrganisationId: string;
  maxAmount: string;
  deliveryShareBp: number;
  floorBp: number;
  /** Seconds the vendor has to dispute a signed acceptance record (default 5 days). */
  disputeWindowSeconds: number;
  kpis: OrderKpiTerms[];
  rounds: RoundTerms[];
  startsAt: string;
  endsAt: string;
  /** Absent when nobody co-funds the order: the agency budget reserves the whole max amount. */
  cofunding?: CofundingTerms;
  /**
   * The independent validator organisation (VALIDATOR) the buyer named: its acceptance officers upload and sign for
   * the order, besides the agency's. Absent when the agency's officers alone measure.
   */
  validatorOrganisationId?: string;
}

export const ledgerCodes = {
  appropriation: () => 'appropriation:city',
  budget: (agencyId: string) => `budget:${agencyId}`,
  escrow: (orderId: string) => `escrow:${orderId}`,
  payable: (vendorId: string) => `payable:${vendorId}`,
  receivable: (vendorId: string) => `receivable:${vendorId}`,
  disbursed: (vendorId: string) => `disbursed:${vendorId}`,
  funderPool: (funderId: string) => `funder:${funderId}`,
  funderSource: (funderId: string) => `funder-source:${funderId}`,
};

export const OrderingErrors = errorCodes('ORDERING', {
  INVALID_CURSOR: { kind: 'INVALID', message: 'Con trỏ trang không hợp lệ. / Invalid page cursor.' },
  ORDER_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy đơn đặt hàng. / Order not found.' },
  ORDER_NOT_CANCELLABLE: {
    kind: 'CONFLICT',
    message: 'Chỉ có thể hủy đơn hàng chưa ký (dự thảo). / Only a draft (unsigned) order can be cancelled.',
  },
  NOT_ALLOWED_TO_CANCEL: {
    kind: 'FORBIDDEN',
    message:
      'Chỉ cơ quan đặt hàng của đơn hoặc quản trị Chợ mới được hủy đơn. / Only the ordering agency or an operator may cancel the order.',
  },
  ORDER_NOT_SIGNABLE: {
    kind: 'CONFLICT',
    message: 'Đơn hàng không còn ở trạng thái chờ ký. / The order is no longer awaiting signatures.',
  },
  TERMS_CHANGED: {
    kind: 'CONFLICT',
    message:
      'Điều khoản đã thay đổi so với bản bạn ký; hãy xem lại. / The terms differ from the version you signed; review them again.',
  },
  ALREADY_SIGNED: {
    kind: 'CONFLICT',
    message: 'Bên của bạn đã ký đơn hàng này. / Your party has already signed this order.',
  },
  NOT_A_PARTY: {
    kind: 'FORBIDDEN',
    message: 'Tổ chức của bạn không phải một bên của đơn hàng. / Your organisation is not a party to this order.',
  },
  INVALID_TERMS: {
    kind: 'UNPROCESSABLE',
    message: 'Điều khoản thanh toán không hợp lệ. / The payment terms are invalid.',
  },
  INSUFFICIENT_FUNDER_POOL: {
    kind: 'UNPROCESSABLE',
    message:
      'Quỹ của nhà đồng tài trợ không đủ cho khoản đã cam kết. / A co-funder’s pool cannot cover its pledge to the order.',
  },
  NOT_A_FUNDER: {
    kind: 'FORBIDDEN',
    message: 'Chỉ nhà đồng tài trợ mới được cam kết vốn. / Only a co-funder may pledge to an order.',
  },
  NOT_PLEDGEABLE: {
    kind: 'CONFLICT',
    message:
      'Chỉ có thể cam kết hoặc rút vốn đồng tài trợ khi đơn hàng còn là dự thảo. / Pledges can only change while the order is a draft.',
  },
  ALREADY_PLEDGED: {
    kind: 'CONFLICT',
    message:
      'Tổ chức của bạn đã cam kết cho đơn hàng này; hãy rút cam kết trước khi cam kết lại. / Your organisation already pledged to this order; withdraw it first.',
  },
  PLEDGE_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Tổ chức của bạn chưa cam kết cho đơn hàng này. / Your organisation has no pledge on this order.',
  },
  PLEDGES_EXCEED_MAX_AMOUNT: {
    kind: 'UNPROCESSABLE',
    message:
      'Tổng vốn đồng tài trợ vượt giá trị tối đa của đơn hàng. / The pledges would exceed the order’s maximum amount.',
  },
  INSUFFICIENT_PAYABLE: {
    kind: 'UNPROCESSABLE',
    message:
      'Số tiền chi trả vượt quá số nhà cung cấp đang được hưởng. / The disbursement exceeds what is payable to the vendor.',
  },
  NOT_ALLOWED_TO_NAME_VALIDATOR: {
    kind: 'FORBIDDEN',
    message:
      'Chỉ cơ quan đặt hàng của đơn được chỉ định tổ chức nghiệm thu độc lập. / Only the ordering agency may name the order’s independent validator.',
  },
  VALIDATOR_NOT_CHANGEABLE: {
    kind: 'CONFLICT',
    message:
      'Chỉ được chỉ định tổ chức nghiệm thu độc lập khi trao thầu hoặc khi đơn hàng còn là dự thảo (trước khi ký và trước kỳ đo đầu tiên). / The independent validator is named at award or while the order is a draft (before signing and before round 1).',
  },
  INSUFFICIENT_BUDGET: {
    kind: 'UNPROCESSABLE',
    message: 'Ngân sách của cơ quan không đủ để ký quỹ đơn hàng. / The agency budget cannot cover the order’s escrow.',
  },
});
