import { createHash } from 'node:crypto';
import request from 'supertest';
import { freePort, startApi } from '../../scripts/infra';
import {
  createActors,
  eventually,
  type Actors,
  type Created,
  type TestSystem,
  startSystem,
  MarketplaceClient,
  PASSWORD,
} from '@app/test-support';

jest.setTimeout(180_000);

type Operation = { 'x-access'?: string[] };
const ROLE_LESS = 'NONE';
const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

/** Every route × every role × no credentials: the documented access rule is the enforced one. */
describe('access control and the error format', () => {
  let system: TestSystem;
  let a: Actors;
  let tokens: Record<string, string | undefined>;

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'access');
    const funderOrg = await a.admin.post<Created>('/organisations', {
      type: 'FUNDER',
      name: 'Quỹ Đổi mới sáng tạo Hà Nội',
    });
    await a.admin.post(`/organisations/${funderOrg.id}/users`, {
      email: 'funder@quydmst.vn',
      fullName: 'Đỗ Thị Hà',
      password: PASSWORD,
      roles: ['FUNDER'],
    });
    const token = (c: MarketplaceClient) => (c as unknown as { token: string }).token;
    tokens = {
      OPERATOR_ADMIN: token(a.admin),
      VENDOR: token(a.vendor),
      BUYER: token(a.buyer),
      ACCEPTANCE_OFFICER: token(a.officer),
      ASSESSOR: token(a.assessor),
      CITY_VIEWER: token(a.city),
      FUNDER: await system.client.login('funder@quydmst.vn', PASSWORD),
      [ROLE_LESS]: undefined,
    };
  });
  afterAll(() => system?.stop());

  it('walks every documented route with every role and without credentials', async () => {
    const { body: document } = await request(system.url).get('/openapi.json').expect(200);
    const paths = document.paths as Record<string, Record<string, Operation>>;
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const access = operation['x-access'];
        expect({ route: `${method} ${path}`, access }).toEqual({
          route: `${method} ${path}`,
          access: expect.any(Array),
        });
        const url = path.replace(/\{roundNo\}/g, '1').replace(/\{[^}]+\}/g, ZERO_UUID);
        for (const [role, token] of Object.entries(tokens)) {
          let call = request(system.url)[method as 'get'](url);
          if (token) call = call.set('authorization', `Bearer ${token}`);
          const response = await (method === 'get' || method === 'delete' ? call : call.send({}));
          const verdict = { route: `${method} ${path}`, role, status: response.status, code: response.body?.code };
          const allowed = access!.includes('PUBLIC') || access!.includes('ANY') || access!.includes(role);
          if (access!.includes('PUBLIC')) {
            expect([401, 403]).not.toContain(verdict.status);
          } else if (!token) {
            expect(verdict).toEqual({ ...verdict, status: 401, code: 'IDENTITY.UNAUTHENTICATED' });
          } else if (allowed) {
            expect(verdict.status).not.toBe(401);
            expect(verdict).not.toEqual({ ...verdict, code: 'IDENTITY.FORBIDDEN_ROLE' });
          } else {
            expect(verdict).toEqual({ ...verdict, status: 403, code: 'IDENTITY.FORBIDDEN_ROLE' });
          }
          expect({ ...verdict, serverError: response.status >= 500 }).toEqual({ ...verdict, serverError: false });
        }
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(25);
  });

  it('answers every failure in one format, naming the field and never leaking a stack', async () => {
    const unknownField = await request(system.url)
      .post('/organisations')
      .set('authorization', `Bearer ${tokens.OPERATOR_ADMIN}`)
      .send({ type: 'VENDOR', name: 'Công ty A', secretField: 1 })
      .expect(400);
    expect(unknownField.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION.FAILED',
      message: expect.stringContaining('secretField'),
      details: [
        { field: 'secretField', problems: ['Trường này không được gửi / property secretField should not exist'] },
      ],
      requestId: expect.any(String),
    });
    const badTaxCode = await request(system.url)
      .post('/organisations')
      .set('authorization', `Bearer ${tokens.OPERATOR_ADMIN}`)
      .send({ type: 'VENDOR', name: 'Công ty B', taxCode: '0100109107' })
      .expect(400);
    expect(badTaxCode.body).toMatchObject({ code: 'IDENTITY.INVALID_TAX_CODE', details: { field: 'taxCode' } });
    const malformed = await request(system.url)
      .post('/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'HTTP.BAD_REQUEST', requestId: expect.any(String) });
    const missing = await request(system.url).get('/no-such-route').set('x-request-id', 'trace-123').expect(404);
    expect(missing.body).toMatchObject({ code: 'HTTP.ROUTE_NOT_FOUND', requestId: 'trace-123' });
    expect(missing.headers['x-request-id']).toBe('trace-123');
    for (const response of [unknownField, badTaxCode, malformed, missing])
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('authenticates machine clients with revocable API keys stored only as a hash', async () => {
    const issued = await a.admin.post<{ id: string; key: string }>(`/organisations/${a.agencyOrgId}/api-keys`, {
      role: 'ACCEPTANCE_OFFICER',
      name: 'Hệ thống camera',
    });
    const me = await request(system.url).get('/me').set('x-api-key', issued.key).expect(200);
    expect(me.body).toMatchObject({
      organisationId: a.agencyOrgId,
      roles: ['ACCEPTANCE_OFFICER'],
      apiKeyId: issued.id,
    });
    const { rows } = await system.db.pool.query<{ key_hash: string }>(
      'SELECT key_hash FROM identity.api_keys WHERE id = $1',
      [issued.id],
    );
    expect(rows[0].key_hash).toBe(createHash('sha256').update(issued.key).digest('hex'));
    const dump = await system.db.pool.query('SELECT * FROM identity.api_keys');
    expect(JSON.stringify(dump.rows)).not.toContain(issued.key);
    await request(system.url)
      .delete(`/api-keys/${issued.id}`)
      .set('authorization', `Bearer ${tokens.OPERATOR_ADMIN}`)
      .expect(200);
    const revoked = await request(system.url).get('/me').set('x-api-key', issued.key).expect(401);
    expect(revoked.body.code).toBe('IDENTITY.INVALID_API_KEY');
  });

  it('logs each request by its id, method, path and status, never with a credential', async () => {
    const issued = await a.admin.post<{ key: string }>(`/organisations/${a.agencyOrgId}/api-keys`, {
      role: 'ACCEPTANCE_OFFICER',
      name: 'Nhật ký',
    });
    const probe = `log-probe-${Date.now()}`;
    await request(system.url).get('/me').set('x-api-key', issued.key).set('x-request-id', `${probe}-key`).expect(200);
    await request(system.url)
      .get('/me')
      .set('authorization', `Bearer ${tokens.BUYER}`)
      .set('cookie', 'ticket=phien-bi-mat')
      .set('x-request-id', `${probe}-token`)
      .expect(200);
    const login = await request(system.url)
      .post('/auth/login')
      .set('x-request-id', `${probe}-login`)
      .send({ email: 'funder@quydmst.vn', password: PASSWORD })
      .expect(200);
    // Log lines are written asynchronously.
    const lines = await eventually(() => {
      const found = system.api
        .output()
        .split('\n')
        .filter((line) => line.includes(probe));
      return Promise.resolve(found.length === 3 ? found : undefined);
    }, 'the three request lines');
    expect(lines.map((line) => JSON.parse(line) as { req: unknown; res: unknown })).toEqual([
      expect.objectContaining({ req: { id: `${probe}-key`, method: 'GET', url: '/me' }, res: { statusCode: 200 } }),
      expect.objectContaining({ req: { id: `${probe}-token`, method: 'GET', url: '/me' }, res: { statusCode: 200 } }),
      expect.objectContaining({
        req: { id: `${probe}-login`, method: 'POST', url: '/auth/login' },
        res: { statusCode: 200 },
      }),
    ]);
    const output = system.api.output();
    const secrets = [
      issued.key,
      tokens.BUYER!,
      'phien-bi-mat',
      PASSWORD,
      (login.body as { accessToken: string }).accessToken,
    ];
    for (const secret of secrets) expect(output).not.toContain(secret);
  });

  it('stores passwords with argon2id and rate-limits login', async () => {
    const { rows } = await system.db.pool.query<{ password_hash: string }>(
      'SELECT password_hash FROM identity.users LIMIT 1',
    );
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const port = await freePort();
    const strictApi = await startApi({ ...system.env, API_PORT: String(port), AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (
            await request(`http://127.0.0.1:${port}`)
              .post('/auth/login')
              .send({ email: 'nobody@example.vn', password: 'wrong' })
          ).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await strictApi.stop();
    }
  });
});
