import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';
import { OrderingErrors } from '../contracts/ordering';
import { assertFunder, DraftTerms } from '../draft-terms';
import type { OrderCommand } from '../order-access';
import type { Order } from '../order.entity';

@Injectable()
export class Pledge {
  constructor(
    private readonly tx: Transactions,
    private readonly draftTerms: DraftTerms,
  ) {}

  /**
   * A co-funder pledges part of a draft order's max amount. Pledges are part of the signed terms: a pledge made after
   * a party signed changes the terms hash, so that signature no longer counts and the party signs the new terms.
   */
  async execute({ principal, orderId, amount }: OrderCommand & { amount: bigint }): Promise<Order> {
    assertFunder(principal);
    return this.tx.run((tx) =>
      this.draftTerms.changePledges(tx, principal, orderId, 'pledged', (pledges, order) => {
        if (pledges.some((p) => p.funderOrganisationId === principal.organisationId))
          throw OrderingErrors.ALREADY_PLEDGED();
        const pledged = pledges.reduce((sum, p) => sum + BigInt(p.amount), 0n);
        if (pledged + amount > BigInt(order.maxAmount)) {
          throw OrderingErrors.PLEDGES_EXCEED_MAX_AMOUNT(undefined, {
            maxAmount: order.maxAmount,
            pledged: pledged.toString(),
            requested: amount.toString(),
          });
        }
        return [...pledges, { funderOrganisationId: principal.organisationId, amount: amount.toString() }];
      }),
    );
  }
}
