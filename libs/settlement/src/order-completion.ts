import { DELIVERY_ROUND, type RecordStatus } from '@app/acceptance';
import type { Order } from '@app/ordering';

/** A record is done with once it is settled or a correction superseded it. */
export const FINISHED_RECORD_STATUSES: readonly RecordStatus[] = ['SETTLED', 'SUPERSEDED'];

const isFinished = (status: RecordStatus) => FINISHED_RECORD_STATUSES.includes(status);

/**
 * When an order is complete (PRODUCT.md): it is active, every measurement round is settled, and no record (a delivery
 * record included) is still on its way to payment. An expired order closes on the last of these alone.
 */
export function isComplete(order: Order, records: ReadonlyArray<{ roundNo: number; status: RecordStatus }>): boolean {
  const settledRounds = records.filter((r) => r.roundNo !== DELIVERY_ROUND && r.status === 'SETTLED').length;
  return order.status === 'ACTIVE' && settledRounds === order.terms.rounds.length && nothingInFlight(records);
}

export function nothingInFlight(records: ReadonlyArray<{ status: RecordStatus }>): boolean {
  return records.every((r) => isFinished(r.status));
}
