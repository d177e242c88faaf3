import { Injectable } from '@nestjs/common';
import { AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { AcceptanceFacade, outcomeEvent, OutcomeEvents } from '@app/acceptance';
import { OrderingFacade } from '@app/ordering';
import { Outbox, Transactions } from '@app/platform';
import { nothingInFlight } from '../order-completion';
import { OrderClosing } from '../order-closing';

/**
 * An active order past its end date (database clock) with no record still awaiting signature, dispute or payment
 * closes: rounds without sufficient data earn nothing and escrow returns to the budget and the co-funders.
 */
@Injectable()
export class ExpireOrder {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly acceptance: AcceptanceFacade,
    private readonly ordering: OrderingFacade,
    private readonly closing: OrderClosing,
    private readonly outbox: Outbox,
  ) {}

  /** Returns whether the order expired (false when another transaction got there first, or it is not due). */
  async execute({ orderId }: { orderId: string }): Promise<boolean> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      const [{ ended }] = await tx.query<Array<{ ended: boolean }>>(`SELECT $1::timestamptz <= now() AS ended`, [
        order.terms.endsAt,
      ]);
      if (
        order.status !== 'ACTIVE' ||
        !ended ||
        !nothingInFlight(await this.acceptance.settlementRecords(tx, [orderId]))
      )
        return false;
      const event = { orderId, vendorOrganisationId: order.vendorOrganisationId };
      await this.outbox.enqueue(tx, outcomeEvent(OutcomeEvents.settled, event, orderId, 'expired'));
      await this.audit.record(tx, ...(await this.closing.close(tx, SYSTEM_ACTOR, [order])));
      return true;
    });
  }
}
