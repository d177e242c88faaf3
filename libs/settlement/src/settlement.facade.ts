import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { type RoundJob } from '@app/acceptance';
import { type Principal } from '@app/identity';
import { assertResultsVisible, OrderingFacade } from '@app/ordering';
import { Transactions } from '@app/platform';
import { FINISHED_RECORD_STATUSES } from './order-completion';
import { Settlement } from './settlement.entity';
import { CloseIfComplete } from './use-cases/close-if-complete';
import { ExpireOrder } from './use-cases/expire-order';
import { SettleRounds } from './use-cases/settle-rounds';

/** What signed records pay and how the money moves: payments, clawbacks, completion and expiry of orders. */
@Injectable()
export class SettlementFacade {
  constructor(
    private readonly tx: Transactions,
    private readonly ordering: OrderingFacade,
    private readonly settleRounds: SettleRounds,
    private readonly closeIfComplete: CloseIfComplete,
    private readonly expireOrder: ExpireOrder,
    @InjectEntityManager() private readonly db: EntityManager,
  ) {}

  /** Worker: pays the payable round, and any backlog of payable rounds with it (see SettleRounds). */
  settle(job: RoundJob): Promise<void> {
    return this.settleRounds.execute(job);
  }

  /** Worker: a re-checked round was restored; the order may be complete now. */
  restored(job: RoundJob): Promise<void> {
    return this.closeIfComplete.execute(job);
  }

  /** Sweeper: closes up to `limit` orders past their end date with nothing in flight; returns how many closed. */
  async expireDue(limit: number): Promise<number> {
    const due = await this.tx.run((tx) =>
      tx.query<Array<{ id: string }>>(
        `SELECT o.id FROM ordering.orders_view o
         WHERE o.status = 'ACTIVE' AND (o.terms->>'endsAt')::timestamptz <= now()
           AND NOT EXISTS (SELECT 1 FROM acceptance.records_view r
                           WHERE r.order_id = o.id AND r.status <> ALL($2))
         ORDER BY o.id LIMIT $1`,
        [limit, FINISHED_RECORD_STATUSES],
      ),
    );
    let expired = 0;
    for (const { id } of due) if (await this.expireOrder.execute({ orderId: id })) expired++;
    return expired;
  }

  /** A page read, outside a transaction. */
  async settlements(principal: Principal, orderId: string): Promise<Settlement[]> {
    assertResultsVisible(principal, await this.ordering.findById(orderId, this.db));
    return this.db.find(Settlement, { where: { orderId }, order: { roundNo: 'ASC', recordVersion: 'ASC' } });
  }
}
