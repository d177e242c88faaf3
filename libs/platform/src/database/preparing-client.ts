import { Client, type Connection, DatabaseError, Query, type QueryResult } from 'pg';

type Run = (...args: unknown[]) => unknown;

/** feature_not_supported: "cached plan must not change result type" */
const CACHED_PLAN_CHANGED = '0A000';

/** Distinct statements one connection keeps prepared; any further ones still run, parsed every time. */
export const PREPARED_PER_CONNECTION = 256;

/** What TypeORM sends to open a transaction; each connection prepares it once, under BEGIN. */
const START_TRANSACTION = 'START TRANSACTION';
const BEGIN = 'begin';
const DEFERRED_BEGIN: QueryResult = { command: 'BEGIN', rowCount: null, oid: 0, fields: [], rows: [] };

/**
 * A pg client that prepares each parameterised statement once per connection and afterwards only binds and runs
 * it, so PostgreSQL stops parsing (and, once a generic plan proves as cheap as custom ones, planning) the same
 * text on every call. TypeORM sends every query as text and values, so the pool's client is the one place where
 * statements can be named. Statements without values (BEGIN, COMMIT, DDL) run as before.
 *
 * It also opens a transaction in the same round trip as the transaction's first statement: START TRANSACTION
 * answers at once and goes out, as Bind and Execute of its prepared form, just ahead of that statement, before one
 * Sync. A round trip costs the API, the worker and PostgreSQL more CPU than most statements, and every transaction
 * began with one that carried nothing else. If START TRANSACTION fails, PostgreSQL skips the statement too (the
 * rest of the pipeline up to Sync), so a statement never runs outside the transaction it was written for.
 */
export class PreparingClient extends Client {
  private readonly names = new Map<string, string>();
  private issued = 0;
  private beginPrepared = false;
  /** START TRANSACTION was asked for and answered, and goes out with the next statement. */
  private beginDeferred = false;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one signature standing for pg's thirteen overloads
  override query(...args: any[]): any {
    const run = super.query.bind(this) as Run;
    const given = args as unknown[];
    const [text, values, callback] = given;
    if (text === START_TRANSACTION && values === undefined && !callback) return this.startTransaction(run);
    const parameterised = typeof text === 'string' && Array.isArray(values) && values.length > 0 && !callback;
    const name = parameterised ? this.nameFor(text) : undefined;
    if (this.beginDeferred) {
      this.beginDeferred = false;
      if (parameterised) return this.forgetFailed(this.afterBegin(run, { name, text, values }), text);
      // Statements without values (and COPY) are sent as simple queries, which cannot share BEGIN's round trip: it
      // goes out alone ahead of them, and should it fail, what follows must not run outside the transaction.
      const begin = new Query({ name: BEGIN, text: START_TRANSACTION });
      begin.on('error', (error) => this.connection.stream.destroy(error));
      run(begin);
    }
    if (!name) return run(...given);
    return this.forgetFailed(run({ name, text, values }) as Promise<QueryResult>, text as string);
  }

  private startTransaction(run: Run): Promise<QueryResult> {
    if (this.beginPrepared) {
      this.beginDeferred = true;
      return Promise.resolve(DEFERRED_BEGIN);
    }
    return (run({ name: BEGIN, text: START_TRANSACTION }) as Promise<QueryResult>).then((result) => {
      this.beginPrepared = true;
      return result;
    });
  }

  /** The statement, preceded in its pipeline by the prepared START TRANSACTION; resolves to the statement's result. */
  private afterBegin(run: Run, config: { name?: string; text: string; values: unknown[] }): Promise<QueryResult> {
    return new Promise((resolve, reject) => {
      const query = new Query(config, (error: Error | undefined, results: unknown) => {
        // pg reports the two commands' results as a list, as for several statements in one simple query
        if (error) reject(error);
        else resolve((Array.isArray(results) ? results.at(-1) : results) as QueryResult);
      });
      const submit = query.submit.bind(query) as (connection: Connection) => Error | null;
      query.submit = (connection: Connection) => {
        connection.stream.cork();
        try {
          connection.bind({ statement: BEGIN }, false);
          connection.execute({}, false);
          // Refused by pg before sending: BEGIN must not wait in the pipeline for the next statement's Sync.
          const refused = submit(connection);
          if (refused) connection.stream.destroy(refused);
          return refused;
        } finally {
          connection.stream.uncork();
        }
      };
      run(query);
    });
  }

  /**
   * A value pg could not bind (the only failure outside the server) makes pg close the statement there; a table
   * whose columns changed under a `*` stays unusable by name (0A000): both are prepared afresh next time.
   */
  private forgetFailed(result: Promise<QueryResult>, text: string): Promise<QueryResult> {
    return result.catch((error: unknown) => {
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
