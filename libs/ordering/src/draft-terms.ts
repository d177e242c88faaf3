import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { updateIfStatus } from '@app/platform';
import { type CofunderPledge, type OrderTerms, OrderingErrors } from './contracts/ordering';
import { assertVisible } from './order-access';
import { Order } from './order.entity';
import { lockOrder } from './order-locks';
import { termsHash, withPledges } from './order-terms';

/** A new unsigned draft order carrying `terms`, for the caller to insert (a trial order says so). */
export function newDraftOrder(
  tx: EntityManager,
  { id, callId, terms, ...flags }: { id: string; callId: string; terms: OrderTerms; trial?: true },
): Order {
  return tx.create(Order, {
    id,
    callId,
    ...flags,
    agencyOrganisationId: terms.agencyOrganisationId,
    vendorOrganisationId: terms.vendorOrganisationId,
    status: 'DRAFT',
    maxAmount: terms.maxAmount,
    terms,
    termsHash: termsHash(terms),
    activatedAt: null,
    closedAt: null,
    cancelledAt: null,
    cancellationReason: null,
  });
}

/** Only a co-funder's funder pledges or withdraws a pledge. */
export function assertFunder(principal: Principal): void {
  if (principal.organisationType !== 'FUNDER' || !principal.roles.includes('FUNDER'))
    throw OrderingErrors.NOT_A_FUNDER();
}

/** Changes to a draft order's terms: each changes the terms hash, so a party that signed before signs again. */
@Injectable()
export class DraftTerms {
  constructor(private readonly audit: AuditFacade) {}

  /** Locks the draft order and replaces its co-funders' pledges by what `change` makes of them. */
  async changePledges(
    tx: EntityManager,
    principal: Principal,
    orderId: string,
    action: string,
    change: (pledges: CofunderPledge[], order: Order) => CofunderPledge[],
  ): Promise<Order> {
    const order = await lockOrder(tx, orderId);
    assertVisible(principal, order);
    if (order.status !== 'DRAFT') throw OrderingErrors.NOT_PLEDGEABLE(undefined, { status: order.status });
    const terms = withPledges(order.terms, change(order.terms.cofunding?.pledges ?? [], order));
    return this.replace(tx, principal, order, terms, action, (t) => ({ cofunding: t.cofunding ?? null }));
  }

  /** A draft's new terms and their hash (signatures over the old hash no longer count), audited with what changed. */
  async replace(
    tx: EntityManager,
    principal: Principal,
    order: Order,
    terms: OrderTerms,
    action: string,
    changed: (terms: OrderTerms) => object,
  ): Promise<Order> {
    const hash = termsHash(terms);
    await updateIfStatus(tx, Order, order.id, 'DRAFT', { terms, termsHash: hash });
    await this.audit.record(tx, {
      actor: actorOf(principal),
      entityType: 'order',
      entityId: order.id,
      action,
      before: { termsHash: order.termsHash, ...changed(order.terms) },
      after: { termsHash: hash, ...changed(terms) },
    });
    return { ...order, terms, termsHash: hash };
  }
}
