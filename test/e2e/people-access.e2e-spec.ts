import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { freePort, startApi, type AppProcess } from '../../scripts/infra';
import {
  ApiError,
  createActors,
  draftOrder,
  fundedActors,
  type Actors,
  type MarketplaceClient,
  PASSWORD,
  startSystem,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(300_000);

const METRICS_TOKEN = randomBytes(32).toString('hex');
const PUBLIC_BASE_URL = 'https://cho.hanoi.example.vn';

async function refusal(call: Promise<unknown>): Promise<{ status: number; code?: string }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: error.status, code: error.body.code };
}

/** Issue 11 part 3: the operator's hold over people and the surfaces that were too open. */
describe('people and access', () => {
  let system: TestSystem;
  let a: Actors;

  beforeAll(async () => {
    system = await startSystem({ apiEnv: { METRICS_TOKEN, PUBLIC_BASE_URL } });
    a = await createActors(system.admin, 'people');
  });
  afterAll(() => system?.stop());

  const userIdOf = async (client: MarketplaceClient) => (await client.get<{ userId: string }>('/me')).userId;
  const auditActions = async (userId: string) =>
    (
      await system.db.pool.query<{ action: string; actor_user_id: string; after: Record<string, unknown> }>(
        `SELECT action, actor_user_id, after FROM audit.events WHERE entity_type = 'user' AND entity_id = $1
          ORDER BY seq`,
        [userId],
      )
    ).rows;

  it('disables a user whose token stops working at once, refuses their login, and enables them again', async () => {
    const email = `khoa-${randomBytes(3).toString('hex')}@soxaydung.hanoi.gov.vn`;
    await a.admin.post(`/organisations/${a.agencyOrgId}/users`, {
      email,
      fullName: 'Vũ Thị Lan',
      password: PASSWORD,
      roles: ['BUYER'],
    });
    const buyer = a.admin.as(await a.admin.login(email, PASSWORD));
    const userId = await userIdOf(buyer);
    const admin = await userIdOf(a.admin);

    const disabled = await a.admin.post<{ disabledAt: string | null }>(`/users/${userId}/disable`, {
      reason: 'Chuyển công tác',
    });
    expect(disabled.disabledAt).not.toBeNull();
    expect(await refusal(buyer.get('/me'))).toEqual({ status: 401, code: 'IDENTITY.SESSION_REVOKED' });
    expect(await refusal(a.admin.login(email, PASSWORD))).toEqual({ status: 403, code: 'IDENTITY.USER_DISABLED' });
    expect(await refusal(a.admin.login(email, 'mat-khau-sai-hoan-toan'))).toEqual({
      status: 401,
      code: 'IDENTITY.INVALID_CREDENTIALS',
    });

    await a.admin.post(`/users/${userId}/enable`);
    const again = a.admin.as(await a.admin.login(email, PASSWORD));
    expect(await again.get('/me')).toMatchObject({ userId, roles: ['BUYER'] });
    // The token from before the disabling stays dead: enabling does not revive old sessions.
    expect(await refusal(buyer.get('/me'))).toEqual({ status: 401, code: 'IDENTITY.SESSION_REVOKED' });

    expect(await auditActions(userId)).toEqual([
      expect.objectContaining({ action: 'created' }),
      expect.objectContaining({
        action: 'disabled',
        actor_user_id: admin,
        after: expect.objectContaining({ reason: 'Chuyển công tác' }),
      }),
      expect.objectContaining({ action: 'enabled', actor_user_id: admin }),
    ]);
  });

  it('changes roles (old tokens revoked, misfits and self-changes refused) and resets a password', async () => {
    const officerId = await userIdOf(a.officer);
    const changed = await a.admin.request<{ roles: string[] }>('PUT', `/users/${officerId}/roles`, {
      roles: ['BUYER', 'ACCEPTANCE_OFFICER'],
    });
    expect(changed.roles).toEqual(['ACCEPTANCE_OFFICER', 'BUYER']);
    expect(await refusal(a.officer.get('/me'))).toEqual({ status: 401, code: 'IDENTITY.SESSION_REVOKED' });
    const officerEmail = (
      await a.admin.get<Array<{ id: string; email: string }>>(`/organisations/${a.agencyOrgId}/users`)
    ).find((u) => u.id === officerId)!.email;
    const officer = a.admin.as(await a.admin.login(officerEmail, PASSWORD));
    expect((await officer.get<{ roles: string[] }>('/me')).roles).toEqual(['ACCEPTANCE_OFFICER', 'BUYER']);

    expect(await refusal(a.admin.request('PUT', `/users/${officerId}/roles`, { roles: ['OPERATOR_ADMIN'] }))).toEqual({
      status: 400,
      code: 'IDENTITY.ROLE_NOT_ALLOWED_FOR_ORGANISATION',
    });
    const adminId = await userIdOf(a.admin);
    expect(await refusal(a.admin.post(`/users/${adminId}/disable`, { reason: 'thử tự khoá' }))).toEqual({
      status: 409,
      code: 'IDENTITY.CANNOT_CHANGE_OWN_ACCESS',
    });
    expect(await refusal(officer.post(`/users/${officerId}/password`, { password: 'mat-khau-moi-2026!' }))).toEqual({
      status: 403,
      code: 'IDENTITY.FORBIDDEN_ROLE',
    });

    await a.admin.post(`/users/${officerId}/password`, { password: 'mat-khau-moi-2026!' });
    expect(await refusal(officer.get('/me'))).toEqual({ status: 401, code: 'IDENTITY.SESSION_REVOKED' });
    expect(await refusal(a.admin.login(officerEmail, PASSWORD))).toMatchObject({ status: 401 });
    const renewed = a.admin.as(await a.admin.login(officerEmail, 'mat-khau-moi-2026!'));
    expect(await renewed.get('/me')).toMatchObject({ userId: officerId });

    const audit = await auditActions(officerId);
    expect(audit.map((e) => e.action)).toEqual(['created', 'roles_changed', 'password_reset']);
    expect(JSON.stringify(audit)).not.toMatch(/argon2|mat-khau/);
  });

  describe('login throttling shared by two API processes', () => {
    const apis: AppProcess[] = [];
    const urls: string[] = [];
    const tag = randomBytes(3).toString('hex');
    const emails = [`thu-${tag}@soxaydung.hanoi.gov.vn`, `dong-nghiep-${tag}@soxaydung.hanoi.gov.vn`];

    beforeAll(async () => {
      for (const email of emails) {
        await a.admin.post(`/organisations/${a.agencyOrgId}/users`, {
          email,
          fullName: 'Đinh Công Minh',
          password: PASSWORD,
          roles: ['BUYER'],
        });
      }
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        apis.push(
          await startApi({
            ...system.env,
            API_PORT: String(port),
            AUTH_RATE_LIMIT_PER_MINUTE: '6',
            LOGIN_FAILURES_BEFORE_BACKOFF: '3',
            LOGIN_BACKOFF_BASE_SECONDS: '60',
            // The second process sits behind a proxy on this machine; the first is reached directly.
            TRUST_PROXY: i === 1 ? 'loopback' : '',
          }),
        );
        urls.push(`http://127.0.0.1:${port}`);
      }
      // Failed logins of the tests above came from this same address.
      await system.db.pool.query(`DELETE FROM identity.login_throttles WHERE key LIKE 'ip:%'`);
    });
    afterAll(async () => {
      await Promise.all(apis.map((api) => api.stop()));
      // The address these tests blocked is the one every other test logs in from.
      await system.db.pool.query(`DELETE FROM identity.login_throttles WHERE key LIKE 'ip:%'`);
    });

    const login = (i: number, email: string, password: string) =>
      request(urls[i % 2])
        .post('/auth/login')
        .send({ email, password });

    it('blocks an account after repeated failures with a doubling wait, not its colleagues behind the same address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await login(i, emails[0], 'sai-mat-khau')).status);
      expect(statuses).toEqual([401, 401, 401]);

      const blocked = await login(3, emails[0], PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({
        statusCode: 429,
        code: 'IDENTITY.RATE_LIMITED',
        message: expect.stringMatching(/^Quá nhiều lần đăng nhập sai.* \/ Too many failed logins/),
        details: { retryAfterSeconds: expect.any(Number) },
        requestId: expect.any(String),
      });
      const firstWait = Number(blocked.headers['retry-after']);
      expect(firstWait).toBeGreaterThan(50);
      expect(firstWait).toBeLessThanOrEqual(60);
      expect((await login(4, emails[1], PASSWORD)).status).toBe(200);

      // The wait runs out (moved into the past rather than slept through); the next failure doubles it.
      await system.db.pool.query(
        `UPDATE identity.login_throttles SET blocked_until = now() - interval '1 second' WHERE key = $1`,
        [`account:${emails[0]}`],
      );
      expect((await login(5, emails[0], 'van-sai-mat-khau')).status).toBe(401);
      const doubled = await login(6, emails[0], PASSWORD);
      expect(doubled.status).toBe(429);
      expect(Number(doubled.headers['retry-after'])).toBeGreaterThan(110);

      await system.db.pool.query(`DELETE FROM identity.login_throttles WHERE key = $1`, [`account:${emails[0]}`]);
      expect((await login(7, emails[0], PASSWORD)).status).toBe(200);
    });

    it('caps failures from one address across processes', async () => {
      await system.db.pool.query(`DELETE FROM identity.login_throttles WHERE key LIKE 'ip:%'`);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push((await login(i, `khach-${i}-${tag}@example.vn`, 'sai-mat-khau')).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
      const refused = await login(7, emails[1], PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    });

    it('counts the client X-Forwarded-For names only behind a trusted proxy', async () => {
      const failFrom = (i: number, client: string) =>
        request(urls[i])
          .post('/auth/login')
          .set('x-forwarded-for', client)
          .send({ email: `khach-xff-${client}-${tag}@example.vn`, password: 'sai-mat-khau' });
      await system.db.pool.query(`DELETE FROM identity.login_throttles WHERE key LIKE 'ip:%'`);
      const behindProxy: number[] = [];
      for (let c = 0; c < 7; c++) behindProxy.push((await failFrom(1, `203.0.113.${c}`)).status);
      expect(behindProxy).toEqual(Array(7).fill(401));
      const { rows } = await system.db.pool.query<{ key: string }>(
        `SELECT key FROM identity.login_throttles WHERE key LIKE 'ip:%' ORDER BY key`,
      );
      expect(rows.map((r) => r.key)).toEqual([0, 1, 2, 3, 4, 5, 6].map((c) => `ip:203.0.113.${c}`));

      // Reached directly, the header is the client's own claim: every attempt counts against the real address.
      const direct: number[] = [];
      for (let c = 0; c < 7; c++) direct.push((await failFrom(0, `198.51.100.${c}`)).status);
      expect(direct).toEqual([401, 401, 401, 401, 401, 401, 429]);
      await system.db.pool.query(`DELETE FROM identity.login_throttles WHERE key LIKE 'ip:%'`);
    });

    it('forgets day-old counts that block nothing, keeping those still blocking', async () => {
      await system.db.pool.query(
        `INSERT INTO identity.login_throttles (key, failures, window_started_at, blocked_until) VALUES
           ('ip:192.0.2.1', 3, now() - interval '2 days', NULL),
           ('account:cu-${tag}@example.vn', 9, now() - interval '2 days', now() - interval '1 day'),
           ('account:con-chan-${tag}@example.vn', 30, now() - interval '2 days', now() + interval '1 hour')`,
      );
      expect((await login(0, `khach-moi-${tag}@example.vn`, 'sai-mat-khau')).status).toBe(401);
      const { rows } = await system.db.pool.query<{ key: string }>(
        `SELECT key FROM identity.login_throttles WHERE key = ANY($1) ORDER BY key`,
        [['ip:192.0.2.1', `account:cu-${tag}@example.vn`, `account:con-chan-${tag}@example.vn`]],
      );
      expect(rows.map((r) => r.key)).toEqual([`account:con-chan-${tag}@example.vn`]);
      await system.db.pool.query(`DELETE FROM identity.login_throttles WHERE key LIKE 'ip:%'`);
    });
  });

  it('serves /metrics only to the scraper holding METRICS_TOKEN', async () => {
    const anonymous = await request(system.url).get('/metrics').expect(401);
    expect(anonymous.body).toMatchObject({ code: 'IDENTITY.UNAUTHENTICATED', requestId: expect.any(String) });
    await request(system.url).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}x`).expect(401);
    const adminToken = (a.admin as unknown as { token: string }).token;
    await request(system.url).get('/metrics').set('authorization', `Bearer ${adminToken}`).expect(401);
    const scraped = await request(system.url)
      .get('/metrics')
      .set('authorization', `Bearer ${METRICS_TOKEN}`)
      .expect(200);
    expect(scraped.text).toContain('http_request_duration_seconds');
  });

  describe('with orders', () => {
    let funded: { a: Actors; solutionId: string };
    const orders: Array<{ orderId: string; problemId: string; callId: string }> = [];

    beforeAll(async () => {
      funded = await fundedActors(system.admin, 'orders');
      for (const price of ['100000000', '120000000', '140000000']) {
        orders.push(await draftOrder(funded.a, { solutionId: funded.solutionId, price }));
      }
    });

    it('pages GET /orders by cursor, newest first, with filters and organisation scope', async () => {
      type OrderPage = { items: Array<{ id: string; status: string }>; nextCursor: string | null };
      const newestFirst = [...orders].reverse().map((o) => o.orderId);
      const first = await funded.a.buyer.get<OrderPage>('/orders?limit=2');
      expect(first.items.map((o) => o.id)).toEqual(newestFirst.slice(0, 2));
      const second = await funded.a.buyer.get<OrderPage>(
        `/orders?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
      );
      expect(second).toEqual({ items: [expect.objectContaining({ id: newestFirst[2] })], nextCursor: null });

      const byProblem = await system.admin.get<OrderPage>(`/orders?problemId=${orders[1].problemId}`);
      expect(byProblem.items.map((o) => o.id)).toEqual([orders[1].orderId]);
      const drafts = await system.admin.get<OrderPage>(
        `/orders?status=DRAFT&vendorOrganisationId=${funded.a.vendorOrgId}&limit=200`,
      );
      expect(drafts.items.map((o) => o.id).sort()).toEqual([...newestFirst].sort());
      expect(
        (await system.admin.get<OrderPage>(`/orders?status=ACTIVE&vendorOrganisationId=${funded.a.vendorOrgId}`)).items,
      ).toEqual([]);
      // Another agency's buyer asking for this vendor's orders still sees only their own (none).
      expect((await a.buyer.get<OrderPage>(`/orders?vendorOrganisationId=${funded.a.vendorOrgId}`)).items).toEqual([]);

      expect(await refusal(system.admin.get('/orders?cursor=bm90LWEtY3Vyc29y'))).toEqual({
        status: 400,
        code: 'ORDERING.INVALID_CURSOR',
      });
      expect(await refusal(system.admin.get('/orders?status=NONSENSE'))).toMatchObject({ status: 400 });
    });

    it('shows buyers the vendor name and tax code on offers and in the catalogue', async () => {
      const vendor = (
        await system.admin.get<Array<{ id: string; name: string; taxCode: string | null }>>('/organisations')
      ).find((o) => o.id === funded.a.vendorOrgId)!;
      expect(vendor.taxCode).toMatch(/^\d{10}$/);
      const identity = { vendorOrganisationId: vendor.id, vendorName: vendor.name, vendorTaxCode: vendor.taxCode };
      const offers = await funded.a.buyer.get<object[]>(`/calls/${orders[0].callId}/offers`);
      expect(offers).toEqual([expect.objectContaining(identity)]);
      const search = await request(system.url).get('/catalog/search?category=giao-thong&limit=100').expect(200);
      expect(search.body.items).toContainEqual(expect.objectContaining({ id: funded.solutionId, ...identity }));
      const solution = await request(system.url).get(`/solutions/${funded.solutionId}`).expect(200);
      expect(solution.body).toMatchObject(identity);
    });

    it('builds OCDS package URIs from PUBLIC_BASE_URL whatever Host the request names', async () => {
      const ocid = `ocds-hnccds-${orders[0].callId}`;
      const one = await request(system.url)
        .get(`/public/ocds/packages/${ocid}`)
        .set('host', 'ke-gia-mao.example')
        .expect(200);
      expect(one.body.uri).toBe(`${PUBLIC_BASE_URL}/public/ocds/packages/${ocid}`);
      const bulk = await request(system.url).get('/public/ocds/packages').set('host', 'ke-gia-mao.example').expect(200);
      expect(bulk.text).not.toContain('ke-gia-mao');
      expect(bulk.text).toContain(`${PUBLIC_BASE_URL}/public/ocds/packages/${ocid}`);
    });
  });
});
