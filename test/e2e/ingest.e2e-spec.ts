import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startApi, type AppProcess } from '../../scripts/infra';
import { csv, micros, xlsx } from '../fixtures/ingest/files';
import {
  createActors,
  draftOrder,
  eventually,
  orderClosed,
  listSolution,
  MAX_OVERLOAD_ATTEMPTS,
  PASSWORD,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  waitOutOverload,
  type Actors,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(180_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 5 * 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Reply {
  status: number;
  body: {
    code?: string;
    details?: { problems?: Array<{ line: number; column: string; reason: string }>; rejectedRows?: number } & Record<
      string,
      unknown
    >;
    batchId?: string;
    sha256?: string;
    rows?: number;
    rejectedRows?: number;
    replayed?: boolean;
    problems?: Array<{ line: number; column: string; reason: string }>;
  };
}

/** Measurement upload through HTTP: formats, validation, idempotency and the bad-input corpus, nothing half-stored. */
describe('measurement ingestion', () => {
  let system: TestSystem;
  let api: AppProcess;
  let filesDir: string;
  let a: Actors;
  let tokens: Record<string, string>;
  let orderId: string;
  let roundStart: number;

  const upload = async (
    token: { bearer?: string; apiKey?: string },
    route: string,
    body: Buffer | string,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    // A refusal for overload (on a busy machine) is sent again, as the test clients do.
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(system.url + route, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          ...(token.bearer ? { authorization: `Bearer ${token.bearer}` } : {}),
          ...(token.apiKey ? { 'x-api-key': token.apiKey } : {}),
          ...headers,
        },
        body,
      });
      const text = await response.text();
      const reply = { status: response.status, body: text ? (JSON.parse(text) as Reply['body']) : {} };
      if (reply.body.code !== 'PLATFORM.OVERLOADED' || attempt === MAX_OVERLOAD_ATTEMPTS) return reply;
      await waitOutOverload(reply.body.details);
    }
  };
  const officer = (query = '', round = 1, order = () => orderId) => ({
    csv: (body: Buffer | string, headers?: Record<string, string>) =>
      upload(
        { bearer: tokens.officer },
        `/orders/${order()}/rounds/${round}/measurements${query}`,
        body,
        'text/csv',
        headers,
      ),
    xlsx: (body: Buffer) =>
      upload({ bearer: tokens.officer }, `/orders/${order()}/rounds/${round}/measurements${query}`, body, XLSX),
    json: (body: Buffer | string, headers?: Record<string, string>) =>
      upload(
        { bearer: tokens.officer },
        `/orders/${order()}/rounds/${round}/measurements${query}`,
        body,
        'application/json',
        headers,
      ),
  });
  /** A JSON upload body: `{ "measurements": [...] }` with one K1 point per timestamp. */
  const jsonPoints = (timestamps: string[], value = (i: number) => String(40 + (i % 10))) =>
    Buffer.from(
      JSON.stringify({ measurements: timestamps.map((t, i) => ({ kpi: 'K1', observedAt: t, value: value(i) })) }),
    );

  const stored = async (id = orderId) => {
    const { rows } = await system.db.pool.query<{ points: string; batches: string }>(
      `SELECT (SELECT count(*) FROM acceptance.measurements WHERE order_id = $1)::text AS points,
              (SELECT count(*) FROM acceptance.measurement_batches WHERE order_id = $1)::text AS batches`,
      [id],
    );
    return { points: Number(rows[0].points), batches: Number(rows[0].batches) };
  };
  const keptFiles = async () => {
    const entries = await fs.readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  };

  beforeAll(async () => {
    system = await startSystem();
    filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ingest-files-'));
    // The API again, with its own raw-file directory and a small size limit.
    await system.api.stop();
    api = await startApi({
      ...system.env,
      MEASUREMENT_FILES_DIR: filesDir,
      MEASUREMENT_UPLOAD_MAX_BYTES: String(MAX_BYTES),
    });
    a = await createActors(system.admin, 'ingest');
    tokens = Object.fromEntries(
      await Promise.all(a.logins.map(async (l) => [l.role, await system.client.login(l.email, PASSWORD)] as const)),
    );
    const solutionId = await listSolution(a);
    await a.admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: '5000000000', reference: 'QĐ-ingest' });
    ({ orderId } = await draftOrder(a, { solutionId, price: '600000000' }));
    const order = await signBoth(a, orderId);
    roundStart = Date.parse(order.terms.rounds[0].startsAt);
  });
  afterAll(async () => {
    await api?.stop();
    await system?.stop();
    await fs.rm(filesDir, { recursive: true, force: true });
  });

  const expectNothingStored = async (reply: Reply, status: number, code: string) => {
    expect(reply).toMatchObject({ status, body: { code } });
    expect(await stored()).toEqual({ points: 0, batches: 0 });
  };

  describe('refuses bad input with a clear 4xx and stores nothing', () => {
    it('empty file', async () => {
      await expectNothingStored(await officer().csv(''), 400, 'ACCEPTANCE.FILE_EMPTY');
    });

    it('header only', async () => {
      await expectNothingStored(await officer().csv('kpi,observedAt,value\n'), 400, 'ACCEPTANCE.NO_DATA_ROWS');
    });

    it('a header without the required columns', async () => {
      const reply = await officer().csv('chỉ số,lúc\nK1,2026\n');
      await expectNothingStored(reply, 400, 'ACCEPTANCE.HEADER_INVALID');
    });

    it('UTF-16 and invalid UTF-8', async () => {
      const [t] = micros(roundStart, 1);
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`kpi,observedAt,value\nK1,${t},40\n`, 'utf16le'),
      ]);
      await expectNothingStored(await officer().csv(utf16), 400, 'ACCEPTANCE.NOT_UTF8');
      const latin1 = Buffer.from(`kpi,observedAt,value,unit\nK1,${t},40,km/h\u00e9\n`, 'latin1');
      await expectNothingStored(await officer().csv(latin1), 400, 'ACCEPTANCE.NOT_UTF8');
    });

    it('a 10 MB single line', async () => {
      const line = Buffer.alloc(10 * 1024 * 1024, 'a');
      await expectNothingStored(await officer().csv(line), 400, 'ACCEPTANCE.LINE_TOO_LONG');
    });

    it('a file over the size limit', async () => {
      const row = 'K1,2026-01-01T00:00:00Z,40\n';
      const body = Buffer.from('kpi,observedAt,value\n' + row.repeat(Math.ceil((MAX_BYTES + 1) / row.length)));
      await expectNothingStored(await officer().csv(body), 400, 'ACCEPTANCE.FILE_TOO_LARGE');
    });

    it('JSON that is malformed, of another shape or without points', async () => {
      const [t] = micros(roundStart, 1);
      const point = JSON.stringify({ kpi: 'K1', observedAt: t, value: '40' });
      const cases: Array<[string, string]> = [
        ['', 'ACCEPTANCE.FILE_EMPTY'],
        ['{"measurements": []}', 'ACCEPTANCE.FILE_EMPTY'],
        [`{"measurements": [${point}`, 'ACCEPTANCE.MALFORMED_FILE'],
        [`{"measurements": [${point}]} trailing`, 'ACCEPTANCE.MALFORMED_FILE'],
        [`[${point}]`, 'ACCEPTANCE.MALFORMED_FILE'],
        [`{"measurements": [${point}], "note": "thêm"}`, 'ACCEPTANCE.MALFORMED_FILE'],
        [`{"measurements": ${point}}`, 'ACCEPTANCE.MALFORMED_FILE'],
      ];
      for (const [body, code] of cases) {
        const reply = await officer().json(body);
        await expectNothingStored(reply, 400, code);
        if (code === 'ACCEPTANCE.MALFORMED_FILE') expect(reply.body.details).toMatchObject({ reason: 'JSON' });
      }
      expect(await keptFiles()).toEqual([]);
    });

    it('a JSON body over the size limit', async () => {
      const body = jsonPoints(micros(roundStart, Math.ceil(MAX_BYTES / 60)));
      expect(body.length).toBeGreaterThan(MAX_BYTES);
      await expectNothingStored(await officer().json(body), 400, 'ACCEPTANCE.FILE_TOO_LARGE');
      expect(await keptFiles()).toEqual([]);
    });

    it('an unsupported content type', async () => {
      const reply = await upload(
        { bearer: tokens.officer },
        `/orders/${orderId}/rounds/1/measurements`,
        'kpi,observedAt,value',
        'text/plain',
      );
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(await stored()).toEqual({ points: 0, batches: 0 });
    });

    it('formulas in XLSX cells, even with a cached result', async () => {
      const [t1, t2] = micros(roundStart, 2);
      const book = await xlsx([
        {
          name: 'Số liệu',
          rows: [
            ['kpi', 'observedAt', 'value'],
            ['K1', t1, 40],
            ['K1', t2, { formula: 'C2+4', result: 44 }],
          ],
        },
      ]);
      const reply = await officer().xlsx(book);
      await expectNothingStored(reply, 422, 'ACCEPTANCE.INVALID_ROWS');
      expect(reply.body.details?.problems).toEqual([{ line: 3, column: 'value', reason: 'FORMULA_NOT_ALLOWED' }]);
    });

    it('a file that is not XLSX sent as XLSX', async () => {
      const reply = await officer().xlsx(Buffer.from('kpi,observedAt,value\nK1,2026-11-05T08:00:00Z,40\n'));
      await expectNothingStored(reply, 400, 'ACCEPTANCE.MALFORMED_FILE');
    });

    it('negative values for a level KPI, NaN and Infinity', async () => {
      const [t1, t2, t3, t4] = micros(roundStart, 4);
      const reply = await officer().csv(
        csv([
          ['kpi', 'observedAt', 'value'],
          ['K1', t1, '-3'],
          ['K1', t2, 'NaN'],
          ['K1', t3, 'Infinity'],
          ['K1', t4, '1e3'],
        ]),
      );
      await expectNothingStored(reply, 422, 'ACCEPTANCE.INVALID_ROWS');
      expect(reply.body.details?.problems?.map((p) => [p.line, p.column, p.reason])).toEqual([
        [2, 'value', 'VALUE_NEGATIVE'],
        [3, 'value', 'VALUE_NOT_DECIMAL'],
        [4, 'value', 'VALUE_NOT_DECIMAL'],
        [5, 'value', 'VALUE_NOT_DECIMAL'],
      ]);
    });

    it('timestamps out of the window or in the future, unknown KPIs, duplicates', async () => {
      const [t1] = micros(roundStart, 1);
      const reply = await officer().csv(
        csv([
          ['kpi', 'observedAt', 'value'],
          ['K1', new Date(roundStart - 60_000).toISOString(), '40'],
          ['K1', new Date(Date.now() + 3_600_000).toISOString(), '40'],
          ['K9', t1, '40'],
          ['K1', t1, '40'],
          ['K1', t1, '41'],
          ['K1', '31/12/2026', '41'],
        ]),
      );
      await expectNothingStored(reply, 422, 'ACCEPTANCE.INVALID_ROWS');
      expect(reply.body.details?.problems?.map((p) => [p.line, p.reason])).toEqual([
        [2, 'OUTSIDE_ROUND_WINDOW'],
        [3, 'TIMESTAMP_IN_FUTURE'],
        [4, 'UNKNOWN_KPI'],
        [6, 'DUPLICATE_TIMESTAMP'],
        [7, 'TIMESTAMP_INVALID'],
      ]);
    });

    it('units that do not match the KPI', async () => {
      const [t1, t2] = micros(roundStart, 2);
      const reply = await officer().csv(
        csv([
          ['kpi', 'observedAt', 'value', 'unit'],
          ['K1', t1, '40', 'km/h'],
          ['K1', t2, '40', 'm/s'],
        ]),
      );
      await expectNothingStored(reply, 422, 'ACCEPTANCE.INVALID_ROWS');
      expect(reply.body.details?.problems).toEqual([
        { line: 3, column: 'unit', reason: 'UNIT_MISMATCH', value: 'm/s' },
      ]);
    });

    it('reports only the first 100 problems', async () => {
      const rows = micros(roundStart, 250).map((t) => ['K1', t, 'x']);
      const reply = await officer().csv(csv([['kpi', 'observedAt', 'value'], ...rows]));
      await expectNothingStored(reply, 422, 'ACCEPTANCE.INVALID_ROWS');
      expect(reply.body.details).toMatchObject({ rows: 250, rejectedRows: 250 });
      expect(reply.body.details?.problems).toHaveLength(100);
    });

    it('uploads by the vendor, by another agency’s officer, to an unknown round', async () => {
      const [t] = micros(roundStart, 1);
      const file = csv([
        ['kpi', 'observedAt', 'value'],
        ['K1', t, '40'],
      ]);
      const route = `/orders/${orderId}/rounds/1/measurements`;
      const vendor = await upload({ bearer: tokens.vendor }, route, file, 'text/csv');
      expect(vendor).toMatchObject({ status: 403, body: { code: 'IDENTITY.FORBIDDEN_ROLE' } });
      const other = await createActors(system.admin, 'ingest-other');
      const otherOfficer = await system.client.login(other.logins.find((l) => l.role === 'officer')!.email, PASSWORD);
      const foreign = await upload({ bearer: otherOfficer }, route, file, 'text/csv');
      expect(foreign).toMatchObject({ status: 403, body: { code: 'ACCEPTANCE.NOT_ACCEPTANCE_OFFICER_OF_ORDER' } });
      const round9 = await officer('', 9).csv(file);
      await expectNothingStored(round9, 404, 'ACCEPTANCE.ROUND_NOT_FOUND');
      expect(await keptFiles()).toEqual([]);
    });
  });

  describe('accepts', () => {
    let ordinal = 0;
    /**
     * A fresh ACTIVE order for tests that store data. Its KPI is measured daily unless said otherwise, so the few points
     * a test uploads do not make the round evaluable: a later upload to the round is not refused as already evaluated
     * when the worker happens to be quick.
     */
    const activeOrder = async (measurementPeriod = 'daily') => {
      const solutionId = await listSolution(a);
      const { orderId: id } = await draftOrder(a, { solutionId, price: '100000000', measurementPeriod });
      const order = await signBoth(a, id);
      ordinal++;
      return { id, start: Date.parse(order.terms.rounds[0].startsAt) };
    };

    it('CSV with BOM, semicolons and Vietnamese decimal commas, kept with its SHA-256', async () => {
      const { id, start } = await activeOrder();
      const [t1, t2] = micros(start, 2);
      const file = csv(
        [
          ['Mã KPI', 'Thời điểm', 'Giá trị', 'Đơn vị'],
          ['K1', t1, '"1.234,5"', 'km/h'],
          ['K1', t2, '40', 'KM/H'],
        ],
        ';',
        true,
      );
      const reply = await officer('?decimalComma=true', 1, () => id).csv(file);
      expect(reply).toMatchObject({ status: 201, body: { rows: 2, rejectedRows: 0, sha256: sha256(file) } });
      const { rows } = await system.db.pool.query<{ value: string; line_no: number; observed_at: Date }>(
        'SELECT value::text, line_no, observed_at FROM acceptance.measurements WHERE order_id = $1 ORDER BY line_no',
        [id],
      );
      expect(rows.map((r) => [r.value, r.line_no])).toEqual([
        ['1234.5', 2],
        ['40', 3],
      ]);
      const kept = await fs.readFile(path.join(filesDir, sha256(file).slice(0, 2), sha256(file)));
      expect(kept.equals(file)).toBe(true);
      const [batch] = (
        await system.db.pool.query<{ organisation_id: string; uploaded_by_user_id: string; byte_size: string }>(
          'SELECT organisation_id, uploaded_by_user_id, byte_size::text FROM acceptance.measurement_batches WHERE order_id = $1',
          [id],
        )
      ).rows;
      expect(batch).toMatchObject({ organisation_id: a.agencyOrgId, byte_size: String(file.length) });
      expect(batch.uploaded_by_user_id).toEqual(expect.any(String));
      expect(ordinal).toBeGreaterThan(0);
    });

    it('XLSX from a named worksheet, with dates and numbers, through an API key and the KPI in the query', async () => {
      const { id, start } = await activeOrder();
      const issued = await a.admin.post<{ key: string }>(`/organisations/${a.agencyOrgId}/api-keys`, {
        name: 'Hệ thống camera giao thông',
        role: 'ACCEPTANCE_OFFICER',
      });
      const [t1, t2] = micros(start, 2, 1000);
      const book = await xlsx([
        { name: 'Ghi chú', rows: [['Không phải số liệu']] },
        {
          name: 'Số liệu',
          rows: [
            ['observedAt', 'value', 'ghi chú'],
            [t1, 41.5, 'camera 1'],
            [t2, '43', 'camera 2'],
          ],
        },
      ]);
      const route = `/orders/${id}/rounds/1/measurements?kpi=K1&sheet=${encodeURIComponent('Số liệu')}`;
      const reply = await upload({ apiKey: issued.key }, route, book, XLSX);
      expect(reply).toMatchObject({ status: 201, body: { rows: 2, sha256: sha256(book) } });
      const missing = await upload({ apiKey: issued.key }, `${route.split('&sheet')[0]}&sheet=Kh%C3%B4ng`, book, XLSX);
      expect(missing).toMatchObject({ status: 400, body: { code: 'ACCEPTANCE.SHEET_NOT_FOUND' } });
      expect(await stored(id)).toEqual({ points: 2, batches: 1 });
    });

    it('JSON as the test clients send it', async () => {
      const { id } = await activeOrder();
      await uploadRound(a, id, 1, ['40', '44']);
      expect(await stored(id)).toEqual({ points: 2, batches: 1 });
      const replay = await upload(
        { bearer: tokens.officer },
        `/orders/${id}/rounds/1/measurements`,
        JSON.stringify({ measurements: [{ kpi: 'K1', observedAt: new Date().toISOString(), value: 'NaN' }] }),
        'application/json',
      );
      expect(replay).toMatchObject({ status: 422, body: { code: 'ACCEPTANCE.INVALID_ROWS' } });
    });

    it('JSON streamed like a file: 50,000 points, kept byte for byte with its SHA-256', async () => {
      const { id, start } = await activeOrder();
      const body = jsonPoints(micros(start, 50_000));
      const reply = await officer('', 1, () => id).json(body);
      expect(reply).toMatchObject({
        status: 201,
        body: { format: 'json', rows: 50_000, rejectedRows: 0, sha256: sha256(body), bytes: body.length },
      });
      expect(await stored(id)).toEqual({ points: 50_000, batches: 1 });
      const { rows } = await system.db.pool.query<{ first: number; last: number; sum: string }>(
        'SELECT min(line_no) AS first, max(line_no) AS last, sum(value)::text AS sum FROM acceptance.measurements WHERE order_id = $1',
        [id],
      );
      expect(rows[0]).toEqual({ first: 1, last: 50_000, sum: String(50_000 * 44.5) });
      const kept = await fs.readFile(path.join(filesDir, sha256(body).slice(0, 2), sha256(body)));
      expect(kept.equals(body)).toBe(true);
    });

    it('reads JSON as it arrives: points reach PostgreSQL before the body has ended', async () => {
      const { id, start } = await activeOrder();
      const body = jsonPoints(micros(start, 40_000));
      const copied = async () => {
        const { rows } = await system.db.pool.query<{ n: number | null }>(
          'SELECT max(tuples_processed)::int AS n FROM pg_stat_progress_copy WHERE datname = current_database()',
        );
        return (rows[0].n ?? 0) > 0 ? rows[0].n : undefined;
      };
      let copiedMidway: number | null = null;
      async function* halves() {
        yield body.subarray(0, Math.floor(body.length / 2));
        copiedMidway = await eventually(copied, 'points copied from the first half');
        yield body.subarray(Math.floor(body.length / 2));
      }
      const response = await fetch(`${system.url}/orders/${id}/rounds/1/measurements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.officer}` },
        body: Readable.toWeb(Readable.from(halves())),
        duplex: 'half',
      });
      expect({ status: response.status, body: await response.json() }).toMatchObject({
        status: 201,
        body: { rows: 40_000, sha256: sha256(body) },
      });
      expect(copiedMidway).toBeGreaterThan(0);
    });

    it('honours Idempotency-Key for JSON: the same bytes → same result, other bytes → 409', async () => {
      const { id, start } = await activeOrder();
      const body = jsonPoints(micros(start, 3));
      const send = (bytes: Buffer | string) =>
        officer('', 1, () => id).json(bytes, { 'idempotency-key': `ingest-json-${id}` });
      const one = await send(body);
      const two = await send(body);
      expect(one).toMatchObject({ status: 201, body: { rows: 3, replayed: false } });
      expect(two).toMatchObject({ status: 201, body: { batchId: one.body.batchId, replayed: true } });
      const reformatted = JSON.stringify(JSON.parse(body.toString()), null, 2);
      for (const other of [jsonPoints(micros(start, 3, 7)), reformatted])
        expect(await send(other)).toMatchObject({ status: 409, body: { code: 'ACCEPTANCE.IDEMPOTENCY_KEY_REUSED' } });
      expect(await stored(id)).toEqual({ points: 3, batches: 1 });
    });

    it('keeps the valid rows only when asked, listing the refused ones', async () => {
      const { id, start } = await activeOrder();
      const [t1, t2, t3] = micros(start, 3);
      const file = csv([
        ['kpi', 'observedAt', 'value'],
        ['K1', t1, '40'],
        ['K1', t2, 'abc'],
        ['K1', t3, '44'],
      ]);
      const reply = await officer('?keepValid=true', 1, () => id).csv(file);
      expect(reply).toMatchObject({
        status: 201,
        body: { rows: 2, rejectedRows: 1, problems: [{ line: 3, column: 'value', reason: 'VALUE_NOT_DECIMAL' }] },
      });
      // A later file cannot repeat an instant already stored for the round.
      const again = await officer('', 1, () => id).csv(
        csv([
          ['kpi', 'observedAt', 'value'],
          ['K1', t1, '40'],
        ]),
      );
      expect(again.body.details?.problems).toEqual([
        { line: 2, column: 'observedAt', reason: 'DUPLICATE_TIMESTAMP', value: t1 },
      ]);
      expect(await stored(id)).toEqual({ points: 2, batches: 1 });
    });

    it('honours Idempotency-Key: same content → same result, other content → 409', async () => {
      const { id, start } = await activeOrder();
      const [t1, t2] = micros(start, 2);
      const first = csv([
        ['kpi', 'observedAt', 'value'],
        ['K1', t1, '40'],
      ]);
      const other = csv([
        ['kpi', 'observedAt', 'value'],
        ['K1', t2, '41'],
      ]);
      const send = (file: Buffer) => officer('', 1, () => id).csv(file, { 'idempotency-key': `ingest-${id}` });
      const one = await send(first);
      const two = await send(first);
      expect(one).toMatchObject({ status: 201, body: { replayed: false } });
      expect(two).toMatchObject({ status: 201, body: { batchId: one.body.batchId, replayed: true } });
      const three = await send(other);
      expect(three).toMatchObject({ status: 409, body: { code: 'ACCEPTANCE.IDEMPOTENCY_KEY_REUSED' } });
      expect(await stored(id)).toEqual({ points: 1, batches: 1 });
    });

    it('refuses uploads to a closed order', async () => {
      const { id, start } = await activeOrder('quarterly');
      await uploadRound(a, id, 1, ['40', '44']);
      // The worker evaluates, then settles and closes: on a loaded machine that takes its time, so wait for each
      // state with a bound well inside the test's own timeout.
      await signRecord(a, id, 1, a.officer, 60_000);
      await orderClosed(a.buyer, id, 90_000);
      const before = await stored(id);
      const [t] = micros(start, 1, 5000);
      const reply = await officer('', 1, () => id).csv(
        csv([
          ['kpi', 'observedAt', 'value'],
          ['K1', t, '40'],
        ]),
      );
      expect(reply).toMatchObject({ status: 409, body: { code: 'ACCEPTANCE.ORDER_NOT_ACTIVE' } });
      expect(await stored(id)).toEqual(before);
    });
  });
});
