import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts a new entity and the rows of one of its one-to-many relations, its generated columns (creation time,
 * defaults) filled in from the database. `save` would first read both back to tell an insert from an update.
 */
export async function insertWithChildren<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: T,
  relation: keyof T & string,
): Promise<void> {
  const oneToMany = manager.connection.getMetadata(entity).findRelationWithPropertyPath(relation);
  if (!oneToMany?.isOneToMany) throw new Error(`insertWithChildren: ${relation} is not a one-to-many relation`);
  await manager.insert(entity, row);
  const children = row[relation] as ObjectLiteral[];
  if (children.length > 0) await manager.insert(oneToMany.inverseEntityMetadata.target, children);
}
