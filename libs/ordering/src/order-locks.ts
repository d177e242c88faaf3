import { EntityManager } from 'typeorm';
import { selectById, selectFrom } from '@app/platform';
import { OrderingErrors } from './contracts/ordering';
import { Order } from './order.entity';

/** Row lock on the order: settlement, signing and closing of one order never interleave. */
export async function lockOrder(tx: EntityManager, orderId: string): Promise<Order> {
  const order = await selectById(tx, Order, orderId, { lock: true });
  if (!order) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: orderId });
  return order;
}

/**
 * Locks those of the orders no other transaction holds (SKIP LOCKED), in id order, at most `limit` of them; the
 * others are left out.
 */
export function lockAvailableOrders(tx: EntityManager, orderIds: string[], limit?: number): Promise<Order[]> {
  return tx.query<Order[]>(
    `${selectFrom(tx, Order, 'o')} WHERE o.id = ANY($1::uuid[]) ORDER BY o.id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [orderIds, limit ?? null],
  );
}

/** The order, read through the given manager, or ORDER_NOT_FOUND (plain SQL: most requests read an order). */
export async function findOrder(tx: EntityManager, orderId: string): Promise<Order> {
  const order = await selectById(tx, Order, orderId);
  if (!order) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: orderId });
  return order;
}
