import { Injectable } from '@nestjs/common';
import { type OrderCommand, OrderingFacade } from '@app/ordering';
import { Transactions, updateIfStatus } from '@app/platform';
import { AcceptanceRecord } from '../acceptance-record.entity';
import { AcceptanceErrors, recordLifecycle } from '../contracts/acceptance';
import type { Dispute } from '../dispute.entity';
import { DisputeOpening } from '../dispute-opening';
import { RoundRecords } from '../round-records';

@Injectable()
export class Recheck {
  constructor(
    private readonly tx: Transactions,
    private readonly ordering: OrderingFacade,
    private readonly rounds: RoundRecords,
    private readonly disputes: DisputeOpening,
  ) {}

  /**
   * Hậu kiểm: the operator re-checks a settled round of an active order (an audit finding, suspect data). The round
   * is frozen like a disputed one until the operator upholds it or corrects it; a correction that lowers what the
   * order earned is clawed back when the corrected record is settled.
   */
  execute({
    principal,
    orderId,
    roundNo,
    reason,
  }: OrderCommand & { roundNo: number; reason: string }): Promise<Dispute> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      const record = await this.rounds.current(tx, orderId, roundNo);
      if (order.status !== 'ACTIVE' || recordLifecycle.next(record.status, 'reopen') === undefined)
        throw AcceptanceErrors.RECORD_NOT_REOPENABLE(undefined, { orderStatus: order.status, status: record.status });
      await updateIfStatus(tx, AcceptanceRecord, record.id, record.status, {
        status: recordLifecycle.apply(record.status, 'reopen'),
      });
      return this.disputes.open(tx, principal, order, record, 'AUDIT', { reason, evidence: [] });
    });
  }
}
