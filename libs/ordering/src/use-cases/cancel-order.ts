import { Injectable } from '@nestjs/common';
import { actorOf } from '@app/identity';
import { Transactions } from '@app/platform';
import { OrderingErrors } from '../contracts/ordering';
import { DraftCancellation } from '../draft-cancellation';
import { assertVisible, type OrderCommand } from '../order-access';
import type { Order } from '../order.entity';
import { lockOrder } from '../order-locks';

@Injectable()
export class CancelOrder {
  constructor(
    private readonly tx: Transactions,
    private readonly drafts: DraftCancellation,
  ) {}

  /**
   * The ordering agency's buyer or an operator cancels a draft (unsigned) order with a reason. A draft holds no
   * escrow, so no money moves; the order can no longer be signed.
   */
  execute({ principal, orderId, reason }: OrderCommand & { reason: string }): Promise<Order> {
    return this.tx.run(async (tx) => {
      const order = await lockOrder(tx, orderId);
      assertVisible(principal, order);
      const buyer = principal.roles.includes('BUYER') && principal.organisationId === order.agencyOrganisationId;
      if (!buyer && principal.organisationType !== 'OPERATOR') throw OrderingErrors.NOT_ALLOWED_TO_CANCEL();
      return this.drafts.cancel(tx, actorOf(principal), order, reason);
    });
  }
}
