import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuditActor, AuditEntry } from '@app/audit';
import { AcceptanceNotices, acceptanceNotice } from '@app/acceptance';
import { deterministicId } from '@app/kernel';
import { LedgerFacade, type TransferRequest } from '@app/ledger';
import {
  accountOf,
  budgetOf,
  escrowOf,
  fundingOf,
  ledgerCodes,
  type Order,
  OrderingFacade,
  poolOf,
} from '@app/ordering';
import { Outbox } from '@app/platform';
import { splitProRata } from './pro-rata';

/** Closed orders: the transfers returning their escrows, still to be posted, and their audit entries. */
export interface Closing {
  releases: TransferRequest[];
  entries: AuditEntry[];
}

interface Release {
  order: Order;
  remainder: bigint;
  city: bigint;
  cofunders: Array<{ funderId: string; amount: bigint }>;
}

/**
 * Closing complete or expired orders: what each escrow still holds goes back to the agency budget and the co-funders
 * pro rata to what each put in, the orders close (a closed order's escrow is zero), and the receivers hear of it.
 */
@Injectable()
export class OrderClosing {
  constructor(
    private readonly ledger: LedgerFacade,
    private readonly ordering: OrderingFacade,
    private readonly outbox: Outbox,
  ) {}

  /** Closes the locked ACTIVE orders, releasing what their escrows hold now; returns their audit entries. */
  async close(tx: EntityManager, actor: AuditActor, orders: Order[]): Promise<AuditEntry[]> {
    if (orders.length === 0) return [];
    const closing = await this.prepare(tx, actor, orders, () => 0n);
    await this.ledger.postMany(tx, closing.releases);
    return closing.entries;
  }

  /**
   * Closes the locked ACTIVE orders with a constant number of statements: marks them closed, tells the receivers, opens
   * the receiving accounts. `outstanding` is what the caller will still move out of each escrow (negative: into it)
   * before the releases, which it posts before it commits (a closed order's escrow must be zero then); it records the
   * audit entries too: a transaction settling a backlog records one audit event for everything it did.
   */
  async prepare(
    tx: EntityManager,
    actor: AuditActor,
    orders: Order[],
    outstanding: (order: Order) => bigint,
  ): Promise<Closing> {
    if (orders.length === 0) return { releases: [], entries: [] };
    const escrows = await this.ledger.balances(
      orders.map((o) => ledgerCodes.escrow(o.id)),
      tx,
    );
    const releases = orders.map((order) =>
      releaseOf(order, (escrows.get(ledgerCodes.escrow(order.id)) ?? 0n) - outstanding(order)),
    );
    const paid = releases.filter((r) => r.remainder > 0n);
    const accounts = await this.ledger.openAccounts(
      tx,
      paid.flatMap(({ order, cofunders }) => [
        escrowOf(order),
        budgetOf(order.agencyOrganisationId),
        ...cofunders.map(({ funderId }) => poolOf(funderId)),
      ]),
    );
    const { status } = await this.ordering.markClosed(tx, orders);
    await this.outbox.enqueueMany(tx, paid.map(remainderNotice));
    return {
      releases: paid.map(({ order, remainder, city, cofunders }) => ({
        id: deterministicId('release', order.id),
        kind: 'release',
        metadata: { orderId: order.id },
        legs: [
          { accountId: accountOf(accounts, ledgerCodes.escrow(order.id)), amount: -remainder },
          { accountId: accountOf(accounts, ledgerCodes.budget(order.agencyOrganisationId)), amount: city },
          ...cofunders.map(({ funderId, amount }) => ({
            accountId: accountOf(accounts, ledgerCodes.funderPool(funderId)),
            amount,
          })),
        ],
      })),
      entries: releases.map(({ order, remainder, cofunders }) => ({
        actor,
        entityType: 'order',
        entityId: order.id,
        action: 'closed',
        before: { status: order.status },
        after: {
          status,
          released: remainder.toString(),
          ...(cofunders.length > 0
            ? { releasedToCofunders: Object.fromEntries(cofunders.map((c) => [c.funderId, c.amount.toString()])) }
            : {}),
        },
      })),
    };
  }
}

function releaseOf(order: Order, remainder: bigint): Release {
  if (remainder <= 0n) return { order, remainder, city: 0n, cofunders: [] };
  const funding = fundingOf(order.terms);
  const [city, ...parts] = splitProRata(remainder, [funding.city, ...funding.cofunders.map((c) => c.amount)]);
  const cofunders = funding.cofunders.map((c, i) => ({ funderId: c.funderOrganisationId, amount: parts[i] }));
  return { order, remainder, city, cofunders };
}

/** The agency and the co-funders hear what came back to each of them. */
const remainderNotice = ({ order, remainder, city, cofunders }: Release) =>
  acceptanceNotice(AcceptanceNotices.remainderReleased, order, order.id, {
    amount: remainder.toString(),
    releases: [
      { organisationId: order.agencyOrganisationId, amount: city.toString() },
      ...cofunders.map(({ funderId, amount }) => ({ organisationId: funderId, amount: amount.toString() })),
    ],
  });
