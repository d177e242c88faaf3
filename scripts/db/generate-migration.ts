/**
 * `npx tsx scripts/db/generate-migration.ts <module> <what>`: diffs the entities against a database migrated to
 * the latest migration and writes `migrations/<timestamp>-<module>-<what>.ts` for review.
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
    const { up, down } = await schemaDrift(dataSource);
    if (up.length === 0) {
      console.log('No changes: entities and migrations agree.');
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
