/** The marketplace journey the `journey` and `journey-cost` benchmarks run, and the system settings they share. */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  ApiError,
  createActors,
  draftOrder,
  listSolution,
  type MarketplaceClient,
  signBoth,
  signRecord,
  uploadRound,
  type Actors,
} from '@app/test-support';
import { sleep } from '../infra';
import type { BenchContext } from './run';

export const POLL_MS = 50;
export const OUTBOX_POLL_MS = 200;
export const WORKER_CONCURRENCY = 8;

// Same figures as the e2e journey: mean(40, 44) = 42 → attainment 0.8 → 480,000,000 of 600,000,000 đồng.
export const PRICE = 600_000_000n;
export const EXPECTED_PAYMENT = 480_000_000n;
const MEASUREMENTS = ['40', '44'];

export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export const METRICS_TOKEN = randomBytes(32).toString('hex');

/** The API's and worker's environment (production settings, the bench's database and Redis). */
export function journeyEnv(ctx: BenchContext, logDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    DB_POOL_SIZE: '10',
    REDIS_URL: ctx.redis.url,
    QUEUE_PREFIX: 'bench',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    METRICS_TOKEN,
    JWT_TTL_SECONDS: '3600',
    // Setup logs in 5 users per actor set from one address; the production limit would throttle it.
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    OUTBOX_POLL_MS: String(OUTBOX_POLL_MS),
    SWEEP_INTERVAL_MS: '10000',
    QUEUE_LOCK_MS: '30000',
    WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
    // Empty explicitly: a value inherited from the caller's environment is refused in production.
    FAULT_POINTS: '',
    APP_LOG_DIR: logDir,
  };
}

/** The same actors, each talking to the API process at `url`. */
function onApi(a: Actors, url: string): Actors {
  const { admin, vendor, buyer, officer, assessor, city } = a;
  return {
    ...a,
    admin: admin.at(url),
    vendor: vendor.at(url),
    buyer: buyer.at(url),
    officer: officer.at(url),
    assessor: assessor.at(url),
    city: city.at(url),
  };
}

/** `count` actor sets, each with a budget for `journeys` journeys, the i-th talking to `urls[i % urls.length]`. */
export async function fundedActors(
  admin: MarketplaceClient,
  count: number,
  urls: string[],
  journeys: number,
): Promise<Actors[]> {
  const actorSets = await Promise.all(
    Array.from({ length: count }, async (_, i) =>
      onApi(await createActors(admin, `b${i}-${randomBytes(2).toString('hex')}`), urls[i % urls.length]),
    ),
  );
  // Each journey escrows the full price.
  const budget = PRICE * BigInt(journeys);
  for (const a of actorSets) {
    await admin.post(`/budgets/${a.agencyOrgId}/allocations`, {
      amount: budget.toString(),
      reference: `BENCH-${a.agencyOrgId}`,
    });
  }
  return actorSets;
}

export interface Outcome {
  orderId: string;
  ms: number;
  /** From the measurement upload to the observed CLOSED: evaluate → the officer signs (window 0) → settle. */
  settleMs: number;
  callMisses: number;
}

const MAX_CALL_ATTEMPTS = 6;

/**
 * The call's deadline is fixed by the client just before the call is created, so under load the call itself
 * (400 DEADLINE_IN_PAST) or the offer (409 CALL_CLOSED) can arrive after it: that is the client's pacing, not a system
 * failure, so the journey opens a new call with twice the window (as a client adapts to the latency it sees) and
 * the retry stays inside its latency; `misses` counts them.
 */
async function awardedOrder(
  a: Actors,
  solutionId: string,
  callWindowMs: number,
): Promise<{ orderId: string; misses: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { orderId } = await draftOrder(a, {
        solutionId,
        price: PRICE.toString(),
        baseline: '30',
        target: '45',
        callWindowMs: callWindowMs * 2 ** (attempt - 1),
      });
      return { orderId, misses: attempt - 1 };
    } catch (error) {
      const missed =
        error instanceof ApiError &&
        ((error.body.code === 'COMPETITION.CALL_CLOSED' && error.route.endsWith('/offers')) ||
          (error.body.code === 'COMPETITION.DEADLINE_IN_PAST' && error.route.endsWith('/calls')));
      if (!missed || attempt === MAX_CALL_ATTEMPTS) throw error;
    }
  }
}

/** Listing → award → signatures → measurements → worker evaluation and settlement → order CLOSED. */
export async function journey(a: Actors, callWindowMs: number): Promise<Outcome> {
  const started = performance.now();
  const solutionId = await listSolution(a);
  const { orderId, misses } = await awardedOrder(a, solutionId, callWindowMs);
  await signBoth(a, orderId);
  const uploading = performance.now();
  await uploadRound(a, orderId, 1, MEASUREMENTS);
  await signRecord(a, orderId, 1);
  for (;;) {
    const order = await a.buyer.get<{ status: string }>(`/orders/${orderId}`);
    const now = performance.now();
    if (order.status === 'CLOSED') return { orderId, ms: now - started, settleMs: now - uploading, callMisses: misses };
    await sleep(POLL_MS);
  }
}
