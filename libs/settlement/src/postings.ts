import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LedgerErrors, LedgerFacade, type TransferRequest } from '@app/ledger';
import { accountOf, escrowOf, fundingOf, ledgerCodes, type Order, vendorAccount } from '@app/ordering';

/** A movement between an order's escrow and its vendor: a payment, or a clawback of what a correction over-paid. */
export interface VendorPayment {
  order: Order;
  transferId: string;
  amount: bigint;
  memo: string;
}

/** The escrow → payable and clawback postings of settlement. */
@Injectable()
export class Postings {
  constructor(private readonly ledger: LedgerFacade) {}

  /**
   * Locks the vendor payable, agency budget and co-funder pool accounts of these orders in account-id order, before
   * any posting: transactions settling many orders then take hot accounts in one global order and cannot deadlock.
   */
  async lockMoneyAccounts(tx: EntityManager, orders: Order[]): Promise<void> {
    const codes = orders.flatMap((o) => [
      ledgerCodes.payable(o.vendorOrganisationId),
      ledgerCodes.budget(o.agencyOrganisationId),
      ...fundingOf(o.terms).cofunders.map((c) => ledgerCodes.funderPool(c.funderOrganisationId)),
    ]);
    await this.ledger.lockAccounts(tx, [...new Set(codes)]);
  }

  /**
   * The transfers paying vendors from escrow, their accounts opened; a transfer id makes a repeated payment of the same
   * fact a no-op. The caller posts them once it holds the money accounts' locks.
   */
  async vendorPayments(tx: EntityManager, payments: VendorPayment[]): Promise<TransferRequest[]> {
    const accounts = await this.ledger.openAccounts(
      tx,
      payments.flatMap(({ order }) => [escrowOf(order), vendorAccount(order.vendorOrganisationId, 'VENDOR_PAYABLE')]),
    );
    return payments.map((payment) => {
      const { order, amount } = payment;
      if (amount <= 0n) throw LedgerErrors.INVALID_AMOUNT(undefined, { amount: amount.toString() });
      return transferOf(payment, 'settle', [
        { accountId: accountOf(accounts, ledgerCodes.escrow(order.id)), amount: -amount },
        { accountId: accountOf(accounts, ledgerCodes.payable(order.vendorOrganisationId)), amount },
      ]);
    });
  }

  /**
   * Takes back what corrected records over-paid, into the order's escrow: from the vendor's payable balance, and
   * what has already left it becomes a receivable the vendor owes (the receivable account goes negative). The
   * caller holds the payable accounts' locks (lockMoneyAccounts), so the balances read here stay true.
   */
  async clawBack(tx: EntityManager, claims: VendorPayment[]): Promise<void> {
    if (claims.length === 0) return;
    const accounts = await this.ledger.openAccounts(
      tx,
      claims.flatMap(({ order }) => [
        escrowOf(order),
        vendorAccount(order.vendorOrganisationId, 'VENDOR_PAYABLE'),
        vendorAccount(order.vendorOrganisationId, 'CLAWBACK_RECEIVABLE'),
      ]),
    );
    const available = await this.ledger.balances(
      claims.map(({ order }) => ledgerCodes.payable(order.vendorOrganisationId)),
      tx,
    );
    await this.ledger.postMany(
      tx,
      claims.map((claim) => {
        const { order, amount } = claim;
        const payableCode = ledgerCodes.payable(order.vendorOrganisationId);
        const fromPayable = (available.get(payableCode) ?? 0n) < amount ? (available.get(payableCode) ?? 0n) : amount;
        available.set(payableCode, (available.get(payableCode) ?? 0n) - fromPayable);
        return transferOf(claim, 'clawback', [
          { accountId: accountOf(accounts, ledgerCodes.escrow(order.id)), amount },
          { accountId: accountOf(accounts, payableCode), amount: -fromPayable },
          {
            accountId: accountOf(accounts, ledgerCodes.receivable(order.vendorOrganisationId)),
            amount: fromPayable - amount,
          },
        ]);
      }),
    );
  }
}

const transferOf = (
  { order, transferId, memo }: VendorPayment,
  kind: string,
  legs: TransferRequest['legs'],
): TransferRequest => ({ id: transferId, kind, memo, metadata: { orderId: order.id }, legs });
