import request from 'supertest';
import {
  draftOrder,
  fundedActors,
  signBoth,
  startSystem,
  validTaxCode,
  type Actors,
  trafficProblemBody,
  type Created,
  type OrderTermsShape,
  type TestSystem,
  everyPage,
} from '@app/test-support';

jest.setTimeout(300_000);

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const DAY_MS = 86_400_000;

/** Nonsense a client may send is refused with a code; text is stored exactly as it is echoed. */
describe('input hardening', () => {
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;
  const token = (client: unknown) => (client as { token: string }).token;
  const send = (method: 'post' | 'get' | 'put', path: string, who: unknown, body?: unknown) => {
    const agent = request(system.url);
    const call = agent[method](path).set('authorization', `Bearer ${token(who)}`);
    return body === undefined ? call : call.send(body as object);
  };

  const problem = trafficProblemBody;

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'hardening'));
  });
  afterAll(() => system?.stop());

  describe('one text rule for every route', () => {
    it.each([
      ['NUL', 'Công ty \u0000 Số'],
      ['a lone high surrogate', 'Công ty \ud800 Số'],
      ['a lone low surrogate', 'Công ty \udc00 Số'],
      ['a right-to-left override', 'Công ty \u202Egnól'],
      ['a bidi isolate', 'Công ty \u2067Số\u2069'],
      ['only spaces', '     '],
      ['only zero-width characters', '\u200b\u200c\u200d\u2060'],
    ])('refuses a name with %s (400 VALIDATION.INVALID_TEXT)', async (_, name) => {
      const response = await send('post', '/organisations', a.admin, { type: 'AGENCY', name });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION.INVALID_TEXT',
        details: [{ field: 'body.name', problems: [expect.any(String)] }],
      });
    });

    it('checks query strings and nested fields too', async () => {
      const query = await request(system.url).get('/catalog/search?q=%00');
      expect(query.body).toMatchObject({ statusCode: 400, code: 'VALIDATION.INVALID_TEXT' });
      const nested = await send('post', '/problems', a.buyer, problem({}, { dataSource: 'Camera \ud83d' }));
      expect(nested.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION.INVALID_TEXT',
        details: [{ field: 'body.kpis.0.dataSource' }],
      });
    });

    it('stores text exactly as it echoes it, astral characters included', async () => {
      const name = 'Sở Thông tin 🏙️ và Truyền thông — Hà Nội';
      const created = await send('post', '/organisations', a.admin, { type: 'AGENCY', name });
      expect(created.status).toBe(201);
      expect(created.body.name).toBe(name);
      const listed = await everyPage<{ id: string; name: string }>(system.admin, '/organisations?type=AGENCY', 200);
      expect(listed.find((o) => o.id === created.body.id)?.name).toBe(name);
    });
  });

  it('refuses path integers beyond PostgreSQL integer (400, not 500)', async () => {
    const response = await send('post', `/orders/${solutionId}/rounds/${2 ** 31}/disputes`, a.vendor, {
      reason: 'Số liệu đo sai lệch',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION.FAILED', details: [{ field: 'roundNo' }] });
  });

  it('refuses cursors and ids that only look right', async () => {
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const key of [
      [101, '00000000-0000-4000-8000-000000000000'],
      [50, '------------------------------------'],
      [1e300, '00000000-0000-4000-8000-000000000000'],
    ]) {
      const response = await request(system.url).get(`/catalog/search?cursor=${cursor(key)}`);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'CATALOG.INVALID_CURSOR' });
    }
    const ocid = await request(system.url).get(`/public/ocds/packages/ocds-hnccds-${'-'.repeat(36)}`);
    expect(ocid.body).toMatchObject({ statusCode: 404, code: 'TRANSPARENCY.PROCESS_NOT_FOUND' });
    const changes = await request(system.url).get(`/public/changes?cursor=${cursor(['-'.repeat(36)])}`);
    expect(changes.status).toBe(400);
    for (const after of ['not-an-id', '-'.repeat(36)]) {
      const rows = await send('get', `/city/dashboard/rows?set=trialOrders&after=${after}`, a.city);
      expect(rows.body).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED', details: [{ field: 'after' }] });
    }
    const paymentRows = await send('get', `/city/dashboard/rows?set=uploadToPayment&after=x/1`, a.city);
    expect(paymentRows.status).toBe(400);
  });

  describe('problems', () => {
    it.each([
      ['two KPIs with one code', 422, 'PROBLEMS.KPI_CODE_REPEATED', () => problem({ kpis: [...kpis(), ...kpis()] })],
      [
        'a deadline in the past',
        422,
        'PROBLEMS.DEADLINE_PASSED',
        () => problem({ deadline: new Date(Date.now() - 2 * DAY_MS).toISOString().slice(0, 10) }),
      ],
      ['a zero budget envelope', 400, 'VALIDATION.FAILED', () => problem({ budgetEnvelope: '0' })],
      ['an absurd budget envelope', 400, 'VALIDATION.FAILED', () => problem({ budgetEnvelope: '9'.repeat(18) })],
      ['a frequency out of the list', 400, 'VALIDATION.FAILED', () => problem({}, { measurementPeriod: 'xx' })],
      ['a unit that names nothing', 400, 'VALIDATION.FAILED', () => problem({}, { unit: '??' })],
      ['a title of spaces', 400, 'VALIDATION.INVALID_TEXT', () => problem({ titleVi: '      ' })],
    ])('refuses %s', async (_, status, code, body) => {
      const response = await send('post', '/problems', a.buyer, body());
      expect(response.body).toMatchObject({ statusCode: status, code });
    });
    const kpis = () => problem().kpis;
  });

  it('refuses an absurd budget allocation, under the configured bound', async () => {
    const response = await send('post', `/budgets/${a.agencyOrgId}/allocations`, a.admin, {
      amount: '999999999999999999',
      reference: 'QĐ-999/2026',
    });
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION.FAILED',
      details: [{ field: 'amount', problems: [expect.stringContaining('1000000000000000')] }],
    });
  });

  it('refuses a vendor organisation without a tax code', async () => {
    const response = await send('post', '/organisations', a.admin, { type: 'VENDOR', name: 'Công ty Không Thuế' });
    expect(response.body).toMatchObject({ statusCode: 400, code: 'IDENTITY.TAX_CODE_REQUIRED' });
    const withCode = await send('post', '/organisations', a.admin, {
      type: 'VENDOR',
      name: 'Công ty Có Thuế',
      taxCode: validTaxCode(),
    });
    expect(withCode.status).toBe(201);
  });

  it('refuses requirement constraints that do not fit the type', async () => {
    const response = await send('post', '/precheck/requirement-sets', a.admin, {
      categoryCode: 'giao-thong',
      requirements: [
        {
          id: 'co-ma-nguon',
          title: 'Có mã nguồn',
          group: 'capability',
          type: 'boolean',
          mandatory: true,
          scoring: 'automatic',
          expected: true,
          min: 3,
        },
      ],
    });
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'PRECHECK.INVALID_REQUIREMENT_SET',
      details: { problems: [expect.stringContaining('min cannot apply to type boolean')] },
    });
  });

  it('refuses solution KPIs whose frequency or unit mean nothing', async () => {
    const solution = (kpi: Record<string, unknown>) => ({
      name: 'Giám sát chất lượng không khí',
      summary: 'Cảm biến đo bụi mịn PM2.5 tại các phường.',
      categoryCode: 'giao-thong',
      kpis: [{ metric: 'Nồng độ PM2.5 trung bình', ...kpi }],
    });
    for (const kpi of [{ frequency: 'xx' }, { unit: '??' }]) {
      const response = await send('post', '/solutions', a.vendor, solution(kpi));
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED' });
    }
    const fine = await send('post', '/solutions', a.vendor, solution({ frequency: 'daily', unit: 'µg/m³' }));
    expect(fine.status).toBe(201);
  });

  describe('document uploads', () => {
    const upload = () =>
      request(system.url)
        .post(`/solutions/${solutionId}/documents`)
        .set('authorization', `Bearer ${token(a.vendor)}`);
    const documents = async () => (await send('get', `/solutions/${solutionId}/documents`, a.vendor)).body as unknown[];

    it('refuses two files in one upload whole, storing neither', async () => {
      const before = await documents();
      const response = await upload()
        .attach('file', PNG, 'mot.png')
        .attach('file', PNG, { filename: 'hai.png', contentType: 'image/png' });
      expect(response.body).toMatchObject({ statusCode: 400, code: 'CATALOG.DOCUMENT_MISSING' });
      expect(await documents()).toEqual(before);
    });

    it('refuses a 5,000-character file name instead of cutting it', async () => {
      const response = await upload().attach('file', PNG, `${'a'.repeat(5000)}.png`);
      expect(response.body).toMatchObject({
        statusCode: 400,
        code: 'CATALOG.DOCUMENT_FIELD_INVALID',
        details: [{ field: 'file (name)' }],
      });
      const named = await upload().attach('file', PNG, 'Giấy chứng nhận.png');
      expect(named.status).toBe(201);
      expect(named.body.fileName).toBe('Giấy chứng nhận.png');
    });
  });

  describe('offers', () => {
    let callId: string;
    const offer = (overrides: Record<string, unknown> = {}) => ({
      solutionId,
      price: '1000000000',
      kpiCommitments: [{ kpiCode: 'K1', target: '45' }],
      durationDays: 90,
      rounds: 1,
      ...overrides,
    });

    beforeAll(async () => {
      const created = await a.buyer.post<Created>('/problems', problem());
      await a.buyer.post(`/problems/${created.id}/publish`);
      callId = (
        await a.buyer.post<Created>('/calls', {
          problemId: created.id,
          deadline: new Date(Date.now() + 7 * DAY_MS).toISOString(),
        })
      ).id;
    });

    it('refuses a price of 0 đồng (422) and duplicate KPI commitments (422)', async () => {
      const free = await send('post', `/calls/${callId}/offers`, a.vendor, offer({ price: '0' }));
      expect(free.body).toMatchObject({ statusCode: 422, code: 'COMPETITION.PRICE_NOT_POSITIVE' });
      const twice = await send(
        'post',
        `/calls/${callId}/offers`,
        a.vendor,
        offer({
          kpiCommitments: [
            { kpiCode: 'K1', target: '45' },
            { kpiCode: 'K1', target: '50' },
          ],
        }),
      );
      expect(twice.body).toMatchObject({ statusCode: 422, code: 'COMPETITION.KPI_COMMITMENT_INVALID' });
    });

    it('answers a second live offer on the same solution with 409, naming withdraw or replace', async () => {
      const first = await send('post', `/calls/${callId}/offers`, a.vendor, offer());
      expect(first.status).toBe(201);
      const second = await send('post', `/calls/${callId}/offers`, a.vendor, offer({ price: '900000000' }));
      expect(second.body).toMatchObject({
        statusCode: 409,
        code: 'COMPETITION.OFFER_ALREADY_LIVE',
        message: expect.stringMatching(/rút hoặc thay thế.* \/ .*withdraw or replace/),
        details: { offerId: first.body.id },
      });
      const replaced = await send('put', `/offers/${first.body.id}`, a.vendor, offer({ price: '900000000' }));
      expect(replaced.status).toBe(200);
    });
  });

  it('accepts a CSV a Windows browser labels application/vnd.ms-excel', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '1000000000' });
    const order = await signBoth(a, orderId);
    const terms = (await a.buyer.get<OrderTermsShape>(`/orders/${order.id}`)).terms;
    const start = Date.parse(terms.rounds[0].startsAt);
    const observedAt = new Date(start + Math.floor((Date.now() - start) / 2)).toISOString();
    const response = await request(system.url)
      .post(`/orders/${orderId}/rounds/1/measurements`)
      .set('authorization', `Bearer ${token(a.officer)}`)
      .set('content-type', 'application/vnd.ms-excel')
      .send(`kpi,observedAt,value\n${terms.kpis[0].key},${observedAt},40\n`);
    expect(response.body).toMatchObject({ format: 'csv', rows: 1 });
    expect(response.status).toBe(201);
  });
});
