import type { Pool } from 'pg';

/** A ledger account's balance in đồng, read from the database (0 for an account not opened yet). */
export async function ledgerBalance(pool: Pool, code: string): Promise<bigint> {
  const { rows } = await pool.query<{ balance: string }>('SELECT balance::text FROM ledger.accounts WHERE code = $1', [
    code,
  ]);
  return BigInt(rows[0]?.balance ?? 0);
}
