import { type FindOperator, Raw } from 'typeorm';

let parameters = 0;

/**
 * `column = ANY(values)` as a find condition: one array parameter however many values. TypeORM's `In` sends one
 * parameter per value, so each list length is a new statement text: PostgreSQL parses and plans it afresh (a
 * settlement batch's claim named 4,000 orders) and it takes one of the connection's prepared statements.
 */
export function AnyOf<T>(values: readonly T[]): FindOperator<T> {
  // Named apart, so two conditions of one query never share a parameter; the SQL text stays `= ANY($n)`.
  const name = `anyOf${++parameters}`;
  return Raw((column) => `${column} = ANY(:${name})`, { [name]: values }) as FindOperator<T>;
}
