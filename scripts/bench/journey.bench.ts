/**
 * Benchmark `journey`: complete marketplace journeys per second (listing → award → signatures → measurements →
 * worker evaluation and settlement → order CLOSED), through the real API and worker processes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { ApiError, bootstrapOperator, MarketplaceClient } from '@app/test-support';
import { type AppProcess, distPath, run, startApis, startWorker } from '../infra';
import { cpuPercentFigures, postgresCpu, processCpu, startCpuMeter, totalCpu } from './cpu';
import { dashboardRefreshes, intEnv, percentile } from './figures';
import {
  EXPECTED_PAYMENT,
  fundedActors,
  journey,
  journeyEnv,
  METRICS_TOKEN,
  OUTBOX_POLL_MS,
  POLL_MS,
  UUID,
  WORKER_CONCURRENCY,
} from './journey-system';
import type { BenchContext, BenchResult, Benchmark } from './run';

// Closed loop: throughput ≈ concurrency / journey latency until the system saturates. On a 2-core machine 16 clients
// were still latency-bound (~11 journeys/s); 32 is near the plateau (64 added 10–20% throughput for ~1.7× latency).
const CONCURRENCY = intEnv('BENCH_JOURNEY_CONCURRENCY', 32);
const MAX_JOURNEYS = intEnv('BENCH_JOURNEY_COUNT', 500);
const MAX_DURATION_MS = intEnv('BENCH_JOURNEY_DURATION_S', 60) * 1000;
// The call and then the offer must be created within the window: two requests, each waiting its turn behind the other
// clients' (300 ms was too tight at 32 clients on 2 cores).
const CALL_WINDOW_MS = intEnv('BENCH_JOURNEY_CALL_WINDOW_MS', Math.max(500, 16 * CONCURRENCY));
const JOURNEY_TIMEOUT_MS = 60_000;
// Scale-out on one machine: clients are spread round-robin over the API processes; workers share the queues.
const API_PROCESSES = intEnv('BENCH_JOURNEY_APIS', 1);
const WORKER_PROCESSES = intEnv('BENCH_JOURNEY_WORKERS', 1);

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof ApiError) {
    return `${error.route.replace(UUID, ':id')} → ${error.status} ${error.body.code ?? ''}`;
  }
  return (error instanceof Error ? error.message : String(error)).replace(UUID, ':id').slice(0, 200);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Request counts by status class from the API processes' Prometheus histograms. */
async function httpCounts(urls: string[]): Promise<{ total: number; client: number; server: number }> {
  const texts = await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      // a refused read would count as zero requests and make every difference meaningless
      if (!response.ok) throw new Error(`${url}/metrics → ${response.status}`);
      return response.text();
    }),
  );
  const counts = { total: 0, client: 0, server: 0 };
  for (const line of texts.join('\n').split('\n')) {
    if (!line.startsWith('http_request_duration_seconds_count{')) continue;
    const status = Number(/status="(\d+)"/.exec(line)?.[1]);
    const count = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (/route="\/(health|metrics)"/.test(line)) continue;
    counts.total += count;
    if (status >= 500) counts.server += count;
    else if (status >= 400) counts.client += count;
  }
  return counts;
}

/** Log lines at warn (40) and error (50) or above, with a few distinct messages for the report. */
async function logProblems(files: string[]): Promise<{ warnings: number; errors: number; samples: string[] }> {
  const text = (await Promise.all(files.map((file) => fs.readFile(file, 'utf8').catch(() => '')))).join('\n');
  const result = { warnings: 0, errors: 0, samples: [] as string[] };
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { level?: number; msg?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if ((entry.level ?? 0) < 40) continue;
    if ((entry.level ?? 0) >= 50) result.errors++;
    else result.warnings++;
    const sample = `${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`.replace(UUID, ':id');
    if (result.samples.length < 5 && !result.samples.includes(sample)) result.samples.push(sample);
  }
  return result;
}

interface Verification {
  orders: number;
  closed: number;
  badSettlements: number;
  wrongAmounts: number;
  openEscrows: number;
  ledgerTotal: string;
}

async function verify(pool: Pool): Promise<Verification> {
  const orders = await pool.query<{ orders: string; closed: string }>(
    `SELECT count(*)::text AS orders, count(*) FILTER (WHERE status = 'CLOSED')::text AS closed FROM ordering.orders`,
  );
  const settlements = await pool.query<{ bad: string; wrong: string }>(
    // More than one settlement for a one-round order is a double payment; none is an order not yet settled.
    `SELECT count(*) FILTER (WHERE n > 1)::text AS bad,
            count(*) FILTER (WHERE n = 1 AND paid <> $1::bigint)::text AS wrong
     FROM (SELECT o.id, count(s.id) AS n, coalesce(sum(s.amount), 0) AS paid
           FROM ordering.orders o LEFT JOIN settlement.settlements s ON s.order_id = o.id
           GROUP BY o.id) per_order`,
    [EXPECTED_PAYMENT.toString()],
  );
  const ledger = await pool.query<{ total: string | null; open_escrows: string }>(
    `SELECT sum(balance)::text AS total,
            count(*) FILTER (WHERE code LIKE 'escrow:%' AND balance <> 0)::text AS open_escrows
     FROM ledger.accounts`,
  );
  return {
    orders: Number(orders.rows[0].orders),
    closed: Number(orders.rows[0].closed),
    badSettlements: Number(settlements.rows[0].bad),
    wrongAmounts: Number(settlements.rows[0].wrong),
    openEscrows: Number(ledger.rows[0].open_escrows),
    ledgerTotal: ledger.rows[0].total ?? '0',
  };
}

async function runJourneys(ctx: BenchContext): Promise<BenchResult> {
  const logDir = path.join(ctx.workDir, 'logs');
  const env = journeyEnv(ctx, logDir);

  ctx.log('migrating');
  await run(process.execPath, [distPath('scripts', 'migrate.js')], {
    DATABASE_URL: ctx.databaseUrl,
  });

  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  const workers: AppProcess[] = [];
  const apis: AppProcess[] = [];
  const stopAll = () => Promise.allSettled([...apis, ...workers].map((proc) => proc.stop()));
  try {
    for (let i = 0; i < WORKER_PROCESSES; i++) {
      // A worker announces readiness with an info-level line, so it cannot run at warn like the api.
      workers.push(await startWorker({ ...env, LOG_LEVEL: 'info', APP_LOG_DIR: path.join(logDir, `worker-${i}`) }));
    }
    const scaleOut = await startApis(API_PROCESSES, { ...env, LOG_LEVEL: 'warn' }, logDir);
    apis.push(...scaleOut.apis);
    const { urls } = scaleOut;
    ctx.log(`${API_PROCESSES} api (${urls.join(', ')}), ${WORKER_PROCESSES} worker(s)`);

    const client = new MarketplaceClient(urls[0]);
    const operator = await bootstrapOperator(pool);
    const admin = client.as(await client.login(operator.email, operator.password));
    ctx.log(`creating ${CONCURRENCY} actor sets`);
    // Every client may in the worst case run all journeys (plus its warm-up).
    const actorSets = await fundedActors(admin, CONCURRENCY, urls, MAX_JOURNEYS + 1);

    const failures = new Map<string, number>();
    const fail = (error: unknown) => {
      const key = describeFailure(error);
      failures.set(key, (failures.get(key) ?? 0) + 1);
      if (failures.get(key) === 1) ctx.log(`journey failed: ${key}`);
    };

    // One journey per client first, so JIT compilation and connection pools are warm before measuring.
    ctx.log('warm-up');
    const warmup = await Promise.allSettled(
      actorSets.map((a) => withTimeout(journey(a, CALL_WINDOW_MS), JOURNEY_TIMEOUT_MS, 'journey')),
    );
    warmup.filter((r) => r.status === 'rejected').forEach((r) => fail(r.reason));

    ctx.log(`measuring: ${MAX_JOURNEYS} journeys or ${MAX_DURATION_MS / 1000} s, concurrency ${CONCURRENCY}`);
    const before = await httpCounts(urls);
    const refreshesBefore = await dashboardRefreshes(pool);
    const latencies: number[] = [];
    const settleLatencies: number[] = [];
    const stopCpuMeter = startCpuMeter({
      api: totalCpu(apis.map((a) => processCpu(a.pid))),
      worker: totalCpu(workers.map((w) => processCpu(w.pid))),
      postgres: postgresCpu(ctx.pg.dataDir),
    });
    let started = 0;
    let failed = 0;
    let callMisses = 0;
    const t0 = performance.now();
    const stopAt = t0 + MAX_DURATION_MS;
    await Promise.all(
      actorSets.map(async (a) => {
        while (started < MAX_JOURNEYS && performance.now() < stopAt) {
          started++;
          try {
            const outcome = await withTimeout(journey(a, CALL_WINDOW_MS), JOURNEY_TIMEOUT_MS, 'journey');
            latencies.push(outcome.ms);
            settleLatencies.push(outcome.settleMs);
            callMisses += outcome.callMisses;
          } catch (error) {
            failed++;
            fail(error);
          }
        }
      }),
    );
    const wallMs = performance.now() - t0;
    const after = await httpCounts(urls);
    const cpu = cpuPercentFigures(stopCpuMeter());
    const refreshes = (await dashboardRefreshes(pool)) - refreshesBefore;

    const check = await verify(pool);
    const warmupFailed = warmup.filter((r) => r.status === 'rejected').length;
    const allSettled =
      failed === 0 &&
      warmupFailed === 0 &&
      check.orders === latencies.length + CONCURRENCY &&
      check.closed === check.orders &&
      check.badSettlements === 0 &&
      check.wrongAmounts === 0 &&
      check.openEscrows === 0 &&
      check.ledgerTotal === '0';

    // Stopped before reading their logs so that every line is flushed.
    await stopAll();
    const apiLog = await logProblems(apis.map((_, i) => path.join(logDir, `api-${i}`, 'api.log')));
    const workerLog = await logProblems(workers.map((_, i) => path.join(logDir, `worker-${i}`, 'worker.log')));
    for (const [name, problems] of [
      ['api', apiLog],
      ['worker', workerLog],
    ] as const) {
      if (problems.warnings + problems.errors > 0) {
        ctx.log(
          `${name} logged ${problems.errors} error(s), ${problems.warnings} warning(s): ${problems.samples.join(' | ')}`,
        );
      }
    }

    const sorted = [...latencies].sort((x, y) => x - y);
    const settleSorted = [...settleLatencies].sort((x, y) => x - y);
    const requests = after.total - before.total;
    const figures: BenchResult = {
      journeys_per_s: Math.round((latencies.length / (wallMs / 1000)) * 100) / 100,
      p99_ms: Math.round(percentile(sorted, 99)),
      p50_ms: Math.round(percentile(sorted, 50)),
      p90_ms: Math.round(percentile(sorted, 90)),
      max_ms: Math.round(sorted.at(-1) ?? 0),
      settle_p50_ms: Math.round(percentile(settleSorted, 50)),
      settle_p99_ms: Math.round(percentile(settleSorted, 99)),
      journeys: latencies.length,
      failed_journeys: failed + warmupFailed,
      concurrency: CONCURRENCY,
      api_processes: API_PROCESSES,
      worker_processes: WORKER_PROCESSES,
      duration_s: round1(wallMs / 1000),
      warmup_journeys: CONCURRENCY,
      call_window_ms: CALL_WINDOW_MS,
      call_window_misses: callMisses,
      poll_ms: POLL_MS,
      outbox_poll_ms: OUTBOX_POLL_MS,
      worker_concurrency: WORKER_CONCURRENCY,
      http_requests_per_s: round1(requests / (wallMs / 1000)),
      http_requests_per_journey: latencies.length ? round1(requests / latencies.length) : 0,
      // CPU ms = (% of a core / 100) × wall ms, shared over the requests of the interval.
      ...(requests > 0 && cpu.api_cpu_pct !== undefined
        ? { api_cpu_ms_per_request: Math.round(((cpu.api_cpu_pct / 100) * wallMs * 100) / requests) / 100 }
        : {}),
      ...cpu,
      dashboard_refreshes: refreshes,
      http_4xx: after.client - before.client,
      http_5xx: after.server - before.server,
      // 503 PLATFORM.OVERLOADED answers (counted in http_5xx): refused before any work, sent again after Retry-After.
      overload_retries: MarketplaceClient.overloadRetries,
      api_log_errors: apiLog.errors,
      worker_log_errors: workerLog.errors,
      worker_log_warnings: workerLog.warnings,
      orders: check.orders,
      orders_closed: check.closed,
      double_payments: check.badSettlements,
      ledger_total: check.ledgerTotal,
      all_settled: allSettled,
    };

    if (failures.size > 0) ctx.log(`failures: ${JSON.stringify(Object.fromEntries(failures))}`);
    // Written to the report either way; the runner fails the run when `all_settled` is false.
    if (!allSettled) ctx.log(`all_settled is false; database: ${JSON.stringify(check)}`);
    return figures;
  } finally {
    // stop() is a no-op for a process that has already exited.
    await stopAll();
    await pool.end();
  }
}

const benchmark: Benchmark = { name: 'journey', run: runJourneys };
export default benchmark;
