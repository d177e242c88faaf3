/** Applies pending migrations (forward-only) to DATABASE_URL, creating the module schemas first. */
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/platform';
import { migrations } from '../migrations';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const dataSource = await new DataSource({
    ...dataSourceOptions(url, 1),
    migrations,
    migrationsTransactionMode: 'each',
  }).initialize();
  try {
    const applied = await dataSource.runMigrations();
    console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date.');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
