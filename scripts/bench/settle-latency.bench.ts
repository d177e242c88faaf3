/**
 * Benchmark `settle-latency`: the acceptance officer signs records (dispute window 0) through the API at a steady
 * rate; each signature makes its round payable and queues its settlement in the same transaction. Measured: time
 * from the signature to the posted payment, both on the database clock (records.signed_at → settlements.settled_at).
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { bootstrapOperator, MarketplaceClient, type Created } from '@app/test-support';
import { type AppProcess, distPath, freePort, run, sleep, startApi, startWorker } from '../infra';
import { intEnv, percentile } from './figures';
import type { BenchContext, BenchResult, Benchmark } from './run';
import { seedOrders } from './settlement.bench';

const RATE_PER_S = intEnv('BENCH_SETTLE_LATENCY_RATE', 100);
const DURATION_S = intEnv('BENCH_SETTLE_LATENCY_DURATION_S', 30);
const ROUNDS_PER_ORDER = 4;
const DRAIN_TIMEOUT_MS = 120_000;

async function measure(ctx: BenchContext): Promise<BenchResult> {
  const records = RATE_PER_S * DURATION_S;
  const orders = Math.ceil(records / ROUNDS_PER_ORDER);
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    DB_POOL_SIZE: '10',
    REDIS_URL: ctx.redis.url,
    QUEUE_PREFIX: 'bench',
    API_PORT: String(port),
    JWT_SECRET: randomBytes(48).toString('base64url'),
    JWT_TTL_SECONDS: '3600',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    OUTBOX_POLL_MS: '50',
    SWEEP_INTERVAL_MS: '10000',
    QUEUE_LOCK_MS: '30000',
    FAULT_POINTS: '',
    APP_LOG_DIR: path.join(ctx.workDir, 'logs'),
  };
  ctx.log('migrating');
  await run(process.execPath, [distPath('scripts', 'migrate.js')], { DATABASE_URL: ctx.databaseUrl });
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  let worker: AppProcess | undefined;
  let api: AppProcess | undefined;
  try {
    worker = await startWorker({ ...env, LOG_LEVEL: 'info' });
    api = await startApi({ ...env, LOG_LEVEL: 'warn' });
    const client = new MarketplaceClient(`http://127.0.0.1:${port}`);
    const operator = await bootstrapOperator(pool);
    const admin = client.as(await client.login(operator.email, operator.password));
    const agency = await admin.post<Created>('/organisations', { type: 'AGENCY', name: 'Sở Xây dựng (đo tải)' });
    const email = `nghiemthu-${randomBytes(3).toString('hex')}@soxaydung.hanoi.gov.vn`;
    const password = 'mat-khau-do-tai-2026';
    await admin.post(`/organisations/${agency.id}/users`, {
      email,
      fullName: 'Cán bộ nghiệm thu',
      password,
      roles: ['ACCEPTANCE_OFFICER'],
    });
    const officer = client.as(await client.login(email, password));

    ctx.log(`seeding ${orders} orders with ${orders * ROUNDS_PER_ORDER} evaluated records`);
    await seedOrders(pool, { orders, evaluatedOnly: true, agencyId: agency.id });
    const { rows: toSign } = await pool.query<{ order_id: string; round_no: number; record_hash: string }>(
      `SELECT order_id, round_no, record_hash FROM acceptance.records ORDER BY round_no, order_id LIMIT $1`,
      [records],
    );

    ctx.log(`signing ${records} records at ${RATE_PER_S}/s`);
    const started = performance.now();
    const pending: Promise<unknown>[] = [];
    const failures: string[] = [];
    for (const [i, r] of toSign.entries()) {
      const due = started + (i * 1000) / RATE_PER_S;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(
        officer
          .post(`/orders/${r.order_id}/rounds/${r.round_no}/acceptance-record/signature`, {
            recordHash: r.record_hash,
          })
          .catch((error: Error) => failures.push(error.message)),
      );
    }
    await Promise.all(pending);
    const signSeconds = (performance.now() - started) / 1000;
    if (failures.length > 0)
      throw new Error(`settle-latency: ${failures.length} signatures failed, e.g. ${failures[0]}`);

    const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS;
    for (;;) {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM settlement.settlements');
      if (Number(rows[0].n) >= records) break;
      if (Date.now() > drainDeadline) throw new Error(`settle-latency: only ${rows[0].n}/${records} settled`);
      await sleep(200);
    }
    const { rows: latencies } = await pool.query<{ ms: number }>(
      `SELECT extract(epoch FROM s.settled_at - r.signed_at) * 1000 AS ms
       FROM settlement.settlements s JOIN acceptance.records r USING (order_id, round_no)`,
    );
    const sorted = latencies.map((l) => Number(l.ms)).sort((x, y) => x - y);
    return {
      records,
      rate_per_s: Math.round((records / signSeconds) * 10) / 10,
      p50_ms: Math.round(percentile(sorted, 50)),
      p99_ms: Math.round(percentile(sorted, 99)),
    };
  } finally {
    await api?.stop();
    await worker?.stop();
    await pool.end();
  }
}

const benchmark: Benchmark = { name: 'settle-latency', run: measure };
export default benchmark;
