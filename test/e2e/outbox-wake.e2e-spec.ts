import {
  draftOrder,
  eventually,
  fundedActors,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(180_000);

/**
 * A relay polls the outbox only every OUTBOX_POLL_MS; a commit that queued work is announced to it at once. With a
 * poll interval of an hour, only the announcements can carry the round's evaluation and payment to the worker.
 */
describe('outbox announcements', () => {
  let system: TestSystem;

  beforeAll(async () => {
    // The sweepers, which would also find the due work, wait an hour too.
    const hour = String(3_600_000);
    system = await startSystem({ workerEnv: { OUTBOX_POLL_MS: hour, SWEEP_INTERVAL_MS: hour } });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('a relay that polls once an hour publishes queued work as soon as it is committed', async () => {
    const { a, solutionId } = await fundedActors(system.admin, 'outbox-wake');
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000', callWindowMs: 1000 });
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['40', '44']);
    // The evaluation job reaches the worker only through the outbox; the record it writes is what the officer signs.
    const record = await signRecord(a, orderId, 1, a.officer, 30_000);
    expect(record.status).toBe('PAYABLE'); // no dispute window in these terms
    // The release queues the payment, through the outbox again.
    const settled = await eventually(
      async () => (await a.vendor.get<Array<{ roundNo: number }>>(`/orders/${orderId}/settlements`))[0],
      'round 1 paid',
      30_000,
    );
    expect(settled.roundNo).toBe(1);
  });
});
