/**
 * Benchmark `evaluate`: a round of 1,000,000 measurement points evaluated by the worker (upload answered → its
 * acceptance record exists), while other orders' small rounds are uploaded and evaluated meanwhile: their wait
 * shows whether one large round holds up everyone else's work. The worker's resident memory is sampled throughout.
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
  uploadRound,
  type Actors,
} from '@app/test-support';
import { type AppProcess, distPath, freePort, run, sleep, startApi, startWorker } from '../infra';
import { postFile, writeCsv } from './measurement-files';
import { percentile, rssMb } from './figures';
import type { BenchContext, BenchResult, Benchmark } from './run';

const POINTS = Number(process.env.BENCH_EVALUATE_POINTS) > 0 ? Number(process.env.BENCH_EVALUATE_POINTS) : 1_000_000;
const OTHER_ORDERS = 12;
const OTHER_UPLOAD_EVERY_MS = 250;
const RSS_SAMPLE_MS = 50;
const POLL_MS = 20;
const TIMEOUT_MS = 30 * 60_000;

async function recordExists(a: Actors, orderId: string): Promise<boolean> {
  const records = await a.officer.get<Array<{ roundNo: number }>>(`/orders/${orderId}/acceptance-records`);
  return records.some((r) => r.roundNo === 1);
}

/** Milliseconds from `since` until the order's round-1 record exists. */
async function untilEvaluated(a: Actors, orderId: string, since: number): Promise<number> {
  for (;;) {
    if (await recordExists(a, orderId)) return performance.now() - since;
    if (performance.now() - since > TIMEOUT_MS) throw new Error(`order ${orderId}: no record after ${TIMEOUT_MS} ms`);
    await sleep(POLL_MS);
  }
}

async function signedOrder(a: Actors, solutionId: string): Promise<{ orderId: string; startsAt: number }> {
  const { orderId } = await draftOrder(a, { solutionId, price: '600000000', callWindowMs: 500 });
  const order = await signBoth(a, orderId);
  return { orderId, startsAt: Date.parse(order.terms.rounds[0].startsAt) };
}

async function runEvaluate(ctx: BenchContext): Promise<BenchResult> {
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: ctx.redis.url,
    QUEUE_PREFIX: 'bench',
    API_PORT: String(port),
    JWT_SECRET: randomBytes(48).toString('base64url'),
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    OUTBOX_POLL_MS: '50',
    FAULT_POINTS: '',
    MEASUREMENT_FILES_DIR: path.join(ctx.workDir, 'files'),
    APP_LOG_DIR: path.join(ctx.workDir, 'logs'),
  };
  ctx.log('migrating');
  await run(process.execPath, [distPath('scripts', 'migrate.js')], { DATABASE_URL: ctx.databaseUrl });
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  let worker: AppProcess | undefined;
  let api: AppProcess | undefined;
  try {
    // The worker announces readiness with an info-level line.
    worker = await startWorker({ ...env, LOG_LEVEL: 'info' });
    api = await startApi({ ...env, LOG_LEVEL: 'warn' });
    const url = `http://127.0.0.1:${port}`;
    const client = new MarketplaceClient(url);
    const operator = await bootstrapOperator(pool);
    const admin = client.as(await client.login(operator.email, operator.password));
    const a = await createActors(admin, `evaluate-${randomBytes(2).toString('hex')}`);
    const solutionId = await listSolution(a);
    await admin.post(`/budgets/${a.agencyOrgId}/allocations`, {
      amount: (600_000_000n * BigInt(OTHER_ORDERS + 1)).toString(),
      reference: 'BENCH-EVALUATE',
    });
    ctx.log(`signing 1 large and ${OTHER_ORDERS} small orders`);
    const large = await signedOrder(a, solutionId);
    const others: string[] = [];
    for (let i = 0; i < OTHER_ORDERS; i++) others.push((await signedOrder(a, solutionId)).orderId);

    const file = path.join(ctx.workDir, 'measurements.csv');
    const bytes = await writeCsv(file, large.startsAt, POINTS);
    ctx.log(`${POINTS} points, ${(bytes / 2 ** 20).toFixed(1)} MB`);
    // One point per microsecond from the round's start: wait until the last one is in the past.
    await sleep(Math.max(0, large.startsAt + POINTS / 1000 + 1000 - Date.now()));
    const officerToken = await client.login(a.logins.find((l) => l.role === 'officer')!.email, PASSWORD);

    const workerPid = worker.pid;
    const rssBefore = await rssMb(workerPid);
    let rssPeak = rssBefore;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        rssPeak = Math.max(rssPeak, await rssMb(workerPid));
        await sleep(RSS_SAMPLE_MS);
      }
    })();

    const reply = await postFile(`${url}/orders/${large.orderId}/rounds/1/measurements`, officerToken, file);
    if (reply.status !== 201) throw new Error(`upload → ${reply.status} ${reply.body.slice(0, 500)}`);
    const uploaded = performance.now();
    const largeDone = untilEvaluated(a, large.orderId, uploaded);

    // Meanwhile, other orders' rounds arrive at a steady pace; each waits for its own record.
    let evaluating = true;
    void largeDone.finally(() => (evaluating = false));
    const otherWaits: Array<Promise<{ ms: number; during: boolean }>> = [];
    for (const orderId of others) {
      const during = evaluating;
      await uploadRound(a, orderId, 1, ['40', '44']);
      otherWaits.push(untilEvaluated(a, orderId, performance.now()).then((ms) => ({ ms, during })));
      await sleep(OTHER_UPLOAD_EVERY_MS);
    }
    const evaluateMs = await largeDone;
    const waits = await Promise.all(otherWaits);
    sampling = false;
    await sampler;

    const duringLarge = waits
      .filter((w) => w.during)
      .map((w) => w.ms)
      .sort((x, y) => x - y);
    const all = waits.map((w) => w.ms).sort((x, y) => x - y);
    ctx.log(`evaluated in ${(evaluateMs / 1000).toFixed(2)} s; ${duringLarge.length} other rounds meanwhile`);
    return {
      points: POINTS,
      evaluate_s: Math.round(evaluateMs / 10) / 100,
      other_order_wait_p99_ms: Math.round(percentile(all, 99)),
      other_order_wait_p50_ms: Math.round(percentile(all, 50)),
      other_orders_during_evaluation: duringLarge.length,
      other_order_wait_during_p99_ms: Math.round(percentile(duringLarge, 99)),
      worker_rss_growth_mb: Math.round((rssPeak - rssBefore) * 10) / 10,
    };
  } finally {
    await Promise.allSettled([api?.stop(), worker?.stop()]);
    await pool.end();
  }
}

const benchmark: Benchmark = { name: 'evaluate', run: runEvaluate };
export default benchmark;
