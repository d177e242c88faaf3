import { Injectable } from '@nestjs/common';
import { AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { AcceptanceFacade, type RoundJob } from '@app/acceptance';
import { OrderingFacade } from '@app/ordering';
import { Transactions } from '@app/platform';
import { isComplete } from '../order-completion';
import { OrderClosing } from '../order-closing';

/** A re-checked round was restored as it was settled: the order closes if that was all it was waiting for. */
@Injectable()
export class CloseIfComplete {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly acceptance: AcceptanceFacade,
    private readonly ordering: OrderingFacade,
    private readonly closing: OrderClosing,
  ) {}

  async execute({ orderId }: RoundJob): Promise<void> {
    await this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      if (!isComplete(order, await this.acceptance.settlementRecords(tx, [orderId]))) return;
      await this.audit.record(tx, ...(await this.closing.close(tx, SYSTEM_ACTOR, [order])));
    });
  }
}
