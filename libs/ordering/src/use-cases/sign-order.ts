import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Clock, deterministicId } from '@app/kernel';
import { LedgerFacade } from '@app/ledger';
import { Transactions, updateIfStatus } from '@app/platform';
import { ledgerCodes, orderLifecycle, OrderingErrors, type SigningParty } from '../contracts/ordering';
import { accountOf, budgetOf, escrowOf, poolOf } from '../money-accounts';
import { assertVisible, type OrderCommand } from '../order-access';
import { Order } from '../order.entity';
import { lockOrder } from '../order-locks';
import { type OrderDetails, signaturesOf } from '../order-reads';
import { fundingOf } from '../order-terms';

@Injectable()
export class SignOrder {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ledger: LedgerFacade,
    private readonly clock: Clock,
  ) {}

  /**
   * A party signs the hash of the terms it reviewed; a party whose earlier signature covers terms that changed since
   * (a pledge) signs again. The last signature reserves the full max amount into the order's escrow in the same
   * transaction — the agency budget's share and each co-funder's pledge; if any source lacks the money nothing changes.
   */
  execute({ principal, orderId, signedHash }: OrderCommand & { signedHash: string }): Promise<OrderDetails> {
    return this.tx.run(async (tx) => {
      const order = await lockOrder(tx, orderId);
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
      const signatures = await signaturesOf(tx, orderId);
      const signed = signatures.filter((s) => s.termsHash === order.termsHash);
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
      return {
        order: result,
        signatures,
        escrowBalance: await this.ledger.balanceOf(ledgerCodes.escrow(orderId), tx),
      };
    });
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

function partyOf(principal: Principal, order: Order): SigningParty {
  if (principal.roles.includes('BUYER') && principal.organisationId === order.agencyOrganisationId) return 'AGENCY';
  if (principal.roles.includes('VENDOR') && principal.organisationId === order.vendorOrganisationId) return 'VENDOR';
  throw OrderingErrors.NOT_A_PARTY();
}
