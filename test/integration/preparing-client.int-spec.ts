import 'reflect-metadata';
import { DataSource, QueryFailedError } from 'typeorm';
import type { QueryResult, QueryResultRow } from 'pg';
import { Category } from '@app/catalog';
import { AnyOf, copyRows, PREPARED_PER_CONNECTION, poolOf, PreparingClient, withReads } from '@app/platform';
import { schemaDataSource } from '../../scripts/db/schema';
import { createTestDatabase, type TestDatabase } from '@app/test-support';

const PREPARED = 'SELECT statement FROM pg_prepared_statements ORDER BY prepare_time';

describe('PreparingClient (real PostgreSQL)', () => {
  let db: TestDatabase;
  let client: PreparingClient;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  beforeEach(async () => {
    client = new PreparingClient({ connectionString: db.url });
    await client.connect();
  });
  afterEach(() => client.end());
  afterAll(() => db?.drop());

  const query = <T extends QueryResultRow>(sql: string, values?: unknown[]) =>
    client.query(sql, values) as Promise<QueryResult<T>>;
  const prepared = async () => (await query<{ statement: string }>(PREPARED)).rows.map((r) => r.statement);
  const plusOne = async (n: number) => (await query<{ n: number }>('SELECT $1::int + 1 AS n', [n])).rows[0]?.n;

  it('prepares a statement with values once per connection and runs it again by name', async () => {
    expect([await plusOne(1), await plusOne(41), await plusOne(-1)]).toEqual([2, 42, 0]);
    await query('SELECT 1');
    expect(await prepared()).toEqual(['SELECT $1::int + 1 AS n']);
  });

  it(`keeps at most ${PREPARED_PER_CONNECTION} statements prepared; later ones still run`, async () => {
    for (let i = 0; i <= PREPARED_PER_CONNECTION + 9; i++) {
      const { rows } = await query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [1]);
      expect(rows[0]?.n).toBe(1 + i);
    }
    expect(await prepared()).toHaveLength(PREPARED_PER_CONNECTION);
  });

  it('keeps a statement the server refused, and prepares afresh one whose values could not be sent', async () => {
    const ratio = (d: number) => query<{ r: number }>('SELECT 10 / $1::int AS r', [d]);
    await expect(ratio(0)).rejects.toMatchObject({ code: '22012' });
    expect((await ratio(5)).rows[0]?.r).toBe(2);

    const echo = (value: unknown) => query<{ j: unknown }>('SELECT $1::jsonb AS j', [value]);
    expect((await echo({ n: 1 })).rows[0]?.j).toEqual({ n: 1 });
    // JSON cannot hold a BigInt: pg fails to bind the value and closes the statement on the server.
    await expect(echo({ n: 1n })).rejects.toThrow(TypeError);
    expect((await echo({ n: 2 })).rows[0]?.j).toEqual({ n: 2 });
  });

  it('prepares afresh a statement whose table changed under its `*`', async () => {
    await query('CREATE TABLE widened (id int PRIMARY KEY)');
    await query('INSERT INTO widened VALUES (1)');
    const row = async () => (await query<Record<string, unknown>>('SELECT * FROM widened WHERE id = $1', [1])).rows[0];
    expect(await row()).toEqual({ id: 1 });
    await query('ALTER TABLE widened ADD COLUMN label text');
    await expect(row()).rejects.toMatchObject({ code: '0A000' });
    expect(await row()).toEqual({ id: 1, label: null });
  });

  it('runs one statement for AnyOf lists of any length (In would send one per length)', async () => {
    const dataSource: DataSource = await schemaDataSource(db.url, 1).initialize();
    try {
      const all = (await dataSource.manager.find(Category, { order: { code: 'ASC' } })).map((c) => c.code);
      const codes = (found: Category[]) => found.map((c) => c.code);
      const find = (some: string[], alsoNamed?: string[]) =>
        dataSource.manager.find(Category, {
          where: { code: AnyOf(some), ...(alsoNamed ? { nameVi: AnyOf(alsoNamed) } : {}) },
          order: { code: 'ASC' },
        });
      expect(codes(await find(all.slice(0, 1)))).toEqual(all.slice(0, 1));
      expect(codes(await find(all.slice(0, 4)))).toEqual(all.slice(0, 4));
      expect(await find([])).toEqual([]);
      const [first] = await find(all.slice(0, 1));
      // Two lists in one query keep their own values.
      expect(codes(await find(all.slice(0, 4), [first.nameVi]))).toEqual([first.code]);
      const rows = await dataSource.query<Array<{ statement: string }>>(PREPARED);
      expect(rows.filter((r) => r.statement.includes('"code" = ANY($1)')).map((r) => r.statement)).toHaveLength(2);
    } finally {
      await dataSource.destroy();
    }
  });

  describe('a transaction', () => {
    beforeEach(async () => {
      await query('DROP TABLE IF EXISTS kept');
      await query('CREATE TABLE kept (n int)');
    });
    const kept = async () => (await query<{ n: number }>('SELECT n FROM kept ORDER BY n')).rows.map((r) => r.n);
    /** Round trips the client makes while `work` runs: PostgreSQL ends each with one ReadyForQuery. */
    const roundTrips = async (work: () => Promise<unknown>) => {
      let count = 0;
      const onReady = () => count++;
      client.connection.on('readyForQuery', onReady);
      try {
        await work();
      } finally {
        client.connection.off('readyForQuery', onReady);
      }
      return count;
    };
    const inTransaction = (statements: () => Promise<unknown>, end = 'COMMIT') =>
      roundTrips(async () => {
        await query('START TRANSACTION');
        await statements();
        await query(end);
      });
    const keep = (n: number) => query('INSERT INTO kept VALUES ($1)', [n]);

    it('opens in the round trip of its first statement, once the connection has prepared START TRANSACTION', async () => {
      expect(await inTransaction(() => keep(1))).toBe(3);
      expect(await inTransaction(() => keep(2))).toBe(2);
      // The statement ran inside the transaction: rolled back with it.
      expect(await inTransaction(() => keep(3), 'ROLLBACK')).toBe(2);
      expect(await kept()).toEqual([1, 2]);
    });

    it('is still open, and aborted, after its first statement fails', async () => {
      await inTransaction(() => keep(1));
      await query('START TRANSACTION');
      await expect(query('SELECT 10 / $1::int AS r', [0])).rejects.toMatchObject({ code: '22012' });
      // in_failed_sql_transaction: had the statement run on its own, this insert would have been kept
      await expect(keep(2)).rejects.toMatchObject({ code: '25P02' });
      await query('ROLLBACK');
      expect(await inTransaction(() => keep(3))).toBe(2);
      expect(await kept()).toEqual([1, 3]);
    });

    it('opens on its own ahead of a first statement without values, or of a COPY', async () => {
      await inTransaction(() => keep(1));
      const timeout = async () => (await query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0];
      const before = await timeout();
      await inTransaction(async () => {
        // SET LOCAL outside a transaction changes nothing (and PostgreSQL only warns)
        await query(`SET LOCAL statement_timeout = '7s'`);
        expect(await timeout()).toEqual({ statement_timeout: '7s' });
      }, 'ROLLBACK');
      expect(await timeout()).toEqual(before);

      const dataSource: DataSource = await schemaDataSource(db.url, 1).initialize();
      try {
        const rows = Array.from({ length: 3000 }, (_, i) => [i]);
        // the pool's one connection prepares START TRANSACTION in its first transaction, and defers it afterwards
        await dataSource.transaction((tx) => tx.query('SELECT $1::int', [1]));
        await expect(
          dataSource.transaction(async (tx) => {
            await copyRows(tx, 'kept', ['n'], rows);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        await dataSource.transaction((tx) => copyRows(tx, 'kept', ['n'], rows.slice(0, 2500)));
      } finally {
        await dataSource.destroy();
      }
      expect(await kept()).toHaveLength(1 + 2500);
    });
  });

  it('is the client of the application’s connection pool', async () => {
    const dataSource: DataSource = await schemaDataSource(db.url, 1).initialize();
    try {
      await dataSource.query('SELECT $1::text AS t', ['a']);
      const rows = await dataSource.query<Array<{ statement: string }>>(PREPARED);
      expect(rows.map((r) => r.statement)).toContain('SELECT $1::text AS t');
    } finally {
      await dataSource.destroy();
    }
  });

  it('reads rows on one pooled connection through prepared statements; a refusal is a QueryFailedError', async () => {
    const dataSource: DataSource = await schemaDataSource(db.url, 2).initialize();
    try {
      const backend = 'SELECT pg_backend_pid() AS pid';
      const backends = await withReads(poolOf(dataSource), async (read) => {
        expect(await read('SELECT $1::int + 1 AS n', [1])).toEqual([{ n: 2 }]);
        const first = await read<{ pid: number }>(backend, []);
        // Another request takes a connection between the reads: the next read still has its own.
        const other = await poolOf(dataSource).connect();
        try {
          return [...first, ...(await read<{ pid: number }>(backend, []))];
        } finally {
          other.release();
        }
      });
      expect(backends[0].pid).toBe(backends[1].pid);
      const rows = await dataSource.query<Array<{ statement: string }>>(PREPARED);
      expect(rows.map((r) => r.statement)).toContain('SELECT $1::int + 1 AS n');
      const refusal = withReads(poolOf(dataSource), (read) => read('SELECT 1 / $1::int AS n', [0]));
      await expect(refusal).rejects.toBeInstanceOf(QueryFailedError);
      await expect(refusal).rejects.toMatchObject({ driverError: { code: '22012' } });
      expect(await withReads(poolOf(dataSource), (read) => read('SELECT 1 / $1::int AS n', [1]))).toEqual([{ n: 1 }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
