import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { decodeCursor, newId, pageOf, type Page } from '@app/kernel';
import {
  type AccountKind,
  type Leg,
  MAY_GO_NEGATIVE,
  type TransferOutcome,
  type TransferRequest,
  UNSHARED_KINDS,
} from './contracts/accounts';
import { LedgerErrors } from './contracts/errors';

export interface Move {
  id: string;
  kind: string;
  from: string;
  to: string;
  amount: bigint;
  memo?: string;
  metadata?: Record<string, unknown>;
}

export interface AccountSpec {
  code: string;
  kind: AccountKind;
  ownerId: string | null;
}

export interface Reconciliation {
  /** Σ of every account balance; zero when every transfer balanced. */
  totalBalance: string;
  accountsWithDrift: Array<{ accountId: string; cached: string; fromPostings: string }>;
  unbalancedTransfers: string[];
  ok: boolean;
}

/** One posting of an account's statement: what moved (signed), why, and the balance right after. */
export interface StatementLine {
  postingId: string;
  kind: string;
  memo: string | null;
  metadata: Record<string, unknown>;
  amount: bigint;
  balanceAfter: bigint;
  at: Date;
}

const sameLegs = (a: Leg[], b: Leg[]) =>
  a.length === b.length && a.every((leg, i) => leg.accountId === b[i].accountId && leg.amount === b[i].amount);

/** Non-zero legs in account-id order; refuses a transfer whose legs do not sum to zero. */
function balancedLegs(request: TransferRequest): Leg[] {
  const legs = request.legs
    .filter((leg) => leg.amount !== 0n)
    .sort((x, y) => (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0));
  if (legs.length < 2 || legs.reduce((sum, leg) => sum + leg.amount, 0n) !== 0n) {
    throw LedgerErrors.UNBALANCED_TRANSFER(undefined, { transferId: request.id });
  }
  return legs;
}

/** Generic double-entry ledger: knows accounts and transfers, nothing of orders. */
@Injectable()
export class LedgerFacade {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent by code; returns the account id. */
  async openAccount(tx: EntityManager, code: string, kind: AccountKind, ownerId: string | null): Promise<string> {
    const ids = await this.openAccounts(tx, [{ code, kind, ownerId }]);
    return ids.get(code) as string;
  }

  /** Opens the accounts that do not exist yet; returns every account id by code. */
  async openAccounts(tx: EntityManager, accounts: AccountSpec[]): Promise<Map<string, string>> {
    const wanted = [...new Map(accounts.map((a) => [a.code, a])).values()];
    const ids = await this.accountIds(
      tx,
      wanted.map((a) => a.code),
    );
    const missing = wanted.filter((a) => !ids.has(a.code));
    if (missing.length === 0) return ids;
    await tx.query(
      `INSERT INTO ledger.accounts (id, code, kind, owner_id, may_go_negative)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::boolean[])
       ON CONFLICT (code) DO NOTHING`,
      [
        missing.map(() => newId()),
        missing.map((a) => a.code),
        missing.map((a) => a.kind),
        missing.map((a) => a.ownerId),
        missing.map((a) => MAY_GO_NEGATIVE.includes(a.kind)),
      ],
    );
    return new Map([
      ...ids,
      ...(await this.accountIds(
        tx,
        missing.map((a) => a.code),
      )),
    ]);
  }

  private async accountIds(tx: EntityManager, codes: string[]): Promise<Map<string, string>> {
    const rows = await tx.query<Array<{ id: string; code: string }>>(
      'SELECT id, code FROM ledger.accounts WHERE code = ANY($1)',
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  async balanceOf(code: string, tx: EntityManager): Promise<bigint> {
    return (await this.balances([code], tx)).get(code) ?? 0n;
  }

  async balances(codes: string[], tx: EntityManager): Promise<Map<string, bigint>> {
    const rows = await tx.query<Array<{ code: string; balance: string }>>(
      'SELECT code, balance FROM ledger.accounts WHERE code = ANY($1)',
      [codes],
    );
    return new Map(codes.map((code) => [code, BigInt(rows.find((r) => r.code === code)?.balance ?? 0)]));
  }

  /** An account's postings, newest first, paged by posting id (an account never opened has an empty statement). */
  async statement(code: string, page: { cursor?: string; limit: number }): Promise<Page<StatementLine>> {
    const params: unknown[] = [code, page.limit + 1];
    let after = '';
    if (page.cursor !== undefined) {
      const [id] = decodeCursor(page.cursor) ?? [];
      if (typeof id !== 'string' || !/^\d{1,19}$/.test(id)) throw LedgerErrors.INVALID_CURSOR();
      params.push(id);
      after = 'AND p.id < $3::bigint';
    }
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        kind: string;
        memo: string | null;
        metadata: Record<string, unknown>;
        amount: string;
        balance_after: string;
        created_at: Date;
      }>
    >(
      `SELECT p.id, t.kind, t.memo, t.metadata, p.amount, p.balance_after, t.created_at
       FROM ledger.postings p
       JOIN ledger.accounts a ON a.id = p.account_id
       JOIN ledger.transfers t ON t.id = p.transfer_id
       WHERE a.code = $1 ${after}
       ORDER BY p.id DESC LIMIT $2`,
      params,
    );
    const { items, nextCursor } = pageOf(rows, page.limit, (row) => [row.id]);
    return {
      nextCursor,
      items: items.map((row) => ({
        postingId: row.id,
        kind: row.kind,
        memo: row.memo,
        metadata: row.metadata,
        amount: BigInt(row.amount),
        balanceAfter: BigInt(row.balance_after),
        at: row.created_at,
      })),
    };
  }

  /** Row locks on existing accounts in id order (the order `post` locks balances in). */
  async lockAccounts(tx: EntityManager, codes: string[]): Promise<void> {
    await tx.query('SELECT id FROM ledger.accounts WHERE code = ANY($1) ORDER BY id FOR UPDATE', [codes]);
  }

  move(tx: EntityManager, move: Move): Promise<TransferOutcome> {
    if (move.amount <= 0n) throw LedgerErrors.INVALID_AMOUNT(undefined, { amount: move.amount.toString() });
    return this.post(tx, {
      id: move.id,
      kind: move.kind,
      memo: move.memo,
      metadata: move.metadata,
      legs: [
        { accountId: move.from, amount: -move.amount },
        { accountId: move.to, amount: move.amount },
      ],
    });
  }

  /**
   * Posts a transfer exactly once: a repeated id with the same legs is a no-op, with other legs a conflict.
   */
  async post(tx: EntityManager, request: TransferRequest): Promise<TransferOutcome> {
    const [outcome] = await this.postMany(tx, [request]);
    return outcome;
  }

  /**
   * Posts many transfers with two statements, each exactly once (see `post`). All postings go in one statement: the
   * legs on unshared accounts first, then those on shared accounts in account-id order, so concurrent batches lock
   * shared balances in one global order (they cannot deadlock) and hold them only for the end of the statement.
   * The legs of one account are applied in the order of the requests.
   */
  async postMany(tx: EntityManager, requests: TransferRequest[]): Promise<TransferOutcome[]> {
    if (requests.length === 0) return [];
    const legsOf = new Map(requests.map((request) => [request.id, balancedLegs(request)]));
    const inserted = await tx.query<Array<{ id: string }>>(
      `INSERT INTO ledger.transfers (id, kind, memo, metadata)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        requests.map((r) => r.id),
        requests.map((r) => r.kind),
        requests.map((r) => r.memo ?? null),
        requests.map((r) => JSON.stringify(r.metadata ?? {})),
      ],
    );
    const posted = new Set(inserted.map((r) => r.id));
    await this.assertSameLegs(
      tx,
      requests.filter((r) => !posted.has(r.id)),
      legsOf,
    );
    const legs = requests
      .filter((r) => posted.has(r.id))
      .flatMap((r) => (legsOf.get(r.id) ?? []).map((leg) => ({ transferId: r.id, ...leg })));
    try {
      await tx.query(
        `INSERT INTO ledger.postings (transfer_id, account_id, amount, balance_after, account_version)
         SELECT leg.transfer_id, leg.account_id, leg.amount, 0, 0
         FROM unnest($1::uuid[], $2::uuid[], $3::bigint[]) WITH ORDINALITY AS leg(transfer_id, account_id, amount, n)
         LEFT JOIN ledger.accounts a ON a.id = leg.account_id
         ORDER BY coalesce(a.kind <> ALL($4::text[]), true), leg.account_id, leg.n`,
        [
          legs.map((l) => l.transferId),
          legs.map((l) => l.accountId),
          legs.map((l) => l.amount.toString()),
          UNSHARED_KINDS,
        ],
      );
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'accounts_no_overdraw'
      ) {
        throw LedgerErrors.INSUFFICIENT_FUNDS(undefined, {
          transferIds: requests.map((r) => r.id),
          kinds: [...new Set(requests.map((r) => r.kind))],
        });
      }
      throw error;
    }
    return requests.map((r) => (posted.has(r.id) ? 'posted' : 'already-posted'));
  }

  private async assertSameLegs(tx: EntityManager, repeated: TransferRequest[], legsOf: Map<string, Leg[]>) {
    if (repeated.length === 0) return;
    const stored = await tx.query<Array<{ transfer_id: string; account_id: string; amount: string }>>(
      'SELECT transfer_id, account_id, amount FROM ledger.postings WHERE transfer_id = ANY($1) ORDER BY account_id',
      [repeated.map((r) => r.id)],
    );
    for (const request of repeated) {
      const legs = stored
        .filter((row) => row.transfer_id === request.id)
        .map((row) => ({ accountId: row.account_id, amount: BigInt(row.amount) }));
      if (!sameLegs(legs, legsOf.get(request.id) ?? []))
        throw LedgerErrors.IDEMPOTENCY_CONFLICT(undefined, { transferId: request.id });
    }
  }

  /** Stripe-style data-quality check: conservation, cached balances equal their postings, every transfer balanced. */
  async reconcile(): Promise<Reconciliation> {
    const [{ total }] = await this.dataSource.query<Array<{ total: string }>>(
      'SELECT coalesce(sum(balance), 0)::text AS total FROM ledger.accounts',
    );
    const drift = await this.dataSource.query<Array<{ id: string; balance: string; computed: string }>>(`
      SELECT a.id, a.balance::text, coalesce(p.sum, 0)::text AS computed
      FROM ledger.accounts a
      LEFT JOIN (SELECT account_id, sum(amount) AS sum FROM ledger.postings GROUP BY account_id) p ON p.account_id = a.id
      WHERE a.balance <> coalesce(p.sum, 0)`);
    const unbalanced = await this.dataSource.query<Array<{ transfer_id: string }>>(
      'SELECT transfer_id FROM ledger.postings GROUP BY transfer_id HAVING sum(amount) <> 0',
    );
    return {
      totalBalance: total,
      accountsWithDrift: drift.map((d) => ({ accountId: d.id, cached: d.balance, fromPostings: d.computed })),
      unbalancedTransfers: unbalanced.map((u) => u.transfer_id),
      ok: total === '0' && drift.length === 0 && unbalanced.length === 0,
    };
  }
}
