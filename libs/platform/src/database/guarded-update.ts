import { DomainError } from '@app/kernel';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

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

/** `updateIfStatus` for many rows in one statement: every one of them must still be in `expected`. */
export async function updateAllIfStatus<T extends ObjectLiteral & { status: string }>(
  tx: EntityManager,
  target: EntityTarget<T>,
  ids: string[],
  expected: T['status'],
  patch: QueryDeepPartialEntity<T>,
): Promise<void> {
  if (ids.length === 0) return;
  const result = await tx
    .createQueryBuilder()
    .update(target)
    .set(patch)
    .where('id = ANY(:ids) AND status = :expected', { ids, expected })
    .execute();
  if (result.affected !== ids.length) {
    throw new DomainError(
      'PLATFORM.CONCURRENT_UPDATE',
      'CONFLICT',
      'Dữ liệu vừa được thay đổi bởi thao tác khác; hãy tải lại. / The record changed concurrently; reload and retry.',
      ids.length === 1 ? { id: ids[0], expected } : { ids, expected },
    );
  }
}
