import { Injectable } from '@nestjs/common';
import { IdentityFacade } from '@app/identity';
import { Transactions } from '@app/platform';
import { ledgerCodes } from '../contracts/ordering';
import { poolOf } from '../money-accounts';
import { type ReferencedAmountCommand, ReferencedMoves } from '../referenced-moves';

@Injectable()
export class DepositToFunderPool {
  constructor(
    private readonly tx: Transactions,
    private readonly identity: IdentityFacade,
    private readonly moves: ReferencedMoves,
  ) {}

  /**
   * Operator records a co-funder's deposit into its pool; one reference is applied once. The money comes from
   * outside the city's books (the funder's bank transfer), so its double entry is `funder-source:<funder> →
   * funder:<funder>`: the source is an outside-world account (APPROPRIATION kind, the only kind that may go
   * negative) of that funder alone, whose negative balance states everything it brought in — private money never
   * mixes with the public appropriation. The pool cannot go negative. Returns the pool's balance.
   */
  async execute({
    principal,
    funderId,
    amount,
    reference,
  }: ReferencedAmountCommand & { funderId: string }): Promise<bigint> {
    await this.identity.requireOrganisationType(funderId, 'FUNDER');
    const { to } = await this.tx.run((tx) =>
      this.moves.apply(tx, principal, {
        from: { code: ledgerCodes.funderSource(funderId), kind: 'APPROPRIATION', ownerId: funderId },
        to: poolOf(funderId),
        kind: 'deposit',
        amount,
        reference,
        audit: { entityType: 'funder-pool', entityId: funderId, action: 'deposited' },
      }),
    );
    return to;
  }
}
