import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Outbox } from '@app/platform';
import { recordEvent, RecordEvents, recordLifecycle } from './contracts/acceptance';

@Injectable()
export class RecordRelease {
  constructor(private readonly outbox: Outbox) {}

  /** SIGNED → PAYABLE and its event in one transaction: the outbox row exists iff the round is payable. */
  async release(tx: EntityManager, recordIds: string[]): Promise<void> {
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
}
