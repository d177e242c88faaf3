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
  const result = await tx
    .createQueryBuilder()
    .update(target)
    .set(patch)
    .where('id = :id AND status = :expected', { id, expected })
    .execute();
  if (result.affected !== 1) {
    throw new DomainError(
      'PLATFORM.CONCURRENT_UPDATE',
      'CONFLICT',
      'Dữ liệu vừa được thay đổi bởi thao tác khác; hãy tải lại. / The record changed concurrently; reload and retry.',
      { id, expected },
    );
  }
}
