import request from 'supertest';
import { freePort, startApi, type AppProcess } from '../../scripts/infra';
import { eventually, startSystem, type TestSystem } from '@app/test-support';

jest.setTimeout(180_000);

/** Excess load is told to come back at once (503 with Retry-After) instead of waiting 30 s for a connection. */
describe('load shedding', () => {
  let system: TestSystem;
  let api: AppProcess;
  let url: string;
  let token: string;

  beforeAll(async () => {
    system = await startSystem();
    const port = await freePort();
    // One pooled connection, and shedding as soon as a second request waits for it.
    api = await startApi({
      ...system.env,
      API_PORT: String(port),
      DB_POOL_SIZE: '1',
      API_MAX_WAITING_FOR_CONNECTION: '1',
    });
    url = `http://127.0.0.1:${port}`;
    token = (system.admin as unknown as { token: string }).token;
  });
  afterAll(async () => {
    await api?.stop();
    await system?.stop();
  });

  const organisations = () => request(url).get('/organisations').set('authorization', `Bearer ${token}`);

  it('refuses requests past capacity with 503 PLATFORM.OVERLOADED and Retry-After, losing none it accepted', async () => {
    await organisations().expect(200);
    const blocker = await system.db.pool.connect();
    try {
      // Hold the table the list reads: the first request keeps the only connection, the next ones queue for it.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE identity.organisations IN ACCESS EXCLUSIVE MODE');
      const sent = Array.from({ length: 4 }, () =>
        organisations().then((r) => (r.status === 503 ? (r.body as { code: string }).code : r.status)),
      );
      // A probe that got in before the pressure was measured waits in the queue too: give up on it and probe again.
      const refused = await eventually(async () => {
        const response = await organisations()
          .timeout(2000)
          .catch(() => undefined);
        return response?.status === 503 ? response : undefined;
      }, 'a request refused for overload');
      expect(refused.body).toEqual({
        statusCode: 503,
        code: 'PLATFORM.OVERLOADED',
        message: expect.stringMatching(/^Hệ thống đang quá tải.* \/ The system is overloaded/),
        details: { retryAfterSeconds: 1, pressure: 'healthCheck' },
        requestId: expect.any(String),
      });
      expect(refused.headers['retry-after']).toBe('1');

      await blocker.query('COMMIT');
      // Those that got in are answered once the table is free; any sent after the pressure was seen were refused.
      const answers = await Promise.all(sent);
      expect(answers).toContain(200);
      for (const answer of answers) expect([200, 'PLATFORM.OVERLOADED']).toContain(answer);
    } finally {
      blocker.release();
    }
    await eventually(async () => ((await organisations()).status === 200 ? true : undefined), 'capacity again');
  });
});
