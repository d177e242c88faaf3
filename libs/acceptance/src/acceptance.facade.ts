import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { EntityManager } from 'typeorm';
import { type AuditEntry, AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Clock, cumulativeEarned, deterministicId, newId, type RoundMeasurements } from '@app/kernel';
import { assertVisible, OrderingFacade, paymentTermsOf, type Order } from '@app/ordering';
import { Faults, JobRequest, jobId, Outbox, Transactions, updateIfStatus } from '@app/platform';
import { AcceptanceRecord } from './acceptance-record.entity';
import {
  AcceptanceErrors,
  AcceptanceJobs,
  type EvidenceFile,
  OUTCOME_EVENTS_QUEUE,
  OutcomeEvents,
  type OutcomeSettled,
  recordLifecycle,
  roundJob,
  type RoundJob,
} from './contracts/acceptance';
import { Dispute } from './dispute.entity';
import { evaluateRound } from './evaluation';
import { MeasurementBatch } from './measurement-batch.entity';
import { Measurement } from './measurement.entity';
import { Settlement } from './settlement.entity';

/** Rounds one settlement transaction may pay when a backlog of payable rounds exists. */
const SETTLE_BATCH = 200;

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

  /** Worker: writes the acceptance record once the round has sufficient data; the officer signs it next. */
  async evaluate({ orderId, roundNo }: RoundJob): Promise<void> {
    await this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      if (order.status !== 'ACTIVE' || (await tx.existsBy(AcceptanceRecord, { orderId, roundNo }))) return;
      const rows = await tx.find(Measurement, { where: { orderId, roundNo }, order: { observedAt: 'ASC', id: 'ASC' } });
      const series = new Map<string, string[]>();
      for (const row of rows) series.set(row.kpiKey, [...(series.get(row.kpiKey) ?? []), row.value]);
      const evaluation = evaluateRound(order.terms, roundNo, series);
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
      const work = [{ order, roundNo }, ...(await this.backlog(tx, orderId))];
      await this.ordering.lockMoneyAccounts(
        tx,
        work.map((w) => w.order),
      );
      const audit: AuditEntry[] = [];
      for (const w of work) await this.settleLocked(tx, w.order, w.roundNo, audit);
      await this.audit.record(tx, ...audit);
      this.faults.crashAt('settlement.before-commit');
    });
    this.faults.crashAt('settlement.after-commit');
  }

  /**
   * With a backlog, one transaction also settles other payable rounds, of orders no other worker holds (SKIP
   * LOCKED): their own jobs then find the work done.
   */
  private async backlog(tx: EntityManager, exceptOrderId: string): Promise<Array<{ order: Order; roundNo: number }>> {
    const payable = await tx.query<Array<{ order_id: string; round_no: number }>>(
      `SELECT order_id, round_no FROM acceptance.records WHERE status = 'PAYABLE' AND order_id <> $1
       ORDER BY payable_at LIMIT $2`,
      [exceptOrderId, SETTLE_BATCH - 1],
    );
    if (payable.length === 0) return [];
    const orders = await this.ordering.lockAvailable(tx, [...new Set(payable.map((r) => r.order_id))]);
    return orders.flatMap((order) =>
      payable
        .filter((r) => r.order_id === order.id)
        .map((r) => r.round_no)
        .sort((x, y) => x - y)
        .map((roundNo) => ({ order, roundNo })),
    );
  }

  /**
   * The order row is locked by the caller; a round already settled or not payable is left alone. Audit entries go
   * to `audit`, recorded once at the end: the audit chain's lock is then held only at the very end.
   */
  private async settleLocked(tx: EntityManager, order: Order, roundNo: number, audit: AuditEntry[]): Promise<void> {
    const orderId = order.id;
    const record = await tx.findOneBy(AcceptanceRecord, { orderId, roundNo });
    if (!record || record.status !== 'PAYABLE' || (await tx.existsBy(Settlement, { orderId, roundNo }))) return;
    const paidBefore = await this.paidTo(tx, orderId);
    const amount = (await this.payableEarned(tx, order, roundNo)) - paidBefore;
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
    await updateIfStatus(tx, AcceptanceRecord, record.id, record.status, {
      status: recordLifecycle.apply(record.status, 'settle'),
    });
    const settledRounds = await tx.countBy(Settlement, { orderId });
    if (settledRounds === order.terms.rounds.length) await this.ordering.close(tx, SYSTEM_ACTOR, order, audit);
    const event: OutcomeSettled = { orderId, vendorOrganisationId: order.vendorOrganisationId };
    await this.outbox.enqueue(tx, {
      queue: OUTCOME_EVENTS_QUEUE,
      name: OutcomeEvents.settled,
      id: jobId(OutcomeEvents.settled, orderId, roundNo),
      payload: event,
    });
    audit.push({
      actor: SYSTEM_ACTOR,
      entityType: 'settlement',
      entityId: settlement.id,
      action: 'settled',
      after: settlement,
    });
  }

  /**
   * The ordering agency's acceptance officer signs the record's hash; the dispute window starts on the database
   * clock. With a zero window the round becomes payable in the same transaction.
   */
  async sign(principal: Principal, orderId: string, roundNo: number, recordHash: string): Promise<AcceptanceRecord> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      assertVisible(principal, order);
      if (
        !principal.userId ||
        !principal.roles.includes('ACCEPTANCE_OFFICER') ||
        principal.organisationId !== order.agencyOrganisationId
      )
        throw AcceptanceErrors.NOT_OFFICER_OF_ORDER();
      const record = await this.recordOf(tx, orderId, roundNo);
      if (record.status !== 'EVALUATED')
        throw AcceptanceErrors.RECORD_NOT_SIGNABLE(undefined, { status: record.status });
      if (recordHash !== record.recordHash)
        throw AcceptanceErrors.RECORD_CHANGED(undefined, { current: record.recordHash });
      const status = recordLifecycle.apply(record.status, 'sign');
      const [signed] = await tx.query<Array<{ due: boolean }>>(
        `WITH signed AS (
           UPDATE acceptance.records
           SET status = $2, signed_hash = $3, signed_by_user_id = $4, signed_at = now(),
               dispute_deadline = now() + make_interval(secs => $5)
           WHERE id = $1 AND status = $6 RETURNING dispute_deadline <= now() AS due)
         SELECT due FROM signed`,
        [record.id, status, recordHash, principal.userId, order.terms.disputeWindowSeconds, record.status],
      );
      if (signed.due) await this.release(tx, [record.id]);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'acceptance_record',
        entityId: record.id,
        action: 'signed',
        after: { recordHash, disputeWindowSeconds: order.terms.disputeWindowSeconds },
      });
      return this.recordOf(tx, orderId, roundNo);
    });
  }

  /**
   * Sweeper: signed records whose dispute window has passed (database clock) become payable, and their settlement
   * is queued in the same transaction. Returns how many were released.
   */
  async releaseDue(limit: number): Promise<number> {
    return this.tx.run(async (tx) => {
      const due = await tx.query<Array<{ id: string }>>(
        `SELECT id FROM acceptance.records WHERE status = 'SIGNED' AND dispute_deadline <= now()
         ORDER BY dispute_deadline LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (due.length === 0) return 0;
      await this.release(
        tx,
        due.map((r) => r.id),
      );
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        entityType: 'acceptance_record',
        entityId: due[0].id,
        action: 'dispute-window-passed',
        after: { records: due.map((r) => r.id) },
      });
      return due.length;
    });
  }

  /** The vendor disputes a signed record inside its window; the round's settlement is frozen until resolved. */
  async dispute(
    principal: Principal,
    orderId: string,
    roundNo: number,
    input: { reason: string; evidence: EvidenceFile[] },
  ): Promise<Dispute> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      assertVisible(principal, order);
      if (
        !principal.userId ||
        !principal.roles.includes('VENDOR') ||
        principal.organisationId !== order.vendorOrganisationId
      )
        throw AcceptanceErrors.NOT_VENDOR_OF_ORDER();
      const record = await this.recordOf(tx, orderId, roundNo);
      const frozen = await tx.query<Array<{ id: string }>>(
        `WITH frozen AS (
           UPDATE acceptance.records SET status = $2
           WHERE id = $1 AND status = 'SIGNED' AND dispute_deadline > now() RETURNING id)
         SELECT id FROM frozen`,
        [record.id, recordLifecycle.next('SIGNED', 'dispute')],
      );
      if (frozen.length === 0)
        throw AcceptanceErrors.DISPUTE_WINDOW_CLOSED(undefined, {
          status: record.status,
          disputeDeadline: record.disputeDeadline,
        });
      const dispute = tx.create(Dispute, {
        id: newId(),
        recordId: record.id,
        orderId,
        roundNo,
        status: 'OPEN',
        reason: input.reason,
        evidence: input.evidence,
        recordHash: record.recordHash,
        openedByUserId: principal.userId,
        resolutionNote: null,
        resolvedByUserId: null,
        resolvedAt: null,
      });
      await tx.insert(Dispute, dispute);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'dispute',
        entityId: dispute.id,
        action: 'opened',
        after: { recordId: record.id, recordHash: record.recordHash, reason: input.reason, evidence: input.evidence },
      });
      return dispute;
    });
  }

  /**
   * The operator upholds the signed record: the round returns to its dispute window, and is payable at once when
   * that window has already passed.
   */
  async uphold(principal: Principal, orderId: string, disputeId: string, note: string): Promise<Dispute> {
    return this.tx.run(async (tx) => {
      await this.ordering.lock(tx, orderId);
      const dispute = await tx.findOneBy(Dispute, { id: disputeId, orderId });
      if (!dispute) throw AcceptanceErrors.DISPUTE_NOT_FOUND(undefined, { id: disputeId });
      if (dispute.status !== 'OPEN') throw AcceptanceErrors.DISPUTE_NOT_OPEN(undefined, { status: dispute.status });
      const record = await this.recordOf(tx, orderId, dispute.roundNo);
      const [resolved] = await tx.query<Array<{ resolved_at: Date }>>(
        `WITH resolved AS (
           UPDATE acceptance.disputes SET status = 'UPHELD', resolution_note = $2, resolved_by_user_id = $3,
                  resolved_at = now() WHERE id = $1 AND status = 'OPEN' RETURNING resolved_at)
         SELECT resolved_at FROM resolved`,
        [disputeId, note, principal.userId],
      );
      const status = recordLifecycle.apply(record.status, 'uphold');
      await updateIfStatus(tx, AcceptanceRecord, record.id, record.status, { status });
      if (record.disputeDeadline && record.disputeDeadline <= resolved.resolved_at) await this.release(tx, [record.id]);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'dispute',
        entityId: disputeId,
        action: 'upheld',
        after: { recordId: record.id, note },
      });
      return {
        ...dispute,
        status: 'UPHELD',
        resolutionNote: note,
        resolvedByUserId: principal.userId,
        resolvedAt: resolved.resolved_at,
      };
    });
  }

  /**
   * Scheduler: active orders past their end date (database clock) with no record still awaiting signature,
   * dispute or payment are closed; rounds without sufficient data earn nothing and escrow returns to the budget.
   */
  async expireDue(limit: number): Promise<number> {
    const due = await this.tx.run((tx) =>
      tx.query<Array<{ id: string }>>(
        `SELECT o.id FROM ordering.orders o
         WHERE o.status = 'ACTIVE' AND (o.terms->>'endsAt')::timestamptz <= now()
           AND NOT EXISTS (SELECT 1 FROM acceptance.records r WHERE r.order_id = o.id AND r.status <> 'SETTLED')
         ORDER BY o.id LIMIT $1`,
        [limit],
      ),
    );
    let expired = 0;
    for (const { id } of due) if (await this.expire(id)) expired++;
    return expired;
  }

  private async expire(orderId: string): Promise<boolean> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      const [{ due }] = await tx.query<Array<{ due: boolean }>>(
        `SELECT $2::timestamptz <= now() AND NOT EXISTS (
           SELECT 1 FROM acceptance.records WHERE order_id = $1 AND status <> 'SETTLED') AS due`,
        [orderId, order.terms.endsAt],
      );
      if (order.status !== 'ACTIVE' || !due) return false;
      const event: OutcomeSettled = { orderId, vendorOrganisationId: order.vendorOrganisationId };
      await this.outbox.enqueue(tx, {
        queue: OUTCOME_EVENTS_QUEUE,
        name: OutcomeEvents.settled,
        id: jobId(OutcomeEvents.settled, orderId, 'expired'),
        payload: event,
      });
      await this.ordering.close(tx, SYSTEM_ACTOR, order);
      return true;
    });
  }

  async disputes(principal: Principal, orderId: string): Promise<Dispute[]> {
    assertVisible(principal, await this.ordering.findById(orderId));
    return this.tx.run((tx) => tx.find(Dispute, { where: { orderId }, order: { openedAt: 'ASC' } }));
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
         WHERE r.status = 'PAYABLE' AND r.payable_at < now() - make_interval(secs => $1) LIMIT 1000`,
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

  /** SIGNED → PAYABLE and the settlement job in one transaction: the outbox row exists iff the round is payable. */
  private async release(tx: EntityManager, recordIds: string[]): Promise<void> {
    const released = await tx.query<Array<{ order_id: string; round_no: number }>>(
      `WITH released AS (
         UPDATE acceptance.records SET status = $2, payable_at = now()
         WHERE id = ANY($1) AND status = 'SIGNED' RETURNING order_id, round_no)
       SELECT order_id, round_no FROM released`,
      [recordIds, recordLifecycle.next('SIGNED', 'release')],
    );
    for (const r of released)
      await this.outbox.enqueue(tx, roundJob(AcceptanceJobs.settleRound, r.order_id, r.round_no));
  }

  private async recordOf(tx: EntityManager, orderId: string, roundNo: number): Promise<AcceptanceRecord> {
    const record = await tx.findOneBy(AcceptanceRecord, { orderId, roundNo });
    if (!record) throw AcceptanceErrors.RECORD_NOT_FOUND(undefined, { orderId, roundNo });
    return record;
  }

  /**
   * What the order has earned, floored once from the exact sum, over its settled rounds and its payable rounds up
   * to `roundNo`: a round under dispute or in its window contributes nothing yet, and whatever order rounds are
   * settled in, the total paid never exceeds what the settled rounds earned.
   */
  private async payableEarned(tx: EntityManager, order: Order, roundNo: number): Promise<bigint> {
    const records = await tx.find(AcceptanceRecord, { where: { orderId: order.id } });
    const counts = (r: AcceptanceRecord) => r.status === 'SETTLED' || (r.status === 'PAYABLE' && r.roundNo <= roundNo);
    const rounds: RoundMeasurements[] = order.terms.rounds.map((round) => {
      const record = records.find((r) => r.roundNo === round.no && counts(r));
      return Object.fromEntries((record?.results ?? []).map((k) => [k.key, k.measured]));
    });
    return cumulativeEarned(paymentTermsOf(order.terms), { delivered: false, rounds });
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
