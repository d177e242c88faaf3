import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import {
  AcceptanceFacade,
  AcceptanceNotices,
  acceptanceNotice,
  DELIVERY_ROUND,
  outcomeEvent,
  OutcomeEvents,
  type OutcomeSettled,
  recordEvent,
  RecordEvents,
  roundNames,
  type RoundJob,
  type SettlementRecord,
} from '@app/acceptance';
import { cumulativeEarnedAfterEach, deterministicId, type RoundMeasurements } from '@app/kernel';
import { LedgerFacade } from '@app/ledger';
import { OrderingFacade, paymentTermsOf, type Order } from '@app/ordering';
import { Faults, Outbox, Transactions, type JobRequest } from '@app/platform';
import { isComplete } from '../order-completion';
import { OrderClosing } from '../order-closing';
import { Postings, type VendorPayment } from '../postings';
import type { Settlement } from '../settlement.entity';

/** Orders one settlement transaction takes when a backlog exists (each with all its payable rounds). */
const SETTLE_BATCH = 500;
/** Oldest payable rounds whose orders a transaction may claim: concurrent ones claim disjoint parts of this window. */
const CLAIM_WINDOW = 8 * SETTLE_BATCH;

interface SettledRound {
  settlement: Omit<Settlement, 'settledAt'>;
  /** đồng moved by the settlement: positive pays the vendor, negative claws back */
  amount: bigint;
  record: SettlementRecord;
  order: Order;
}

/** Where a settlement pass starts: the job's order, or one a previous pass found held (then waited for). */
interface Claim {
  orderId: string;
  wait: boolean;
}

type SettledVersions = Array<{ order_id: string; round_no: number; record_version: number; amount: string }>;

/**
 * Pays `cumulative earned − already paid` for payable rounds, exactly once. The order row lock serialises every
 * settlement of an order; the unique (order, round, record version) settlement and the deterministic transfer ids
 * make repeats no-ops. One transaction settles the payable rounds of up to SETTLE_BATCH orders no other transaction
 * holds (SKIP LOCKED) with a constant number of statements, one transfer per order; settlement jobs coalesce per lane
 * (see `recordEvent`), and the job that runs drains whatever its coalesced siblings stood for.
 */
@Injectable()
export class SettleRounds {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly acceptance: AcceptanceFacade,
    private readonly ordering: OrderingFacade,
    private readonly ledger: LedgerFacade,
    private readonly postings: Postings,
    private readonly closing: OrderClosing,
    private readonly outbox: Outbox,
    private readonly faults: Faults,
  ) {}

  /**
   * Drains the payable backlog, starting with the job's order. A pass that left orders out (the batch was full, or
   * other transactions held them) is followed by another, which waits for a held order if the pass settled nothing:
   * so every round payable when the job started is settled when it ends, whichever job it was queued with.
   */
  async execute({ orderId }: RoundJob): Promise<void> {
    let first: Claim = { orderId, wait: false };
    for (;;) {
      const { settled, leftOut } = await this.settleBatch(first);
      if (leftOut.length === 0) break;
      first = { orderId: leftOut[0], wait: settled === 0 };
    }
    this.faults.crashAt('settlement.after-commit');
  }

  private async settleBatch(first: Claim): Promise<{ settled: number; leftOut: string[] }> {
    return this.tx.run(async (tx) => {
      if (first.wait) await this.ordering.lock(tx, first.orderId);
      const { orders, leftOut } = await this.claimBacklog(tx, first.orderId);
      const done = { settled: 0, leftOut };
      if (orders.length === 0) return done;
      const ids = orders.map((o) => o.id);
      const records = await this.acceptance.settlementRecords(tx, ids);
      const earlier = await tx.query<SettledVersions>(
        `SELECT order_id, round_no, record_version, amount::text FROM settlement.settlements WHERE order_id = ANY($1)`,
        [ids],
      );
      const recordsOf = groupBy(records, (r) => r.orderId);
      const earlierOf = groupBy(earlier, (s) => s.order_id);
      const settled = orders.flatMap((o) => this.settleOrder(o, recordsOf.get(o.id) ?? [], earlierOf.get(o.id) ?? []));
      if (settled.length === 0) return done;
      await tx.query(
        `INSERT INTO settlement.settlements
           (id, order_id, round_no, record_version, vendor_organisation_id, amount, paid_cumulative, transfer_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::uuid[], $6::bigint[], $7::bigint[],
                              $8::uuid[])`,
        columnsOf(settled.map((s) => s.settlement)),
      );
      await this.acceptance.markSettled(
        tx,
        settled.map((s) => s.record.id),
      );
      await this.outbox.enqueueMany(tx, outcomeEvents(settled));
      await this.outbox.markDone(
        tx,
        settled.map(
          ({ record }) => recordEvent(RecordEvents.payable, record.orderId, record.roundNo, record.version).id,
        ),
      );
      const movements = movementsOf(settled);
      await this.outbox.enqueueMany(tx, movements.map(moneyNotice));
      const justSettled = new Set(settled.map((x) => x.record.id));
      const complete = orders.filter((o) =>
        isComplete(
          o,
          (recordsOf.get(o.id) ?? []).map((r) => (justSettled.has(r.id) ? { ...r, status: 'SETTLED' as const } : r)),
        ),
      );
      const movedOut = netAmounts(movements);
      const closing = await this.closing.prepare(tx, SYSTEM_ACTOR, complete, (o) => movedOut.get(o.id) ?? 0n);
      const payments = await this.postings.vendorPayments(
        tx,
        movements.filter((m) => m.amount > 0n).map(vendorPayment),
      );
      const claims = movements.filter((m) => m.amount < 0n).map(vendorPayment);
      // One audit event per settlement transaction, naming every settlement and closure: a backlog batch of
      // thousands of rounds would otherwise spend most of its time appending to the hash chain one row at a time.
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        entityType: 'settlement',
        entityId: settled[0].settlement.id,
        action: 'settled',
        after: {
          settlements: settled.map(({ settlement }) => auditedSettlement(settlement)),
          closedOrders: closing.entries.map((c) => ({ orderId: c.entityId, ...c.after })),
        },
      });
      // The shared accounts (vendor payables, agency budgets, pools) are locked last, at the end of the one postings
      // statement, and only the commit follows: concurrent batches overlap all their other work and queue only there.
      if (claims.length === 0) await this.ledger.postMany(tx, [...payments, ...closing.releases]);
      else {
        // A clawback reads the payable balances it takes back from, and its money must be back in escrow before the
        // releases: the shared accounts are locked before anything moves.
        await this.postings.lockMoneyAccounts(tx, orders);
        await this.ledger.postMany(tx, payments);
        await this.postings.clawBack(tx, claims);
        await this.ledger.postMany(tx, closing.releases);
      }
      this.faults.crashAt('settlement.before-commit');
      return { settled: settled.length, leftOut };
    });
  }

  /**
   * Locks the given order and more orders with payable rounds, up to SETTLE_BATCH, among those of the oldest payable
   * rounds, skipping the ones other transactions hold (this transaction may hold the given one already). Returns the
   * candidates left out too.
   */
  private async claimBacklog(tx: EntityManager, orderId: string): Promise<{ orders: Order[]; leftOut: string[] }> {
    const orders = await this.ordering.lockAvailable(tx, [orderId]);
    const candidates = await this.acceptance.oldestPayableOrders(tx, orderId, CLAIM_WINDOW);
    // Each pass locks in id order from a random point of the window, wrapping around: passes running at once start
    // apart instead of all walking from the lowest id through the orders the others hold (an index probe each).
    const start = candidates.length > 0 ? candidates[randomInt(candidates.length)] : '';
    for (const part of [candidates.filter((id) => id >= start), candidates.filter((id) => id < start)]) {
      if (orders.length < SETTLE_BATCH && part.length > 0) {
        orders.push(...(await this.ordering.lockAvailable(tx, part, SETTLE_BATCH - orders.length)));
      }
    }
    const claimed = new Set(orders.map((o) => o.id));
    return { orders, leftOut: [orderId, ...candidates].filter((id) => !claimed.has(id)) };
  }

  /**
   * Settles the order's payable rounds in round order. What a round pays is what the order has earned, floored
   * once from the exact sum, over its settled rounds and its payable rounds up to this one, less what was paid: a
   * round under dispute or in its window contributes what it was last settled on (nothing if never), and whatever
   * order rounds are settled in, the total paid never exceeds what the settled rounds earned. A corrected record
   * that earns less than was paid yields a negative amount: a clawback.
   */
  private settleOrder(order: Order, records: SettlementRecord[], earlier: SettledVersions): SettledRound[] {
    const counted = new Map<number, SettlementRecord>();
    for (const s of earlier) {
      const record = records.find((r) => r.roundNo === s.round_no && r.version === s.record_version);
      const shown = counted.get(s.round_no);
      if (record && (!shown || shown.version < record.version)) counted.set(s.round_no, record);
    }
    const payable = records.filter((r) => r.status === 'PAYABLE');
    if (payable.length === 0) return [];
    const roundIndex = new Map(order.terms.rounds.map((round, i) => [round.no, i]));
    const earned = cumulativeEarnedAfterEach(
      paymentTermsOf(order.terms),
      {
        delivered: counted.has(DELIVERY_ROUND),
        rounds: order.terms.rounds.map((round) => measurementsOf(counted.get(round.no))),
      },
      payable.map((record) =>
        record.roundNo === DELIVERY_ROUND
          ? { delivered: true as const }
          : { roundIndex: roundIndex.get(record.roundNo) ?? -1, measurements: measurementsOf(record) },
      ),
    );
    let paid = earlier.reduce((sum, s) => sum + BigInt(s.amount), 0n);
    // One transfer per order and direction: named after the first round it pays (or claws back), which is settled
    // exactly once, so the id is deterministic and never reused.
    const transferIds = new Map<'settle' | 'clawback', string>();
    return payable.map((record, i) => {
      const amount = earned[i] - paid;
      paid += amount;
      const ids = record.version === 1 ? [order.id, record.roundNo] : [order.id, record.roundNo, record.version];
      const direction = amount > 0n ? 'settle' : 'clawback';
      if (amount !== 0n && !transferIds.has(direction)) transferIds.set(direction, deterministicId(direction, ...ids));
      const settlement = {
        id: deterministicId('settlement', ...ids),
        orderId: order.id,
        roundNo: record.roundNo,
        recordVersion: record.version,
        vendorOrganisationId: order.vendorOrganisationId,
        amount: amount.toString(),
        paidCumulative: paid.toString(),
        transferId: amount === 0n ? null : (transferIds.get(direction) as string),
      };
      return { settlement, amount, record, order };
    });
  }
}

const measurementsOf = (record: SettlementRecord | undefined): RoundMeasurements =>
  Object.fromEntries((record?.results ?? []).map((k) => [k.key, k.measured]));

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * What the audit log keeps of a settlement: what identifies it (its id is derived from these) and what it moved. The
 * vendor, the cumulative total and the transfer follow from the order and the ledger; the event of a backlog batch,
 * hashed and stored under the audit chain's lock, is half the size without them.
 */
const auditedSettlement = ({ id, orderId, roundNo, recordVersion, amount }: SettledRound['settlement']) => ({
  id,
  orderId,
  roundNo,
  recordVersion,
  amount,
});

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

/** What a transfer moves for an order: positive pays the vendor, negative claws back. */
interface Movement {
  order: Order;
  transferId: string;
  amount: bigint;
  roundNos: number[];
}

/** The settlements' transfers: those sharing a transfer id (one order, one direction) move their amounts together. */
function movementsOf(settled: SettledRound[]): Movement[] {
  const byTransfer = groupBy(
    settled.filter((s) => s.amount !== 0n),
    (s) => s.settlement.transferId as string,
  );
  return [...byTransfer.entries()].map(([transferId, group]) => ({
    order: group[0].order,
    transferId,
    amount: group.reduce((sum, s) => sum + s.amount, 0n),
    roundNos: group.map((s) => s.record.roundNo),
  }));
}

function vendorPayment({ order, transferId, amount, roundNos }: Movement): VendorPayment {
  const memo = amount > 0n ? 'Thanh toán theo kết quả' : 'Thu hồi theo biên bản hiệu chỉnh';
  return { order, transferId, amount: amount > 0n ? amount : -amount, memo: `${memo}: ${roundNames(roundNos).vi}` };
}

/** What the movements take out of each order's escrow (clawbacks put money back). */
function netAmounts(movements: Movement[]): Map<string, bigint> {
  const net = new Map<string, bigint>();
  for (const { order, amount } of movements) net.set(order.id, (net.get(order.id) ?? 0n) + amount);
  return net;
}

/** The vendor, the agency and the co-funders hear of each payment and clawback: one notice per transfer. */
const moneyNotice = ({ order, transferId, amount, roundNos }: Movement) =>
  acceptanceNotice(amount > 0n ? AcceptanceNotices.paid : AcceptanceNotices.clawedBack, order, transferId, {
    roundNos,
    amount: amount.toString(),
  });

/** One outcome event per order and batch: the ranking reads the order's outcome as a whole. */
function outcomeEvents(settled: SettledRound[]): Array<JobRequest<OutcomeSettled>> {
  const lastByOrder = new Map(settled.map((s) => [s.settlement.orderId, s]));
  return [...lastByOrder.values()].map(({ settlement, amount, record }) => {
    const name = amount < 0n ? OutcomeEvents.clawedBack : OutcomeEvents.settled;
    const payload = { orderId: settlement.orderId, vendorOrganisationId: settlement.vendorOrganisationId };
    return outcomeEvent(name, payload, settlement.orderId, settlement.roundNo, record.version);
  });
}
