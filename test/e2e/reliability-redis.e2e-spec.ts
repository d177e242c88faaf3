import {
  answerOf,
  fundedActors,
  draftOrder,
  eventually,
  faultReached,
  orderClosed,
  measurementCopyRunning,
  orderMoney,
  reconciliation,
  signBoth,
  signRecord,
  startOwnRedis,
  startSystem,
  storedMeasurements,
  uploadRound,
  vendorPaid,
  uploadCsvInTwoHalves,
  type Actors,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(180_000);

const PRICE = '600000000';
/** Readings averaging 42 against baseline 30 and target 45: 80 % attainment. */
const EARNED = '480000000';
const ANSWER_WITHIN_MS = 5_000;

/**
 * Redis only delivers jobs; PostgreSQL holds every intent (outbox rows, payable rounds). With Redis stopped during
 * an upload or a settlement and restarted empty, uploads are not lost, the API says clearly that a dependency is
 * down instead of hanging, and the relay and the sweepers bring every payment through exactly once.
 * A dedicated Redis, so stopping and wiping it touches no other test.
 */
describe('reliability: Redis stopped and restarted empty', () => {
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;

  beforeAll(async () => {
    redis = await startOwnRedis();
    system = await startSystem({ redisUrl: redis.url });
    ({ a, solutionId } = await fundedActors(system.admin, 'redis'));
  });
  afterAll(async () => {
    try {
      await system?.stop();
    } finally {
      await redis?.dispose();
    }
  });

  let redisDown = false;
  const stopRedis = async () => {
    redisDown = true;
    await redis.kill();
  };
  const restartRedisEmpty = async () => {
    await redis.restart({ wipe: true });
    redisDown = false;
  };
  // A failed test must not leave the next one without Redis.
  afterEach(async () => {
    if (redisDown) await restartRedisEmpty();
  });

  async function activeOrder(): Promise<string> {
    const { orderId } = await draftOrder(a, { solutionId, price: PRICE });
    await signBoth(a, orderId);
    return orderId;
  }

  const recordEvaluated = (orderId: string) =>
    eventually(
      async () => ((await a.officer.get<unknown[]>(`/orders/${orderId}/acceptance-records`)).length ? true : undefined),
      `acceptance record of ${orderId}`,
      60_000,
    );

  async function expectPaidOnce(orderIds: string[]): Promise<void> {
    for (const orderId of orderIds) await orderClosed(a.buyer, orderId, 60_000);
    for (const orderId of orderIds) {
      expect(await orderMoney(a, orderId)).toEqual({
        status: 'CLOSED',
        escrowBalance: '0',
        settlements: [{ roundNo: 1, amount: EARNED }],
      });
    }
    expect(await reconciliation(a.admin)).toMatchObject({ ok: true, totalBalance: '0' });
  }

  async function expectHealthSaysRedisDown(): Promise<void> {
    const health = await answerOf(() => system.client.get('/health'));
    expect({ status: health.status, code: health.code }).toEqual({
      status: 503,
      code: 'PLATFORM.DEPENDENCY_UNAVAILABLE',
    });
    expect(health.ms).toBeLessThan(ANSWER_WITHIN_MS);
  }

  it('takes a measurement upload in full while Redis stops under it; evaluation and payment follow', async () => {
    const [streamed, posted] = await Promise.all([activeOrder(), activeOrder()]);
    const paidBefore = await vendorPaid(system, a.vendorOrgId);

    const upload = await uploadCsvInTwoHalves(system, a, streamed, 1_000, async () => {
      await measurementCopyRunning(system);
      await stopRedis();
    });
    // The upload writes only to PostgreSQL (its evaluation job goes through the outbox), so it succeeds whole.
    expect(upload).toMatchObject({ status: 201, body: { rows: 1_000 } });
    await uploadRound(a, posted, 1, ['40', '44']);
    await expectHealthSaysRedisDown();
    expect(await storedMeasurements(system, streamed, 1)).toBe(1_000);
    expect(await storedMeasurements(system, posted, 1)).toBe(2);

    await restartRedisEmpty();
    for (const orderId of [streamed, posted]) {
      await recordEvaluated(orderId);
      await signRecord(a, orderId, 1);
    }
    await expectPaidOnce([streamed, posted]);
    expect(await vendorPaid(system, a.vendorOrgId)).toBe(paidBefore + 2n * BigInt(EARNED));
    expect(await storedMeasurements(system, streamed, 1)).toBe(1_000);
  });

  it('settles exactly once when Redis dies in the middle of a settlement and comes back empty', async () => {
    const orderIds = await Promise.all([activeOrder(), activeOrder(), activeOrder()]);
    await Promise.all(orderIds.map((orderId) => uploadRound(a, orderId, 1, ['40', '44'])));
    await Promise.all(orderIds.map(recordEvaluated));
    const paidBefore = await vendorPaid(system, a.vendorOrgId);

    // The worker freezes with a settlement transaction open; Redis dies under it and its jobs with it.
    const worker = await system.restartWorker({ FAULT_POINTS: 'settlement.before-commit', FAULT_PAUSE_MS: '2000' });
    await Promise.all(orderIds.slice(0, 2).map((orderId) => signRecord(a, orderId, 1)));
    await faultReached(worker, 'settlement.before-commit');
    await stopRedis();
    // A round becomes payable while Redis is away: its settlement waits in the outbox.
    expect((await signRecord(a, orderIds[2], 1)).status).toBe('PAYABLE');
    await expectHealthSaysRedisDown();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await restartRedisEmpty();

    await expectPaidOnce(orderIds);
    expect(await vendorPaid(system, a.vendorOrgId)).toBe(paidBefore + 3n * BigInt(EARNED));
  });

  it('pays exactly once after the queued settlement was wiped from Redis', async () => {
    const orderId = await activeOrder();
    await uploadRound(a, orderId, 1, ['40', '44']);
    await recordEvaluated(orderId);

    // No worker: the signature commits the payable round and its outbox row; "publish" it, then lose Redis.
    await system.worker.stop();
    const signed = await signRecord(a, orderId, 1);
    expect(signed.status).toBe('PAYABLE');
    await system.db.pool.query(
      `DELETE FROM platform.outbox_pending p USING platform.outbox o WHERE o.id = p.id AND o.job_name = 'record-payable'`,
    );
    await redis.restart({ wipe: true });
    expect(await a.vendor.get(`/orders/${orderId}/settlements`)).toEqual([]);

    await system.restartWorker();
    await expectPaidOnce([orderId]);
  });
});
