/**
 * Benchmark `ranking`: 10,000 vendors over 1,000,000 settled rounds (250,000 closed orders × 4 rounds, generated
 * with SQL). Measures the full recomputation (every vendor, overall and per category), one vendor's incremental
 * recomputation after a settlement, the dashboard refresh the worker runs after outcome events, and the p99 of the
 * city dashboard, its drill-down and the ranking endpoints through the real API.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { bootstrapOperator, MarketplaceClient } from '@app/test-support';
import { type AppProcess, distPath, freePort, run, startApi } from '../infra';
import type { BenchContext, BenchResult, Benchmark } from './run';
import { intEnv } from './figures';

const VENDORS = intEnv('BENCH_RANKING_VENDORS', 10_000);
const ROUNDS = intEnv('BENCH_RANKING_ROUNDS', 1_000_000);
const ROUNDS_PER_ORDER = 4;
const AGENCIES = 200;
const PROBLEMS_PER_CATEGORY = 100;
const INCREMENTAL_SAMPLES = 200;
const HTTP_SAMPLES = 100;
// A slow endpoint is sampled for at most this long (but at least HTTP_MIN_SAMPLES times).
const HTTP_BUDGET_MS = 60_000;
const HTTP_MIN_SAMPLES = 5;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
};
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Deterministic data straight into the modules' tables: vendors, agencies, problems, closed orders, settlements. */
async function generate(pool: Pool, ctx: BenchContext): Promise<void> {
  const orders = Math.ceil(ROUNDS / ROUNDS_PER_ORDER);
  ctx.log(`generating ${VENDORS} vendors, ${orders} orders, ${orders * ROUNDS_PER_ORDER} settled rounds`);
  await pool.query('SELECT setseed(0.42)');
  await pool.query(
    `INSERT INTO identity.organisations (id, type, name)
     SELECT gen_random_uuid(), 'VENDOR', 'Nhà cung cấp ' || i FROM generate_series(1, $1) i`,
    [VENDORS],
  );
  await pool.query(
    `INSERT INTO identity.organisations (id, type, name)
     SELECT gen_random_uuid(), 'AGENCY', 'Cơ quan ' || i FROM generate_series(1, $1) i`,
    [AGENCIES],
  );
  await pool.query(
    `INSERT INTO problems.problems (id, code, agency_organisation_id, title_vi, title_en, category_code, status,
                                    budget_envelope, outcome_share_bp, published_at)
     SELECT gen_random_uuid(), 'BENCH-' || c.code || '-' || i,
            (SELECT id FROM identity.organisations WHERE type = 'AGENCY' ORDER BY id OFFSET (i % $2) LIMIT 1),
            'Bài toán ' || i, 'Problem ' || i, c.code, 'PUBLISHED', 5000000000, 10000, now()
     FROM catalog.categories c, generate_series(1, $1) i`,
    [PROBLEMS_PER_CATEGORY, AGENCIES],
  );
  await pool.query(`
    CREATE TEMP TABLE bench_vendors AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM identity.organisations WHERE type = 'VENDOR';
    CREATE TEMP TABLE bench_agencies AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM identity.organisations WHERE type = 'AGENCY';
    CREATE TEMP TABLE bench_problems AS
      SELECT row_number() OVER (ORDER BY category_code, id) - 1 AS n, id FROM problems.problems;`);
  ctx.log('orders');
  await pool.query(
    `INSERT INTO ordering.orders (id, call_id, agency_organisation_id, vendor_organisation_id, status, max_amount,
                                 terms, terms_hash, created_at, activated_at, closed_at)
     SELECT gen_random_uuid(), gen_random_uuid(), a.id, v.id, 'CLOSED', o.max_amount,
            jsonb_build_object('problemId', p.id, 'deliveryShareBp', 0), 'bench', o.closed_at - interval '120 days',
            o.closed_at - interval '100 days', o.closed_at
     FROM (SELECT i, (50000000 + floor(random() * 1950000000))::bigint AS max_amount,
                  now() - random() * interval '1095 days' AS closed_at,
                  floor(random() * $3)::int AS agency_n,
                  -- a vendor works mostly in its home category (one of the 12), sometimes in another
                  (CASE WHEN random() < 0.8 THEN (i % $2) % 12 ELSE floor(random() * 12)::int END) * $4
                    + floor(random() * $4)::int AS problem_n
           FROM generate_series(0, $1 - 1) i) o
     JOIN bench_vendors v ON v.n = o.i % $2
     JOIN bench_agencies a ON a.n = o.agency_n
     JOIN bench_problems p ON p.n = o.problem_n`,
    [orders, VENDORS, AGENCIES, PROBLEMS_PER_CATEGORY],
  );
  ctx.log('settlements');
  // Each vendor has its own reliability; each round earns its quarter of the price times an attainment-like draw.
  await pool.query(
    `INSERT INTO settlement.settlements (id, order_id, round_no, vendor_organisation_id, amount, paid_cumulative,
                                        transfer_id, settled_at)
     SELECT gen_random_uuid(), o.id, r, o.vendor_organisation_id, s.amount, s.amount, NULL,
            o.closed_at - (4 - r) * interval '20 days'
     FROM ordering.orders o
     CROSS JOIN generate_series(1, $1) r
     CROSS JOIN LATERAL (SELECT (o.max_amount / $1 * least(1, greatest(0,
                 (('x' || substr(o.vendor_organisation_id::text, 1, 2))::bit(8)::int / 255.0) * 0.6 + random() * 0.5)))::bigint
               AS amount) s`,
    [ROUNDS_PER_ORDER],
  );
  await pool.query('ANALYZE');
}

async function rankingContext(env: Record<string, string>): Promise<INestApplicationContext> {
  Object.assign(process.env, env);
  // The compiled modules carry the decorator metadata Nest's injection needs (tsx does not emit it).
  const { PlatformModule } = (await import(
    distPath('libs', 'platform', 'src', 'index.js')
  )) as typeof import('@app/platform');
  const { RankingModule } = (await import(
    distPath('libs', 'ranking', 'src', 'index.js')
  )) as typeof import('@app/ranking');
  const { migrations } = (await import(distPath('migrations', 'index.js'))) as typeof import('../../migrations');
  @Module({ imports: [PlatformModule.forRoot({ migrations }), RankingModule] })
  class RankingBenchModule {}
  return NestFactory.createApplicationContext(RankingBenchModule, { logger: ['error'] });
}

async function runRanking(ctx: BenchContext): Promise<BenchResult> {
  ctx.log('migrating');
  await run(process.execPath, [distPath('scripts', 'migrate.js')], { DATABASE_URL: ctx.databaseUrl });
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: ctx.redis.url,
    API_PORT: String(port),
    QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    FAULT_POINTS: '',
    APP_LOG_DIR: path.join(ctx.workDir, 'logs'),
  };
  let app: INestApplicationContext | undefined;
  let api: AppProcess | undefined;
  try {
    await generate(pool, ctx);
    const { RankingFacade } = (await import(
      distPath('libs', 'ranking', 'src', 'index.js')
    )) as typeof import('@app/ranking');
    app = await rankingContext(env);
    const ranking = app.get(RankingFacade);

    ctx.log('full recomputation');
    const started = performance.now();
    const vendors = await ranking.recomputeAll('bench');
    const fullS = (performance.now() - started) / 1000;
    ctx.log(`full recomputation of ${vendors} vendors: ${round(fullS, 2)} s`);
    // as autovacuum would after a bulk load: the ranking tables went from empty to 10^5 rows in one transaction
    await pool.query('ANALYZE ranking.current_scores, ranking.trust_snapshots, ranking.recheck_flags');

    // what the worker does after every outcome event and nightly: the dashboard endpoint reads its result
    const refreshStarted = performance.now();
    await ranking.refreshDashboard('bench');
    const refreshS = (performance.now() - refreshStarted) / 1000;
    ctx.log(`dashboard refresh: ${round(refreshS, 2)} s`);

    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM identity.organisations WHERE type = 'VENDOR' ORDER BY md5(id::text) LIMIT $1`,
      [INCREMENTAL_SAMPLES],
    );
    const incremental: number[] = [];
    for (const { id } of rows) {
      const t = performance.now();
      await ranking.recompute(id, 'bench');
      incremental.push(performance.now() - t);
    }
    ctx.log(
      `incremental p50 ${round(percentile(incremental, 0.5))} ms, p99 ${round(percentile(incremental, 0.99))} ms`,
    );

    api = await startApi(env);
    const operator = await bootstrapOperator(pool);
    const client = new MarketplaceClient(`http://127.0.0.1:${port}`);
    const admin = client.as(await client.login(operator.email, operator.password));
    const timings: Record<string, number[]> = {};
    const endpoints = [
      '/city/rankings?limit=100',
      '/city/rankings?category=y-te&limit=100',
      '/city/dashboard',
      '/city/dashboard/rows?set=trialOrders&limit=100',
    ];
    for (const path of endpoints) {
      await admin.get(path);
      timings[path] = [];
      const until = performance.now() + HTTP_BUDGET_MS;
      for (let i = 0; i < HTTP_SAMPLES && (i < HTTP_MIN_SAMPLES || performance.now() < until); i++) {
        const t = performance.now();
        await admin.get(path);
        timings[path].push(performance.now() - t);
      }
      ctx.log(
        `${path}: p50 ${round(percentile(timings[path], 0.5))} ms, p99 ${round(percentile(timings[path], 0.99))} ms`,
      );
    }
    const all = Object.values(timings).flat();
    return {
      vendors,
      rounds: ROUNDS,
      full_recompute_s: round(fullS, 2),
      dashboard_refresh_s: round(refreshS, 2),
      incremental_ms: round(percentile(incremental, 0.5), 2),
      incremental_p99_ms: round(percentile(incremental, 0.99), 2),
      dashboard_p99_ms: round(percentile(all, 0.99), 1),
      rankings_p99_ms: round(percentile(timings['/city/rankings?limit=100'], 0.99), 1),
      city_dashboard_p99_ms: round(percentile(timings['/city/dashboard'], 0.99), 1),
    };
  } finally {
    await api?.stop();
    await app?.close();
    await pool.end();
  }
}

const benchmark: Benchmark = { name: 'ranking', run: runRanking };
export default benchmark;
