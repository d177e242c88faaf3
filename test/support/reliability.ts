import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  startPostgres,
  startRedis,
  startWorker,
  type AppProcess,
  type PostgresHandle,
  type RedisHandle,
} from '../../scripts/infra';
import { Readable } from 'node:stream';
import { ApiError, type MarketplaceClient } from './client';
import { migrateTemplate } from './global-setup';
import { PASSWORD, type Actors, type OrderTermsShape } from './journey';
import { eventually, type Env, type TestSystem } from './system';

/** A scratch directory removed by `dispose`. */
async function scratch(prefix: string): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // Reachable by the postgres system user when the tests run as root.
  await chmod(dir, 0o755);
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A PostgreSQL server of the test's own, template migrated, for tests that stop it: stopping the run's shared
 * server would break every other test file.
 */
export async function startOwnPostgres(): Promise<PostgresHandle & { dispose(): Promise<void> }> {
  const space = await scratch('reliability-pg-');
  const pg = await startPostgres({ dataDir: path.join(space.dir, 'data'), fresh: true });
  try {
    await migrateTemplate(pg.adminUrl);
  } catch (error) {
    await pg.stop();
    await space.dispose();
    throw error;
  }
  return {
    ...pg,
    async dispose() {
      await pg.stop();
      await space.dispose();
    },
  };
}

/** A Redis of the test's own, for tests that stop or wipe it. */
export async function startOwnRedis(): Promise<RedisHandle & { dispose(): Promise<void> }> {
  const space = await scratch('reliability-redis-');
  const redis = await startRedis({ dir: space.dir });
  return {
    ...redis,
    async dispose() {
      await redis.stop();
      await space.dispose();
    },
  };
}

/**
 * `n` more worker processes of the system, booted a few at a time (booting is CPU-bound: a crowd of them on a
 * small machine would all miss their readiness deadline). On failure the ones already up are stopped.
 */
export async function startWorkers(system: TestSystem, n: number, env: Env = {}): Promise<AppProcess[]> {
  const workers: AppProcess[] = [];
  const step = os.availableParallelism();
  try {
    while (workers.length < n) {
      const batch = Math.min(step, n - workers.length);
      const started = await Promise.allSettled(
        Array.from({ length: batch }, () => startWorker({ ...system.env, ...env })),
      );
      for (const s of started) if (s.status === 'fulfilled') workers.push(s.value);
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
    }
    return workers;
  } catch (error) {
    await Promise.allSettled(workers.map((w) => w.stop()));
    throw error;
  }
}

/** Waits until the process has reached a fault point (see FAULT_POINTS, FAULT_PAUSE_MS). */
export function faultReached(proc: AppProcess, point: string, timeoutMs = 30_000): Promise<true> {
  return eventually(
    () => Promise.resolve(proc.output().includes(`fault injected: ${point}`) ? true : undefined),
    `fault point ${point}`,
    timeoutMs,
  );
}

export interface Answer {
  /** HTTP status, or 0 when no answer came within the time limit (a hang). */
  status: number;
  code?: string;
  ms: number;
}

/** One API call, bounded in time: how (and how fast) the API answered. */
export async function answerOf(call: () => Promise<unknown>, timeoutMs = 10_000): Promise<Answer> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => resolve({ status: 0, ms: Date.now() - started }), timeoutMs);
  });
  const answer = call().then(
    (): Answer => ({ status: 200, ms: Date.now() - started }),
    (error: unknown): Answer =>
      error instanceof ApiError
        ? { status: error.status, code: error.body.code, ms: Date.now() - started }
        : { status: -1, code: (error as Error).message, ms: Date.now() - started },
  );
  try {
    return await Promise.race([answer, hang]);
  } finally {
    clearTimeout(timer);
  }
}

export interface RoundPaid {
  roundNo: number;
  amount: string;
}

/** What an order has paid, through the API: its status, escrow and settlements (one per paid round). */
export async function orderMoney(
  a: Actors,
  orderId: string,
): Promise<{ status: string; escrowBalance: string; settlements: RoundPaid[] }> {
  const order = await a.buyer.get<{ status: string; escrowBalance: string }>(`/orders/${orderId}`);
  const settlements = await a.vendor.get<RoundPaid[]>(`/orders/${orderId}/settlements`);
  return {
    status: order.status,
    escrowBalance: order.escrowBalance,
    settlements: settlements
      .map((s) => ({ roundNo: s.roundNo, amount: s.amount }))
      .sort((x, y) => x.roundNo - y.roundNo),
  };
}

/** The vendor's payable balance (đồng): what all its orders paid it, counted once per posted transfer. */
export async function vendorPaid(system: TestSystem, vendorOrgId: string): Promise<bigint> {
  const { rows } = await system.db.pool.query<{ balance: string }>(
    'SELECT balance::text FROM ledger.accounts WHERE code = $1',
    [`payable:${vendorOrgId}`],
  );
  return BigInt(rows[0]?.balance ?? 0);
}

/** The ledger's own check: balances sum to zero, match their postings, every transfer balanced. */
export function reconciliation(admin: MarketplaceClient): Promise<{ ok: boolean; totalBalance: string }> {
  return admin.get('/ledger/reconciliation');
}

/** Measurement rows stored for a round. */
export async function storedMeasurements(system: TestSystem, orderId: string, roundNo: number): Promise<number> {
  const { rows } = await system.db.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM acceptance.measurements WHERE order_id = $1 AND round_no = $2',
    [orderId, roundNo],
  );
  return Number(rows[0].n);
}

/**
 * The officer uploads a CSV of `rows` readings of round 1 (values 40 and 44 alternating) as a stream, in two
 * halves; `between` runs once the first half is on its way. Readings are 1 ms apart at least and never in the future.
 */
export async function uploadCsvInTwoHalves(
  system: TestSystem,
  a: Actors,
  orderId: string,
  rows: number,
  between: () => Promise<void>,
): Promise<{ status: number; body: { rows?: number; code?: string } }> {
  const order = await a.buyer.get<OrderTermsShape>(`/orders/${orderId}`);
  const round = order.terms.rounds[0];
  const start = Date.parse(round.startsAt);
  await eventually(() => Promise.resolve(Date.now() - start > 2 * rows ? true : undefined), 'a round long enough');
  const step = Math.floor((Math.min(Date.now(), Date.parse(round.endsAt)) - start) / (rows + 1));
  const lines = Array.from(
    { length: rows },
    (_, i) => `${order.terms.kpis[0].key},${new Date(start + (i + 1) * step).toISOString()},${i % 2 ? '44' : '40'}\n`,
  );
  const half = Math.floor(rows / 2);
  async function* file() {
    yield `kpi,observedAt,value\n${lines.slice(0, half).join('')}`;
    await between();
    yield lines.slice(half).join('');
  }
  const officer = a.logins.find((l) => l.role === 'officer');
  if (!officer) throw new Error('no acceptance officer among the actors');
  const token = await system.client.login(officer.email, PASSWORD);
  const response = await fetch(`${system.url}/orders/${orderId}/rounds/1/measurements`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: Readable.toWeb(Readable.from(file())),
    duplex: 'half',
  });
  return { status: response.status, body: (await response.json()) as { rows?: number; code?: string } };
}

/** Waits until the API is copying measurement rows into PostgreSQL (an upload is in flight). */
export function measurementCopyRunning(system: TestSystem): Promise<true> {
  return eventually(async () => {
    const { rows } = await system.db.pool.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY acceptance.measurements%'`,
    );
    return rows.length > 0 ? true : undefined;
  }, 'measurement COPY in progress');
}
