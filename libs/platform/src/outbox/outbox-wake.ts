import type { EntityManager } from 'typeorm';

const WROTE_OUTBOX = 'wroteOutbox';

/** Marks the transaction as one that queued work: once it commits, the relays hear of it (see Transactions). */
export function markOutboxWritten(tx: EntityManager): void {
  if (tx.queryRunner) tx.queryRunner.data[WROTE_OUTBOX] = true;
}

export function wroteOutbox(tx: EntityManager): boolean {
  return tx.queryRunner?.data[WROTE_OUTBOX] === true;
}
