import { errorCodes, StateMachine, type KpiPaymentTerms } from '@app/kernel';

export const ORDER_STATUSES = ['DRAFT', 'ACTIVE', 'CLOSED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const orderLifecycle = new StateMachine<OrderStatus, 'activate' | 'close'>('ORDERING', 'order', {
  DRAFT: { activate: 'ACTIVE' },
  ACTIVE: { close: 'CLOSED' },
  CLOSED: {},
});

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
}

export const ledgerCodes = {
  appropriation: () => 'appropriation:city',
  budget: (agencyId: string) => `budget:${agencyId}`,
  escrow: (orderId: string) => `escrow:${orderId}`,
  payable: (vendorId: string) => `payable:${vendorId}`,
};

export const OrderingErrors = errorCodes('ORDERING', {
  ORDER_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy đơn đặt hàng. / Order not found.' },
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
  INSUFFICIENT_BUDGET: {
    kind: 'UNPROCESSABLE',
    message: 'Ngân sách của cơ quan không đủ để ký quỹ đơn hàng. / The agency budget cannot cover the order’s escrow.',
  },
});
