import { schemaDataSource, schemaDrift } from '../../scripts/db/schema';
import { createTestDatabase, type TestDatabase } from '@app/test-support';

/** Entities and migrations must describe the same schema: a changed entity without a migration fails here. */
describe('migrations match the entities', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db?.drop());

  it('has no drift between the migrated database and the entity metadata', async () => {
    const dataSource = await schemaDataSource(db.url).initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      expect(await schemaDrift(dataSource)).toEqual({ up: [], down: [] });
    } finally {
      await dataSource.destroy();
    }
  });
});
