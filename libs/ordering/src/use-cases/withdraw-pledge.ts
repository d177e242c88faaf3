import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';
import { OrderingErrors } from '../contracts/ordering';
import { assertFunder, DraftTerms } from '../draft-terms';
import type { OrderCommand } from '../order-access';
import type { Order } from '../order.entity';

@Injectable()
export class WithdrawPledge {
  constructor(
    private readonly tx: Transactions,
    private readonly draftTerms: DraftTerms,
  ) {}

  /** The co-funder takes its pledge back while the order is a draft (the terms hash changes again). */
  async execute({ principal, orderId }: OrderCommand): Promise<Order> {
    assertFunder(principal);
    return this.tx.run((tx) =>
      this.draftTerms.changePledges(tx, principal, orderId, 'pledge-withdrawn', (pledges) => {
        const rest = pledges.filter((p) => p.funderOrganisationId !== principal.organisationId);
        if (rest.length === pledges.length) throw OrderingErrors.PLEDGE_NOT_FOUND();
        return rest;
      }),
    );
  }
}
