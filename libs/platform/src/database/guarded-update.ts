import { DomainError } from '@app/kernel';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { cachedIn } from './select-from';

interface GuardedUpdate {
  text: string;
  columns: ColumnMetadata[];
}

const updates = new WeakMap<object, Map<string, GuardedUpdate>>();

/** `UPDATE … WHERE id = :id AND status = :expected`; zero rows means someone else moved it first. */
export async function updateIfStatus<T extends ObjectLiteral & { status: string }>(
  tx: EntityManager,
  target: EntityTarget<T>,
  id: string,
  expected: T['status'],
  patch: QueryDeepPartialEntity<T>,
): Promise<void> {
  await updateAllIfStatus(tx, target, [id], expected, patch);
}

/**
 * `updateIfStatus` for many rows in one statement: every one of them must still be in `expected`. The statement is
 * built once per entity and set of patched properties from TypeORM's metadata, with values prepared by its driver (as
 * its UpdateQueryBuilder does, update-date column included): building the update on every call cost the use cases
 * that run on every order more CPU than running it.
 */
export async function updateAllIfStatus<T extends ObjectLiteral & { status: string }>(
  tx: EntityManager,
  target: EntityTarget<T>,
  ids: string[],
  expected: T['status'],
  patch: QueryDeepPartialEntity<T>,
): Promise<void> {
  if (ids.length === 0) return;
  const metadata = tx.connection.getMetadata(target);
  const given = patch as Record<string, unknown>;
  const properties = Object.keys(given).filter((property) => given[property] !== undefined);
  const update = cachedIn(updates, metadata, properties.join(','), () => {
    if (metadata.versionColumn) throw new Error(`updateAllIfStatus: ${metadata.name} has a version column`);
    const columns = properties.map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column || column.embeddedMetadata)
        throw new Error(`updateAllIfStatus: ${metadata.name}.${property} is not a plain column`);
      return column;
    });
    const set = columns.map((column, index) => `"${column.databaseName}" = $${index + 1}`);
    const updated = metadata.updateDateColumn;
    if (updated && !columns.includes(updated)) set.push(`"${updated.databaseName}" = CURRENT_TIMESTAMP`);
    if (set.length === 0) throw new Error(`updateAllIfStatus: nothing to set on ${metadata.name}`);
    const n = columns.length;
    return {
      text: `UPDATE ${metadata.tablePath} SET ${set.join(', ')} WHERE id = ANY($${n + 1}) AND status = $${n + 2}`,
      columns,
    };
  });
  const values = update.columns.map((column): unknown =>
    tx.connection.driver.preparePersistentValue(given[column.propertyName], column),
  );
  const [, affected] = await tx.query<[unknown, number]>(update.text, [...values, ids, expected]);
  if (affected !== ids.length) {
    throw new DomainError(
      'PLATFORM.CONCURRENT_UPDATE',
      'CONFLICT',
      'Dữ liệu vừa được thay đổi bởi thao tác khác; hãy tải lại. / The record changed concurrently; reload and retry.',
      ids.length === 1 ? { id: ids[0], expected } : { ids, expected },
    );
  }
}
