import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { assertSameOrganisationOrOperator, type Principal } from '@app/identity';
import type { Page } from '@app/kernel';
import { LedgerFacade } from '@app/ledger';
import { keysetPage, selectFrom } from '@app/platform';
import { ledgerCodes, OrderingErrors, type OrderStatus } from './contracts/ordering';
import { fundingFigures, type FundingFigures } from './funding-reads';
import { assertVisible } from './order-access';
import { findOrder } from './order-locks';
import { Order } from './order.entity';
import { Signature } from './signature.entity';

export interface OrderListFilter {
  cursor?: string;
  limit: number;
  status?: OrderStatus;
  problemId?: string;
  vendorOrganisationId?: string;
  agencyOrganisationId?: string;
}

/** An order as its page shows it: with its signatures, oldest first, and what its escrow holds. */
export interface OrderDetails {
  order: Order;
  signatures: Signature[];
  escrowBalance: bigint;
}

/** Every order page and every poll of it reads them: plain SQL (see selectFrom). */
export function signaturesOf(db: EntityManager, orderId: string): Promise<Signature[]> {
  return db.query<Signature[]>(`${selectFrom(db, Signature, 's')} WHERE s.order_id = $1 ORDER BY s.signed_at`, [
    orderId,
  ]);
}

export interface VendorBalances {
  payable: bigint;
  disbursed: bigint;
  /** what clawbacks took back beyond the payable balance: the vendor owes it to the city */
  owed: bigint;
}

/** Orders and the balances of the accounts ordering moves money through, as their callers may see them. */
@Injectable()
export class OrderReads {
  constructor(
    private readonly ledger: LedgerFacade,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
  ) {}

  async get(principal: Principal, orderId: string): Promise<OrderDetails> {
    const db = this.orders.manager;
    const order = await findOrder(db, orderId);
    assertVisible(principal, order);
    return {
      order,
      signatures: await signaturesOf(db, orderId),
      escrowBalance: await this.ledger.balanceOf(ledgerCodes.escrow(orderId), db),
    };
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

  /** What the city owes a vendor, has paid out to it, and what the vendor owes back after clawbacks. */
  async vendorBalances(principal: Principal, vendorId: string): Promise<VendorBalances> {
    if (principal.organisationType !== 'CITY') assertSameOrganisationOrOperator(principal, vendorId);
    const codes = [ledgerCodes.payable(vendorId), ledgerCodes.disbursed(vendorId), ledgerCodes.receivable(vendorId)];
    const balances = await this.ledger.balances(codes, this.orders.manager);
    const [payable, disbursed, receivable] = codes.map((code) => balances.get(code) ?? 0n);
    return { payable, disbursed, owed: -receivable };
  }

  /** What the city still owes the vendor (its payable balance), unchecked: for the details of a refused payout. */
  payable(vendorId: string): Promise<bigint> {
    return this.ledger.balanceOf(ledgerCodes.payable(vendorId), this.orders.manager);
  }

  async budget(principal: Principal, agencyId: string): Promise<bigint> {
    if (principal.organisationType !== 'CITY') assertSameOrganisationOrOperator(principal, agencyId);
    return this.ledger.balanceOf(ledgerCodes.budget(agencyId), this.orders.manager);
  }

  async funderPool(principal: Principal, funderId: string): Promise<bigint> {
    assertSameOrganisationOrOperator(principal, funderId);
    return this.ledger.balanceOf(ledgerCodes.funderPool(funderId), this.orders.manager);
  }

  /**
   * Seed-capital leverage inputs over signed orders (ACTIVE or CLOSED): what the agency budgets and the co-funders
   * put into escrow. Leverage (PRODUCT.md) is co-funding per đồng of seed capital: `cofunders / city`.
   */
  funding(): Promise<FundingFigures> {
    return fundingFigures(this.orders.manager);
  }
}
