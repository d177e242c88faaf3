/**
 * `npx tsx scripts/db/generate-migration.ts <module> <what>`: diffs the entities against a database migrated to
 * the latest migration and writes `migrations/<timestamp>-<module>-<what>.ts` for review. Only statements on the
 * module's own schema are kept, so work in progress on other modules never leaks into this module's migration.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaDataSource, schemaDrift } from './schema';

async function main(): Promise<void> {
  const [module, what] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!module || !what || !url)
    throw new Error('usage: DATABASE_URL=… tsx scripts/db/generate-migration.ts <module> <what>');
  const dataSource = await schemaDataSource(url).initialize();
  try {
    await dataSource.runMigrations();
    const drift = await schemaDrift(dataSource);
    const ownSchema = (sql: string) => sql.includes(`"${module}".`);
    const [{ exists }] = await dataSource.query<Array<{ exists: boolean }>>(
      'SELECT EXISTS (SELECT 1 FROM information_schema.schemata WHERE schema_name = $1) AS exists',
      [module],
    );
    const newSchema = exists ? [] : [`CREATE SCHEMA IF NOT EXISTS "${module}"`];
    const up = [...newSchema, ...drift.up.filter(ownSchema)];
    const down = [...(exists ? [] : [`DROP SCHEMA "${module}"`]), ...drift.down.filter(ownSchema)];
    if (up.length === newSchema.length) {
      console.log(`No changes in schema "${module}": its entities and migrations agree.`);
      return;
    }
    const timestamp = Date.now();
    const className = `${[module, what].map((s) => s.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())).join('')}${timestamp}`;
    const quote = (sql: string) => `    await queryRunner.query(\`${sql.replace(/`/g, '\\`')}\`);`;
    const file = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(quote).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(quote).join('\n')}
  }
}
`;
    const path = join(__dirname, '..', '..', 'migrations', `${timestamp}-${module}-${what}.ts`);
    writeFileSync(path, file);
    console.log(`Wrote ${path}; add it to migrations/index.ts`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
