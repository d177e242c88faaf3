import { createHash } from 'node:crypto';
import { xlsx } from '../fixtures/ingest/files';
import {
  createActors,
  draftOrder,
  listSolution,
  OPERATOR_EMAIL,
  PASSWORD,
  pdfText,
  signBoth,
  signRecord,
  startSystem,
  type Actors,
  type RecordShape,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(180_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The first operator admin's password in a test system (test/support/database.ts bootstrapOperator). */
const OPERATOR_PASSWORD = 'mat-khau-quan-tri-2026';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Preview {
  sha256: string;
  format: string;
  rows: number;
  rejectedRows: number;
  accepted: boolean;
  problems: Array<{ line: number; column: string; reason: string; value?: string }>;
  sample: Array<{ line: number; kpi: string; observedAt: string; value: string; ref: string }>;
  code?: string;
}

interface KpiResult {
  nameVi: string;
  measuredDisplay: string;
  attainment: string;
  payFraction: string;
  amount: string;
  reasonVi: string;
}

/** "1.234.567 đ", as the record prints amounts. */
const dong = (amount: string) => `${amount.replace(/\B(?=(\d{3})+$)/g, '.')} đ`;
/** "0.75" → "75 %", as the record prints shares. */
const percent = (share: string) => `${(Number(share) * 100).toString().replace('.', ',')} %`;

/**
 * The officer's upload preview (the same parser and rules as the upload, nothing stored) and the printable biên bản
 * nghiệm thu (a real PDF with Vietnamese text, for the people of the order only).
 */
describe('officer: upload preview and the record as a PDF', () => {
  let system: TestSystem;
  let a: Actors;
  let other: Actors;
  let officerToken: string;
  let orderId: string;
  let roundStart: number;

  const call = async (token: string, method: string, route: string, body?: Buffer, type?: string) => {
    const response = await fetch(system.url + route, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
      body,
    });
    return response;
  };
  const preview = async (file: Buffer, query = '', token = officerToken, round = 1) => {
    const response = await call(
      token,
      'POST',
      `/orders/${orderId}/rounds/${round}/measurements/preview${query}`,
      file,
      XLSX,
    );
    return { status: response.status, body: (await response.json()) as Preview };
  };
  const stored = async () => {
    const { rows } = await system.db.pool.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM acceptance.measurement_batches WHERE order_id = $1',
      [orderId],
    );
    return Number(rows[0].n);
  };
  /** Distinct instants inside round 1, between its start and now, as ISO text cells. */
  const inRound = (i: number) =>
    new Date(roundStart + Math.floor(((Date.now() - roundStart) * (i + 1)) / 10)).toISOString();
  const sheet = (rows: unknown[][]) =>
    xlsx([{ name: 'Số liệu', rows: [['Mã KPI', 'Thời gian đo', 'Giá trị'], ...rows] as never }]);

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'bien-ban', {
      vendor: 'Công ty Cổ phần Giải pháp Đô thị Thông minh',
      agency: 'Sở Xây dựng Hà Nội',
    });
    other = await createActors(system.admin, 'khac');
    officerToken = await system.client.login(a.logins.find((l) => l.role === 'officer')!.email, PASSWORD);
    const solutionId = await listSolution(a);
    await a.admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: '5000000000', reference: 'QĐ-bien-ban' });
    ({ orderId } = await draftOrder(a, { solutionId, price: '600000000', rounds: 2 }));
    const order = await signBoth(a, orderId);
    roundStart = Date.parse(order.terms.rounds[0].startsAt);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('previews an XLSX file exactly as the upload reads it, explaining each refused row, storing nothing', async () => {
    const first = inRound(0);
    const file = await sheet([
      ['K1', first, 40.5],
      ['K9', inRound(1), 41],
      ['K1', new Date(roundStart - 86_400_000).toISOString(), 42],
      ['K1', inRound(2), 'nhiều'],
    ]);
    const refused = await preview(file);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ sha256: sha256(file), format: 'xlsx', rows: 1, rejectedRows: 3 });
    expect(refused.body.accepted).toBe(false);
    expect(refused.body.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [3, 'kpi', 'UNKNOWN_KPI'],
      [4, 'observedAt', 'OUTSIDE_ROUND_WINDOW'],
      [5, 'value', 'VALUE_NOT_DECIMAL'],
    ]);
    expect(refused.body.sample).toEqual([
      { line: 2, kpi: 'K1', observedAt: first.replace('Z', '000Z'), value: '40.5', ref: '' },
    ]);
    // keepValid would store the valid row: the preview says so, still storing nothing.
    expect((await preview(file, '?keepValid=true')).body).toMatchObject({ accepted: true, rows: 1, rejectedRows: 3 });
    expect(await stored()).toBe(0);

    // The upload refuses the same file with the same problems.
    const upload = await call(officerToken, 'POST', `/orders/${orderId}/rounds/1/measurements`, file, XLSX);
    expect(upload.status).toBe(422);
    const refusal = (await upload.json()) as { details: { problems: Preview['problems'] } };
    expect(refusal.details.problems).toEqual(refused.body.problems);
  });

  it('refuses a preview as the upload would: unreadable file, other people, a file already uploaded', async () => {
    const bad = await preview(Buffer.from('không phải tệp Excel'));
    expect(bad).toMatchObject({ status: 400, body: { code: 'ACCEPTANCE.MALFORMED_FILE' } });
    const vendorToken = await system.client.login(a.logins.find((l) => l.role === 'vendor')!.email, PASSWORD);
    const file = await sheet([['K1', inRound(3), 43]]);
    expect((await preview(file, '', vendorToken)).status).toBe(403);
    const strangerToken = await system.client.login(other.logins.find((l) => l.role === 'officer')!.email, PASSWORD);
    expect((await preview(file, '', strangerToken)).body.code).toBe('ACCEPTANCE.NOT_ACCEPTANCE_OFFICER_OF_ORDER');

    const good = await preview(file);
    expect(good.body).toMatchObject({ accepted: true, rows: 1, rejectedRows: 0, problems: [] });
    const upload = await call(officerToken, 'POST', `/orders/${orderId}/rounds/1/measurements`, file, XLSX);
    expect(upload.status).toBe(201);
    expect(await upload.json()).toMatchObject({ rows: good.body.rows, sha256: good.body.sha256 });
    // Round 1 may already be evaluated by now; a file counts for one round of the order only, so round 2 refuses it.
    expect((await preview(file, '', officerToken, 2)).body.code).toBe('ACCEPTANCE.DUPLICATE_FILE');
  });

  it('prints the signed record as a PDF with its Vietnamese text and figures, for the order’s people only', async () => {
    const signed = await signRecord(a, orderId, 1);
    const records = await a.officer.get<Array<RecordShape & { results: KpiResult[]; batchHashes: string[] }>>(
      `/orders/${orderId}/acceptance-records`,
    );
    const record = records.find((r) => r.id === signed.id)!;
    const route = `/orders/${orderId}/acceptance-records/${record.id}/pdf`;

    const response = await call(officerToken, 'GET', route);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('bien-ban-nghiem-thu-ky-1-v1.pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Lines wrap where the page ends them: compare the words, not the line breaks.
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');

    const [kpi] = record.results;
    expect(record.batchHashes).toHaveLength(1);
    for (const expected of [
      'BIÊN BẢN NGHIỆM THU',
      'Kỳ đo số 1 — phiên bản 1',
      `Đơn đặt hàng: ${orderId}`,
      'Bài toán: Giảm ùn tắc tại các điểm nóng giao thông',
      'Cơ quan đặt hàng: Sở Xây dựng Hà Nội',
      'Nhà cung cấp: Công ty Cổ phần Giải pháp Đô thị Thông minh',
      `K1 — ${kpi.nameVi}`,
      `Giá trị đo: ${kpi.measuredDisplay.replace('.', ',')} km/h`,
      `Mức đạt: ${percent(kpi.attainment)}`,
      `Tỷ lệ thanh toán: ${percent(kpi.payFraction)}`,
      `Số tiền: ${dong(kpi.amount)}`,
      `Giải thích: ${kpi.reasonVi}`,
      `Lũy kế đơn hàng được hưởng: ${dong(record.earnedCumulative)}`,
      record.batchHashes[0],
      record.recordHash,
      'Người ký: Phạm Thu Dung (nghiemthu-bien-ban@soxaydung.hanoi.gov.vn)',
      'Ký lúc:',
    ])
      expect(text).toContain(expected.replace(/\s+/g, ' '));
    // The one measured value is 43 km/h (baseline 30, target 45): 13 of the 15 promised, paid in proportion.
    expect(kpi.measuredDisplay).toBe('43');
    expect(text).toContain('Mức đạt: 86,66 %');

    const status = async (token: string) => (await call(token, 'GET', route)).status;
    const tokenOf = (actors: Actors, role: string) =>
      system.client.login(actors.logins.find((l) => l.role === role)!.email, PASSWORD);
    expect(await status(await tokenOf(a, 'buyer'))).toBe(200);
    expect(await status(await tokenOf(a, 'vendor'))).toBe(200);
    expect(await status(await system.client.login(OPERATOR_EMAIL, OPERATOR_PASSWORD))).toBe(200);
    expect(await status(await tokenOf(a, 'city'))).toBe(403);
    expect(await status(await tokenOf(other, 'buyer'))).toBe(404);
    expect(await status(await tokenOf(other, 'officer'))).toBe(404);
    expect((await call(officerToken, 'GET', `/orders/${orderId}/acceptance-records/${orderId}/pdf`)).status).toBe(404);
  });
});
