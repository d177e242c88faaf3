import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { actorOf } from '@app/identity';
import { type Order, type OrderCommand, OrderingFacade } from '@app/ordering';
import { jobId, Outbox, Transactions, updateIfStatus } from '@app/platform';
import { AcceptanceRecord } from '../acceptance-record.entity';
import {
  AcceptanceErrors,
  type DisputeOutcome,
  outcomeEvent,
  OutcomeEvents,
  recordEvent,
  RecordEvents,
  recordLifecycle,
} from '../contracts/acceptance';
import { AcceptanceNotices, acceptanceNotice } from '../contracts/notices';
import { Dispute } from '../dispute.entity';
import { MeasurementBatch } from '../measurement-batch.entity';
import { RecordRelease } from '../record-release';
import { recordReady, RoundRecords } from '../round-records';

export interface ResolveDisputeCommand extends OrderCommand {
  disputeId: string;
  note: string;
  outcome: DisputeOutcome;
}

@Injectable()
export class ResolveDispute {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ordering: OrderingFacade,
    private readonly outbox: Outbox,
    private readonly rounds: RoundRecords,
    private readonly records: RecordRelease,
  ) {}

  /**
   * The operator resolves a dispute. Upholding returns the record where it was: a vendor's dispute to its window
   * (payable at once when that has passed), a re-check to settled. Correcting supersedes the record with a new
   * version evaluated from the data the acceptance officer uploaded for the correction; the officer signs that
   * version, and its settlement pays — or claws back — the difference.
   */
  execute({ principal, orderId, disputeId, note, outcome }: ResolveDisputeCommand): Promise<Dispute> {
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
        await this.records.release(tx, [record.id]);
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
}
