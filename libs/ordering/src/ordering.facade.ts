import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { AuditActor, type AuditEntry, AuditFacade } from '@app/audit';
import { AwardDto, CompetitionFacade } from '@app/competition';
import { actorOf, assertSameOrganisationOrOperator, IdentityFacade, type Principal } from '@app/identity';
import { Clock, deterministicId, DomainError, newId, validatePaymentTerms } from '@app/kernel';
import { LedgerFacade } from '@app/ledger';
import { Transactions, updateIfStatus } from '@app/platform';
import { ledgerCodes, orderLifecycle, OrderingErrors, type SigningParty } from './contracts/ordering';
import { Order } from './order.entity';
import { buildTerms, DEFAULT_DISPUTE_WINDOW_SECONDS, paymentTermsOf, termsHash } from './order-terms';
import { Signature } from './signature.entity';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class OrderingFacade {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly competition: CompetitionFacade,
    private readonly identity: IdentityFacade,
    private readonly ledger: LedgerFacade,
    private readonly clock: Clock,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(Signature) private readonly signatures: Repository<Signature>,
  ) {}

  /** Operator moves appropriated money into an agency budget; one reference is applied once. */
  async allocateBudget(principal: Principal, agencyId: string, amount: bigint, reference: string): Promise<bigint> {
    await this.identity.requireOrganisationType(agencyId, 'AGENCY');
    return this.tx.run(async (tx) => {
      const from = await this.ledger.openAccount(tx, ledgerCodes.appropriation(), 'APPROPRIATION', null);
      const to = await this.ledger.openAccount(tx, ledgerCodes.budget(agencyId), 'AGENCY_BUDGET', agencyId);
      const outcome = await this.ledger.move(tx, {
        id: deterministicId('allocate', agencyId, reference),
        kind: 'allocate',
        from,
        to,
        amount,
        memo: reference,
      });
      if (outcome === 'posted') {
        await this.audit.record(tx, {
          actor: actorOf(principal),
          entityType: 'budget',
          entityId: agencyId,
          action: 'allocated',
          after: { amount: amount.toString(), reference },
        });
      }
      return this.ledger.balanceOf(ledgerCodes.budget(agencyId), tx);
    });
  }

  async budget(principal: Principal, agencyId: string): Promise<bigint> {
    if (principal.organisationType !== 'CITY') assertSameOrganisationOrOperator(principal, agencyId);
    return this.ledger.balanceOf(ledgerCodes.budget(agencyId));
  }

  /** Award and the draft order from the offer's terms happen in one transaction. */
  async award(
    principal: Principal,
    callId: string,
    { disputeWindowSeconds = DEFAULT_DISPUTE_WINDOW_SECONDS, ...dto }: AwardDto & { disputeWindowSeconds?: number },
  ): Promise<Order> {
    return this.tx.run(async (tx) => {
      const awarded = await this.competition.award(tx, principal, callId, dto);
      const id = newId();
      const terms = buildTerms(id, awarded, this.clock.now(), disputeWindowSeconds);
      const problems = validatePaymentTerms(paymentTermsOf(terms));
      if (problems.length > 0) throw OrderingErrors.INVALID_TERMS(undefined, { problems });
      const order = tx.create(Order, {
        id,
        callId,
        agencyOrganisationId: terms.agencyOrganisationId,
        vendorOrganisationId: terms.vendorOrganisationId,
        status: 'DRAFT',
        maxAmount: terms.maxAmount,
        terms,
        termsHash: termsHash(terms),
        activatedAt: null,
        closedAt: null,
      });
      await tx.insert(Order, order);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'order',
        entityId: id,
        action: 'drafted',
        after: { callId, termsHash: order.termsHash },
      });
      return order;
    });
  }

  /**
   * A party signs the hash of the terms it reviewed. The last signature reserves the full max amount from the
   * agency budget into the order's escrow in the same transaction; without enough budget nothing changes.
   */
  async sign(principal: Principal, orderId: string, signedHash: string): Promise<Order> {
    return this.tx.run(async (tx) => {
      const order = await this.lock(tx, orderId);
      assertVisible(principal, order);
      if (order.status !== 'DRAFT') throw OrderingErrors.ORDER_NOT_SIGNABLE(undefined, { status: order.status });
      if (signedHash !== order.termsHash) throw OrderingErrors.TERMS_CHANGED(undefined, { current: order.termsHash });
      const party = partyOf(principal, order);
      try {
        await tx.insert(Signature, {
          orderId,
          party,
          organisationId: principal.organisationId,
          userId: principal.userId,
          termsHash: signedHash,
        });
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION)
          throw OrderingErrors.ALREADY_SIGNED();
        throw error;
      }
      const signed = await tx.findBy(Signature, { orderId, termsHash: order.termsHash });
      const actor = actorOf(principal);
      let result = order;
      if (signed.length === 2) {
        await this.reserveEscrow(tx, order);
        const status = orderLifecycle.apply(order.status, 'activate');
        const activatedAt = this.clock.now();
        await updateIfStatus(tx, Order, orderId, order.status, { status, activatedAt });
        result = { ...order, status, activatedAt };
      }
      await this.audit.record(tx, {
        actor,
        entityType: 'order',
        entityId: orderId,
        action: `signed-by-${party.toLowerCase()}`,
        after: { termsHash: signedHash, status: result.status },
      });
      return result;
    });
  }

  /** Row lock on the order: settlement, signing and closing of one order never interleave. */
  async lock(tx: EntityManager, orderId: string): Promise<Order> {
    const order = await tx.findOne(Order, { where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
    if (!order) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: orderId });
    return order;
  }

  /** Locks those of the orders no other transaction holds (SKIP LOCKED), in id order; the others are left out. */
  async lockAvailable(tx: EntityManager, orderIds: string[]): Promise<Order[]> {
    return tx.find(Order, {
      where: { id: In(orderIds) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
  }

  /**
   * Locks the vendor payable and agency budget accounts of these orders in account-id order, before any posting:
   * transactions settling many orders then take hot accounts in one global order and cannot deadlock.
   */
  async lockMoneyAccounts(tx: EntityManager, orders: Order[]): Promise<void> {
    const codes = orders.flatMap((o) => [
      ledgerCodes.payable(o.vendorOrganisationId),
      ledgerCodes.budget(o.agencyOrganisationId),
    ]);
    await this.ledger.lockAccounts(tx, [...new Set(codes)]);
  }

  async get(
    principal: Principal,
    orderId: string,
  ): Promise<{ order: Order; signatures: Signature[]; escrowBalance: bigint }> {
    const order = await this.orders.findOneBy({ id: orderId });
    if (!order) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: orderId });
    assertVisible(principal, order);
    const signatures = await this.signatures.find({ where: { orderId }, order: { signedAt: 'ASC' } });
    return { order, signatures, escrowBalance: await this.ledger.balanceOf(ledgerCodes.escrow(orderId)) };
  }

  async findById(orderId: string, tx?: EntityManager): Promise<Order> {
    const order = await (tx ?? this.orders.manager).findOneBy(Order, { id: orderId });
    if (!order) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: orderId });
    return order;
  }

  list(principal: Principal): Promise<Order[]> {
    const scope =
      principal.organisationType === 'OPERATOR' || principal.organisationType === 'CITY'
        ? {}
        : principal.organisationType === 'VENDOR'
          ? { vendorOrganisationId: principal.organisationId }
          : { agencyOrganisationId: principal.organisationId };
    return this.orders.find({ where: scope, order: { createdAt: 'DESC' }, take: 200 });
  }

  /** Pays the vendor from escrow; the transfer id makes a repeated payment of the same fact a no-op. */
  async payVendor(tx: EntityManager, order: Order, transferId: string, amount: bigint, memo: string): Promise<void> {
    const escrow = await this.ledger.openAccount(tx, ledgerCodes.escrow(order.id), 'ORDER_ESCROW', order.id);
    const payable = await this.ledger.openAccount(
      tx,
      ledgerCodes.payable(order.vendorOrganisationId),
      'VENDOR_PAYABLE',
      order.vendorOrganisationId,
    );
    await this.ledger.move(tx, {
      id: transferId,
      kind: 'settle',
      from: escrow,
      to: payable,
      amount,
      memo,
      metadata: { orderId: order.id },
    });
  }

  /**
   * Returns what escrow still holds to the agency budget and closes the order: a closed order's escrow is zero.
   * A caller batching many use cases in one transaction passes `deferredAudit` and records it last itself.
   */
  async close(tx: EntityManager, actor: AuditActor, order: Order, deferredAudit?: AuditEntry[]): Promise<bigint> {
    const status = orderLifecycle.apply(order.status, 'close');
    const escrowCode = ledgerCodes.escrow(order.id);
    const remainder = await this.ledger.balanceOf(escrowCode, tx);
    if (remainder > 0n) {
      const escrow = await this.ledger.openAccount(tx, escrowCode, 'ORDER_ESCROW', order.id);
      const budget = await this.ledger.openAccount(
        tx,
        ledgerCodes.budget(order.agencyOrganisationId),
        'AGENCY_BUDGET',
        order.agencyOrganisationId,
      );
      await this.ledger.move(tx, {
        id: deterministicId('release', order.id),
        kind: 'release',
        from: escrow,
        to: budget,
        amount: remainder,
        metadata: { orderId: order.id },
      });
    }
    const closedAt = this.clock.now();
    await updateIfStatus(tx, Order, order.id, order.status, { status, closedAt });
    const entry: AuditEntry = {
      actor,
      entityType: 'order',
      entityId: order.id,
      action: 'closed',
      before: { status: order.status },
      after: { status, released: remainder.toString() },
    };
    if (deferredAudit) deferredAudit.push(entry);
    else await this.audit.record(tx, entry);
    return remainder;
  }

  private async reserveEscrow(tx: EntityManager, order: Order): Promise<void> {
    const budget = await this.ledger.openAccount(
      tx,
      ledgerCodes.budget(order.agencyOrganisationId),
      'AGENCY_BUDGET',
      order.agencyOrganisationId,
    );
    const escrow = await this.ledger.openAccount(tx, ledgerCodes.escrow(order.id), 'ORDER_ESCROW', order.id);
    try {
      await this.ledger.move(tx, {
        id: deterministicId('reserve', order.id),
        kind: 'reserve',
        from: budget,
        to: escrow,
        amount: BigInt(order.maxAmount),
        metadata: { orderId: order.id },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'LEDGER.INSUFFICIENT_FUNDS') {
        const available = await this.ledger.balanceOf(ledgerCodes.budget(order.agencyOrganisationId));
        throw OrderingErrors.INSUFFICIENT_BUDGET(undefined, {
          required: order.maxAmount,
          available: available.toString(),
        });
      }
      throw error;
    }
  }
}

function partyOf(principal: Principal, order: Order): SigningParty {
  if (principal.roles.includes('BUYER') && principal.organisationId === order.agencyOrganisationId) return 'AGENCY';
  if (principal.roles.includes('VENDOR') && principal.organisationId === order.vendorOrganisationId) return 'VENDOR';
  throw OrderingErrors.NOT_A_PARTY();
}

/** Parties, operators and city viewers see an order; nobody else learns it exists. */
export function assertVisible(principal: Principal, order: Order): void {
  const allowed =
    principal.organisationType === 'OPERATOR' ||
    principal.organisationType === 'CITY' ||
    principal.organisationId === order.agencyOrganisationId ||
    principal.organisationId === order.vendorOrganisationId;
  if (!allowed) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: order.id });
}
