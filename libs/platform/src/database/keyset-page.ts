import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeTimeIdCursor, type Page, pageOf } from '@app/kernel';

export interface KeysetOptions<T> {
  /** The timestamp column the list is ordered by, e.g. `o.created_at`; ties are broken by `<alias>.id`. */
  timeColumn: string;
  timeOf: (row: T) => Date;
  direction: 'ASC' | 'DESC';
  cursor: string | undefined;
  limit: number;
  /** The module's coded error for a cursor this system did not write. */
  invalidCursor: () => Error;
}

/**
 * One page of a list ordered by (timestamp, id), after the cursor of the previous page. The key is cut to the
 * millisecond a JavaScript Date carries, so the cursor names exactly the row it came from.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  options: KeysetOptions<T>,
): Promise<Page<T>> {
  const time = `date_trunc('milliseconds', ${options.timeColumn})`;
  const id = `${query.alias}.id`;
  if (options.cursor !== undefined) {
    const after = decodeTimeIdCursor(options.cursor);
    if (!after) throw options.invalidCursor();
    const comparison = options.direction === 'DESC' ? '<' : '>';
    query.andWhere(`(${time}, ${id}) ${comparison} (CAST(:keysetAt AS timestamptz), CAST(:keysetId AS uuid))`, {
      keysetAt: after.at,
      keysetId: after.id,
    });
  }
  const rows = await query
    .orderBy(time, options.direction)
    .addOrderBy(id, options.direction)
    .take(options.limit + 1)
    .getMany();
  return pageOf(rows, options.limit, (row) => [options.timeOf(row).toISOString(), row.id]);
}
