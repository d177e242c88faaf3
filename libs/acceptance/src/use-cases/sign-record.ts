import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf } from '@app/identity';
import { assertVisible, type OrderCommand, OrderingFacade } from '@app/ordering';
import { Outbox, Transactions } from '@app/platform';
import type { AcceptanceRecord } from '../acceptance-record.entity';
import { AcceptanceErrors, recordLifecycle } from '../contracts/acceptance';
import { AcceptanceNotices, acceptanceNotice } from '../contracts/notices';
import { assertOfficerOf } from '../officer-of-order';
import { RecordRelease } from '../record-release';
import { RoundRecords } from '../round-records';

@Injectable()
export class SignRecord {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ordering: OrderingFacade,
    private readonly outbox: Outbox,
    private readonly rounds: RoundRecords,
    private readonly records: RecordRelease,
  ) {}

  /**
   * The ordering agency's acceptance officer signs the record's hash; the dispute window starts on the database
   * clock. With a zero window the round becomes payable in the same transaction.
   */
  execute({
    principal,
    orderId,
    roundNo,
    recordHash,
  }: OrderCommand & { roundNo: number; recordHash: string }): Promise<AcceptanceRecord> {
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
      if (signed.due) await this.records.release(tx, [record.id]);
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
}
