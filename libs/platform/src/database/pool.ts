import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The connection pool under TypeORM's data source (node-postgres, with `PreparingClient` connections). */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}

/** The rows of a read statement. */
export type RowReader = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * `work`'s read statements, on one of `pool`'s connections outside any transaction, without TypeORM's query runner: a
 * runner, its broadcaster and its result wrapper per statement were 3 % of the API's time per public catalogue search
 * (CPU profile under load). One connection for all of them: a search that reads twice waits in the pool's queue once,
 * not once per read (under load, a text search's second read queued behind every search that came meanwhile). A
 * failure is TypeORM's `QueryFailedError`, as from any other query, so errors read alike.
 */
export async function withReads<R>(pool: Pool, work: (read: RowReader) => Promise<R>): Promise<R> {
  // Not `pool.query`: it passes a callback, and a statement with a callback is not prepared (see PreparingClient).
  const client = await pool.connect();
  try {
    return await work(async <T>(sql: string, params: unknown[]) => {
      try {
        return (await client.query(sql, params)).rows as T[];
      } catch (error) {
        throw new QueryFailedError(sql, params, error as Error);
      }
    });
  } finally {
    client.release();
  }
}
