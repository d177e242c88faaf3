import ExcelJS from 'exceljs';
import { csv, micros, xlsxPartsLate } from '../fixtures/ingest/files';
import {
  type Actors,
  type Created,
  draftOrder,
  eventually,
  fundedActors,
  listSolution,
  PASSWORD,
  signBoth,
  signRecord,
  startSystem,
  TRAFFIC_KPI,
  type TestSystem,
  uploadRound,
} from '@app/test-support';

jest.setTimeout(240_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Reply {
  status: number;
  body: {
    code?: string;
    batchId?: string;
    rows?: number;
    details?: { batchId?: string; problems?: Array<Record<string, unknown>> } & Record<string, unknown>;
  };
}

interface KpiResult {
  measured: string;
  measuredDisplay: string;
}
interface RecordShape {
  roundNo: number;
  status: string;
  earnedCumulative: string;
  results: KpiResult[];
}
interface RoundShape {
  roundNo: number;
  sufficient: boolean;
  statusVi: string;
  recordStatus: string | null;
  kpis: Array<{ key: string; points: number; requiredPoints: number; sufficient: boolean }>;
}

/**
 * Issue 12, measurement half: exact aggregates end to end, files read as people see them, duplicates never counted,
 * the officer sees what is missing, the vendor's minimum sample reaches the order, a named validator measures.
 */
describe('exact, duplicate-free measurement', () => {
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;
  let officerToken: string;

  const upload = async (
    orderId: string,
    body: Buffer | string,
    contentType: string,
    query = '',
    token = officerToken,
  ): Promise<Reply> => {
    const response = await fetch(`${system.url}/orders/${orderId}/rounds/1/measurements${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Reply['body']) : {} };
  };
  const storedValues = async (orderId: string) =>
    (
      await system.db.pool.query<{ value: string; ref: string; observed_at: Date }>(
        'SELECT value::text, ref, observed_at FROM acceptance.measurements WHERE order_id = $1 ORDER BY observed_at, id',
        [orderId],
      )
    ).rows;
  const activeOrder = async (spec: Partial<Parameters<typeof draftOrder>[1]> = {}) => {
    const { orderId } = await draftOrder(a, { solutionId, price: '100000000', ...spec });
    const order = await signBoth(a, orderId);
    return { orderId, start: Date.parse(order.terms.rounds[0].startsAt) };
  };
  const rounds = (orderId: string, by = a.officer) => by.get<RoundShape[]>(`/orders/${orderId}/rounds`);

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'exact', 30_000_000_000n));
    officerToken = await system.client.login(a.logins.find((l) => l.role === 'officer')!.email, PASSWORD);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('pays a mean over 1, 1 and 0 as exactly 2/3 of the order, rounded down once', async () => {
    // 4 999 999 999 đồng · 2/3 = 3 333 333 332.67 → 3 333 333 332; from a mean rounded to 0.666667 it was
    // 3 333 334 999, 1 667 đồng too much.
    const { orderId } = await activeOrder({ price: '4999999999', baseline: '0', target: '1' });
    await uploadRound(a, orderId, 1, ['1', '1', '0']);
    await signRecord(a, orderId, 1, a.officer, 60_000);
    const [record] = await a.officer.get<RecordShape[]>(`/orders/${orderId}/acceptance-records`);
    expect(record).toMatchObject({
      earnedCumulative: '3333333332',
      results: [{ measured: '2/3', measuredDisplay: '≈ 0.666667' }],
    });
    const settled = await eventually(
      async () => {
        const rows = await a.vendor.get<Array<{ amount: string }>>(`/orders/${orderId}/settlements`);
        return rows.length ? rows : undefined;
      },
      'the round settled',
      60_000,
    );
    expect(settled.map((s) => s.amount)).toEqual(['3333333332']);
  });

  it('keeps a JSON number as written, not as the nearest binary double', async () => {
    const { orderId, start } = await activeOrder({ measurementPeriod: 'daily' });
    const [t] = micros(start, 1);
    const body = `{"measurements": [{"kpi": "K1", "observedAt": "${t}", "value": 123456789012345.123456}]}`;
    expect(await upload(orderId, body, 'application/json')).toMatchObject({ status: 201, body: { rows: 1 } });
    const tooPrecise = `{"measurements": [{"kpi": "K1", "observedAt": "${micros(start, 2)[1]}", "value": 0.1234567}]}`;
    const refused = await upload(orderId, tooPrecise, 'application/json');
    expect(refused).toMatchObject({ status: 422, body: { code: 'ACCEPTANCE.INVALID_ROWS' } });
    expect(refused.body.details?.problems).toEqual([
      { line: 1, column: 'value', reason: 'VALUE_TOO_PRECISE', value: '0.1234567' },
    ]);
    expect((await storedValues(orderId)).map((r) => r.value)).toEqual(['123456789012345.123456']);
  });

  it('reads an XLSX percentage cell as shown (72,5 % is 72.5) for a % KPI, from the tab the user names', async () => {
    const book = async (sheets: string[], start: number) => {
      const workbook = new ExcelJS.Workbook();
      const [t] = micros(start, 1);
      for (const name of sheets) {
        const sheet = workbook.addWorksheet(name);
        sheet.addRow(['kpi', 'observedAt', 'value']);
        sheet.addRow(['K1', t, 0.725]).getCell(3).numFmt = '0.0%';
      }
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const percent = await activeOrder({ unit: '%', baseline: '50', target: '80', measurementPeriod: 'daily' });
    const file = await book(['Ghi chú', 'Số liệu'], percent.start);
    const query = `?sheet=${encodeURIComponent('Số liệu')}`;
    expect(await upload(percent.orderId, file, XLSX, query)).toMatchObject({ status: 201, body: { rows: 1 } });
    expect((await storedValues(percent.orderId)).map((r) => r.value)).toEqual(['72.5']);
    // Saved by LibreOffice Calc: the worksheets come before the tab names and the number formats in the archive.
    const calc = xlsxPartsLate([
      { name: 'Ghi chú', rows: [['Không phải số liệu']] },
      {
        name: 'Số liệu',
        rows: [
          ['kpi', 'observedAt', 'value'],
          ['K1', micros(percent.start, 2)[1], { number: 0.64, percent: true }],
        ],
      },
    ]);
    expect(await upload(percent.orderId, calc, XLSX, query)).toMatchObject({ status: 201, body: { rows: 1 } });
    const partName = await upload(percent.orderId, calc, XLSX, '?sheet=Sheet2');
    expect(partName).toMatchObject({
      status: 400,
      body: { code: 'ACCEPTANCE.SHEET_NOT_FOUND', details: { available: ['Ghi chú', 'Số liệu'] } },
    });
    expect((await storedValues(percent.orderId)).map((r) => r.value)).toEqual(['72.5', '64']);
    // The same cell for a KPI in km/h is refused with the reason, not read as 0.725 or 72.5.
    const speed = await activeOrder({ measurementPeriod: 'daily' });
    const refused = await upload(speed.orderId, await book(['Số liệu'], speed.start), XLSX);
    expect(refused).toMatchObject({ status: 422, body: { code: 'ACCEPTANCE.INVALID_ROWS' } });
    expect(refused.body.details?.problems).toEqual([
      { line: 2, column: 'value', reason: 'VALUE_SHOWN_AS_PERCENT', value: '72.5 %' },
    ]);
  });

  it('reads a Vietnamese-locale CSV with ?locale=vi, and names the option when it is missing', async () => {
    const { orderId, start } = await activeOrder({ measurementPeriod: 'daily' });
    // Local (UTC+07:00) wall-clock times a minute and two after the round started, written dd/mm/yyyy hh:mm:ss.
    const local = (ms: number) => {
      const d = new Date(ms + 7 * 3_600_000);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
    };
    const at = [start + 1_000, start + 2_000].map((ms) => Math.ceil(ms / 1000) * 1000);
    await eventually(() => Promise.resolve(Date.now() > at[1] ? true : undefined), 'the readings to be in the past');
    const file = csv(
      [
        ['Mã KPI', 'Thời gian đo', 'Giá trị', 'Mã sự kiện'],
        ['K1', local(at[0]), '72,5', 'SK-1'],
        ['K1', local(at[1]), '1.234,25', 'SK-2'],
      ],
      ';',
      true,
    );
    const without = await upload(orderId, file, 'text/csv');
    expect(without).toMatchObject({ status: 422, body: { code: 'ACCEPTANCE.INVALID_ROWS' } });
    expect(without.body.details?.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, column: 'observedAt', option: 'locale=vi' }),
        expect.objectContaining({ line: 2, column: 'value', option: 'locale=vi' }),
      ]),
    );
    expect(await upload(orderId, file, 'text/csv', '?locale=vi')).toMatchObject({ status: 201, body: { rows: 2 } });
    expect((await storedValues(orderId)).map((r) => [r.value, r.ref, r.observed_at.getTime()])).toEqual([
      ['72.5', 'SK-1', at[0]],
      ['1234.25', 'SK-2', at[1]],
    ]);
  });

  it('never counts a retried file or a repeated reading twice on a sum KPI; distinct refs are distinct events', async () => {
    const { orderId, start } = await activeOrder({ aggregation: 'sum', measurementPeriod: 'daily' });
    const [t1, t2, t3] = micros(start, 3);
    const first = csv([
      ['kpi', 'observedAt', 'value'],
      ['K1', t1, '5'],
      ['K1', t2, '3'],
    ]);
    const stored = await upload(orderId, first, 'text/csv');
    expect(stored).toMatchObject({ status: 201, body: { rows: 2 } });
    // The same file again, without an Idempotency-Key: refused, naming the batch that holds it.
    const retried = await upload(orderId, first, 'text/csv');
    expect(retried).toMatchObject({
      status: 409,
      body: { code: 'ACCEPTANCE.DUPLICATE_FILE', details: { batchId: stored.body.batchId } },
    });
    // A new file repeating a stored reading, and one repeating a reading of its own: duplicates, nothing stored.
    const repeats = await upload(
      orderId,
      csv([
        ['kpi', 'observedAt', 'value'],
        ['K1', t1, '5.0'],
        ['K1', t3, '2'],
        ['K1', t3, '2'],
      ]),
      'text/csv',
    );
    expect(repeats).toMatchObject({ status: 422, body: { code: 'ACCEPTANCE.INVALID_ROWS' } });
    expect(repeats.body.details?.problems?.map((p) => [p.line, p.reason])).toEqual([
      [2, 'DUPLICATE_READING'],
      [4, 'DUPLICATE_READING'],
    ]);
    // The same reading with distinct event references is two events.
    const events = await upload(
      orderId,
      csv([
        ['kpi', 'observedAt', 'value', 'ref'],
        ['K1', t1, '5', 'SK-1'],
        ['K1', t1, '5', 'SK-2'],
      ]),
      'text/csv',
    );
    expect(events).toMatchObject({ status: 201, body: { rows: 2 } });
    expect((await storedValues(orderId)).map((r) => r.value)).toEqual(['5', '5', '5', '3']);
    // The database holds the rule too: an identical reading cannot be written even past the validator.
    await expect(
      system.db.pool.query(
        `INSERT INTO acceptance.measurements (batch_id, order_id, round_no, revision, kpi_key, observed_at, value, ref, line_no)
         SELECT batch_id, order_id, round_no, revision, kpi_key, observed_at, value, ref, line_no
         FROM acceptance.measurements WHERE order_id = $1 LIMIT 1`,
        [orderId],
      ),
    ).rejects.toMatchObject({ code: '23505' });
    // The round is not yet evaluable: the officer sees what it has and needs.
    const [round] = await rounds(orderId);
    expect(round).toMatchObject({
      sufficient: false,
      recordStatus: null,
      kpis: [{ key: 'K1', points: 4, sufficient: false }],
    });
    expect(round.statusVi).toBe(`Chưa đủ dữ liệu (có/cần: K1 4/${round.kpis[0].requiredPoints})`);
  });

  it('carries the vendor’s declared minimum sample into the order, and the sufficiency rule uses it', async () => {
    const sampled = await listSolution(a, 'giao-thong', { ...TRAFFIC_KPI, minimumSample: 3 });
    const { orderId } = await activeOrder({ solutionId: sampled });
    const order = await a.buyer.get<{ terms: { kpis: Array<{ minimumSample: number }> } }>(`/orders/${orderId}`);
    expect(order.terms.kpis[0].minimumSample).toBe(3);
    await uploadRound(a, orderId, 1, ['40', '44']);
    const [round] = await rounds(orderId);
    expect(round).toMatchObject({
      sufficient: false,
      statusVi: 'Chưa đủ dữ liệu (có/cần: K1 2/3)',
      kpis: [{ key: 'K1', points: 2, requiredPoints: 3, sufficient: false }],
    });
    expect(await a.officer.get<unknown[]>(`/orders/${orderId}/acceptance-records`)).toEqual([]);
  });

  it('lets the validator the buyer named upload and sign, and no other validator', async () => {
    const validator = async (name: string) => {
      const org = await a.admin.post<Created>('/organisations', { type: 'VALIDATOR', name });
      const email = `nghiemthu-${org.id.slice(-12)}@kiemdinh.vn`;
      await a.admin.post(`/organisations/${org.id}/users`, {
        email,
        fullName: 'Đỗ Thị Lan',
        password: PASSWORD,
        roles: ['ACCEPTANCE_OFFICER'],
      });
      const token = await system.client.login(email, PASSWORD);
      return { id: org.id, token, client: system.client.as(token) };
    };
    const named = await validator('Trung tâm Kiểm định Chất lượng Số');
    const other = await validator('Viện Đo lường Độc lập');
    const { orderId } = await draftOrder(a, { solutionId, price: '100000000', validatorOrganisationId: named.id });
    const order = await signBoth(a, orderId);
    expect(order.status).toBe('ACTIVE');
    const [t1, t2] = micros(Date.parse(order.terms.rounds[0].startsAt), 2);
    const file = csv([
      ['kpi', 'observedAt', 'value'],
      ['K1', t1, '40'],
      ['K1', t2, '44'],
    ]);
    const foreign = await upload(orderId, file, 'text/csv', '', other.token);
    expect(foreign).toMatchObject({ status: 403, body: { code: 'ACCEPTANCE.NOT_ACCEPTANCE_OFFICER_OF_ORDER' } });
    expect(await upload(orderId, file, 'text/csv', '', named.token)).toMatchObject({ status: 201 });
    expect((await named.client.get<Array<{ id: string }>>('/orders')).map((o) => o.id)).toEqual([orderId]);
    expect(await other.client.get<unknown[]>('/orders')).toEqual([]);
    const record = await eventually(
      async () => (await named.client.get<Array<{ recordHash: string }>>(`/orders/${orderId}/acceptance-records`))[0],
      'the acceptance record',
      60_000,
    );
    const signAs = (token: string) =>
      fetch(`${system.url}/orders/${orderId}/rounds/1/acceptance-record/signature`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ recordHash: record.recordHash }),
      });
    expect((await signAs(other.token)).status).toBe(404);
    const signed = await signAs(named.token);
    expect({ status: signed.status, body: await signed.json() }).toMatchObject({
      status: 201,
      body: { status: expect.stringMatching(/SIGNED|PAYABLE/) },
    });
    // Once signed, the terms name their validator for good.
    const change = await fetch(`${system.url}/orders/${orderId}/validator`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await system.client.login(a.logins.find((l) => l.role === 'buyer')!.email, PASSWORD)}`,
      },
      body: JSON.stringify({ validatorOrganisationId: other.id }),
    });
    expect({ status: change.status, body: await change.json() }).toMatchObject({
      status: 409,
      body: { code: 'ORDERING.VALIDATOR_NOT_CHANGEABLE' },
    });
  });

  it('names a validator on a draft as a change of the signed terms', async () => {
    const org = await a.admin.post<Created>('/organisations', { type: 'VALIDATOR', name: 'Công ty Kiểm định Số' });
    const { orderId } = await draftOrder(a, { solutionId, price: '100000000' });
    const before = await a.buyer.get<{ termsHash: string }>(`/orders/${orderId}`);
    const after = await a.buyer.request<{ termsHash: string; terms: { validatorOrganisationId?: string } }>(
      'PUT',
      `/orders/${orderId}/validator`,
      { validatorOrganisationId: org.id },
    );
    expect(after.terms.validatorOrganisationId).toBe(org.id);
    expect(after.termsHash).not.toBe(before.termsHash);
    await expect(
      a.buyer.request('PUT', `/orders/${orderId}/validator`, { validatorOrganisationId: a.vendorOrgId }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'IDENTITY.ROLE_NOT_ALLOWED_FOR_ORGANISATION' } });
  });

  it('simulates a binary KPI (target = baseline) per KPI with the settlement formula', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '100000000', baseline: '45', target: '45' });
    const levels = await a.buyer.get<Array<{ level: number; total: string; perKpi: Record<string, string> }>>(
      `/orders/${orderId}/payout-simulation?levels=0,0.5,1`,
    );
    expect(levels.map((l) => [l.level, l.perKpi.K1, l.total])).toEqual([
      [0, '0', '0'],
      [0.5, '0', '0'],
      [1, '100000000', '100000000'],
    ]);
  });
});
