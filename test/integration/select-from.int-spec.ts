import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Order, Signature } from '@app/ordering';
import { selectById, selectFrom } from '@app/platform';
import { schemaDataSource } from '../../scripts/db/schema';
import { createTestDatabase, type TestDatabase } from '@app/test-support';

/** Plain SQL built from an entity's metadata reads rows exactly as TypeORM's own finds do. */
describe('selectFrom and selectById', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await schemaDataSource(db.url).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('reads an order and its signatures as TypeORM does', async () => {
    const id = randomUUID();
    await db.pool.query(
      `INSERT INTO ordering.orders (id, call_id, agency_organisation_id, vendor_organisation_id, status, max_amount,
                                    terms, terms_hash, activated_at)
       VALUES ($1, $2, $3, $4, 'ACTIVE', 9007199254740993, '{"rounds": [{"no": 1, "shareBp": 10000}]}', 'h', now())`,
      [id, randomUUID(), randomUUID(), randomUUID()],
    );
    await db.pool.query(
      `INSERT INTO ordering.signatures (order_id, party, organisation_id, user_id, terms_hash)
       VALUES ($1, 'BUYER', $2, NULL, 'h'), ($1, 'VENDOR', $3, $4, 'h')`,
      [id, randomUUID(), randomUUID(), randomUUID()],
    );
    const manager = dataSource.manager;
    const [order] = await manager.query<Order[]>(`${selectFrom(manager, Order, 'o')} WHERE o.id = $1`, [id]);
    expect(order).toEqual(await manager.findOneByOrFail(Order, { id }));
    expect(order.maxAmount).toBe('9007199254740993');
    expect(await selectById(manager, Order, id)).toEqual(order);
    await dataSource.transaction(async (tx) => {
      expect(await selectById(tx, Order, id, { lock: true })).toEqual(order);
      await expect(
        db.pool.query('SELECT 1 FROM ordering.orders WHERE id = $1 FOR UPDATE NOWAIT', [id]),
      ).rejects.toThrow('could not obtain lock');
    });
    expect(await selectById(manager, Order, randomUUID())).toBeUndefined();
    const signatures = await manager.query<Signature[]>(
      `${selectFrom(manager, Signature, 's')} WHERE s.order_id = $1 ORDER BY s.party`,
      [id],
    );
    expect(signatures).toEqual(await manager.find(Signature, { where: { orderId: id }, order: { party: 'ASC' } }));
  });

  it('builds a statement PostgreSQL accepts for every entity of plain columns, and refuses the others', async () => {
    const manager = dataSource.manager;
    for (const metadata of dataSource.entityMetadatas) {
      const plain = metadata.columns.every((c) => !c.relationMetadata && !c.embeddedMetadata);
      if (plain) await manager.query(`${selectFrom(manager, metadata.target, 'x')} LIMIT 0`);
      else expect(() => selectFrom(manager, metadata.target, 'x')).toThrow('is not a plain column');
    }
  });
});
