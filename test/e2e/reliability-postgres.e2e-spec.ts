import {
  answerOf,
  fundedActors,
  draftOrder,
  eventually,
  faultReached,
  measurementCopyRunning,
  orderClosed,
  orderMoney,
  reconciliation,
  signBoth,
  signRecord,
  startOwnPostgres,
  startSystem,
  storedMeasurements,
  uploadCsvInTwoHalves,
  uploadRound,
  vendorPaid,
  type Actors,
  type Answer,
  type OrderTermsShape,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(180_000);

const EARNED = '480000000';
const ORDERS = 3;
/** Slower than this is a hang as far as a client is concerned. */
const ANSWER_WITHIN_MS = 5_000;
/** How long the worker stays frozen inside its settlement transaction, written and not committed. */
const WORKER_FROZEN_MS = 5_000;

/**
 * Reliability: PostgreSQL crashes (immediate shutdown, recovery from the WAL on start) while the worker holds a
 * settlement transaction open with its transfers written and not yet committed. While it is down the API must
 * answer 503 with a code, fast; afterwards the worker recovers by itself and every round is paid exactly once.
 * The server is the test's own: restarting the run's shared one would break every other test file.
 */
describe('reliability: PostgreSQL restarted mid-settlement', () => {
  let pg: Awaited<ReturnType<typeof startOwnPostgres>>;
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;

  beforeAll(async () => {
    pg = await startOwnPostgres();
    system = await startSystem({ pgAdminUrl: pg.adminUrl });
    ({ a, solutionId } = await fundedActors(system.admin, 'pg-restart'));
  });
  afterAll(async () => {
    // Up again whatever happened, so the test's database can be dropped.
    await pg?.start().catch(() => undefined);
    await system?.stop();
    await pg?.dispose();
  });

  it('answers 503 with a code while it is down, then settles every round exactly once', async () => {
    const orderIds = await Promise.all(
      Array.from({ length: ORDERS }, async () => {
        const { orderId } = await draftOrder(a, { solutionId, price: '600000000' });
        await signBoth(a, orderId);
        await uploadRound(a, orderId, 1, ['40', '44']);
        return orderId;
      }),
    );
    await Promise.all(
      orderIds.map((orderId) =>
        eventually(
          async () =>
            (await a.officer.get<unknown[]>(`/orders/${orderId}/acceptance-records`)).length ? true : undefined,
          'acceptance record',
        ),
      ),
    );
    // An order waiting for its measurements: the upload is tried while the database is down.
    const { orderId: lateOrderId } = await draftOrder(a, { solutionId, price: '600000000' });
    await signBoth(a, lateOrderId);
    const paidBefore = await vendorPaid(system, a.vendorOrgId);

    const worker = await system.restartWorker({
      FAULT_POINTS: 'settlement.before-commit',
      FAULT_PAUSE_MS: String(WORKER_FROZEN_MS),
    });
    await Promise.all(orderIds.map((orderId) => signRecord(a, orderId, 1)));
    await faultReached(worker, 'settlement.before-commit');
    const frozenAt = Date.now();

    // The server goes while an upload is copying its rows: the upload fails whole, with a code, and fast.
    let killedAt = 0;
    const upload = await uploadCsvInTwoHalves(system, a, lateOrderId, 500, async () => {
      await measurementCopyRunning(system);
      await pg.kill();
      killedAt = Date.now();
    });
    const uploadMs = Date.now() - killedAt;
    const down: Record<string, Answer> = {
      health: await answerOf(() => system.client.get('/health')),
      order: await answerOf(() => a.buyer.get(`/orders/${orderIds[0]}`)),
      settlements: await answerOf(() => a.vendor.get(`/orders/${orderIds[0]}/settlements`)),
      login: await answerOf(() => system.client.login(a.logins[0].email, a.logins[0].password)),
    };
    // The crash hit the settlement transaction while it was open; the worker wakes up and meets the outage itself.
    expect(killedAt - frozenAt).toBeLessThan(WORKER_FROZEN_MS);
    await new Promise((resolve) => setTimeout(resolve, frozenAt + WORKER_FROZEN_MS + 2_000 - Date.now()));
    await pg.start();

    expect({ status: upload.status, code: upload.body.code }).toEqual({
      status: 503,
      code: 'PLATFORM.DEPENDENCY_UNAVAILABLE',
    });
    expect(uploadMs).toBeLessThan(ANSWER_WITHIN_MS);
    for (const [call, answer] of Object.entries(down)) {
      expect({ call, status: answer.status, code: answer.code }).toEqual({
        call,
        status: 503,
        code: 'PLATFORM.DEPENDENCY_UNAVAILABLE',
      });
      expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
    }

    await eventually(
      async () => ((await answerOf(() => a.buyer.get(`/orders/${orderIds[0]}`))).status === 200 ? true : undefined),
      'API answering again',
    );
    for (const orderId of orderIds) await orderClosed(a.buyer, orderId, 60_000);
    for (const orderId of orderIds) {
      expect(await orderMoney(a, orderId)).toEqual({
        status: 'CLOSED',
        escrowBalance: '0',
        settlements: [{ roundNo: 1, amount: EARNED }],
      });
      expect(await storedMeasurements(system, orderId, 1)).toBe(2);
    }
    expect(await vendorPaid(system, a.vendorOrgId)).toBe(paidBefore + BigInt(EARNED) * BigInt(ORDERS));

    // The upload cut off by the crash stored nothing; made again now, the order settles as usual.
    expect(await storedMeasurements(system, lateOrderId, 1)).toBe(0);
    const order = await a.buyer.get<OrderTermsShape>(`/orders/${lateOrderId}`);
    expect(order.status).toBe('ACTIVE');
    await uploadRound(a, lateOrderId, 1, ['40', '44']);
    await signRecord(a, lateOrderId, 1);
    await orderClosed(a.buyer, lateOrderId, 60_000);
    expect((await orderMoney(a, lateOrderId)).settlements).toEqual([{ roundNo: 1, amount: EARNED }]);
    expect(await reconciliation(a.admin)).toMatchObject({ ok: true, totalBalance: '0' });
  });
});
