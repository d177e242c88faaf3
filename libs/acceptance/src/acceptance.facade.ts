import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { newId } from '@app/kernel';
import { assertResultsVisible, assertVisible, OrderingFacade, paymentTermsOf, type Order } from '@app/ordering';
import { jobId, JobRequest, Outbox, Transactions, updateAllIfStatus, updateIfStatus } from '@app/platform';
import { AcceptanceRecord } from './acceptance-record.entity';
import {
  AcceptanceErrors,
  DELIVERY_ROUND,
  type DisputeKind,
  type DisputeOutcome,
  evaluationJob,
  type EvidenceFile,
  outcomeEvent,
  OutcomeEvents,
  recordEvent,
  RecordEvents,
  recordLifecycle,
  type RoundJob,
} from './contracts/acceptance';
import { AcceptanceNotices, acceptanceNotice } from './contracts/notices';
import { Dispute } from './dispute.entity';
import { MeasurementBatch } from './measurement-batch.entity';
import { assertOfficerOf } from './officer-of-order';
import { RoundRecords } from './round-records';

@Injectable()
export class AcceptanceFacade {
  private readonly logger = new Logger(AcceptanceFacade.name);

  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ordering: OrderingFacade,
    private readonly outbox: Outbox,
    private readonly rounds: RoundRecords,
  ) {}

  /** Worker: writes the acceptance record once the round has sufficient data; the officer signs it next. */
  async evaluate({ orderId, roundNo }: RoundJob): Promise<void> {
    await this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      if (order.status !== 'ACTIVE' || (await tx.existsBy(AcceptanceRecord, { orderId, roundNo }))) return;
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

  /**
   * The ordering agency's acceptance officer signs the record's hash; the dispute window starts on the database
   * clock. With a zero window the round becomes payable in the same transaction.
   */
  async sign(principal: Principal, orderId: string, roundNo: number, recordHash: string): Promise<AcceptanceRecord> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      assertVisible(principal, order);
      assertOfficerOf(principal, order, { signer: true });
      const record = await this.rounds.current(tx, orderId, roundNo);
      if (record.status !== 'EVALUATED')
        throw AcceptanceErrors.RECORD_NOT_SIGNABLE(undefined, { status: record.status });
      if (recordHash !== record.recordHash)
        throw AcceptanceErrors.RECORD_CHANGED(undefined, { current: record.recordHash });
      const status = recordLifecycle.apply(record.status, 'sign');
      const [signed] = await tx.query<Array<{ due: boolean; dispute_deadline: Date }>>(
        `WITH signed AS (
           UPDATE acceptance.records
           SET status = $2, signed_hash = $3, signed_by_user_id = $4, signed_at = now(),
               dispute_deadline = now() + make_interval(secs => $5)
           WHERE id = $1 AND status = $6 RETURNING dispute_deadline <= now() AS due, dispute_deadline)
         SELECT due, dispute_deadline FROM signed`,
        [record.id, status, recordHash, principal.userId, order.terms.disputeWindowSeconds, record.status],
      );
      if (signed.due) await this.release(tx, [record.id]);
      await this.outbox.enqueue(
        tx,
        acceptanceNotice(AcceptanceNotices.recordSigned, order, record.id, {
          roundNo,
          disputeDeadline: signed.dispute_deadline.toISOString(),
        }),
      );
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'acceptance_record',
        entityId: record.id,
        action: 'signed',
        after: { recordHash, disputeWindowSeconds: order.terms.disputeWindowSeconds },
      });
      return this.rounds.current(tx, orderId, roundNo);
    });
  }

  /**
   * The ordering agency's acceptance officer confirms delivery: the delivery record (round DELIVERY_ROUND) shows
   * what the order earns with its fixed delivery share; signed like a round's record, it is settled once.
   */
  async confirmDelivery(principal: Principal, orderId: string, note: string): Promise<AcceptanceRecord> {
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
      const record = await this.rounds.current(tx, orderId, roundNo);
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
      return this.openDispute(tx, principal, order, record, 'VENDOR', input);
    });
  }

  /**
   * Hậu kiểm: the operator re-checks a settled round of an active order (an audit finding, suspect data). The round
   * is frozen like a disputed one until the operator upholds it or corrects it; a correction that lowers what the
   * order earned is clawed back when the corrected record is settled.
   */
  async recheck(principal: Principal, orderId: string, roundNo: number, reason: string): Promise<Dispute> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      const record = await this.rounds.current(tx, orderId, roundNo);
      if (order.status !== 'ACTIVE' || recordLifecycle.next(record.status, 'reopen') === undefined)
        throw AcceptanceErrors.RECORD_NOT_REOPENABLE(undefined, { orderStatus: order.status, status: record.status });
      await updateIfStatus(tx, AcceptanceRecord, record.id, record.status, {
        status: recordLifecycle.apply(record.status, 'reopen'),
      });
      return this.openDispute(tx, principal, order, record, 'AUDIT', { reason, evidence: [] });
    });
  }

  private async openDispute(
    tx: EntityManager,
    principal: Principal,
    order: Order,
    record: AcceptanceRecord,
    kind: DisputeKind,
    input: { reason: string; evidence: EvidenceFile[] },
  ): Promise<Dispute> {
    const dispute = tx.create(Dispute, {
      id: newId(),
      recordId: record.id,
      orderId: record.orderId,
      roundNo: record.roundNo,
      status: 'OPEN',
      kind,
      reason: input.reason,
      evidence: input.evidence,
      recordHash: record.recordHash,
      openedByUserId: principal.userId,
      resolutionNote: null,
      resolvedByUserId: null,
      resolvedAt: null,
      correctionRecordId: null,
    });
    await tx.insert(Dispute, dispute);
    await this.outbox.enqueue(
      tx,
      acceptanceNotice(AcceptanceNotices.disputeOpened, order, dispute.id, {
        roundNo: record.roundNo,
        disputeId: dispute.id,
      }),
    );
    await this.audit.record(tx, {
      actor: actorOf(principal),
      entityType: 'dispute',
      entityId: dispute.id,
      action: 'opened',
      after: {
        kind,
        recordId: record.id,
        recordHash: record.recordHash,
        reason: input.reason,
        evidence: input.evidence,
      },
    });
    return tx.findOneByOrFail(Dispute, { id: dispute.id });
  }

  /**
   * The operator resolves a dispute. Upholding returns the record where it was: a vendor's dispute to its window
   * (payable at once when that has passed), a re-check to settled. Correcting supersedes the record with a new
   * version evaluated from the data the acceptance officer uploaded for the correction; the officer signs that
   * version, and its settlement pays — or claws back — the difference.
   */
  async resolve(
    principal: Principal,
    orderId: string,
    disputeId: string,
    { note, outcome }: { note: string; outcome: DisputeOutcome },
  ): Promise<Dispute> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      const dispute = await tx.findOneBy(Dispute, { id: disputeId, orderId });
      if (!dispute) throw AcceptanceErrors.DISPUTE_NOT_FOUND(undefined, { id: disputeId });
      if (dispute.status !== 'OPEN') throw AcceptanceErrors.DISPUTE_NOT_OPEN(undefined, { status: dispute.status });
      const record = await this.rounds.current(tx, orderId, dispute.roundNo);
      const correction = outcome === 'CORRECTED' ? await this.correction(tx, order, record) : null;
      const [resolved] = await tx.query<Array<{ resolved_at: Date }>>(
        `WITH resolved AS (
           UPDATE acceptance.disputes SET status = $2, resolution_note = $3, resolved_by_user_id = $4,
                  resolved_at = now(), correction_record_id = $5
           WHERE id = $1 AND status = 'OPEN' RETURNING resolved_at)
         SELECT resolved_at FROM resolved`,
        [disputeId, outcome, note, principal.userId, correction?.id ?? null],
      );
      const event = correction ? 'correct' : dispute.kind === 'AUDIT' ? 'restore' : 'uphold';
      const status = recordLifecycle.apply(record.status, event);
      await updateIfStatus(tx, AcceptanceRecord, record.id, record.status, { status });
      if (correction) {
        await tx.insert(AcceptanceRecord, correction);
        await this.outbox.enqueue(tx, recordReady(order, correction));
      } else if (status === 'SIGNED' && record.disputeDeadline && record.disputeDeadline <= resolved.resolved_at)
        await this.release(tx, [record.id]);
      else if (status === 'SETTLED')
        await this.outbox.enqueue(tx, {
          ...recordEvent(RecordEvents.restored, orderId, record.roundNo, record.version),
          id: jobId(RecordEvents.restored, disputeId),
        });
      await this.outbox.enqueue(
        tx,
        acceptanceNotice(AcceptanceNotices.disputeResolved, order, disputeId, {
          roundNo: dispute.roundNo,
          disputeId,
          outcome,
        }),
      );
      await this.outbox.enqueue(
        tx,
        outcomeEvent(
          OutcomeEvents.disputeResolved,
          { orderId, vendorOrganisationId: order.vendorOrganisationId },
          disputeId,
        ),
      );
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'dispute',
        entityId: disputeId,
        action: outcome === 'CORRECTED' ? 'corrected' : 'upheld',
        after: {
          recordId: record.id,
          note,
          correctionRecordId: correction?.id,
          correctionHash: correction?.recordHash,
        },
      });
      return tx.findOneByOrFail(Dispute, { id: disputeId });
    });
  }

  /** The next version of a disputed record, from the data uploaded for it: refused without such data. */
  private async correction(tx: EntityManager, order: Order, record: AcceptanceRecord): Promise<AcceptanceRecord> {
    const version = record.version + 1;
    const uploaded = await tx.existsBy(MeasurementBatch, {
      orderId: order.id,
      roundNo: record.roundNo,
      revision: version,
    });
    if (!uploaded)
      throw AcceptanceErrors.CORRECTION_DATA_MISSING(undefined, { roundNo: record.roundNo, revision: version });
    const built = await this.rounds.build(tx, order, record.roundNo, version);
    if ('insufficient' in built)
      throw AcceptanceErrors.CORRECTION_NOT_EVALUABLE(undefined, { insufficient: built.insufficient });
    return built.record;
  }

  async disputes(principal: Principal, orderId: string): Promise<Dispute[]> {
    return this.tx.run(async (tx) => {
      assertVisible(principal, await this.ordering.findById(orderId, tx));
      return tx.find(Dispute, { where: { orderId }, order: { openedAt: 'ASC' } });
    });
  }

  async records(principal: Principal, orderId: string): Promise<AcceptanceRecord[]> {
    return this.tx.run(async (tx) => {
      assertResultsVisible(principal, await this.ordering.findById(orderId, tx));
      return tx.find(AcceptanceRecord, { where: { orderId }, order: { roundNo: 'ASC', version: 'ASC' } });
    });
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

  /** SIGNED → PAYABLE and its event in one transaction: the outbox row exists iff the round is payable. */
  private async release(tx: EntityManager, recordIds: string[]): Promise<void> {
    const released = await tx.query<Array<{ order_id: string; round_no: number; version: number }>>(
      `WITH released AS (
         UPDATE acceptance.records SET status = $2, payable_at = now()
         WHERE id = ANY($1) AND status = 'SIGNED' RETURNING order_id, round_no, version)
       SELECT order_id, round_no, version FROM released`,
      [recordIds, recordLifecycle.next('SIGNED', 'release')],
    );
    await this.outbox.enqueueMany(
      tx,
      released.map((r) => recordEvent(RecordEvents.payable, r.order_id, r.round_no, r.version)),
    );
  }

  /** Settlement: the records of these orders it pays from (every status, round order). */
  settlementRecords(tx: EntityManager, orderIds: string[]): Promise<SettlementRecord[]> {
    return tx.find(AcceptanceRecord, {
      select: { id: true, orderId: true, roundNo: true, version: true, status: true, results: true },
      where: { orderId: In(orderIds) },
      order: { roundNo: 'ASC' },
    });
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

  /** Settlement: these payable records are paid (PAYABLE → SETTLED). */
  async markSettled(tx: EntityManager, recordIds: string[]): Promise<void> {
    await updateAllIfStatus(tx, AcceptanceRecord, recordIds, 'PAYABLE', {
      status: recordLifecycle.apply('PAYABLE', 'settle'),
    });
  }
}

/** What settlement reads of a record. */
export type SettlementRecord = Pick<AcceptanceRecord, 'id' | 'orderId' | 'roundNo' | 'version' | 'status' | 'results'>;

/** The officers of the order's agency are told a record awaits their signature. */
const recordReady = (order: Order, record: Pick<AcceptanceRecord, 'id' | 'roundNo'>) =>
  acceptanceNotice(AcceptanceNotices.recordReady, order, record.id, { roundNo: record.roundNo });
