import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { Principal } from '@app/identity';
import { assertResultsVisible, assertVisible, OrderingFacade } from '@app/ordering';
import { JobRequest, selectFrom, Transactions } from '@app/platform';
import { AcceptanceRecord } from './acceptance-record.entity';
import { evaluationJob, recordEvent, RecordEvents } from './contracts/acceptance';
import { Dispute } from './dispute.entity';

/** What settlement reads of a record. */
export type SettlementRecord = Pick<AcceptanceRecord, 'id' | 'orderId' | 'roundNo' | 'version' | 'status' | 'results'>;

/** An order's records and disputes as their callers may see them, and what settlement and the sweeper look for. */
@Injectable()
export class AcceptanceReads {
  constructor(
    private readonly tx: Transactions,
    private readonly ordering: OrderingFacade,
    @InjectEntityManager() private readonly db: EntityManager,
  ) {}

  // Page reads run outside a transaction: a poll of them costs no BEGIN and COMMIT round trips.
  async disputes(principal: Principal, orderId: string): Promise<Dispute[]> {
    assertVisible(principal, await this.ordering.findById(orderId, this.db));
    return this.db.find(Dispute, { where: { orderId }, order: { openedAt: 'ASC' } });
  }

  async records(principal: Principal, orderId: string): Promise<AcceptanceRecord[]> {
    assertResultsVisible(principal, await this.ordering.findById(orderId, this.db));
    return this.db.query<AcceptanceRecord[]>(
      `${selectFrom(this.db, AcceptanceRecord, 'r')} WHERE r.order_id = $1 ORDER BY r.round_no, r.version`,
      [orderId],
    );
  }

  /** Work that a lost Redis job would otherwise strand: evaluations and settlements not done yet. */
  async pendingJobs(olderThanSeconds: number): Promise<JobRequest[]> {
    return this.tx.run(async (tx) => {
      const unsettled = await tx.query<Array<{ order_id: string; round_no: number; version: number }>>(
        `SELECT r.order_id, r.round_no, r.version FROM acceptance.records r
         WHERE r.status = 'PAYABLE' AND r.payable_at < now() - make_interval(secs => $1) LIMIT 1000`,
        [olderThanSeconds],
      );
      const unevaluated = await tx.query<Array<{ order_id: string; round_no: number }>>(
        `SELECT DISTINCT b.order_id, b.round_no FROM acceptance.measurement_batches b
         JOIN ordering.orders_view o ON o.id = b.order_id AND o.status = 'ACTIVE'
         WHERE b.created_at < now() - make_interval(secs => $1)
           AND NOT EXISTS (SELECT 1 FROM acceptance.records r WHERE r.order_id = b.order_id AND r.round_no = b.round_no)
         LIMIT 1000`,
        [olderThanSeconds],
      );
      return [
        ...unsettled.map((r) => recordEvent(RecordEvents.payable, r.order_id, r.round_no, r.version)),
        ...unevaluated.map((r) => evaluationJob(r.order_id, r.round_no)),
      ];
    });
  }

  /** Settlement: the records of these orders it pays from (every status, round order). */
  settlementRecords(tx: EntityManager, orderIds: string[]): Promise<SettlementRecord[]> {
    return tx.query<SettlementRecord[]>(
      `SELECT id, order_id AS "orderId", round_no AS "roundNo", version, status, results
       FROM acceptance.records WHERE order_id = ANY($1::uuid[]) ORDER BY round_no`,
      [orderIds],
    );
  }

  /** Settlement: the orders of the oldest payable records other than `orderId`, at most `window` records' worth. */
  async oldestPayableOrders(tx: EntityManager, orderId: string, window: number): Promise<string[]> {
    const rows = await tx.query<Array<{ order_id: string }>>(
      `SELECT DISTINCT order_id FROM (
         SELECT order_id FROM acceptance.records WHERE status = 'PAYABLE' AND order_id <> $1
         ORDER BY payable_at LIMIT $2) backlog`,
      [orderId, window],
    );
    return rows.map((r) => r.order_id);
  }
}
