import { Queue } from 'bullmq';
import { RECORD_EVENTS_QUEUE, RecordEvents, SETTLEMENT_LANES } from '@app/acceptance';
import type { AppProcess } from '../../scripts/infra';
import {
  ApiError,
  createActors,
  draftOrder,
  eventually,
  listSolution,
  orderMoney,
  reconciliation,
  signRecord,
  startSystem,
  startWorkers,
  uploadRound,
  vendorPaid,
  type Actors,
  type OrderTermsShape,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(240_000);

const PRICE = 600_000_000n;
/** Readings 40 and 44 against baseline 30 and target 45: 80 % attainment. */
const EARNED = 480_000_000n;
const WORKERS = 20;
/**
 * Twenty workers as 4 processes × 5 concurrent jobs, each job on its own database connection: booting twenty
 * processes takes minutes on the 2-core CI machine, and the contention happens in the database either way.
 */
const PROCESSES = 4;
const AFFORDABLE = 12;

/**
 * Reliability: contention on one order and on one agency's budget. Twenty signings race for a budget that covers
 * twelve; twenty workers settle the agency's orders, then the same order, at the same moment. Each
 * round must be paid exactly once, the budget never overdrawn, and the ledger must still sum to zero.
 */
describe('reliability: 20 concurrent workers on one order and one agency budget', () => {
  let system: TestSystem;
  let a: Actors;
  let queue: Queue;
  let solutionId: string;
  let fleet: AppProcess[] = [];
  let reserved: string[] = [];

  beforeAll(async () => {
    // Enough connections for every concurrent signature to hold its own transaction.
    system = await startSystem({ apiEnv: { DB_POOL_SIZE: String(WORKERS + 4) } });
    a = await createActors(system.admin, 'concurrent');
    solutionId = await listSolution(a);
    queue = new Queue(RECORD_EVENTS_QUEUE, {
      connection: { url: system.env.REDIS_URL },
      prefix: system.env.QUEUE_PREFIX,
    });
  });
  afterAll(async () => {
    await Promise.allSettled(fleet.map((w) => w.stop()));
    await queue?.close();
    await system?.stop();
  });

  const budget = async () => BigInt((await a.buyer.get<{ available: string }>(`/budgets/${a.agencyOrgId}`)).available);

  /** Jobs still to run, summed over the states a job waits or runs in. */
  const queued = async () => {
    const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  };

  const unpublished = async () =>
    Number((await system.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM platform.outbox_pending')).rows[0].n);

  /** Settlement jobs wait in the paused queue until all of them are there, then every worker grabs one at once. */
  async function releaseAtOnce(extraJobs: Array<{ orderId: string; copy: number }>): Promise<void> {
    await eventually(async () => ((await unpublished()) === 0 ? true : undefined), 'outbox published');
    await queue.addBulk(
      extraJobs.map(({ orderId, copy }) => ({
        name: RecordEvents.payable,
        data: { orderId, roundNo: 1 },
        opts: { jobId: `concurrent-${copy}-${orderId}` },
      })),
    );
    expect(await queue.getJobCountByTypes('wait')).toBeGreaterThanOrEqual(WORKERS);
    await queue.resume();
    await eventually(async () => ((await queued()) === 0 ? true : undefined), 'queue drained', 60_000);
  }

  const deadlocks = () => fleet.filter((w) => w.output().includes('deadlock detected')).length;

  it('20 signings race for a budget that covers 12: the others get INSUFFICIENT_BUDGET, never an overdraft', async () => {
    await a.admin.post(`/budgets/${a.agencyOrgId}/allocations`, {
      amount: String(PRICE * BigInt(AFFORDABLE)),
      reference: 'QĐ-20/2026',
    });
    // Drafted side by side, each offer must still reach its call before the call's deadline on a busy machine.
    const drafts = await Promise.all(
      Array.from({ length: WORKERS }, () => draftOrder(a, { solutionId, price: '600000000', callWindowMs: 8_000 })),
    );
    const orderIds = drafts.map((d) => d.orderId);
    const hashes = new Map<string, string>();
    for (const orderId of orderIds) {
      const order = await a.buyer.get<OrderTermsShape>(`/orders/${orderId}`);
      hashes.set(orderId, order.termsHash);
      await a.buyer.post(`/orders/${orderId}/signatures`, { termsHash: order.termsHash });
    }

    const seen: bigint[] = [];
    let racing = true;
    const sampler = (async () => {
      while (racing) seen.push(await budget());
    })();
    const results = await Promise.allSettled(
      orderIds.map((orderId) =>
        a.vendor.post<OrderTermsShape>(`/orders/${orderId}/signatures`, { termsHash: hashes.get(orderId) }),
      ),
    );
    racing = false;
    await sampler;

    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(refused.map((e) => (e instanceof ApiError ? `${e.status} ${e.body.code}` : String(e)))).toEqual(
      Array(WORKERS - AFFORDABLE).fill('422 ORDERING.INSUFFICIENT_BUDGET'),
    );
    reserved = orderIds.filter((_, i) => results[i].status === 'fulfilled');
    expect(reserved).toHaveLength(AFFORDABLE);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((available) => available >= 0n)).toBe(true);
    expect(await budget()).toBe(0n);
    for (const orderId of orderIds) {
      const money = await orderMoney(a, orderId);
      expect(money).toMatchObject(
        reserved.includes(orderId)
          ? { status: 'ACTIVE', escrowBalance: String(PRICE) }
          : { status: 'DRAFT', escrowBalance: '0' },
      );
    }
    expect(await reconciliation(a.admin)).toMatchObject({ ok: true, totalBalance: '0' });
  });

  it("20 workers in 4 processes settle the agency's orders at the same moment: each round paid once", async () => {
    expect(reserved).toHaveLength(AFFORDABLE);
    const paidBefore = await vendorPaid(system, a.vendorOrgId);
    await Promise.all(reserved.map((orderId) => uploadRound(a, orderId, 1, ['40', '44'])));
    await Promise.all(
      reserved.map((orderId) =>
        eventually(
          async () =>
            (await a.officer.get<unknown[]>(`/orders/${orderId}/acceptance-records`)).length ? true : undefined,
          'acceptance record',
        ),
      ),
    );

    // Payable rounds pile up while nobody settles; then twenty workers start on them together.
    await system.worker.stop();
    await queue.pause();
    await Promise.all(reserved.map((orderId) => signRecord(a, orderId, 1)));
    fleet = await startWorkers(system, PROCESSES, {
      WORKER_CONCURRENCY: String(WORKERS / PROCESSES),
      DB_POOL_SIZE: String(WORKERS / PROCESSES + 2),
      OUTBOX_POLL_MS: '200',
    });
    // The twelve payable rounds queue at most one settlement job per lane: whichever runs settles them all.
    await eventually(async () => ((await unpublished()) === 0 ? true : undefined), 'outbox published');
    expect(await queue.getJobCountByTypes('wait')).toBeLessThanOrEqual(SETTLEMENT_LANES);
    await releaseAtOnce(
      Array.from({ length: WORKERS }, (_, copy) => ({ orderId: reserved[copy % reserved.length], copy })),
    );

    for (const orderId of reserved) {
      expect(await orderMoney(a, orderId)).toEqual({
        status: 'CLOSED',
        escrowBalance: '0',
        settlements: [{ roundNo: 1, amount: String(EARNED) }],
      });
    }
    expect(await vendorPaid(system, a.vendorOrgId)).toBe(paidBefore + EARNED * BigInt(AFFORDABLE));
    // Each closed order returned its unearned remainder to the one budget they all share.
    expect(await budget()).toBe((PRICE - EARNED) * BigInt(AFFORDABLE));
    expect(await queue.getJobCountByTypes('failed')).toBe(0);
    expect(deadlocks()).toBe(0);
    expect(await reconciliation(a.admin)).toMatchObject({ ok: true, totalBalance: '0' });
  });

  it('20 workers in 4 processes receive the settlement of the same order at once: it is paid once', async () => {
    expect(fleet).toHaveLength(PROCESSES);
    await a.admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: String(PRICE), reference: 'QĐ-21/2026' });
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000' });
    const order = await a.buyer.get<OrderTermsShape>(`/orders/${orderId}`);
    await a.buyer.post(`/orders/${orderId}/signatures`, { termsHash: order.termsHash });
    await a.vendor.post(`/orders/${orderId}/signatures`, { termsHash: order.termsHash });
    await uploadRound(a, orderId, 1, ['40', '44']);
    await eventually(
      async () => ((await a.officer.get<unknown[]>(`/orders/${orderId}/acceptance-records`)).length ? true : undefined),
      'acceptance record',
    );
    const paidBefore = await vendorPaid(system, a.vendorOrgId);
    const budgetBefore = await budget();

    await queue.pause();
    await signRecord(a, orderId, 1);
    await releaseAtOnce(Array.from({ length: WORKERS - 1 }, (_, copy) => ({ orderId, copy })));

    expect(await orderMoney(a, orderId)).toEqual({
      status: 'CLOSED',
      escrowBalance: '0',
      settlements: [{ roundNo: 1, amount: String(EARNED) }],
    });
    expect(await vendorPaid(system, a.vendorOrgId)).toBe(paidBefore + EARNED);
    expect(await budget()).toBe(budgetBefore + PRICE - EARNED);
    expect(await queue.getJobCountByTypes('failed')).toBe(0);
    expect(deadlocks()).toBe(0);
    expect(await reconciliation(a.admin)).toMatchObject({ ok: true, totalBalance: '0' });
  });
});
