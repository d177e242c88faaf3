import { type AccountSpec, LedgerErrors } from '@app/ledger';
import { ledgerCodes } from './contracts/ordering';
import type { Order } from './order.entity';

/** The ledger accounts an order's money moves through, opened on first use. */
export const escrowOf = (order: Pick<Order, 'id'>): AccountSpec => ({
  code: ledgerCodes.escrow(order.id),
  kind: 'ORDER_ESCROW',
  ownerId: order.id,
});

export const budgetOf = (agencyId: string): AccountSpec => ({
  code: ledgerCodes.budget(agencyId),
  kind: 'AGENCY_BUDGET',
  ownerId: agencyId,
});

export const poolOf = (funderId: string): AccountSpec => ({
  code: ledgerCodes.funderPool(funderId),
  kind: 'FUNDER_POOL',
  ownerId: funderId,
});

const VENDOR_ACCOUNT_CODES = {
  VENDOR_PAYABLE: ledgerCodes.payable,
  VENDOR_DISBURSED: ledgerCodes.disbursed,
  CLAWBACK_RECEIVABLE: ledgerCodes.receivable,
} as const;

export const vendorAccount = (vendorId: string, kind: keyof typeof VENDOR_ACCOUNT_CODES): AccountSpec => ({
  code: VENDOR_ACCOUNT_CODES[kind](vendorId),
  kind,
  ownerId: vendorId,
});

/** The id of an opened account, by its code. */
export function accountOf(accounts: Map<string, string>, code: string): string {
  const id = accounts.get(code);
  if (!id) throw LedgerErrors.ACCOUNT_NOT_FOUND(undefined, { code });
  return id;
}
