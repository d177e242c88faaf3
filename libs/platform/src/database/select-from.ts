import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

const statements = new WeakMap<object, Map<string, string>>();

/**
 * `SELECT <every column AS "property"> FROM <table> <alias>`, built once from the entity's TypeORM metadata: plain SQL
 * that returns rows in the entity's shape, for reads run on most requests, where building a `find` cost the API
 * more CPU than running its query (`journey-cost` bench). `date` columns come back as text, as TypeORM gives them;
 * relation and embedded columns are not supported.
 */
export function selectFrom(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = manager.connection.getMetadata(entity);
  const byAlias = statements.get(metadata) ?? new Map<string, string>();
  statements.set(metadata, byAlias);
  const known = byAlias.get(alias);
  if (known) return known;
  const columns = metadata.columns.map((column) => {
    if (column.relationMetadata || column.embeddedMetadata) {
      throw new Error(`selectFrom: ${metadata.name}.${column.propertyName} is not a plain column`);
    }
    return `${alias}.${column.databaseName}${column.type === 'date' ? '::text' : ''} AS "${column.propertyName}"`;
  });
  const statement = `SELECT ${columns.join(', ')} FROM ${metadata.tablePath} ${alias}`;
  byAlias.set(alias, statement);
  return statement;
}

/** The entity whose `id` column is `id` (row-locked FOR UPDATE with `lock`), or undefined: `selectFrom` by key. */
export async function selectById<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  { lock = false } = {},
): Promise<T | undefined> {
  const [row] = await manager.query<T[]>(
    `${selectFrom(manager, entity, 't')} WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}
