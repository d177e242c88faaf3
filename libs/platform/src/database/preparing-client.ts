import { Client, DatabaseError, type QueryResult } from 'pg';

type Query = (...args: unknown[]) => unknown;

/** feature_not_supported: "cached plan must not change result type" */
const CACHED_PLAN_CHANGED = '0A000';

/** Distinct statements one connection keeps prepared; any further ones still run, parsed every time. */
export const PREPARED_PER_CONNECTION = 256;

/**
 * A pg client that prepares each parameterised statement once per connection and afterwards only binds and runs
 * it, so PostgreSQL stops parsing (and, once a generic plan proves as cheap as custom ones, planning) the same
 * text on every call. TypeORM sends every query as text and values, so the pool's client is the one place where
 * statements can be named. Statements without values (BEGIN, COMMIT, DDL) run as before.
 */
export class PreparingClient extends Client {
  private readonly names = new Map<string, string>();
  private issued = 0;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one signature standing for pg's thirteen overloads
  override query(...args: any[]): any {
    const query = super.query.bind(this) as Query;
    const given = args as unknown[];
    const [text, values, callback] = given;
    const name =
      typeof text === 'string' && Array.isArray(values) && values.length > 0 && !callback && this.nameFor(text);
    if (!name) return query(...given);
    return (query({ name, text, values }) as Promise<QueryResult>).catch((error: unknown) => {
      // A value pg could not bind (the only failure outside the server) makes pg close the statement there; a
      // table whose columns changed under a `*` stays unusable by name (0A000): both are prepared afresh next time.
      if (!(error instanceof DatabaseError) || error.code === CACHED_PLAN_CHANGED) this.names.delete(text);
      throw error;
    });
  }

  private nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known || this.issued >= PREPARED_PER_CONNECTION) return known;
    const name = `s${++this.issued}`;
    this.names.set(text, name);
    return name;
  }
}
