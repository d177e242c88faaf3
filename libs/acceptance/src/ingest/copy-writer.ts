import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { formatMicros, type ValidRow } from './rows';

/** Rows are written straight into a reused byte buffer: no long-lived strings for the garbage collector to promote. */
const CHUNK_BYTES = 64 * 1024;
const MAX_ROW_BYTES = 1024;

/** COPY text format escaping; keys come from the order's terms but are escaped all the same. */
const escape = (text: string) =>
  text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c);

/** Streams validated points into `acceptance.measurements` with one COPY on the transaction's connection. */
export class MeasurementCopy {
  private readonly stream: ReturnType<typeof copyFrom>;
  private readonly done: Promise<unknown>;
  private readonly prefix: string;
  private readonly keys = new Map<string, string>();
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  rows = 0;
  /** Set once the COPY failed (e.g. the server went away): nothing more may be written to it. */
  private failed = false;

  constructor(client: PoolClient, batchId: string, orderId: string, roundNo: number, revision: number) {
    this.stream = client.query(
      copyFrom(
        'COPY acceptance.measurements (batch_id, order_id, round_no, revision, kpi_key, observed_at, value, ref, line_no) FROM STDIN',
      ),
    );
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', (error) => {
        this.failed = true;
        reject(error);
      });
    });
    // Observed by finish(); until then a failed COPY (the server went away) must not be an unhandled rejection.
    this.done.catch(() => undefined);
    this.prefix = `${batchId}\t${orderId}\t${roundNo}\t${revision}\t`;
  }

  add(row: ValidRow): void {
    let key = this.keys.get(row.kpi.key);
    if (key === undefined) this.keys.set(row.kpi.key, (key = escape(row.kpi.key)));
    this.used += this.chunk.write(
      `${this.prefix}${key}\t${formatMicros(row.observedAtUs)}\t${row.value}\t${escape(row.ref)}\t${row.line}\n`,
      this.used,
    );
    this.rows++;
    if (this.used > CHUNK_BYTES - MAX_ROW_BYTES) this.send();
  }

  private send(): void {
    if (this.used === 0 || this.failed) return;
    this.stream.write(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  /** Resolves when PostgreSQL has taken what was sent (readers wait on it between input chunks). */
  async ready(): Promise<void> {
    if (this.stream.writableNeedDrain) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  /** Ends the COPY; always awaited, so the connection is usable (for COMMIT or ROLLBACK) afterwards. */
  async finish(): Promise<void> {
    if (!this.failed) {
      this.send();
      this.stream.end();
    }
    await this.done;
  }
}
