/**
 * Benchmark `ingest`: a 1,000,000-row CSV through the HTTP upload (streamed, hashed, kept, validated, COPY into the
 * partitioned measurement table in one transaction) against a raw `psql \copy` of the same file into a table of the
 * same shape (same columns, defaults, monthly partitions and index) in the same database, one after the other.
 * The API's resident memory (VmRSS) is sampled during the upload; its growth must stay under 100 MB.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  bootstrapOperator,
  createActors,
  draftOrder,
  listSolution,
  MarketplaceClient,
  PASSWORD,
  signBoth,
} from '@app/test-support';
import { type AppProcess, distPath, freePort, run, sleep, startApi } from '../infra';
import { postFile, writeCsv } from './measurement-files';
import { rssMb } from './figures';
import type { BenchContext, BenchResult, Benchmark } from './run';

const ROWS = Number(process.env.BENCH_INGEST_ROWS) > 0 ? Number(process.env.BENCH_INGEST_ROWS) : 1_000_000;
const RSS_SAMPLE_MS = 20;

async function runIngest(ctx: BenchContext): Promise<BenchResult> {
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: ctx.redis.url,
    QUEUE_PREFIX: 'bench',
    API_PORT: String(port),
    JWT_SECRET: randomBytes(48).toString('base64url'),
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    FAULT_POINTS: '',
    LOG_LEVEL: 'warn',
    MEASUREMENT_FILES_DIR: path.join(ctx.workDir, 'files'),
    APP_LOG_DIR: path.join(ctx.workDir, 'logs'),
  };
  ctx.log('migrating');
  await run(process.execPath, [distPath('scripts', 'migrate.js')], { DATABASE_URL: ctx.databaseUrl });
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  let api: AppProcess | undefined;
  try {
    // No worker: the evaluation the upload queues is not part of what is measured.
    api = await startApi(env);
    const url = `http://127.0.0.1:${port}`;
    const client = new MarketplaceClient(url);
    const operator = await bootstrapOperator(pool);
    const admin = client.as(await client.login(operator.email, operator.password));
    const a = await createActors(admin, `ingest-${randomBytes(2).toString('hex')}`);
    const solutionId = await listSolution(a);
    await admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: '1000000000', reference: 'BENCH-INGEST' });
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000' });
    const order = await signBoth(a, orderId);
    const start = Date.parse(order.terms.rounds[0].startsAt);
    const officerToken = await client.login(a.logins.find((l) => l.role === 'officer')!.email, PASSWORD);

    const file = path.join(ctx.workDir, 'measurements.csv');
    const bytes = await writeCsv(file, start, ROWS);
    ctx.log(`${ROWS} rows, ${(bytes / 2 ** 20).toFixed(1)} MB`);
    await sleep(Math.max(0, start + ROWS / 1000 + 1000 - Date.now()));

    await pool.query('CHECKPOINT');
    const apiPid = api.pid;
    const rssBefore = await rssMb(apiPid);
    let rssPeak = rssBefore;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        rssPeak = Math.max(rssPeak, await rssMb(apiPid));
        await sleep(RSS_SAMPLE_MS);
      }
    })();
    const t0 = performance.now();
    const reply = await postFile(`${url}/orders/${orderId}/rounds/1/measurements`, officerToken, file);
    const httpSeconds = (performance.now() - t0) / 1000;
    sampling = false;
    await sampler;
    if (reply.status !== 201) throw new Error(`upload → ${reply.status} ${reply.body.slice(0, 500)}`);
    const result = JSON.parse(reply.body) as { rows: number; sha256: string };
    if (result.rows !== ROWS) throw new Error(`upload stored ${result.rows} rows, expected ${ROWS}`);
    ctx.log(`http: ${httpSeconds.toFixed(2)} s, rss ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} MB`);

    // Same shape as acceptance.measurements; the columns the file does not carry take constant defaults.
    await pool.query(`CREATE SCHEMA bench_raw`);
    await pool.query(
      `CREATE TABLE bench_raw.measurements (id bigserial, observed_at timestamptz NOT NULL,
         batch_id uuid NOT NULL DEFAULT '${randomBytes(16).toString('hex')}', order_id uuid NOT NULL DEFAULT '${orderId}',
         round_no integer NOT NULL DEFAULT 1, kpi_key text NOT NULL, value numeric NOT NULL,
         line_no integer NOT NULL DEFAULT 0, PRIMARY KEY (id, observed_at)) PARTITION BY RANGE (observed_at)`,
    );
    // The same monthly partition(s) the upload created for the round's window.
    const { rows: months } = await pool.query<{ lo: string; hi: string; name: string }>(
      `SELECT pg_get_expr(c.relpartbound, c.oid) AS bound, c.relname AS name,
              substring(pg_get_expr(c.relpartbound, c.oid) from 'FROM \\(''([^'']+)''\\)') AS lo,
              substring(pg_get_expr(c.relpartbound, c.oid) from 'TO \\(''([^'']+)''\\)') AS hi
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'acceptance.measurements'::regclass`,
    );
    for (const m of months) {
      await pool.query(
        `CREATE TABLE bench_raw.${m.name} PARTITION OF bench_raw.measurements FOR VALUES FROM ('${m.lo}') TO ('${m.hi}')`,
      );
    }
    await pool.query(`CREATE INDEX ON bench_raw.measurements (order_id, round_no, kpi_key, observed_at)`);

    await pool.query('CHECKPOINT');
    const psql = path.join(ctx.pg.binDir, 'psql');
    const t1 = performance.now();
    await run(psql, [
      ctx.databaseUrl,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy bench_raw.measurements (kpi_key, observed_at, value) FROM '${file}' WITH (FORMAT csv, HEADER true)`,
    ]);
    const rawSeconds = (performance.now() - t1) / 1000;
    ctx.log(`raw \\copy: ${rawSeconds.toFixed(2)} s`);
    const [{ n }] = (await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM bench_raw.measurements')).rows;
    if (Number(n) !== ROWS) throw new Error(`raw copy stored ${n} rows, expected ${ROWS}`);

    const httpRate = ROWS / httpSeconds;
    const rawRate = ROWS / rawSeconds;
    return {
      rows: ROWS,
      http_rows_per_s: Math.round(httpRate),
      raw_copy_rows_per_s: Math.round(rawRate),
      ratio: Math.round((httpRate / rawRate) * 100) / 100,
      rss_growth_mb: Math.round((rssPeak - rssBefore) * 10) / 10,
      file_mb: Math.round((bytes / 2 ** 20) * 10) / 10,
      http_s: Math.round(httpSeconds * 100) / 100,
      raw_copy_s: Math.round(rawSeconds * 100) / 100,
    };
  } finally {
    await api?.stop();
    await pool.end();
  }
}

const benchmark: Benchmark = { name: 'ingest', run: runIngest };
export default benchmark;
