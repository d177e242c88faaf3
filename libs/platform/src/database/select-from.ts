import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

const statements = new WeakMap<object, Map<string, string>>();
const withChildren = new WeakMap<object, Map<string, ParentChildStatement>>();

interface ParentChildStatement {
  text: string;
  parentProperties: string[];
  childProperties: string[];
  /** the label of the child's key column: null in the one row of a parent without children */
  childKey: string;
  relation: string;
}

/** The entity's columns, each of a plain property; a relation's join column needs a property of its own. */
function plainColumns(metadata: EntityMetadata) {
  for (const column of metadata.columns) {
    if (column.embeddedMetadata || column.propertyName === column.relationMetadata?.propertyName)
      throw new Error(`selectFrom: ${metadata.name}.${column.propertyName} is not a plain column`);
  }
  return metadata.columns;
}

/** `<alias>.<column> AS "<label>"`; a `date` column as text, as TypeORM gives it. */
const columnAs = (alias: string, column: ColumnMetadata, label: string) =>
  `${alias}.${column.databaseName}${column.type === 'date' ? '::text' : ''} AS "${label}"`;

/** What `build` makes for an entity and a key, made once. */
export function cachedIn<V>(
  cache: WeakMap<object, Map<string, V>>,
  metadata: EntityMetadata,
  key: string,
  build: () => V,
): V {
  const byKey = cache.get(metadata) ?? new Map<string, V>();
  cache.set(metadata, byKey);
  const known = byKey.get(key);
  if (known) return known;
  const built = build();
  byKey.set(key, built);
  return built;
}

/**
 * `SELECT <every column AS "property"> FROM <table> <alias>`, built once from the entity's TypeORM metadata: plain SQL
 * that returns rows in the entity's shape, for reads run on most requests, where building a `find` cost the API
 * more CPU than running its query (`journey-cost` bench). Relations are not loaded; embedded columns are not
 * supported.
 */
export function selectFrom(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = manager.connection.getMetadata(entity);
  return cachedIn(statements, metadata, alias, () => {
    const columns = plainColumns(metadata).map((column) => columnAs(alias, column, column.propertyName));
    return `SELECT ${columns.join(', ')} FROM ${metadata.tablePath} ${alias}`;
  });
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

/**
 * The entity whose `id` column is `id` with the rows of one of its one-to-many relations (ordered by `orderBy`, a
 * property of theirs, or as stored), or undefined: what `find` with `relations` reads, in one statement built once.
 */
export async function selectByIdWithChildren<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  relation: keyof T & string,
  orderBy?: string,
): Promise<T | undefined> {
  const metadata = manager.connection.getMetadata(entity);
  const statement = cachedIn(withChildren, metadata, `${relation} ${orderBy ?? ''}`, () => {
    const oneToMany = metadata.findRelationWithPropertyPath(relation);
    const joinColumn = oneToMany?.isOneToMany ? oneToMany.inverseRelation?.joinColumns[0] : undefined;
    if (!oneToMany || !joinColumn) throw new Error(`selectFrom: ${metadata.name}.${relation} is not a one-to-many`);
    const child = oneToMany.inverseEntityMetadata;
    const order = orderBy && child.findColumnWithPropertyName(orderBy);
    if (orderBy && !order) throw new Error(`selectFrom: ${child.name} has no column ${orderBy}`);
    const parentColumns = plainColumns(metadata);
    const childColumns = plainColumns(child);
    const columns = [
      ...parentColumns.map((column, index) => columnAs('p', column, `p${index}`)),
      ...childColumns.map((column, index) => columnAs('c', column, `c${index}`)),
    ];
    return {
      text: `SELECT ${columns.join(', ')} FROM ${metadata.tablePath} p
             LEFT JOIN ${child.tablePath} c ON c.${joinColumn.databaseName} = p.id
             WHERE p.id = $1${order ? ` ORDER BY c.${order.databaseName}` : ''}`,
      parentProperties: parentColumns.map((column) => column.propertyName),
      childProperties: childColumns.map((column) => column.propertyName),
      childKey: `c${childColumns.indexOf(child.primaryColumns[0])}`,
      relation,
    };
  });
  const rows = await manager.query<Array<Record<string, unknown>>>(statement.text, [id]);
  if (rows.length === 0) return undefined;
  const pick = (row: Record<string, unknown>, properties: string[], prefix: string) =>
    Object.fromEntries(properties.map((property, index) => [property, row[`${prefix}${index}`]]));
  const children = rows
    .filter((row) => row[statement.childKey] !== null)
    .map((row) => pick(row, statement.childProperties, 'c'));
  return { ...pick(rows[0], statement.parentProperties, 'p'), [statement.relation]: children } as T;
}
