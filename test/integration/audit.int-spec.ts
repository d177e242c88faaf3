import { DataSource } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { schemaDataSource } from '../../scripts/db/schema';
import { createTestDatabase, type TestDatabase } from '@app/test-support';

describe('audit log hash chain (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let audit: AuditFacade;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await schemaDataSource(db.url, 20).initialize();
    audit = new AuditFacade(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const actor = { userId: null, organisationId: null };

  it('chains events appended by concurrent transactions without forks', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        dataSource.transaction((tx) =>
          audit.record(tx, {
            actor,
            entityType: 'order',
            entityId: `o-${i}`,
            action: 'signed',
            after: { i, note: 'ký hợp đồng' },
          }),
        ),
      ),
    );
    const result = await audit.verifyChain();
    expect(result).toMatchObject({ valid: true, events: 30, firstBrokenSeq: null });
  });

  it('is append-only', async () => {
    await expect(dataSource.query(`UPDATE audit.events SET action = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit.events`)).rejects.toThrow(/append-only/);
  });

  it('chains events when their transaction commits, so an open transaction holds up no other', async () => {
    const slow = dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    await audit.record(slow.manager, { actor, entityType: 'order', entityId: 'slow', action: 'signed' });
    await dataSource.transaction((tx) =>
      audit.record(tx, { actor, entityType: 'order', entityId: 'fast', action: 'signed' }),
    );
    await slow.commitTransaction();
    await slow.release();

    const chained = await dataSource.query<Array<{ entity_id: string }>>(
      `SELECT entity_id FROM audit.events WHERE entity_id IN ('slow', 'fast') ORDER BY seq`,
    );
    expect(chained.map((e) => e.entity_id)).toEqual(['fast', 'slow']);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM audit.pending`)).toEqual([{ n: 0 }]);
    expect(await audit.verifyChain()).toMatchObject({ valid: true, firstBrokenSeq: null });
  });

  it('detects an event altered behind the triggers', async () => {
    const [{ seq }] = await dataSource.query<Array<{ seq: string }>>(
      `SELECT seq::text FROM audit.events ORDER BY seq LIMIT 1 OFFSET 10`,
    );
    await dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE audit.events SET after = '{"i": 999}' WHERE seq = $1`, [seq]);
    });
    expect(await audit.verifyChain()).toMatchObject({ valid: false, firstBrokenSeq: seq });
  });
});
