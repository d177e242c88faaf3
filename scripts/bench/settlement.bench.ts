/**
 * Benchmark `settlement`: a backlog of payable rounds (signed records whose dispute window has passed, their
 * settlement jobs in the outbox) drained by the real worker, against a raw SQL baseline posting the same number of
 * bare double-entry transfers (balance rows updated by the ledger trigger, batches of 1,000) on the same database,
 * half of them before the drain and half after.
 */
import path from 'node:path';
import { Pool } from 'pg';
import { recordEvent, RecordEvents } from '@app/acceptance';
import { outboxInsert } from '@app/platform';
import { type AppProcess, distPath, run, sleep, startWorker } from '../infra';
import type { BenchContext, BenchResult, Benchmark } from './run';
import { type CpuUse, postgresCpu, processCpu, startCpuMeter } from './cpu';
import { dashboardRefreshes, intEnv } from './figures';

const ROUNDS = intEnv('BENCH_SETTLEMENT_ROUNDS', 100_000);
const ROUNDS_PER_ORDER = 4;
const AGENCIES = 20;
const VENDORS = 500;
const MAX_AMOUNT = 600_000_000n;
/** mean 42 on baseline 30 → target 45: attainment 0.8, so each round of 25 % pays 0.8 × 25 % of the max amount. */
const ROUND_PAYS = (MAX_AMOUNT * 8n * 2500n) / (10n * 10_000n);
const RAW_BATCH = 1_000;
const TIMEOUT_MS = intEnv('BENCH_SETTLEMENT_TIMEOUT_S', 1_800) * 1000;

export interface SeedOptions {
  orders: number;
  /** records start EVALUATED (awaiting the officer) instead of PAYABLE with queued settlements */
  evaluatedOnly?: boolean;
  /** one agency owning every order, instead of synthetic ones */
  agencyId?: string;
}

/** Orders, escrow funded through real ledger transfers, records (and their outbox rows) — all in SQL. */
export async function seedOrders(pool: Pool, { orders, evaluatedOnly = false, agencyId }: SeedOptions): Promise<void> {
  const agencies = agencyId ? 1 : AGENCIES;
  const terms = {
    maxAmount: MAX_AMOUNT.toString(),
    deliveryShareBp: 0,
    floorBp: 5000,
    disputeWindowSeconds: 0,
    kpis: [
      {
        key: 'K1',
        nameVi: 'Tốc độ lưu thông trung bình giờ cao điểm',
        nameEn: 'Average peak-hour traffic speed',
        unit: 'km/h',
        weightBp: 10_000,
        baseline: '30',
        target: '45',
        direction: 'increase',
        aggregation: 'mean',
        minimumSample: 1,
      },
    ],
    rounds: Array.from({ length: ROUNDS_PER_ORDER }, (_, i) => ({
      no: i + 1,
      shareBp: 10_000 / ROUNDS_PER_ORDER,
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2099-01-01T00:00:00.000Z',
    })),
    startsAt: '2026-01-01T00:00:00.000Z',
    endsAt: '2099-01-01T00:00:00.000Z',
  };
  const uuid = (prefix: string, expr: string) =>
    prefix === 'agency' && agencyId ? `'${agencyId}'::uuid` : `md5('${prefix}' || ${expr})::uuid`;
  await pool.query(`
    INSERT INTO ledger.accounts (id, code, kind, owner_id, may_go_negative)
    VALUES (${uuid('appropriation', "''")}, 'appropriation:city', 'APPROPRIATION', NULL, true);
    INSERT INTO ledger.accounts (id, code, kind, owner_id)
    SELECT ${uuid('budget-account', 'a')}, 'budget:' || ${uuid('agency', 'a')}, 'AGENCY_BUDGET', ${uuid('agency', 'a')}
    FROM generate_series(1, ${agencies}) a;
    INSERT INTO ledger.accounts (id, code, kind, owner_id)
    SELECT ${uuid('payable-account', 'v')}, 'payable:' || ${uuid('vendor', 'v')}, 'VENDOR_PAYABLE', ${uuid('vendor', 'v')}
    FROM generate_series(1, ${VENDORS}) v;
    INSERT INTO ledger.accounts (id, code, kind, owner_id)
    SELECT ${uuid('escrow-account', 'o')}, 'escrow:' || ${uuid('order', 'o')}, 'ORDER_ESCROW', ${uuid('order', 'o')}
    FROM generate_series(1, ${orders}) o;`);
  await pool.query(`
    BEGIN;
    INSERT INTO ledger.transfers (id, kind) SELECT ${uuid('allocate', 'a')}, 'allocate' FROM generate_series(1, ${agencies}) a;
    INSERT INTO ledger.postings (transfer_id, account_id, amount, balance_after, account_version)
    SELECT ${uuid('allocate', 'a')}, leg.account, leg.amount, 0, 0
    FROM generate_series(1, ${agencies}) a,
         LATERAL (VALUES (${uuid('appropriation', "''")}, -${MAX_AMOUNT}::bigint * ${orders}),
                         (${uuid('budget-account', 'a')}, ${MAX_AMOUNT}::bigint * ${orders})) AS leg(account, amount);
    INSERT INTO ledger.transfers (id, kind, metadata)
    SELECT ${uuid('reserve', 'o')}, 'reserve', jsonb_build_object('orderId', ${uuid('order', 'o')})
    FROM generate_series(1, ${orders}) o;
    INSERT INTO ledger.postings (transfer_id, account_id, amount, balance_after, account_version)
    SELECT ${uuid('reserve', 'o')}, leg.account, leg.amount, 0, 0
    FROM generate_series(1, ${orders}) o,
         LATERAL (VALUES (${uuid('budget-account', `(o % ${agencies} + 1)`)}, -${MAX_AMOUNT}::bigint),
                         (${uuid('escrow-account', 'o')}, ${MAX_AMOUNT}::bigint)) AS leg(account, amount);
    COMMIT;`);
  await pool.query(
    `INSERT INTO ordering.orders (id, call_id, agency_organisation_id, vendor_organisation_id, status, max_amount,
                                  terms, terms_hash, activated_at)
     SELECT ${uuid('order', 'o')}, ${uuid('call', 'o')}, ${uuid('agency', `(o % ${agencies} + 1)`)},
            ${uuid('vendor', `(o % ${VENDORS} + 1)`)}, 'ACTIVE', $1,
            $2::jsonb || jsonb_build_object('orderId', ${uuid('order', 'o')},
              'agencyOrganisationId', ${uuid('agency', `(o % ${agencies} + 1)`)},
              'vendorOrganisationId', ${uuid('vendor', `(o % ${VENDORS} + 1)`)}),
            md5('terms' || o), now()
     FROM generate_series(1, ${orders}) o`,
    [MAX_AMOUNT.toString(), JSON.stringify(terms)],
  );
  const results = JSON.stringify([{ key: 'K1', measured: '42', attainment: '0.8000', payFraction: '0.8000' }]);
  const signed = evaluatedOnly ? 'NULL' : 'now()';
  const recordHash = "encode(sha256(('record' || o || '-' || r)::bytea), 'hex')";
  await pool.query(
    `INSERT INTO acceptance.records (id, order_id, round_no, status, results, earned_cumulative, batch_hashes,
                                     record_hash, evaluated_at, signed_hash, signed_at, dispute_deadline, payable_at)
     SELECT ${uuid('record', "o || '-' || r")}, ${uuid('order', 'o')}, r, $3, $1::jsonb, $2 * r, '{}',
            ${recordHash}, now(), ${evaluatedOnly ? 'NULL' : recordHash}, ${signed},
            ${signed}, ${signed}
     FROM generate_series(1, ${orders}) o, generate_series(1, ${ROUNDS_PER_ORDER}) r`,
    [results, ROUND_PAYS.toString(), evaluatedOnly ? 'EVALUATED' : 'PAYABLE'],
  );
  if (evaluatedOnly) return;
  // The jobs the release of these rounds queues: built by the engine's own job builder (ids, coalescing lanes).
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM ordering.orders ORDER BY id');
  const jobs = rows.flatMap(({ id }) =>
    Array.from({ length: ROUNDS_PER_ORDER }, (_, r) => recordEvent(RecordEvents.payable, id, r + 1)),
  );
  await pool.query(outboxInsert(jobs));
  await pool.query('ANALYZE');
}

const RAW_PAIRS = 1_000;

/** The account pairs the baseline's transfers move between: one side may go negative, as the city's appropriation. */
async function openRawAccounts(pool: Pool): Promise<void> {
  await pool.query(
    `INSERT INTO ledger.accounts (id, code, kind, owner_id, may_go_negative)
     SELECT md5('raw-from' || p)::uuid, 'raw-from:' || p, 'APPROPRIATION', NULL, true FROM generate_series(1, ${RAW_PAIRS}) p;
     INSERT INTO ledger.accounts (id, code, kind, owner_id)
     SELECT md5('raw-to' || p)::uuid, 'raw-to:' || p, 'AGENCY_BUDGET', NULL FROM generate_series(1, ${RAW_PAIRS}) p`,
  );
}

/**
 * Bare double-entry transfers numbered `first` to `last` between the raw account pairs, 1,000 per transaction,
 * through the same trigger; returns the seconds taken and the CPU PostgreSQL and this process used.
 */
async function rawTransfers(ctx: BenchContext, pool: Pool, first: number, last: number): Promise<CpuUse> {
  const client = await pool.connect();
  const stopCpuMeter = startCpuMeter({ postgres: postgresCpu(ctx.pg.dataDir) });
  try {
    for (let from = first; from <= last; from += RAW_BATCH) {
      const to = Math.min(from + RAW_BATCH - 1, last);
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ledger.transfers (id, kind) SELECT md5('raw' || t)::uuid, 'raw' FROM generate_series($1::int, $2::int) t`,
        [from, to],
      );
      await client.query(
        `INSERT INTO ledger.postings (transfer_id, account_id, amount, balance_after, account_version)
         SELECT md5('raw' || t)::uuid, leg.account, leg.amount, 0, 0
         FROM generate_series($1::int, $2::int) t,
              LATERAL (VALUES (md5('raw-from' || (t % ${RAW_PAIRS} + 1))::uuid, -1::bigint),
                              (md5('raw-to' || (t % ${RAW_PAIRS} + 1))::uuid, 1::bigint)) AS leg(account, amount)
         ORDER BY 2`,
        [from, to],
      );
      await client.query('COMMIT');
    }
    return stopCpuMeter();
  } finally {
    client.release();
  }
}

/** CPU ms per 1,000 units of work, to a tenth. */
const perThousand = (cpuSeconds: number, units: number) => Math.round((cpuSeconds * 1e7) / units) / 10;

async function settleBacklog(ctx: BenchContext): Promise<BenchResult> {
  const orders = Math.ceil(ROUNDS / ROUNDS_PER_ORDER);
  const rounds = orders * ROUNDS_PER_ORDER;
  ctx.log('migrating');
  await run(process.execPath, [distPath('scripts', 'migrate.js')], { DATABASE_URL: ctx.databaseUrl });
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  let worker: AppProcess | undefined;
  try {
    ctx.log(`seeding ${rounds} payable rounds of ${orders} orders`);
    await seedOrders(pool, { orders });
    // Every seeded record is PAYABLE until the transaction that settles it: the partial index answers at once, where
    // counting the settlements every 250 ms took about 3 % of a core from the processes measured.
    const payableLeft = async () =>
      (
        await pool.query<{ left: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM acceptance.records WHERE status = 'PAYABLE') AS left`,
        )
      ).rows[0].left;
    // The baseline posts half its transfers before the drain and half after: this shared machine's speed drifts by
    // tens of per cent over a minute, and one measurement beside the other would put that drift into the ratio.
    ctx.log('raw SQL baseline, first half');
    await openRawAccounts(pool);
    const rawHalf = Math.floor(rounds / 2);
    const rawBefore = await rawTransfers(ctx, pool, 1, rawHalf);
    ctx.log('starting the worker');
    const booting = performance.now();
    worker = await startWorker({
      NODE_ENV: 'production',
      DATABASE_URL: ctx.databaseUrl,
      DB_POOL_SIZE: '10',
      REDIS_URL: ctx.redis.url,
      QUEUE_PREFIX: 'bench',
      JWT_SECRET: 'b'.repeat(64),
      OUTBOX_POLL_MS: '50',
      SWEEP_INTERVAL_MS: '60000',
      QUEUE_LOCK_MS: '60000',
      FAULT_POINTS: '',
      LOG_LEVEL: 'info',
      APP_LOG_DIR: path.join(ctx.workDir, 'logs'),
    });
    // The drain is timed from the worker's readiness, as the baseline is from its open connection: the worker's
    // boot (loading its modules, connecting) is reported on its own.
    const started = performance.now();
    const bootSeconds = (started - booting) / 1000;
    const stopCpuMeter = startCpuMeter({ worker: processCpu(worker.pid), postgres: postgresCpu(ctx.pg.dataDir) });
    while (await payableLeft()) {
      if (performance.now() - started > TIMEOUT_MS) {
        const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM settlement.settlements');
        throw new Error(`settlement: only ${rows[0].n}/${rounds} settled`);
      }
      await sleep(250);
    }
    const seconds = (performance.now() - started) / 1000;
    const drainCpu = stopCpuMeter();
    ctx.log(`drained ${rounds} rounds in ${seconds.toFixed(1)} s (worker boot ${bootSeconds.toFixed(1)} s before)`);
    // Each settlement batch asks for a dashboard refresh, a recomputation from the whole city's data.
    const refreshes = await dashboardRefreshes(pool);
    await worker.stop();
    worker = undefined;

    // A double payment: a settlement beyond one per round, or an order paid more than its rounds earned.
    const check = await pool.query<{ extra: string; overpaid: string; paid: string; escrow: string }>(
      `SELECT (SELECT count(*) FROM settlement.settlements) - $2 AS extra,
              (SELECT count(*) FROM (SELECT order_id FROM settlement.settlements GROUP BY order_id
                                     HAVING sum(amount) > $1 * ${ROUNDS_PER_ORDER}) o) AS overpaid,
              (SELECT coalesce(sum(amount), 0) FROM settlement.settlements) AS paid,
              (SELECT coalesce(sum(balance), 0) FROM ledger.accounts WHERE kind = 'ORDER_ESCROW') AS escrow`,
      [ROUND_PAYS.toString(), rounds],
    );
    const row = check.rows[0];
    const doublePayments = Number(row.extra) + Number(row.overpaid);
    if (BigInt(row.paid) !== ROUND_PAYS * BigInt(rounds) || BigInt(row.escrow) !== 0n) {
      throw new Error(`settlement: wrong totals ${JSON.stringify(row)}`);
    }

    ctx.log('raw SQL baseline, second half');
    const rawAfter = await rawTransfers(ctx, pool, rawHalf + 1, rounds);
    const rawSeconds = rawBefore.wallSeconds + rawAfter.wallSeconds;
    const rawPerSecond = rounds / rawSeconds;
    const roundsPerSecond = rounds / seconds;
    // What the work costs in CPU, whatever else the machine was doing: the drain's worker and PostgreSQL, against
    // the baseline's PostgreSQL and client (this process).
    const drainCpuSeconds = (drainCpu.cpuSeconds.worker ?? NaN) + (drainCpu.cpuSeconds.postgres ?? NaN);
    const rawCpuSeconds = [rawBefore, rawAfter].reduce(
      (sum, { cpuSeconds }) => sum + (cpuSeconds.postgres ?? NaN) + cpuSeconds.bench_client,
      0,
    );
    return {
      rounds,
      rounds_per_s: Math.round(roundsPerSecond),
      drain_s: Math.round(seconds * 10) / 10,
      worker_boot_s: Math.round(bootSeconds * 10) / 10,
      raw_transfers_per_s: Math.round(rawPerSecond),
      raw_before_per_s: Math.round(rawHalf / rawBefore.wallSeconds),
      raw_after_per_s: Math.round((rounds - rawHalf) / rawAfter.wallSeconds),
      ratio: Math.round((roundsPerSecond / rawPerSecond) * 1000) / 1000,
      drain_cpu_ms_per_1k_rounds: perThousand(drainCpuSeconds, rounds),
      drain_worker_cpu_ms_per_1k_rounds: perThousand(drainCpu.cpuSeconds.worker ?? NaN, rounds),
      drain_postgres_cpu_ms_per_1k_rounds: perThousand(drainCpu.cpuSeconds.postgres ?? NaN, rounds),
      drain_machine_cpu_pct: drainCpu.machinePct ?? NaN,
      raw_cpu_ms_per_1k_transfers: perThousand(rawCpuSeconds, rounds),
      cpu_ratio: Math.round((rawCpuSeconds / drainCpuSeconds) * 1000) / 1000,
      double_payments: doublePayments,
      dashboard_refreshes_while_draining: refreshes,
    };
  } finally {
    await worker?.stop();
    await pool.end();
  }
}

const benchmark: Benchmark = { name: 'settlement', run: settleBacklog };
export default benchmark;
