import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type CopyValue = string | number | boolean | null;

const CHUNK_BYTES = 256 * 1024;

/** COPY text format: backslash, tab and line breaks escaped, NULL as \N (`copyOut` reads it back). */
const field = (v: CopyValue): string =>
  v === null
    ? '\\N'
    : typeof v === 'boolean'
      ? v
        ? 't'
        : 'f'
      : typeof v === 'number'
        ? String(v)
        : v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c);

/** Up to this many values a plain multi-row INSERT (one round trip) beats COPY (a handshake, then the data). */
const INSERT_MAX_VALUES = 2000;

/** Bulk insert on the transaction's own connection: one statement, however many rows. */
export async function copyRows(
  tx: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly CopyValue[]>,
): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length * columns.length <= INSERT_MAX_VALUES) {
    const values = rows.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, rows.flat());
    return;
  }
  const client = (await tx.queryRunner!.connect()) as PoolClient;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const done = new Promise((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(field).join('\t')}\n`;
    if (chunk.length > CHUNK_BYTES) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
      chunk = '';
    }
  }
  stream.end(chunk);
  await done;
}

const UNESCAPED: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };
const decode = (f: string): string | null =>
  f === '\\N' ? null : !f.includes('\\') ? f : f.replace(/\\(.)/g, (_, c: string) => UNESCAPED[c] ?? c);

/**
 * Streams a query's rows out with COPY, on the transaction's own connection, as text fields (NULL as null): for
 * reads of hundreds of thousands of rows that would cost more as row objects. COPY takes no parameters, so `sql`
 * must hold only validated values.
 */
export async function* copyOut(tx: EntityManager, sql: string): AsyncGenerator<Array<string | null>> {
  const client = (await tx.queryRunner!.connect()) as PoolClient;
  const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT`));
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) yield line.split('\t').map(decode);
  }
}
