import { randomBytes } from 'node:crypto';
import { freePort, startApi, startWorker, type AppProcess } from '../../scripts/infra';
import { MarketplaceClient } from './client';
import { bootstrapOperator, createTestDatabase, type TestDatabase } from './database';

export type Env = Record<string, string>;

export interface TestSystem {
  db: TestDatabase;
  env: Env;
  api: AppProcess;
  worker: AppProcess;
  url: string;
  client: MarketplaceClient;
  admin: MarketplaceClient;
  /** Replaces the worker (e.g. without fault points after a crash). */
  restartWorker(extraEnv?: Env): Promise<AppProcess>;
  stop(): Promise<void>;
}

function redisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: run tests through `npm test` (scripts/with-infra.ts)');
  return url;
}

export interface SystemOptions {
  workerEnv?: Env;
  apiEnv?: Env;
  /** A Redis of the test's own (one it stops or wipes) instead of the run's shared one. */
  redisUrl?: string;
  /** A PostgreSQL server of the test's own (admin URL, template migrated) instead of the run's shared one. */
  pgAdminUrl?: string;
  /** The first operator admin's password (the demo loader signs in with the demo password). */
  operatorPassword?: string;
}

/** The real API and worker processes (built `dist/`) on a fresh database and their own queue prefix. */
export async function startSystem(options: SystemOptions = {}): Promise<TestSystem> {
  const db = await createTestDatabase(options.pgAdminUrl);
  const port = await freePort();
  const env: Env = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: options.redisUrl ?? redisUrl(),
    API_PORT: String(port),
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    OUTBOX_POLL_MS: '50',
    SWEEP_INTERVAL_MS: '2000',
    QUEUE_LOCK_MS: '2000',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  };
  let worker = await startWorker({ ...env, ...options.workerEnv });
  const api = await startApi({ ...env, ...options.apiEnv });
  const url = `http://127.0.0.1:${port}`;
  const client = new MarketplaceClient(url);
  const operator = await bootstrapOperator(db.pool, undefined, options.operatorPassword);
  const admin = client.as(await client.login(operator.email, operator.password));
  return {
    db,
    env,
    api,
    get worker() {
      return worker;
    },
    url,
    client,
    admin,
    async restartWorker(extraEnv: Env = {}) {
      await worker.stop();
      worker = await startWorker({ ...env, ...extraEnv });
      return worker;
    },
    async stop() {
      await Promise.allSettled([api.stop(), worker.stop()]);
      await db.drop();
    },
  };
}

/** Polls until `probe` returns a value; the bound is generous so that a loaded machine slows a test, not fails it. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
