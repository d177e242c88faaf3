import { Injectable } from '@nestjs/common';
import { IdentityFacade } from '@app/identity';
import { Transactions } from '@app/platform';
import { ledgerCodes } from '../contracts/ordering';
import { budgetOf } from '../money-accounts';
import { type ReferencedAmountCommand, ReferencedMoves } from '../referenced-moves';

@Injectable()
export class AllocateBudget {
  constructor(
    private readonly tx: Transactions,
    private readonly identity: IdentityFacade,
    private readonly moves: ReferencedMoves,
  ) {}

  /** Operator moves appropriated money into an agency budget; one reference is applied once. Returns the budget. */
  async execute({
    principal,
    agencyId,
    amount,
    reference,
  }: ReferencedAmountCommand & { agencyId: string }): Promise<bigint> {
    await this.identity.requireOrganisationType(agencyId, 'AGENCY');
    const { to } = await this.tx.run((tx) =>
      this.moves.apply(tx, principal, {
        from: { code: ledgerCodes.appropriation(), kind: 'APPROPRIATION', ownerId: null },
        to: budgetOf(agencyId),
        kind: 'allocate',
        amount,
        reference,
        audit: { entityType: 'budget', entityId: agencyId, action: 'allocated' },
      }),
    );
    return to;
  }
}
