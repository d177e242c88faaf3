import { randomBytes } from 'node:crypto';
import { createActors, PASSWORD, refusal, startSystem, type Actors, type TestSystem } from '@app/test-support';

jest.setTimeout(300_000);

/** The job queues' board (bull-board) opens by navigation, so it trusts a short-lived operator ticket cookie. */
describe('job queues board', () => {
  let system: TestSystem;
  let a: Actors;

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'board');
  });
  afterAll(() => system?.stop());

  const board = (path: string, cookie?: string) =>
    fetch(`${system.url}/ops/queues${path}`, { headers: cookie ? { cookie, accept: 'text/html' } : {} });
  const openBoard = (token: string) =>
    fetch(`${system.url}/ops/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

  it('answers 401 without a ticket and refuses a ticket to every role but the operator admin', async () => {
    const anonymous = await board('');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      code: 'IDENTITY.UNAUTHENTICATED',
      message: expect.stringContaining(' / '),
    });
    expect((await board('/api/queues', 'ccds_queue_board=forged')).status).toBe(401);
    for (const other of [a.vendor, a.buyer, a.officer, a.assessor, a.city])
      expect(await refusal(other.post('/ops/queues/session'))).toEqual({
        status: 403,
        code: 'IDENTITY.FORBIDDEN_ROLE',
      });
    expect((await fetch(`${system.url}/ops/queues/session`, { method: 'POST' })).status).toBe(401);
  });

  it('shows the queues to an operator with a ticket, and cuts them off the moment they are disabled', async () => {
    const email = `vanhanh-${randomBytes(3).toString('hex')}@sokhcn.hanoi.gov.vn`;
    const operator = await a.admin.post<{ id: string }>(`/organisations/${a.operatorOrgId}/users`, {
      email,
      fullName: 'Lý Thanh Tùng',
      password: PASSWORD,
      roles: ['OPERATOR_ADMIN'],
    });
    const token = await system.client.login(email, PASSWORD);
    const opened = await openBoard(token);
    expect(opened.status).toBe(200);
    expect(await opened.json()).toEqual({ path: '/ops/queues', expiresAt: expect.any(String) });
    const setCookie = opened.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ccds_queue_board=[^;]+; Path=\/ops\/queues; Max-Age=600; HttpOnly; SameSite=Strict/);
    const cookie = setCookie.split(';')[0];

    const page = await board('', cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const queues = await board('/api/queues', cookie);
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['acceptance', 'ranking', 'webhook-deliveries']));

    // The ticket and the access token do not stand in for each other.
    expect((await board('/api/queues', `ccds_queue_board=${token}`)).status).toBe(401);
    const ticket = cookie.split('=').slice(1).join('=');
    expect((await fetch(`${system.url}/me`, { headers: { authorization: `Bearer ${ticket}` } })).status).toBe(401);

    await a.admin.post(`/users/${operator.id}/disable`, { reason: 'Chuyển công tác khác.' });
    const after = await board('/api/queues', cookie);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'IDENTITY.SESSION_REVOKED' });
  });
});
