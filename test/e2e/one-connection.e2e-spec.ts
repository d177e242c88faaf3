import { freePort, startApi, type AppProcess } from '../../scripts/infra';
import { draftOrder, fundedActors, startSystem, type Actors, type TestSystem } from '@app/test-support';

jest.setTimeout(180_000);

/**
 * A use case runs on its transaction's one connection: with a pool of one, a step that asked the pool for a second
 * connection (the vendors' trust lower bound, once read outside the award's transaction) would wait for itself until
 * the connect timeout, and under load every pooled connection would wait that way at once.
 */
describe('a pool of one connection', () => {
  let system: TestSystem;
  let api: AppProcess;
  let url: string;

  beforeAll(async () => {
    system = await startSystem();
    const port = await freePort();
    api = await startApi({ ...system.env, API_PORT: String(port), DB_POOL_SIZE: '1' });
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await api?.stop();
    await system?.stop();
  });

  it('awards a call, scoring its offers with the vendors’ trust, on that one connection', async () => {
    const { a, solutionId } = await fundedActors(system.admin, 'one-connection');
    const onOneConnection: Actors = { ...a, buyer: a.buyer.at(url), vendor: a.vendor.at(url) };
    // Refused with 503 PLATFORM.DEPENDENCY_UNAVAILABLE when the award waits for a second connection.
    const { orderId } = await draftOrder(onOneConnection, { solutionId, price: '600000000', callWindowMs: 1000 });
    expect(await onOneConnection.buyer.get(`/orders/${orderId}`)).toMatchObject({ status: 'DRAFT' });
  });
});
