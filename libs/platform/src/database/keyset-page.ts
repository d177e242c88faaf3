import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeIntegerIdCursor, decodeTimeIdCursor, type Page, pageOf } from '@app/kernel';

/** The column a list is ordered by (ties broken by `<alias>.id`): a timestamp, or a whole-number score. */
type KeysetKey<T> =
  | {
      /** e.g. `o.created_at` */
      timeColumn: string;
      timeOf: (row: T) => Date;
    }
  | {
      /** e.g. `s.quality_score`; the column must not be null on the listed rows */
      integerColumn: string;
      integerOf: (row: T) => number;
    };

export type KeysetOptions<T> = KeysetKey<T> & {
  direction: 'ASC' | 'DESC';
  cursor: string | undefined;
  limit: number;
  /** The module's coded error for a cursor this system did not write. */
  invalidCursor: () => Error;
};

/** The key expression, its SQL type, the decoded cursor and a row's key, for either kind of column. */
function keyOf<T>(options: KeysetOptions<T>) {
  if ('timeColumn' in options)
    return {
      expression: `date_trunc('milliseconds', ${options.timeColumn})`,
      type: 'timestamptz',
      decode: decodeTimeIdCursor,
      of: (row: T) => options.timeOf(row).toISOString(),
    };
  return {
    expression: options.integerColumn,
    type: 'bigint',
    decode: decodeIntegerIdCursor,
    of: (row: T) => options.integerOf(row),
  };
}

/**
 * One page of a list ordered by (key, id), after the cursor of the previous page. A timestamp key is cut to the
 * millisecond a JavaScript Date carries, so the cursor names exactly the row it came from.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  options: KeysetOptions<T>,
): Promise<Page<T>> {
  const key = keyOf(options);
  const id = `${query.alias}.id`;
  if (options.cursor !== undefined) {
    const after = key.decode(options.cursor);
    if (!after) throw options.invalidCursor();
    const comparison = options.direction === 'DESC' ? '<' : '>';
    query.andWhere(
      `(${key.expression}, ${id}) ${comparison} (CAST(:keysetAt AS ${key.type}), CAST(:keysetId AS uuid))`,
      {
        keysetAt: after.at,
        keysetId: after.id,
      },
    );
  }
  const rows = await query
    .orderBy(key.expression, options.direction)
    .addOrderBy(id, options.direction)
    .take(options.limit + 1)
    .getMany();
  return pageOf(rows, options.limit, (row) => [key.of(row), row.id]);
}
