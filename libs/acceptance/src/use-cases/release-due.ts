import { Injectable } from '@nestjs/common';
import { AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { Transactions } from '@app/platform';
import { RecordRelease } from '../record-release';

@Injectable()
export class ReleaseDue {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly records: RecordRelease,
  ) {}

  /**
   * Sweeper: signed records whose dispute window has passed (database clock) become payable, and their settlement
   * is queued in the same transaction. Returns how many were released.
   */
  execute({ limit }: { limit: number }): Promise<number> {
    return this.tx.run(async (tx) => {
      const due = await tx.query<Array<{ id: string }>>(
        `SELECT id FROM acceptance.records WHERE status = 'SIGNED' AND dispute_deadline <= now()
         ORDER BY dispute_deadline LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (due.length === 0) return 0;
      await this.records.release(
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
}
