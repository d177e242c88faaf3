import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type CopyValue = string | number | boolean | null;

const CHUNK_BYTES = 256 * 1024;

/** COPY text format: backslash, tab and line breaks escaped, NULL as \N. */
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
