import { Queue } from 'bullmq';
import { RECORD_EVENTS_QUEUE, RecordEvents } from '@app/acceptance';
import {
  fundedActors,
  draftOrder,
  eventually,
  orderClosed,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  type Actors,
  type TestSystem,
  ledgerBalance,
} from '@app/test-support';

jest.setTimeout(180_000);

/**
 * Reliability: the worker dies at each step of a settlement, and the same settlement job is delivered again
 * under other job ids (so BullMQ's id de-duplication cannot help); the money must move exactly once.
 */
describe('settlement is exactly once under crashes and duplicate deliveries', () => {
  let system: TestSystem;
  let a: Actors;
  let queue: Queue;
  let solutionId: string;

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'reliable'));
    queue = new Queue(RECORD_EVENTS_QUEUE, {
      connection: { url: system.env.REDIS_URL },
      prefix: system.env.QUEUE_PREFIX,
    });
  });
  afterAll(async () => {
    await queue?.close();
    await system?.stop();
  });

  const count = async (sql: string, orderId: string) =>
    Number((await system.db.pool.query<{ n: string }>(sql, [orderId])).rows[0].n);
  /** One settlement and one payment transfer for the order's one round, and a ledger that sums to zero. */
  const paidOnce = async (orderId: string) => {
    expect(await count('SELECT count(*) AS n FROM settlement.settlements WHERE order_id = $1', orderId)).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM ledger.transfers WHERE kind = 'settle' AND metadata->>'orderId' = $1`,
        orderId,
      ),
    ).toBe(1);
    expect(await a.admin.get('/ledger/reconciliation')).toMatchObject({ ok: true, totalBalance: '0' });
  };

  it.each(['settlement.before-commit', 'settlement.after-commit'])('worker killed at %s', async (faultPoint) => {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000' });
    await signBoth(a, orderId);
    const worker = await system.restartWorker({ FAULT_POINTS: faultPoint });

    await uploadRound(a, orderId, 1, ['40', '44']);
    await signRecord(a, orderId, 1);
    expect(await worker.exited).toBe(137);
    const committed = faultPoint === 'settlement.after-commit' ? 1 : 0;
    expect(await count('SELECT count(*) AS n FROM settlement.settlements WHERE order_id = $1', orderId)).toBe(
      committed,
    );

    for (const copy of [1, 2, 3]) {
      await queue.add(RecordEvents.payable, { orderId, roundNo: 1 }, { jobId: `duplicate-${copy}-${orderId}` });
    }
    await system.restartWorker();
    await orderClosed(a.buyer, orderId);
    await eventually(async () => {
      const counts = await queue.getJobCounts('wait', 'active', 'delayed');
      return counts.wait + counts.active + counts.delayed === 0 ? true : undefined;
    }, 'queue drained');

    await paidOnce(orderId);
    const settled = await a.vendor.get<Array<{ amount: string }>>(`/orders/${orderId}/settlements`);
    expect(settled.map((s) => s.amount)).toEqual(['480000000']);
    expect(await ledgerBalance(system.db.pool, `escrow:${orderId}`)).toBe(0n);
  });

  it('worker killed in the relay after publishing, before marking the outbox row', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000' });
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['40', '44']);
    await eventually(
      async () => ((await a.officer.get<unknown[]>(`/orders/${orderId}/acceptance-records`)).length ? true : undefined),
      'acceptance record',
    );
    const worker = await system.restartWorker({ FAULT_POINTS: 'relay.after-publish' });
    await signRecord(a, orderId, 1);
    expect(await worker.exited).toBe(137);
    expect(
      await count(
        `SELECT count(*) AS n FROM platform.outbox o JOIN platform.outbox_pending p ON p.id = o.id
         WHERE o.job_name = 'record-payable' AND o.payload->>'orderId' = $1`,
        orderId,
      ),
    ).toBe(1);
    await system.restartWorker();
    await orderClosed(a.buyer, orderId);
    expect(await count('SELECT count(*) AS n FROM settlement.settlements WHERE order_id = $1', orderId)).toBe(1);
  });

  it('pays once when the same settlement job is delivered 100 times, also after Redis lost it', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000' });
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['40', '44']);
    await signRecord(a, orderId, 1);
    await orderClosed(a.buyer, orderId);
    await queue.obliterate({ force: true });
    await queue.addBulk(
      Array.from({ length: 100 }, (_, copy) => ({
        name: RecordEvents.payable,
        data: { orderId, roundNo: 1 },
        opts: { jobId: `again-${copy}-${orderId}` },
      })),
    );
    await eventually(async () => {
      const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'completed');
      return counts.wait + counts.active + counts.delayed === 0 && counts.completed >= 100 ? true : undefined;
    }, '100 deliveries processed');
    await paidOnce(orderId);
  });

  it('paid the vendor exactly once per order across all crashes and redeliveries', async () => {
    expect(await ledgerBalance(system.db.pool, `payable:${a.vendorOrgId}`)).toBe(4n * 480_000_000n);
  });
});
