import { Injectable, Logger } from '@nestjs/common';
import { AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { OrderingFacade } from '@app/ordering';
import { Outbox, Transactions } from '@app/platform';
import { AcceptanceRecord } from '../acceptance-record.entity';
import type { RoundJob } from '../contracts/acceptance';
import { recordReady, RoundRecords } from '../round-records';

@Injectable()
export class EvaluateRound {
  private readonly logger = new Logger(EvaluateRound.name);

  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ordering: OrderingFacade,
    private readonly outbox: Outbox,
    private readonly rounds: RoundRecords,
  ) {}

  /** Worker: writes the acceptance record once the round has sufficient data; the officer signs it next. */
  async execute({ orderId, roundNo }: RoundJob): Promise<void> {
    await this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      if (order.status !== 'ACTIVE') return;
      const [evaluated] = await tx.query<unknown[]>(
        'SELECT 1 FROM acceptance.records WHERE order_id = $1 AND round_no = $2 LIMIT 1',
        [orderId, roundNo],
      );
      if (evaluated) return;
      const built = await this.rounds.build(tx, order, roundNo, 1);
      if ('insufficient' in built) {
        this.logger.log({ orderId, roundNo, insufficient: built.insufficient }, 'round not yet evaluable');
        return;
      }
      await tx.insert(AcceptanceRecord, built.record);
      await this.outbox.enqueue(tx, recordReady(order, built.record));
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        entityType: 'acceptance_record',
        entityId: built.record.id,
        action: 'evaluated',
        after: built.content,
      });
    });
  }
}
