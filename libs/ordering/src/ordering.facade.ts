import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditActor, type AuditEntry, AuditFacade } from '@app/audit';
import { AwardDto, BakeOffFacade, CompetitionFacade } from '@app/competition';
import { actorOf, assertSameOrganisationOrOperator, IdentityFacade, type Principal } from '@app/identity';
import { Clock, deterministicId, DomainError, newId, type Page, validatePaymentTerms } from '@app/kernel';
import { type AccountSpec, LedgerFacade } from '@app/ledger';
import { keysetPage, Transactions, updateAllIfStatus, updateIfStatus } from '@app/platform';
import {
  type CofunderPledge,
  ledgerCodes,
  type OrderTerms,
  orderLifecycle,
  OrderingErrors,
  type OrderStatus,
  type SigningParty,
} from './contracts/ordering';
import { fundingFigures, type FundingFigures } from './funding-reads';
import { Order } from './order.entity';
import {
  buildTerms,
  DEFAULT_DISPUTE_WINDOW_SECONDS,
  fundingOf,
  paymentTermsOf,
  termsHash,
  withPledges,
  withValidator,
} from './order-terms';
import { accountOf, budgetOf, escrowOf, poolOf, vendorAccount } from './money-accounts';
import { Signature } from './signature.entity';

@Injectable()
export class OrderingFacade {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly competition: CompetitionFacade,
    private readonly bakeOffs: BakeOffFacade,
    private readonly identity: IdentityFacade,
    private readonly ledger: LedgerFacade,
    private readonly clock: Clock,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(Signature) private readonly signatures: Repository<Signature>,
  ) {}

  /** Operator moves appropriated money into an agency budget; one reference is applied once. */
  async allocateBudget(principal: Principal, agencyId: string, amount: bigint, reference: string): Promise<bigint> {
    await this.identity.requireOrganisationType(agencyId, 'AGENCY');
    const { to } = await this.moveByReference(principal, {
      from: { code: ledgerCodes.appropriation(), kind: 'APPROPRIATION', ownerId: null },
      to: budgetOf(agencyId),
      kind: 'allocate',
      amount,
      reference,
      audit: { entityType: 'budget', entityId: agencyId, action: 'allocated' },
    });
    return to;
  }

  /**
   * Records the treasury's payment of a vendor's payable to its bank account: money leaves the platform, so a later
   * clawback beyond what is still payable becomes a receivable the vendor owes.
   */
  async disburse(principal: Principal, vendorId: string, amount: bigint, reference: string): Promise<VendorBalances> {
    await this.identity.requireOrganisationType(vendorId, 'VENDOR');
    try {
      await this.moveByReference(principal, {
        from: vendorAccount(vendorId, 'VENDOR_PAYABLE'),
        to: vendorAccount(vendorId, 'VENDOR_DISBURSED'),
        kind: 'disburse',
        amount,
        reference,
        audit: { entityType: 'vendor-payable', entityId: vendorId, action: 'disbursed' },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'LEDGER.INSUFFICIENT_FUNDS')
        throw OrderingErrors.INSUFFICIENT_PAYABLE(undefined, {
          requested: amount.toString(),
          payable: (await this.ledger.balanceOf(ledgerCodes.payable(vendorId), this.orders.manager)).toString(),
        });
      throw error;
    }
    return this.vendorBalances(principal, vendorId);
  }

  /** What the city owes a vendor, has paid out to it, and what the vendor owes back after clawbacks. */
  async vendorBalances(principal: Principal, vendorId: string): Promise<VendorBalances> {
    if (principal.organisationType !== 'CITY') assertSameOrganisationOrOperator(principal, vendorId);
    const codes = [ledgerCodes.payable(vendorId), ledgerCodes.disbursed(vendorId), ledgerCodes.receivable(vendorId)];
    const balances = await this.ledger.balances(codes, this.orders.manager);
    const [payable, disbursed, receivable] = codes.map((code) => balances.get(code) ?? 0n);
    return { payable, disbursed, owed: -receivable };
  }

  /** One move between two accounts, applied once per reference, audited when it is applied. */
  private async moveByReference(
    principal: Principal,
    move: {
      from: AccountSpec;
      to: AccountSpec;
      kind: string;
      amount: bigint;
      reference: string;
      audit: Pick<AuditEntry, 'entityType' | 'entityId' | 'action'>;
    },
  ): Promise<{ from: bigint; to: bigint }> {
    return this.tx.run(async (tx) => {
      const accounts = await this.ledger.openAccounts(tx, [move.from, move.to]);
      const outcome = await this.ledger.move(tx, {
        id: deterministicId(move.kind, move.audit.entityId, move.reference),
        kind: move.kind,
        from: accountOf(accounts, move.from.code),
        to: accountOf(accounts, move.to.code),
        amount: move.amount,
        memo: move.reference,
      });
      if (outcome === 'posted') {
        await this.audit.record(tx, {
          ...move.audit,
          actor: actorOf(principal),
          after: { amount: move.amount.toString(), reference: move.reference },
        });
      }
      const balances = await this.ledger.balances([move.from.code, move.to.code], tx);
      return { from: balances.get(move.from.code) ?? 0n, to: balances.get(move.to.code) ?? 0n };
    });
  }

  async budget(principal: Principal, agencyId: string): Promise<bigint> {
    if (principal.organisationType !== 'CITY') assertSameOrganisationOrOperator(principal, agencyId);
    return this.ledger.balanceOf(ledgerCodes.budget(agencyId), this.orders.manager);
  }

  /**
   * Operator records a co-funder's deposit into its pool; one reference is applied once. The money comes from
   * outside the city's books (the funder's bank transfer), so its double entry is `funder-source:<funder> →
   * funder:<funder>`: the source is an outside-world account (APPROPRIATION kind, the only kind that may go
   * negative) of that funder alone, whose negative balance states everything it brought in — private money never
   * mixes with the public appropriation. The pool cannot go negative.
   */
  async depositToFunderPool(principal: Principal, funderId: string, amount: bigint, reference: string) {
    await this.identity.requireOrganisationType(funderId, 'FUNDER');
    const { to } = await this.moveByReference(principal, {
      from: { code: ledgerCodes.funderSource(funderId), kind: 'APPROPRIATION', ownerId: funderId },
      to: poolOf(funderId),
      kind: 'deposit',
      amount,
      reference,
      audit: { entityType: 'funder-pool', entityId: funderId, action: 'deposited' },
    });
    return to;
  }

  async funderPool(principal: Principal, funderId: string): Promise<bigint> {
    assertSameOrganisationOrOperator(principal, funderId);
    return this.ledger.balanceOf(ledgerCodes.funderPool(funderId), this.orders.manager);
  }

  /**
   * A co-funder pledges part of a draft order's max amount. Pledges are part of the signed terms: a pledge made after
   * a party signed changes the terms hash, so that signature no longer counts and the party signs the new terms.
   */
  async pledge(principal: Principal, orderId: string, amount: bigint): Promise<Order> {
    return this.changePledges(principal, orderId, 'pledged', (pledges, order) => {
      if (pledges.some((p) => p.funderOrganisationId === principal.organisationId))
        throw OrderingErrors.ALREADY_PLEDGED();
      const pledged = pledges.reduce((sum, p) => sum + BigInt(p.amount), 0n);
      if (pledged + amount > BigInt(order.maxAmount)) {
        throw OrderingErrors.PLEDGES_EXCEED_MAX_AMOUNT(undefined, {
          maxAmount: order.maxAmount,
          pledged: pledged.toString(),
          requested: amount.toString(),
        });
      }
      return [...pledges, { funderOrganisationId: principal.organisationId, amount: amount.toString() }];
    });
  }

  /** The co-funder takes its pledge back while the order is a draft (the terms hash changes again). */
  async withdrawPledge(principal: Principal, orderId: string): Promise<Order> {
    return this.changePledges(principal, orderId, 'pledge-withdrawn', (pledges) => {
      const rest = pledges.filter((p) => p.funderOrganisationId !== principal.organisationId);
      if (rest.length === pledges.length) throw OrderingErrors.PLEDGE_NOT_FOUND();
      return rest;
    });
  }

  private async changePledges(
    principal: Principal,
    orderId: string,
    action: string,
    change: (pledges: CofunderPledge[], order: Order) => CofunderPledge[],
  ): Promise<Order> {
    if (principal.organisationType !== 'FUNDER' || !principal.roles.includes('FUNDER'))
      throw OrderingErrors.NOT_A_FUNDER();
    return this.tx.run(async (tx) => {
      const order = await this.lock(tx, orderId);
      assertVisible(principal, order);
      if (order.status !== 'DRAFT') throw OrderingErrors.NOT_PLEDGEABLE(undefined, { status: order.status });
      const terms = withPledges(order.terms, change(order.terms.cofunding?.pledges ?? [], order));
      return this.replaceDraftTerms(tx, principal, order, terms, action, (t) => ({ cofunding: t.cofunding ?? null }));
    });
  }

  /** A draft's new terms and their hash (signatures over the old hash no longer count), audited with what changed. */
  private async replaceDraftTerms(
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

  /**
   * The ordering agency's buyer names (or, with null, removes) the order's independent validator while the order is
   * a draft: the validator is part of the signed terms, so the terms hash changes and a party that signed before
   * signs the terms naming it. Once signed the order is measured by whom its terms name.
   */
  async nameValidator(principal: Principal, orderId: string, validatorOrganisationId: string | null): Promise<Order> {
    if (validatorOrganisationId) await this.identity.requireOrganisationType(validatorOrganisationId, 'VALIDATOR');
    return this.tx.run(async (tx) => {
      const order = await this.lock(tx, orderId);
      assertVisible(principal, order);
      if (!principal.roles.includes('BUYER') || principal.organisationId !== order.agencyOrganisationId)
        throw OrderingErrors.NOT_ALLOWED_TO_NAME_VALIDATOR();
      if (order.status !== 'DRAFT') throw OrderingErrors.VALIDATOR_NOT_CHANGEABLE(undefined, { status: order.status });
      const terms = withValidator(order.terms, validatorOrganisationId);
      return this.replaceDraftTerms(tx, principal, order, terms, 'validator-named', (t) => ({
        validatorOrganisationId: t.validatorOrganisationId ?? null,
      }));
    });
  }

  /**
   * Seed-capital leverage inputs over signed orders (ACTIVE or CLOSED): what the agency budgets and the co-funders
   * put into escrow. Leverage (PRODUCT.md) is co-funding per đồng of seed capital: `cofunders / city`.
   */
  funding(): Promise<FundingFigures> {
    return fundingFigures(this.orders.manager);
  }

  /** Award and the draft order from the offer's terms happen in one transaction. */
  async award(
    principal: Principal,
    callId: string,
    {
      disputeWindowSeconds = DEFAULT_DISPUTE_WINDOW_SECONDS,
      validatorOrganisationId,
      ...dto
    }: AwardDto & { disputeWindowSeconds?: number; validatorOrganisationId?: string },
  ): Promise<Order> {
    if (validatorOrganisationId) await this.identity.requireOrganisationType(validatorOrganisationId, 'VALIDATOR');
    return this.tx.run(async (tx) => {
      const awarded = await this.competition.award(tx, principal, callId, dto);
      const id = newId();
      const terms = withValidator(
        buildTerms(id, awarded, this.clock.now(), disputeWindowSeconds),
        validatorOrganisationId ?? null,
      );
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
        cancelledAt: null,
        cancellationReason: null,
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
   * A party signs the hash of the terms it reviewed; a party whose earlier signature covers terms that changed since
   * (a pledge) signs again. The last signature reserves the full max amount into the order's escrow in the same
   * transaction — the agency budget's share and each co-funder's pledge; if any source lacks the money nothing changes.
   */
  async sign(principal: Principal, orderId: string, signedHash: string): Promise<Order> {
    return this.tx.run(async (tx) => {
      const order = await this.lock(tx, orderId);
      assertVisible(principal, order);
      if (order.status !== 'DRAFT') throw OrderingErrors.ORDER_NOT_SIGNABLE(undefined, { status: order.status });
      if (signedHash !== order.termsHash) throw OrderingErrors.TERMS_CHANGED(undefined, { current: order.termsHash });
      const party = partyOf(principal, order);
      const stored = await tx.query<unknown[]>(
        `INSERT INTO ordering.signatures (order_id, party, organisation_id, user_id, terms_hash)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (order_id, party) DO UPDATE
           SET organisation_id = EXCLUDED.organisation_id, user_id = EXCLUDED.user_id,
               terms_hash = EXCLUDED.terms_hash, signed_at = now()
           WHERE signatures.terms_hash <> EXCLUDED.terms_hash
         RETURNING order_id`,
        [orderId, party, principal.organisationId, principal.userId, signedHash],
      );
      if (stored.length === 0) throw OrderingErrors.ALREADY_SIGNED();
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

  /**
   * The ordering agency's buyer or an operator cancels a draft (unsigned) order with a reason. A draft holds no
   * escrow, so no money moves; the order can no longer be signed.
   */
  async cancel(principal: Principal, orderId: string, reason: string): Promise<Order> {
    return this.tx.run(async (tx) => {
      const order = await this.lock(tx, orderId);
      assertVisible(principal, order);
      const buyer = principal.roles.includes('BUYER') && principal.organisationId === order.agencyOrganisationId;
      if (!buyer && principal.organisationType !== 'OPERATOR') throw OrderingErrors.NOT_ALLOWED_TO_CANCEL();
      return this.cancelDraft(tx, actorOf(principal), order, reason);
    });
  }

  /** Cancels a locked draft order; a bake-off trial order's finalist withdraws in the same transaction. */
  async cancelDraft(tx: EntityManager, actor: AuditActor, order: Order, reason: string): Promise<Order> {
    if (orderLifecycle.next(order.status, 'cancel') === undefined)
      throw OrderingErrors.ORDER_NOT_CANCELLABLE(undefined, { id: order.id, status: order.status });
    const status = orderLifecycle.apply(order.status, 'cancel');
    const cancelledAt = this.clock.now();
    await updateIfStatus(tx, Order, order.id, order.status, { status, cancelledAt, cancellationReason: reason });
    const withdrawn = order.trial ? await this.bakeOffs.withdrawFinalist(tx, actor, order.id, reason) : [];
    await this.audit.record(tx, ...withdrawn, {
      actor,
      entityType: 'order',
      entityId: order.id,
      action: 'cancelled',
      before: { status: order.status },
      after: { status, reason },
    });
    return { ...order, status, cancelledAt, cancellationReason: reason };
  }

  /** Row lock on the order: settlement, signing and closing of one order never interleave. */
  async lock(tx: EntityManager, orderId: string): Promise<Order> {
    const order = await tx.findOne(Order, { where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
    if (!order) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: orderId });
    return order;
  }

  /**
   * Locks those of the orders no other transaction holds (SKIP LOCKED), in id order, at most `limit` of them; the
   * others are left out.
   */
  async lockAvailable(tx: EntityManager, orderIds: string[], limit?: number): Promise<Order[]> {
    return tx.find(Order, {
      where: { id: In(orderIds) },
      order: { id: 'ASC' },
      take: limit,
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
  }

  async get(
    principal: Principal,
    orderId: string,
  ): Promise<{ order: Order; signatures: Signature[]; escrowBalance: bigint }> {
    const order = await this.orders.findOneBy({ id: orderId });
    if (!order) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: orderId });
    assertVisible(principal, order);
    const signatures = await this.signatures.find({ where: { orderId }, order: { signedAt: 'ASC' } });
    return {
      order,
      signatures,
      escrowBalance: await this.ledger.balanceOf(ledgerCodes.escrow(orderId), this.orders.manager),
    };
  }

  async findById(orderId: string, tx: EntityManager): Promise<Order> {
    const order = await tx.findOneBy(Order, { id: orderId });
    if (!order) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: orderId });
    return order;
  }

  /**
   * Orders the caller may see, newest first, paged by a (created, id) cursor and filtered. Operators and the city
   * see all; co-funders drafts and what they co-fund; validators the orders that name them; anyone else their own
   * organisation's.
   */
  async list(principal: Principal, filter: OrderListFilter): Promise<Page<Order>> {
    const query = this.orders.createQueryBuilder('o');
    if (principal.organisationType === 'FUNDER') {
      query.where(`(o.status = 'DRAFT' OR o.terms->'cofunding'->'pledges' @> CAST(:mine AS jsonb))`, {
        mine: JSON.stringify([{ funderOrganisationId: principal.organisationId }]),
      });
    } else if (principal.organisationType === 'VENDOR') {
      query.where('o.vendorOrganisationId = :mine', { mine: principal.organisationId });
    } else if (principal.organisationType === 'VALIDATOR') {
      query.where(`o.terms->>'validatorOrganisationId' = :mine`, { mine: principal.organisationId });
    } else if (principal.organisationType !== 'OPERATOR' && principal.organisationType !== 'CITY') {
      query.where('o.agencyOrganisationId = :mine', { mine: principal.organisationId });
    }
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    if (filter.problemId) query.andWhere(`o.terms->>'problemId' = :problemId`, { problemId: filter.problemId });
    if (filter.vendorOrganisationId)
      query.andWhere('o.vendorOrganisationId = :vendor', { vendor: filter.vendorOrganisationId });
    if (filter.agencyOrganisationId)
      query.andWhere('o.agencyOrganisationId = :agency', { agency: filter.agencyOrganisationId });
    return keysetPage(query, {
      timeColumn: 'o.created_at',
      timeOf: (o) => o.createdAt,
      direction: 'DESC',
      cursor: filter.cursor,
      limit: filter.limit,
      invalidCursor: () => OrderingErrors.INVALID_CURSOR(undefined, { cursor: filter.cursor }),
    });
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

  /**
   * Moves the agency budget's share and each co-funder's pledge into the escrow. The sources are locked and checked
   * first, so a shortfall names its source; the ledger's no-overdraw constraint stays the backstop.
   */
  private async reserveEscrow(tx: EntityManager, order: Order): Promise<void> {
    const funding = fundingOf(order.terms);
    const sources = [
      { ...budgetOf(order.agencyOrganisationId), funderId: null, amount: funding.city },
      ...funding.cofunders.map((c) => ({
        ...poolOf(c.funderOrganisationId),
        funderId: c.funderOrganisationId,
        amount: c.amount,
      })),
    ].filter((source) => source.amount > 0n);
    const escrow = ledgerCodes.escrow(order.id);
    const accounts = await this.ledger.openAccounts(tx, [escrowOf(order), ...sources]);
    await this.ledger.lockAccounts(
      tx,
      sources.map((s) => s.code),
    );
    const available = await this.ledger.balances(
      sources.map((s) => s.code),
      tx,
    );
    for (const { code, funderId, amount } of sources) {
      const has = available.get(code) ?? 0n;
      if (has >= amount) continue;
      const details = { required: amount.toString(), available: has.toString() };
      throw funderId
        ? OrderingErrors.INSUFFICIENT_FUNDER_POOL(undefined, { funderOrganisationId: funderId, ...details })
        : OrderingErrors.INSUFFICIENT_BUDGET(undefined, {
            agencyOrganisationId: order.agencyOrganisationId,
            ...details,
          });
    }
    await this.ledger.postMany(
      tx,
      sources.map(({ code, funderId, amount }) => ({
        id: funderId ? deterministicId('reserve', order.id, funderId) : deterministicId('reserve', order.id),
        kind: 'reserve',
        metadata: funderId ? { orderId: order.id, funderOrganisationId: funderId } : { orderId: order.id },
        legs: [
          { accountId: accountOf(accounts, code), amount: -amount },
          { accountId: accountOf(accounts, escrow), amount },
        ],
      })),
    );
  }
}

export interface OrderListFilter {
  cursor?: string;
  limit: number;
  status?: OrderStatus;
  problemId?: string;
  vendorOrganisationId?: string;
  agencyOrganisationId?: string;
}

export interface VendorBalances {
  payable: bigint;
  disbursed: bigint;
  /** what clawbacks took back beyond the payable balance: the vendor owes it to the city */
  owed: bigint;
}

function partyOf(principal: Principal, order: Order): SigningParty {
  if (principal.roles.includes('BUYER') && principal.organisationId === order.agencyOrganisationId) return 'AGENCY';
  if (principal.roles.includes('VENDOR') && principal.organisationId === order.vendorOrganisationId) return 'VENDOR';
  throw OrderingErrors.NOT_A_PARTY();
}

/**
 * Parties, the validator the order names, operators and city viewers see an order; co-funders see draft orders (to
 * pledge) and those they pledged to; nobody else learns it exists.
 */
export function assertVisible(principal: Principal, order: Order): void {
  const allowed =
    principal.organisationType === 'OPERATOR' ||
    principal.organisationType === 'CITY' ||
    principal.organisationId === order.agencyOrganisationId ||
    principal.organisationId === order.vendorOrganisationId ||
    principal.organisationId === order.terms.validatorOrganisationId ||
    (principal.organisationType === 'FUNDER' &&
      (order.status === 'DRAFT' ||
        fundingOf(order.terms).cofunders.some((c) => c.funderOrganisationId === principal.organisationId)));
  if (!allowed) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: order.id });
}

/**
 * An order's results and payments: whoever sees the order, except that a co-funder sees them only for an order it
 * funds (any funder sees a draft, to pledge to it, but not another funder's results).
 */
export function assertResultsVisible(principal: Principal, order: Order): void {
  if (
    principal.organisationType === 'FUNDER' &&
    !fundingOf(order.terms).cofunders.some((c) => c.funderOrganisationId === principal.organisationId)
  )
    throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: order.id });
  assertVisible(principal, order);
}
