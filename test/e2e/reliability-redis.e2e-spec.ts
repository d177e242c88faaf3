import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startRedis, type RedisHandle } from '../../scripts/infra';
import {
  createActors,
  draftOrder,
  eventually,
  orderClosed,
  listSolution,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  type Actors,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(180_000);

/**
 * Redis only delivers: with the settlement job published and then lost in a Redis restarted empty, the sweeper
 * finds the payable round in PostgreSQL and the payment is only delayed. A dedicated Redis, so wiping it touches
 * no other test.
 */
describe('reliability: Redis restarted empty during settlement', () => {
  let redisDir: string;
  let redis: RedisHandle;
  let system: TestSystem;
  let a: Actors;
  const sharedRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redisDir = await mkdtemp(path.join(os.tmpdir(), 'reliability-redis-'));
    redis = await startRedis({ dir: redisDir });
    process.env.REDIS_URL = redis.url;
    system = await startSystem();
    a = await createActors(system.admin, 'redis');
    await a.admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: '1000000000', reference: 'QĐ-05/2026' });
  });
  afterAll(async () => {
    process.env.REDIS_URL = sharedRedisUrl;
    await system?.stop();
    await redis?.stop();
    await rm(redisDir, { recursive: true, force: true });
  });

  it('pays exactly once after the queued settlement was wiped from Redis', async () => {
    const solutionId = await listSolution(a);
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000' });
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['40', '44']);
    await eventually(
      async () => ((await a.officer.get<unknown[]>(`/orders/${orderId}/acceptance-records`)).length ? true : undefined),
      'acceptance record',
    );

    // No worker: the signature commits the payable round and its outbox row; "publish" it, then lose Redis.
    await system.worker.stop();
    const signed = await signRecord(a, orderId, 1);
    expect(signed.status).toBe('PAYABLE');
    await system.db.pool.query(
      `UPDATE platform.outbox SET published_at = now() WHERE published_at IS NULL AND job_name = 'settle-round'`,
    );
    await redis.restart({ wipe: true });
    expect(await a.vendor.get(`/orders/${orderId}/settlements`)).toEqual([]);

    await system.restartWorker();
    await orderClosed(a.buyer, orderId, 60_000);
    const settled = await a.vendor.get<Array<{ amount: string }>>(`/orders/${orderId}/settlements`);
    expect(settled.map((s) => s.amount)).toEqual(['480000000']);
    expect(await a.admin.get('/ledger/reconciliation')).toMatchObject({ ok: true, totalBalance: '0' });
  });
});
