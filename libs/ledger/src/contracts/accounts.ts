/** Account kinds (engine-design §6.1). Only an appropriation, the outside source of public money, may go negative. */
export const ACCOUNT_KINDS = [
  'APPROPRIATION',
  'AGENCY_BUDGET',
  'FUNDER_POOL',
  'ORDER_ESCROW',
  'VENDOR_PAYABLE',
  'CLAWBACK_RECEIVABLE',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

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
