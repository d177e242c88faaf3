/** Account kinds (engine-design §6.1). */
export const ACCOUNT_KINDS = [
  'APPROPRIATION',
  'AGENCY_BUDGET',
  'FUNDER_POOL',
  'ORDER_ESCROW',
  'VENDOR_PAYABLE',
  /** paid out of the platform to the vendor's bank; the balance is the total disbursed */
  'VENDOR_DISBURSED',
  'CLAWBACK_RECEIVABLE',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * Kinds whose balance may go below zero: an appropriation, the outside source of public money, and a clawback
 * receivable, whose negative balance is what a vendor owes back.
 */
export const MAY_GO_NEGATIVE: readonly AccountKind[] = ['APPROPRIATION', 'CLAWBACK_RECEIVABLE'];

/**
 * Kinds whose account serves one business object, posted to under that object's own lock (an order's escrow, under the
 * order's row lock). Every other account (budgets, pools, payables) is shared by many concurrent transactions.
 */
export const UNSHARED_KINDS: readonly AccountKind[] = ['ORDER_ESCROW'];

export interface Leg {
  accountId: string;
  /** Signed đồng: positive credits the account (raises its balance), negative debits it. */
  amount: bigint;
}

export interface TransferRequest {
  /** Deterministic idempotency id: the same business fact always maps to the same id. */
  id: string;
  kind: string;
  legs: Leg[];
  memo?: string;
  metadata?: Record<string, unknown>;
}

export type TransferOutcome = 'posted' | 'already-posted';
