import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { newId } from '@app/kernel';
import { Account } from './account.entity';
import type { AccountKind, Leg, TransferOutcome, TransferRequest } from './contracts/accounts';
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

export interface Reconciliation {
  /** Σ of every account balance; zero when every transfer balanced. */
  totalBalance: string;
  accountsWithDrift: Array<{ accountId: string; cached: string; fromPostings: string }>;
  unbalancedTransfers: string[];
  ok: boolean;
}

const sameLegs = (a: Leg[], b: Leg[]) =>
  a.length === b.length && a.every((leg, i) => leg.accountId === b[i].accountId && leg.amount === b[i].amount);
const byAccount = (legs: Leg[]) => [...legs].sort((x, y) => x.accountId.localeCompare(y.accountId));

/** Generic double-entry ledger: knows accounts and transfers, nothing of orders. */
@Injectable()
export class LedgerFacade {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent by code; returns the account id. */
  async openAccount(tx: EntityManager, code: string, kind: AccountKind, ownerId: string | null): Promise<string> {
    const inserted = await tx.query<Array<{ id: string }>>(
      `INSERT INTO ledger.accounts (id, code, kind, owner_id, may_go_negative)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [newId(), code, kind, ownerId, kind === 'APPROPRIATION'],
    );
    if (inserted.length > 0) return inserted[0].id;
    const [existing] = await tx.query<Array<{ id: string }>>('SELECT id FROM ledger.accounts WHERE code = $1', [code]);
    return existing.id;
  }

  async findAccount(code: string, tx?: EntityManager): Promise<Account | null> {
    return (tx ?? this.dataSource.manager).findOneBy(Account, { code });
  }

  async balanceOf(code: string, tx?: EntityManager): Promise<bigint> {
    const account = await this.findAccount(code, tx);
    return account ? BigInt(account.balance) : 0n;
  }

  async balances(codes: string[], tx?: EntityManager): Promise<Map<string, bigint>> {
    const rows = await (tx ?? this.dataSource.manager).query<Array<{ code: string; balance: string }>>(
      'SELECT code, balance FROM ledger.accounts WHERE code = ANY($1)',
      [codes],
    );
    return new Map(codes.map((code) => [code, BigInt(rows.find((r) => r.code === code)?.balance ?? 0)]));
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
   * Postings go in account-id order so concurrent transfers lock balances in one global order (no deadlocks).
   */
  async post(tx: EntityManager, request: TransferRequest): Promise<TransferOutcome> {
    const legs = byAccount(request.legs.filter((leg) => leg.amount !== 0n));
    if (legs.length < 2 || legs.reduce((sum, leg) => sum + leg.amount, 0n) !== 0n) {
      throw LedgerErrors.UNBALANCED_TRANSFER(undefined, { transferId: request.id });
    }
    const inserted = await tx.query<Array<{ id: string }>>(
      `INSERT INTO ledger.transfers (id, kind, memo, metadata) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [request.id, request.kind, request.memo ?? null, JSON.stringify(request.metadata ?? {})],
    );
    if (inserted.length === 0) {
      const existing = await tx.query<Array<{ account_id: string; amount: string }>>(
        'SELECT account_id, amount FROM ledger.postings WHERE transfer_id = $1 ORDER BY account_id',
        [request.id],
      );
      const stored = existing.map((r) => ({ accountId: r.account_id, amount: BigInt(r.amount) }));
      if (!sameLegs(stored, legs)) throw LedgerErrors.IDEMPOTENCY_CONFLICT(undefined, { transferId: request.id });
      return 'already-posted';
    }
    const params = legs.flatMap((leg) => [request.id, leg.accountId, leg.amount.toString()]);
    const values = legs.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}, 0, 0)`).join(', ');
    try {
      await tx.query(
        `INSERT INTO ledger.postings (transfer_id, account_id, amount, balance_after, account_version) VALUES ${values}`,
        params,
      );
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'accounts_no_overdraw'
      ) {
        throw LedgerErrors.INSUFFICIENT_FUNDS(undefined, { transferId: request.id, kind: request.kind });
      }
      throw error;
    }
    return 'posted';
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
