import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { QueryResult, QueryResultRow } from 'pg';
import { Category } from '@app/catalog';
import { AnyOf, PREPARED_PER_CONNECTION, PreparingClient } from '@app/platform';
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
});
