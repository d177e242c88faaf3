import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditActor } from '@app/audit';
import type { AwardDto } from '@app/competition';
import type { Principal } from '@app/identity';
import { Clock, type Page } from '@app/kernel';
import { updateAllIfStatus } from '@app/platform';
import { orderLifecycle } from './contracts/ordering';
import { DraftCancellation } from './draft-cancellation';
import type { FundingFigures } from './funding-reads';
import { Order } from './order.entity';
import { findOrder, lockAvailableOrders, lockOrder } from './order-locks';
import { type OrderDetails, OrderReads, type OrderListFilter, type VendorBalances } from './order-reads';
import { AllocateBudget } from './use-cases/allocate-budget';
import { AwardOrder } from './use-cases/award-order';
import { CancelOrder } from './use-cases/cancel-order';
import { DepositToFunderPool } from './use-cases/deposit-to-funder-pool';
import { Disburse } from './use-cases/disburse';
import { NameValidator } from './use-cases/name-validator';
import { Pledge } from './use-cases/pledge';
import { SignOrder } from './use-cases/sign-order';
import { WithdrawPledge } from './use-cases/withdraw-pledge';

export type { OrderListFilter, VendorBalances } from './order-reads';

/**
 * Ordering's front door: its write operations are use cases, its pages read through OrderReads; what other modules
 * do to an order inside their own transaction (lock, find, close, cancel a draft) takes their manager.
 */
@Injectable()
export class OrderingFacade {
  constructor(
    private readonly reads: OrderReads,
    private readonly drafts: DraftCancellation,
    private readonly clock: Clock,
    private readonly allocateBudgetCase: AllocateBudget,
    private readonly disburseCase: Disburse,
    private readonly depositCase: DepositToFunderPool,
    private readonly pledgeCase: Pledge,
    private readonly withdrawPledgeCase: WithdrawPledge,
    private readonly nameValidatorCase: NameValidator,
    private readonly awardCase: AwardOrder,
    private readonly signCase: SignOrder,
    private readonly cancelCase: CancelOrder,
  ) {}

  allocateBudget(principal: Principal, agencyId: string, amount: bigint, reference: string): Promise<bigint> {
    return this.allocateBudgetCase.execute({ principal, agencyId, amount, reference });
  }

  disburse(principal: Principal, vendorId: string, amount: bigint, reference: string): Promise<VendorBalances> {
    return this.disburseCase.execute({ principal, vendorId, amount, reference });
  }

  depositToFunderPool(principal: Principal, funderId: string, amount: bigint, reference: string): Promise<bigint> {
    return this.depositCase.execute({ principal, funderId, amount, reference });
  }

  pledge(principal: Principal, orderId: string, amount: bigint): Promise<Order> {
    return this.pledgeCase.execute({ principal, orderId, amount });
  }

  withdrawPledge(principal: Principal, orderId: string): Promise<Order> {
    return this.withdrawPledgeCase.execute({ principal, orderId });
  }

  nameValidator(principal: Principal, orderId: string, validatorOrganisationId: string | null): Promise<Order> {
    return this.nameValidatorCase.execute({ principal, orderId, validatorOrganisationId });
  }

  award(
    principal: Principal,
    callId: string,
    dto: AwardDto & { disputeWindowSeconds?: number; validatorOrganisationId?: string },
  ): Promise<Order> {
    return this.awardCase.execute({ ...dto, principal, callId });
  }

  /** The order as it stands once signed (the escrow funded by the last signature). */
  sign(principal: Principal, orderId: string, signedHash: string): Promise<OrderDetails> {
    return this.signCase.execute({ principal, orderId, signedHash });
  }

  cancel(principal: Principal, orderId: string, reason: string): Promise<Order> {
    return this.cancelCase.execute({ principal, orderId, reason });
  }

  /** Cancels a locked draft order; a bake-off trial order's finalist withdraws in the same transaction. */
  cancelDraft(tx: EntityManager, actor: AuditActor, order: Order, reason: string): Promise<Order> {
    return this.drafts.cancel(tx, actor, order, reason);
  }

  /** Row lock on the order: settlement, signing and closing of one order never interleave. */
  lock(tx: EntityManager, orderId: string): Promise<Order> {
    return lockOrder(tx, orderId);
  }

  /**
   * Locks those of the orders no other transaction holds (SKIP LOCKED), in id order, at most `limit` of them; the
   * others are left out.
   */
  lockAvailable(tx: EntityManager, orderIds: string[], limit?: number): Promise<Order[]> {
    return lockAvailableOrders(tx, orderIds, limit);
  }

  findById(orderId: string, tx: EntityManager): Promise<Order> {
    return findOrder(tx, orderId);
  }

  /**
   * ACTIVE → CLOSED: settlement calls this once it has released what the orders' escrows still held (a closed
   * order's escrow is zero). Returns the new status and when.
   */
  async markClosed(tx: EntityManager, orders: Order[]): Promise<Pick<Order, 'status' | 'closedAt'>> {
    const [status] = orders.map((order) => orderLifecycle.apply(order.status, 'close'));
    const closedAt = this.clock.now();
    await updateAllIfStatus(
      tx,
      Order,
      orders.map((o) => o.id),
      'ACTIVE',
      { status, closedAt },
    );
    return { status, closedAt };
  }

  get(principal: Principal, orderId: string): Promise<OrderDetails> {
    return this.reads.get(principal, orderId);
  }

  list(principal: Principal, filter: OrderListFilter): Promise<Page<Order>> {
    return this.reads.list(principal, filter);
  }

  vendorBalances(principal: Principal, vendorId: string): Promise<VendorBalances> {
    return this.reads.vendorBalances(principal, vendorId);
  }

  budget(principal: Principal, agencyId: string): Promise<bigint> {
    return this.reads.budget(principal, agencyId);
  }

  funderPool(principal: Principal, funderId: string): Promise<bigint> {
    return this.reads.funderPool(principal, funderId);
  }

  funding(): Promise<FundingFigures> {
    return this.reads.funding();
  }
}
