import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type AuditEntry, AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { cumulativeEarned, deterministicId, type RoundMeasurements } from '@app/kernel';
import { OrderingFacade, paymentTermsOf, type Order, type VendorPayment } from '@app/ordering';
import { Faults, jobId, Outbox, Transactions, updateAllIfStatus, type JobRequest } from '@app/platform';
import { AcceptanceRecord } from './acceptance-record.entity';
import {
  AcceptanceJobs,
  OUTCOME_EVENTS_QUEUE,
  OutcomeEvents,
  type OutcomeSettled,
  recordLifecycle,
  roundJob,
  type RoundJob,
} from './contracts/acceptance';
import type { Settlement } from './settlement.entity';

/** Payable rounds one settlement transaction takes when a backlog exists. */
const SETTLE_BATCH = 1_000;

interface SettledRound {
  settlement: Omit<Settlement, 'settledAt'>;
  /** đồng moved by the settlement: positive pays the vendor, negative claws back */
  amount: bigint;
  record: RoundRecord;
  order: Order;
}

/** What settlement reads of a record. */
type RoundRecord = Pick<AcceptanceRecord, 'id' | 'orderId' | 'roundNo' | 'version' | 'status' | 'results'>;

type SettledVersions = Array<{ order_id: string; round_no: number; record_version: number; amount: string }>;

/**
 * Pays `cumulative earned − already paid` for payable rounds, exactly once. The order row lock serialises every
 * settlement of an order; the unique (order, round) settlement and the deterministic transfer id make repeats
 * no-ops. With a backlog, one transaction settles up to SETTLE_BATCH rounds of orders no other worker holds (SKIP
 * LOCKED), with a constant number of statements: their own queued jobs then find the work done.
 */
@Injectable()
export class SettleRounds {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ordering: OrderingFacade,
    private readonly outbox: Outbox,
    private readonly faults: Faults,
  ) {}

  async execute({ orderId, roundNo }: RoundJob): Promise<void> {
    if (!(await this.isPayable(orderId, roundNo))) return;
    await this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      const orders = [order, ...(await this.lockBacklog(tx, orderId))];
      await this.ordering.lockMoneyAccounts(tx, orders);
      const ids = orders.map((o) => o.id);
      const records = await tx.query<RoundRecord[]>(
        `SELECT id, order_id AS "orderId", round_no AS "roundNo", version, status, results FROM acceptance.records
         WHERE order_id = ANY($1) ORDER BY round_no`,
        [ids],
      );
      const earlier = await tx.query<SettledVersions>(
        `SELECT order_id, round_no, record_version, amount::text FROM acceptance.settlements WHERE order_id = ANY($1)`,
        [ids],
      );
      const recordsOf = groupBy(records, (r) => r.orderId);
      const earlierOf = groupBy(earlier, (s) => s.order_id);
      const settled = orders.flatMap((o) => this.settleOrder(o, recordsOf.get(o.id) ?? [], earlierOf.get(o.id) ?? []));
      if (settled.length === 0) return;
      await this.ordering.payVendors(tx, settled.filter((s) => s.amount > 0n).map(paymentOf));
      await this.ordering.clawBack(tx, settled.filter((s) => s.amount < 0n).map(paymentOf));
      this.faults.crashAt('settlement.after-transfer');
      await tx.query(
        `INSERT INTO acceptance.settlements
           (id, order_id, round_no, record_version, vendor_organisation_id, amount, paid_cumulative, transfer_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::uuid[], $6::bigint[], $7::bigint[],
                              $8::uuid[])`,
        columnsOf(settled.map((s) => s.settlement)),
      );
      await updateAllIfStatus(
        tx,
        AcceptanceRecord,
        settled.map((s) => s.record.id),
        'PAYABLE',
        { status: recordLifecycle.apply('PAYABLE', 'settle') },
      );
      const settledRounds = new Map<string, number>();
      for (const r of [...records.filter((x) => x.status === 'SETTLED'), ...settled.map((x) => x.record)])
        settledRounds.set(r.orderId, (settledRounds.get(r.orderId) ?? 0) + 1);
      const complete = orders.filter((o) => o.status === 'ACTIVE' && settledRounds.get(o.id) === o.terms.rounds.length);
      const closures: AuditEntry[] = [];
      await this.ordering.closeMany(tx, SYSTEM_ACTOR, complete, closures);
      await this.outbox.enqueueMany(tx, outcomeEvents(settled));
      await this.outbox.markDone(
        tx,
        settled.map(
          ({ record }) => roundJob(AcceptanceJobs.settleRound, record.orderId, record.roundNo, record.version).id,
        ),
      );
      // One audit event per settlement transaction, naming every settlement and closure: a backlog batch of
      // thousands of rounds would otherwise spend most of its time appending to the hash chain one row at a time.
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        entityType: 'settlement',
        entityId: settled[0].settlement.id,
        action: 'settled',
        after: {
          settlements: settled.map(({ settlement }) => settlement),
          closedOrders: closures.map((c) => ({ orderId: c.entityId, ...c.after })),
        },
      });
      this.faults.crashAt('settlement.before-commit');
    });
    this.faults.crashAt('settlement.after-commit');
  }

  /** A job whose round another batch already settled ends here, without waiting for any lock. */
  private async isPayable(orderId: string, roundNo: number): Promise<boolean> {
    const rows = await this.tx.run((tx) =>
      tx.query<unknown[]>(
        `SELECT 1 FROM acceptance.records WHERE order_id = $1 AND round_no = $2 AND status = 'PAYABLE'`,
        [orderId, roundNo],
      ),
    );
    return rows.length > 0;
  }

  private async lockBacklog(tx: EntityManager, exceptOrderId: string): Promise<Order[]> {
    const payable = await tx.query<Array<{ order_id: string }>>(
      `SELECT DISTINCT order_id FROM (
         SELECT order_id FROM acceptance.records WHERE status = 'PAYABLE' AND order_id <> $1
         ORDER BY payable_at LIMIT $2) backlog`,
      [exceptOrderId, SETTLE_BATCH],
    );
    if (payable.length === 0) return [];
    return this.ordering.lockAvailable(
      tx,
      payable.map((r) => r.order_id),
    );
  }

  /**
   * Settles the order's payable rounds in round order. What a round pays is what the order has earned, floored
   * once from the exact sum, over its settled rounds and its payable rounds up to this one, less what was paid: a
   * round under dispute or in its window contributes what it was last settled on (nothing if never), and whatever
   * order rounds are settled in, the total paid never exceeds what the settled rounds earned. A corrected record
   * that earns less than was paid yields a negative amount: a clawback.
   */
  private settleOrder(order: Order, records: RoundRecord[], earlier: SettledVersions): SettledRound[] {
    const counted = new Map<number, RoundRecord>();
    for (const s of earlier) {
      const record = records.find((r) => r.roundNo === s.round_no && r.version === s.record_version);
      const shown = counted.get(s.round_no);
      if (record && (!shown || shown.version < record.version)) counted.set(s.round_no, record);
    }
    let paid = earlier.reduce((sum, s) => sum + BigInt(s.amount), 0n);
    return records
      .filter((r) => r.status === 'PAYABLE')
      .map((record) => {
        counted.set(record.roundNo, record);
        const rounds: RoundMeasurements[] = order.terms.rounds.map((round) =>
          Object.fromEntries((counted.get(round.no)?.results ?? []).map((k) => [k.key, k.measured])),
        );
        const earned = cumulativeEarned(paymentTermsOf(order.terms), { delivered: false, rounds });
        const amount = earned - paid;
        paid += amount;
        const ids = record.version === 1 ? [order.id, record.roundNo] : [order.id, record.roundNo, record.version];
        const settlement = {
          id: deterministicId('settlement', ...ids),
          orderId: order.id,
          roundNo: record.roundNo,
          recordVersion: record.version,
          vendorOrganisationId: order.vendorOrganisationId,
          amount: amount.toString(),
          paidCumulative: paid.toString(),
          transferId: amount === 0n ? null : deterministicId(amount > 0n ? 'settle' : 'clawback', ...ids),
        };
        return { settlement, amount, record, order };
      });
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function columnsOf(settlements: Array<SettledRound['settlement']>): unknown[][] {
  return [
    settlements.map((s) => s.id),
    settlements.map((s) => s.orderId),
    settlements.map((s) => s.roundNo),
    settlements.map((s) => s.recordVersion),
    settlements.map((s) => s.vendorOrganisationId),
    settlements.map((s) => s.amount),
    settlements.map((s) => s.paidCumulative),
    settlements.map((s) => s.transferId),
  ];
}

function paymentOf({ settlement, amount, order, record }: SettledRound): VendorPayment {
  const memo =
    amount > 0n
      ? `Thanh toán theo kết quả kỳ ${record.roundNo}`
      : `Thu hồi theo biên bản hiệu chỉnh kỳ ${record.roundNo}`;
  return { order, transferId: settlement.transferId as string, amount: amount > 0n ? amount : -amount, memo };
}

/** One outcome event per order and batch: the ranking reads the order's outcome as a whole. */
function outcomeEvents(settled: SettledRound[]): Array<JobRequest<OutcomeSettled>> {
  const lastByOrder = new Map(settled.map((s) => [s.settlement.orderId, s]));
  return [...lastByOrder.values()].map(({ settlement, amount, record }) => {
    const name = amount < 0n ? OutcomeEvents.clawedBack : OutcomeEvents.settled;
    return {
      queue: OUTCOME_EVENTS_QUEUE,
      name,
      id: jobId(name, settlement.orderId, settlement.roundNo, record.version),
      payload: { orderId: settlement.orderId, vendorOrganisationId: settlement.vendorOrganisationId },
    };
  });
}
