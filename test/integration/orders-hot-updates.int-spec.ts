import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/test-support';

/** An order's status changes stay on its page (HOT): no new index entries for the order's every step. */
describe('order updates', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db?.drop());

  it('updates an order on a page filled by later orders without a new tuple elsewhere', async () => {
    const terms = JSON.stringify({ note: 'Điều khoản thanh toán theo kết quả. '.repeat(20) });
    const client = await db.pool.connect();
    try {
      await client.query(
        `INSERT INTO ordering.orders (id, call_id, agency_organisation_id, vendor_organisation_id, status, max_amount,
                                      terms, terms_hash)
         SELECT gen_random_uuid(), gen_random_uuid(), $1, $2, 'ACTIVE', 1000000, $3::jsonb, md5(g::text)
         FROM generate_series(1, 40) g`,
        [randomUUID(), randomUUID(), terms],
      );
      const [first] = (
        await client.query<{ id: string; pages: string }>(
          `SELECT id, (SELECT count(DISTINCT (ctid::text::point)[0]) FROM ordering.orders)::text AS pages
         FROM ordering.orders WHERE ctid = '(0,1)'`,
        )
      ).rows;
      expect(Number(first.pages)).toBeGreaterThan(1);
      await client.query('BEGIN');
      await client.query(`UPDATE ordering.orders SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [first.id]);
      const { rows } = await client.query<{ updated: string; hot: string }>(
        `SELECT pg_stat_get_xact_tuples_updated('ordering.orders'::regclass)::text AS updated,
                pg_stat_get_xact_tuples_hot_updated('ordering.orders'::regclass)::text AS hot`,
      );
      await client.query('ROLLBACK');
      expect(rows).toEqual([{ updated: '1', hot: '1' }]);
    } finally {
      client.release();
    }
  });
});
