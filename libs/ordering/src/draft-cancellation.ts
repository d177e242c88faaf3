import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type AuditActor, AuditFacade } from '@app/audit';
import { BakeOffFacade } from '@app/competition';
import { Clock } from '@app/kernel';
import { updateIfStatus } from '@app/platform';
import { orderLifecycle, OrderingErrors } from './contracts/ordering';
import { Order } from './order.entity';

@Injectable()
export class DraftCancellation {
  constructor(
    private readonly audit: AuditFacade,
    private readonly bakeOffs: BakeOffFacade,
    private readonly clock: Clock,
  ) {}

  /** Cancels a locked draft order; a bake-off trial order's finalist withdraws in the same transaction. */
  async cancel(tx: EntityManager, actor: AuditActor, order: Order, reason: string): Promise<Order> {
    if (orderLifecycle.next(order.status, 'cancel') === undefined)
      throw OrderingErrors.ORDER_NOT_CANCELLABLE(undefined, { id: order.id, status: order.status });
    const status = orderLifecycle.apply(order.status, 'cancel');
    const cancelledAt = this.clock.now();
    await updateIfStatus(tx, Order, order.id, order.status, { status, cancelledAt, cancellationReason: reason });
    const withdrawn = order.trial ? await this.bakeOffs.withdrawFinalist(tx, actor, order.id, reason) : [];
    await this.audit.record(tx, ...withdrawn, {
      actor,
      entityType: 'order',
      entityId: order.id,
      action: 'cancelled',
      before: { status: order.status },
      after: { status, reason },
    });
    return { ...order, status, cancelledAt, cancellationReason: reason };
  }
}
