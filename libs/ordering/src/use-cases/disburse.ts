import { Injectable } from '@nestjs/common';
import { IdentityFacade } from '@app/identity';
import { DomainError } from '@app/kernel';
import { Transactions } from '@app/platform';
import { OrderingErrors } from '../contracts/ordering';
import { vendorAccount } from '../money-accounts';
import { OrderReads, type VendorBalances } from '../order-reads';
import { type ReferencedAmountCommand, ReferencedMoves } from '../referenced-moves';

@Injectable()
export class Disburse {
  constructor(
    private readonly tx: Transactions,
    private readonly identity: IdentityFacade,
    private readonly moves: ReferencedMoves,
    private readonly reads: OrderReads,
  ) {}

  /**
   * Records the treasury's payment of a vendor's payable to its bank account: money leaves the platform, so a later
   * clawback beyond what is still payable becomes a receivable the vendor owes.
   */
  async execute({
    principal,
    vendorId,
    amount,
    reference,
  }: ReferencedAmountCommand & { vendorId: string }): Promise<VendorBalances> {
    await this.identity.requireOrganisationType(vendorId, 'VENDOR');
    try {
      await this.tx.run((tx) =>
        this.moves.apply(tx, principal, {
          from: vendorAccount(vendorId, 'VENDOR_PAYABLE'),
          to: vendorAccount(vendorId, 'VENDOR_DISBURSED'),
          kind: 'disburse',
          amount,
          reference,
          audit: { entityType: 'vendor-payable', entityId: vendorId, action: 'disbursed' },
        }),
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'LEDGER.INSUFFICIENT_FUNDS')
        throw OrderingErrors.INSUFFICIENT_PAYABLE(undefined, {
          requested: amount.toString(),
          payable: (await this.reads.payable(vendorId)).toString(),
        });
      throw error;
    }
    return this.reads.vendorBalances(principal, vendorId);
  }
}
