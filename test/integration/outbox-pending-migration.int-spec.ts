import { createTestDatabase, type TestDatabase } from '@app/test-support';
import { schemaDataSource } from '../../scripts/db/schema';

const MIGRATION = 'PlatformOutboxPending1795760000000';

/** Jobs queued but not yet relayed when the outbox moves to its pending list are still relayed afterwards. */
describe('outbox pending list migration', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db?.drop());

  it('lists the unpublished rows as pending, and marks the others published when undone', async () => {
    const dataSource = await schemaDataSource(db.url).initialize();
    const applied = async () =>
      Number((await dataSource.query(`SELECT count(*) AS n FROM migrations WHERE name = $1`, [MIGRATION]))[0].n) > 0;
    try {
      while (await applied()) await dataSource.undoLastMigration();
      await dataSource.query(
        `INSERT INTO platform.outbox (queue, job_name, job_id, payload, published_at)
         VALUES ('q', 'work', 'relayed', '{}', now()), ('q', 'work', 'waiting', '{}', NULL)`,
      );
      await dataSource.runMigrations();
      expect(
        await dataSource.query(`SELECT o.job_id FROM platform.outbox_pending p JOIN platform.outbox o ON o.id = p.id`),
      ).toEqual([{ job_id: 'waiting' }]);

      while (await applied()) await dataSource.undoLastMigration();
      expect(
        await dataSource.query(
          `SELECT job_id, published_at IS NOT NULL AS published FROM platform.outbox ORDER BY job_id`,
        ),
      ).toEqual([
        { job_id: 'relayed', published: true },
        { job_id: 'waiting', published: false },
      ]);
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
  });
});
