import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { EntityManager } from 'typeorm';
import { AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { type Principal } from '@app/identity';
import { Clock, cumulativeEarned, deterministicId, type RoundMeasurements } from '@app/kernel';
import { assertVisible, OrderingFacade, paymentTermsOf, type Order } from '@app/ordering';
import { Faults, JobRequest, jobId, Outbox, Transactions } from '@app/platform';
import { AcceptanceRecord } from './acceptance-record.entity';
import {
  AcceptanceJobs,
  OUTCOME_EVENTS_QUEUE,
  OutcomeEvents,
  type OutcomeSettled,
  roundJob,
  type RoundJob,
} from './contracts/acceptance';
import { evaluateRound } from './evaluation';
import { MeasurementBatch } from './measurement-batch.entity';
import { Measurement } from './measurement.entity';
import { Settlement } from './settlement.entity';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface VendorOutcome {
  orderId: string;
  vendorOrganisationId: string;
  agencyOrganisationId: string;
  maxAmount: bigint;
  paid: bigint;
  closedAt: Date;
}

@Injectable()
export class AcceptanceFacade {
  private readonly logger = new Logger(AcceptanceFacade.name);

  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ordering: OrderingFacade,
    private readonly outbox: Outbox,
    private readonly faults: Faults,
    private readonly clock: Clock,
  ) {}

  /** Worker: writes the acceptance record once the round has sufficient data, and queues its settlement. */
  async evaluate({ orderId, roundNo }: RoundJob): Promise<void> {
    await this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      if (order.status !== 'ACTIVE' || (await tx.existsBy(AcceptanceRecord, { orderId, roundNo }))) return;
      const rows = await tx.find(Measurement, { where: { orderId, roundNo }, order: { observedAt: 'ASC', id: 'ASC' } });
      const series = new Map<string, string[]>();
      for (const row of rows) series.set(row.kpiKey, [...(series.get(row.kpiKey) ?? []), row.value]);
      const evaluation = evaluateRound(order.terms, series);
      if (!evaluation.evaluable) {
        this.logger.log({ orderId, roundNo, insufficient: evaluation.insufficient }, 'round not yet evaluable');
        return;
      }
      const earned = await this.earnedCumulative(tx, order, roundNo, evaluation.measured);
      const batches = await tx.find(MeasurementBatch, { where: { orderId, roundNo }, order: { createdAt: 'ASC' } });
      const content = {
        orderId,
        roundNo,
        results: evaluation.results,
        earnedCumulative: earned.toString(),
        batchHashes: batches.map((b) => b.sha256),
      };
      const record = tx.create(AcceptanceRecord, {
        ...content,
        id: deterministicId('record', orderId, roundNo),
        status: 'EVALUATED',
        recordHash: sha256(canonicalize(content) ?? ''),
        evaluatedAt: this.clock.now(),
      });
      await tx.insert(AcceptanceRecord, record);
      await this.outbox.enqueue(tx, roundJob(AcceptanceJobs.settleRound, orderId, roundNo));
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        entityType: 'acceptance_record',
        entityId: record.id,
        action: 'evaluated',
        after: content,
      });
    });
  }

  /**
   * Worker: pays `cumulative earned − already paid` exactly once. The order row lock serialises concurrent
   * deliveries; the unique (order, round) settlement and the deterministic transfer id make repeats no-ops.
   */
  async settle({ orderId, roundNo }: RoundJob): Promise<void> {
    await this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      const record = await tx.findOneBy(AcceptanceRecord, { orderId, roundNo });
      if (!record || record.status === 'SETTLED' || (await tx.existsBy(Settlement, { orderId, roundNo }))) return;
      const paidBefore = await this.paidTo(tx, orderId);
      const amount = BigInt(record.earnedCumulative) - paidBefore;
      const transferId = amount > 0n ? deterministicId('settle', orderId, roundNo) : null;
      if (transferId)
        await this.ordering.payVendor(tx, order, transferId, amount, `Thanh toán theo kết quả kỳ ${roundNo}`);
      this.faults.crashAt('settlement.after-transfer');
      const settlement = {
        id: deterministicId('settlement', orderId, roundNo),
        orderId,
        roundNo,
        vendorOrganisationId: order.vendorOrganisationId,
        amount: (amount > 0n ? amount : 0n).toString(),
        paidCumulative: (paidBefore + (amount > 0n ? amount : 0n)).toString(),
        transferId,
      };
      await tx.insert(Settlement, settlement);
      await tx.update(AcceptanceRecord, { id: record.id }, { status: 'SETTLED' });
      const isLastRound = roundNo === Math.max(...order.terms.rounds.map((r) => r.no));
      if (isLastRound) await this.ordering.close(tx, SYSTEM_ACTOR, order);
      const event: OutcomeSettled = { orderId, vendorOrganisationId: order.vendorOrganisationId };
      await this.outbox.enqueue(tx, {
        queue: OUTCOME_EVENTS_QUEUE,
        name: OutcomeEvents.settled,
        id: jobId(OutcomeEvents.settled, orderId, roundNo),
        payload: event,
      });
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        entityType: 'settlement',
        entityId: settlement.id,
        action: 'settled',
        after: settlement,
      });
      this.faults.crashAt('settlement.before-commit');
    });
    this.faults.crashAt('settlement.after-commit');
  }

  async records(principal: Principal, orderId: string): Promise<AcceptanceRecord[]> {
    assertVisible(principal, await this.ordering.findById(orderId));
    return this.tx.run((tx) => tx.find(AcceptanceRecord, { where: { orderId }, order: { roundNo: 'ASC' } }));
  }

  async settlements(principal: Principal, orderId: string): Promise<Settlement[]> {
    assertVisible(principal, await this.ordering.findById(orderId));
    return this.tx.run((tx) => tx.find(Settlement, { where: { orderId }, order: { roundNo: 'ASC' } }));
  }

  /** Outcomes of closed orders (x = share of the order's money earned), for the trust ranking. */
  async closedOutcomes(vendorOrganisationId?: string): Promise<VendorOutcome[]> {
    return this.tx.run(async (tx) => {
      const rows = await tx.query<
        Array<{ order_id: string; vendor: string; agency: string; max_amount: string; paid: string; closed_at: Date }>
      >(
        `SELECT o.id AS order_id, o.vendor_organisation_id AS vendor, o.agency_organisation_id AS agency,
                o.max_amount::text, coalesce(sum(s.amount), 0)::text AS paid, o.closed_at
         FROM ordering.orders o LEFT JOIN acceptance.settlements s ON s.order_id = o.id
         WHERE o.status = 'CLOSED' AND ($1::uuid IS NULL OR o.vendor_organisation_id = $1)
         GROUP BY o.id`,
        [vendorOrganisationId ?? null],
      );
      return rows.map((r) => ({
        orderId: r.order_id,
        vendorOrganisationId: r.vendor,
        agencyOrganisationId: r.agency,
        maxAmount: BigInt(r.max_amount),
        paid: BigInt(r.paid),
        closedAt: r.closed_at,
      }));
    });
  }

  /** Work that a lost Redis job would otherwise strand: evaluations and settlements not done yet. */
  async pendingJobs(olderThanSeconds: number): Promise<JobRequest[]> {
    return this.tx.run(async (tx) => {
      const unsettled = await tx.query<Array<{ order_id: string; round_no: number }>>(
        `SELECT r.order_id, r.round_no FROM acceptance.records r
         WHERE r.status = 'EVALUATED' AND r.evaluated_at < now() - make_interval(secs => $1) LIMIT 1000`,
        [olderThanSeconds],
      );
      const unevaluated = await tx.query<Array<{ order_id: string; round_no: number }>>(
        `SELECT DISTINCT b.order_id, b.round_no FROM acceptance.measurement_batches b
         JOIN ordering.orders o ON o.id = b.order_id AND o.status = 'ACTIVE'
         WHERE b.created_at < now() - make_interval(secs => $1)
           AND NOT EXISTS (SELECT 1 FROM acceptance.records r WHERE r.order_id = b.order_id AND r.round_no = b.round_no)
         LIMIT 1000`,
        [olderThanSeconds],
      );
      return [
        ...unsettled.map((r) => roundJob(AcceptanceJobs.settleRound, r.order_id, r.round_no)),
        ...unevaluated.map((r) => roundJob(AcceptanceJobs.evaluateRound, r.order_id, r.round_no)),
      ];
    });
  }

  private async paidTo(tx: EntityManager, orderId: string): Promise<bigint> {
    const [{ paid }] = await tx.query<Array<{ paid: string }>>(
      'SELECT coalesce(sum(amount), 0)::text AS paid FROM acceptance.settlements WHERE order_id = $1',
      [orderId],
    );
    return BigInt(paid);
  }

  private async earnedCumulative(
    tx: EntityManager,
    order: Order,
    roundNo: number,
    measured: RoundMeasurements,
  ): Promise<bigint> {
    const earlier = await tx.find(AcceptanceRecord, { where: { orderId: order.id } });
    const rounds: RoundMeasurements[] = order.terms.rounds.map((round) => {
      if (round.no === roundNo) return measured;
      const record = earlier.find((r) => r.roundNo === round.no);
      return Object.fromEntries((record?.results ?? []).map((k) => [k.key, k.measured]));
    });
    return cumulativeEarned(paymentTermsOf(order.terms), { delivered: false, rounds });
  }
}
