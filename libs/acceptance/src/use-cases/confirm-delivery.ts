import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf } from '@app/identity';
import { assertVisible, type OrderCommand, OrderingFacade, paymentTermsOf } from '@app/ordering';
import { Transactions } from '@app/platform';
import { AcceptanceRecord } from '../acceptance-record.entity';
import { AcceptanceErrors, DELIVERY_ROUND } from '../contracts/acceptance';
import { assertOfficerOf } from '../officer-of-order';
import { RoundRecords } from '../round-records';

@Injectable()
export class ConfirmDelivery {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ordering: OrderingFacade,
    private readonly rounds: RoundRecords,
  ) {}

  /**
   * The ordering agency's acceptance officer confirms delivery: the delivery record (round DELIVERY_ROUND) shows
   * what the order earns with its fixed delivery share; signed like a round's record, it is settled once.
   */
  execute({ principal, orderId, note }: OrderCommand & { note: string }): Promise<AcceptanceRecord> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      assertVisible(principal, order);
      assertOfficerOf(principal, order, { signer: true });
      if (order.status !== 'ACTIVE') throw AcceptanceErrors.ORDER_NOT_ACTIVE(undefined, { status: order.status });
      if (paymentTermsOf(order.terms).deliveryShareBp === 0) throw AcceptanceErrors.NO_DELIVERY_SHARE();
      if (await tx.existsBy(AcceptanceRecord, { orderId, roundNo: DELIVERY_ROUND }))
        throw AcceptanceErrors.DELIVERY_ALREADY_CONFIRMED();
      const { record, content } = await this.rounds.buildDelivery(tx, order, note.trim());
      await tx.insert(AcceptanceRecord, record);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'acceptance_record',
        entityId: record.id,
        action: 'delivery-confirmed',
        after: content,
      });
      return record;
    });
  }
}
