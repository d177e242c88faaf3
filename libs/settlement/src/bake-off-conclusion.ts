import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AcceptanceFacade } from '@app/acceptance';
import { BakeOffFacade, type TrialOutcome } from '@app/competition';
import { Order, TrialOrders } from '@app/ordering';
import { AppConfig, PeriodicTask, Transactions } from '@app/platform';
import { Settlement } from './settlement.entity';

/**
 * Post-check of a POC bake-off: once every trial order of a call is closed (settled or expired) or cancelled
 * (unsigned; its finalist withdrew), what each closed one measured and was paid goes to the competition module,
 * which proposes the most cost-effective finalist — or, when none is left, ends the call without a proposal.
 */
@Injectable()
export class BakeOffConclusion {
  constructor(
    private readonly tx: Transactions,
    private readonly acceptance: AcceptanceFacade,
    private readonly bakeOffs: BakeOffFacade,
    private readonly trialOrders: TrialOrders,
  ) {}

  /** Concludes every bake-off whose trial orders are all closed or cancelled; returns how many were concluded. */
  async concludeDue(): Promise<number> {
    let concluded = 0;
    for (const callId of await this.bakeOffs.callsInTrial()) if (await this.conclude(callId)) concluded++;
    return concluded;
  }

  async conclude(callId: string): Promise<boolean> {
    return this.tx.run(async (tx) => {
      const orderIds = await this.bakeOffs.trialOrderIds(callId, tx);
      if (orderIds.length === 0 || (await tx.existsBy(Order, { id: In(orderIds), status: In(['DRAFT', 'ACTIVE']) })))
        return false;
      const orders = await this.trialOrders.lockAll(tx, orderIds);
      if (orders.length !== orderIds.length || orders.some((o) => o.status !== 'CLOSED' && o.status !== 'CANCELLED'))
        return false;
      const closed = orders.filter((o) => o.status === 'CLOSED');
      const outcomes = await Promise.all(closed.map((order) => this.outcomeOf(tx, order)));
      return this.bakeOffs.conclude(tx, callId, outcomes);
    });
  }

  private async outcomeOf(tx: EntityManager, order: Order): Promise<TrialOutcome> {
    const records = await this.acceptance.settlementRecords(tx, [order.id]);
    const settlements = await tx.find(Settlement, { where: { orderId: order.id } });
    return {
      orderId: order.id,
      paid: settlements.reduce((sum, s) => sum + BigInt(s.amount), 0n),
      maxAmount: BigInt(order.maxAmount),
      measured: records.map((r) => ({
        roundNo: r.roundNo,
        kpis: r.results.map((k) => ({ key: k.key, measured: k.measured, attainment: k.attainment })),
      })),
    };
  }
}

/**
 * The scheduled side: trial orders still unsigned past their sign-by date are cancelled, and bake-offs are concluded
 * shortly after their last trial order closes or is cancelled.
 */
@Injectable()
export class BakeOffSweeper extends PeriodicTask {
  constructor(
    private readonly conclusion: BakeOffConclusion,
    private readonly trialOrders: TrialOrders,
    private readonly config: AppConfig,
  ) {
    super(config.SWEEP_INTERVAL_MS);
  }

  async run(): Promise<void> {
    const cancelled = await this.trialOrders.cancelUnsigned(this.config.CLOCK_OFFSET_SECONDS);
    if (cancelled > 0) this.logger.log({ cancelled }, 'unsigned trial orders cancelled; finalists withdrawn');
    const concluded = await this.conclusion.concludeDue();
    if (concluded > 0) this.logger.log({ concluded }, 'bake-offs concluded');
  }
}
