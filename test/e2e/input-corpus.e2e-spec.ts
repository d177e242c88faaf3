import http from 'node:http';
import {
  createFunder,
  fundedActors,
  startSystem,
  validTaxCode,
  type Actors,
  trafficProblemBody,
  type Created,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(600_000);

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema };
type Operation = {
  'x-access'?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

interface Probe {
  route: string;
  what: string;
  method: string;
  path: string;
  token?: string;
  body?: string;
  headers?: Record<string, string>;
}

const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
const CONCURRENCY = 6;

/** What a client may send in a JSON body field: broken text, numbers PostgreSQL cannot hold, wrong types, nesting. */
const BODY_VALUES: Array<[string, unknown]> = [
  ['NUL', 'a\u0000b'],
  ['lone high surrogate', 'x\ud800'],
  ['lone low surrogate', '\udc00y'],
  ['right-to-left override', 'Công ty \u202Eabc'],
  ['blank', '   '],
  ['zero-width only', '\u200b\u200c\u200d'],
  ['empty', ''],
  ['overlong', 'x'.repeat(20_000)],
  ['2^31', 2 ** 31],
  ['huge number', 1e300],
  ['negative', -1],
  ['huge digits', '9'.repeat(40)],
  ['wrong type: boolean', true],
  ['wrong type: object', { a: 1 }],
  ['null', null],
  ['nested array', [[[[[[[[['x']]]]]]]]]],
];

/** What a client may put in a path segment (already URL-encoded). */
const PATH_VALUES: Array<[string, string]> = [
  ['NUL', 'a%00b'],
  ['encoded surrogate', '%ED%A0%80'],
  ['2^31', String(2 ** 31)],
  ['huge integer', '9'.repeat(30)],
  ['negative', '-1'],
  ['not a uuid', 'not-a-uuid'],
  ['uuid-like with a bad digit', '00000000-0000-4000-8000-00000000000g'],
  ['overlong', 'x'.repeat(300)],
  ['right-to-left override', '%E2%80%AEabc'],
];

/** What a client may put in a query parameter (already URL-encoded). */
const QUERY_VALUES: Array<[string, string]> = [
  ...PATH_VALUES.filter(([what]) => what !== 'overlong'),
  ['overlong', 'x'.repeat(5_000)],
  ['blank', '%20%20'],
  ['empty', ''],
  ['cursor: score out of range', Buffer.from(JSON.stringify([9e99, ZERO_UUID])).toString('base64url')],
  ['cursor: id not a uuid', Buffer.from(JSON.stringify([0.5, 'x'])).toString('base64url')],
  ['cursor: not an array', Buffer.from('{"a":1}').toString('base64url')],
  ['cursor: garbage', '%%%'],
  ['date garbage', '2026-13-45'],
];

/** A login whose declared body exceeds the limit: the API answers before reading it, so only a little is sent. */
function declaredTooLarge(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const call = http.request(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(11 * 1024 * 1024) },
    });
    call.on('response', (response) => {
      response.setEncoding('utf8');
      let text = '';
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        call.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown });
      });
    });
    call.on('error', reject);
    call.write('{"email":"');
  });
}

function deepJson(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

function resolve(schema: Schema | undefined, doc: OpenApi): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()!], doc);
  if (schema.allOf?.length) return resolve(schema.allOf[0], doc);
  return schema;
}

/** A plausible value for a schema (its example, its first enum value, or a typed placeholder). */
function sample(raw: Schema | undefined, doc: OpenApi, depth = 0): unknown {
  const schema = resolve(raw, doc);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : [sample(schema.items, doc, depth + 1)];
    case 'object':
      return depth > 4
        ? {}
        : Object.fromEntries(
            Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, doc, depth + 1)] as const),
          );
    default:
      return schema.format === 'uuid' ? ZERO_UUID : schema.format === 'date-time' ? new Date().toISOString() : 'Hà Nội';
  }
}

/** Every field path of a body schema, nested objects included (arrays by their first item). */
function fieldPaths(raw: Schema | undefined, doc: OpenApi, prefix: Array<string | number> = [], depth = 0) {
  const schema = resolve(raw, doc);
  const paths: Array<Array<string | number>> = [];
  if (depth > 3) return paths;
  if (schema.type === 'array') return fieldPaths(schema.items, doc, [...prefix, 0], depth + 1);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    paths.push([...prefix, name]);
    paths.push(...fieldPaths(property, doc, [...prefix, name], depth + 1));
  }
  return paths;
}

function withValue(base: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

const validProblem = () => trafficProblemBody();
const validCall = (problemId: string) => ({
  problemId,
  deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
});

/** Every operation of /openapi.json × every parameter and body field × malformed values: never a 5xx. */
describe('malformed input on every operation', () => {
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;
  let funderOrgId: string;
  let problemId: string;
  let callId: string;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'corpus'));
    problemId = (await a.buyer.post<Created>('/problems', validProblem())).id;
    await a.buyer.post(`/problems/${problemId}/publish`);
    callId = (await a.buyer.post<Created>('/calls', validCall(problemId))).id;
    const funder = await createFunder(system.admin, 'corpus');
    funderOrgId = funder.orgId;
    const token = (c: unknown) => (c as { token: string }).token;
    tokens = {
      OPERATOR_ADMIN: token(a.admin),
      ASSESSOR: token(a.assessor),
      VENDOR: token(a.vendor),
      BUYER: token(a.buyer),
      ACCEPTANCE_OFFICER: token(a.officer),
      CITY_VIEWER: token(a.city),
      FUNDER: token(funder.client),
    };
  });
  afterAll(() => system?.stop());

  /** Real ids where a path names a known kind of record, so that probes reach past "not found". */
  function realId(path: string, name: string): string {
    if (name === 'roundNo') return '1';
    if (name === 'code') return 'giao-thong';
    if (name === 'agencyId') return a.agencyOrgId;
    if (name === 'vendorId') return a.vendorOrgId;
    if (name === 'funderId') return funderOrgId;
    if (path.startsWith('/organisations/{id}')) return a.agencyOrgId;
    if (path.startsWith('/solutions/{id}')) return solutionId;
    if (path.startsWith('/problems/{id}')) return problemId;
    if (path.startsWith('/calls/{id}')) return callId;
    return ZERO_UUID;
  }

  /** Valid bodies of the main write operations, so that one malformed field reaches past the others' validation. */
  function validBody(route: string): unknown {
    const bodies: Record<string, () => unknown> = {
      'POST /organisations': () => ({ type: 'VENDOR', name: 'Công ty Số Hà Nội', taxCode: validTaxCode() }),
      'POST /problems': validProblem,
      'POST /calls': () => validCall(problemId),
      'POST /calls/{id}/offers': () => ({
        solutionId,
        price: '1000000000',
        kpiCommitments: [{ kpiCode: 'K1', target: '45' }],
        durationDays: 90,
        rounds: 1,
      }),
      'POST /budgets/{agencyId}/allocations': () => ({ amount: '1000', reference: 'QĐ-1/2026' }),
      'POST /solutions': () => ({
        name: 'Giám sát chất lượng không khí',
        summary: 'Cảm biến đo bụi mịn PM2.5 tại các phường.',
        categoryCode: 'giao-thong',
        kpis: [{ metric: 'Nồng độ PM2.5', unit: 'µg/m³', frequency: 'daily' }],
      }),
      'POST /categories': () => ({ code: 'corpus-category', nameVi: 'Danh mục thử', nameEn: 'Trial category' }),
      'POST /auth/login': () => ({ email: 'khong-co@hanoi.gov.vn', password: 'sai-mat-khau' }),
    };
    return bodies[route]?.();
  }

  function probesOf(doc: OpenApi): Probe[] {
    const probes: Probe[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const access = operation['x-access'] ?? [];
        const role = access.includes('ANY') ? 'OPERATOR_ADMIN' : access.find((r) => tokens[r]);
        const token = role ? tokens[role] : undefined;
        const route = `${method.toUpperCase()} ${template}`;
        const params = operation.parameters ?? [];
        const pathOf = (override: Record<string, string> = {}) =>
          template.replace(/\{([^}]+)\}/g, (_, name: string) => override[name] ?? realId(template, name));
        const jsonSchema = operation.requestBody?.content['application/json']?.schema;
        const base = jsonSchema ? (validBody(route) ?? sample(jsonSchema, doc)) : undefined;
        const body = base === undefined ? undefined : JSON.stringify(base);
        const probe = (what: string, path: string, extra: Partial<Probe> = {}) =>
          probes.push({ route, what, method, path, token, body, ...extra });

        for (const parameter of params.filter((p) => p.in === 'path'))
          for (const [what, value] of PATH_VALUES)
            probe(`path ${parameter.name}: ${what}`, pathOf({ [parameter.name]: value }));
        for (const parameter of params.filter((p) => p.in === 'query'))
          for (const [what, value] of QUERY_VALUES)
            probe(`query ${parameter.name}: ${what}`, `${pathOf()}?${parameter.name}=${value}`);
        if (jsonSchema) {
          for (const field of fieldPaths(jsonSchema, doc))
            for (const [what, value] of BODY_VALUES)
              probe(`body ${field.join('.')}: ${what}`, pathOf(), {
                body: JSON.stringify(withValue(base, field, value)),
              });
          probe('body nested 10,000 deep', pathOf(), { body: deepJson(10_000) });
          probe('body of the wrong type', pathOf(), { body: '"a\\u0000"' });
          probe('body with a NUL key', pathOf(), { body: JSON.stringify({ ...(base as object), 'k\u0000': 1 }) });
        }
        if (method !== 'get') {
          probe('malformed JSON', pathOf(), { body: '{"a":' });
          probe('unsupported media type', pathOf(), { body: '<a/>', headers: { 'content-type': 'application/xml' } });
        }
      }
    }
    return probes;
  }

  it('answers every probe with a 2xx or a 4xx in the standard shape, never a 5xx', async () => {
    const doc = (await (await fetch(`${system.url}/openapi.json`)).json()) as OpenApi;
    const probes = probesOf(doc);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    await pool(probes, CONCURRENCY, async (p) => {
      const response = await fetch(system.url + p.path, {
        method: p.method.toUpperCase(),
        headers: {
          ...(p.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(p.token ? { authorization: `Bearer ${p.token}` } : {}),
          ...p.headers,
        },
        body: p.body,
      });
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const verdict = `${p.route} [${p.what}] → ${response.status} ${text.slice(0, 200)}`;
      if (response.status >= 500) return void failures.push(verdict);
      if (response.status < 400) return;
      const body = JSON.parse(text) as Record<string, unknown>;
      const standard =
        body.statusCode === response.status &&
        typeof body.code === 'string' &&
        /^[A-Z]+\.[A-Z0-9_]+$/.test(body.code) &&
        typeof body.message === 'string' &&
        body.message.includes(' / ') &&
        'details' in body &&
        typeof body.requestId === 'string';
      if (!standard) failures.push(`non-standard: ${verdict}`);
    });
    const count = (from: number, to: number) =>
      [...statuses].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0);
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    process.stdout.write(
      `input corpus: ${operations} operations, ${probes.length} inputs tried; 2xx ${count(200, 300)}, ` +
        `4xx ${count(400, 500)}, 5xx ${count(500, 600)}; by status ${JSON.stringify(Object.fromEntries(statuses))}\n`,
    );
    expect(failures).toEqual([]);
    expect(count(500, 600)).toBe(0);
    expect(operations).toBeGreaterThan(80);
  });

  it('answers what Fastify refuses before Nest in the standard shape too, Vietnamese first', async () => {
    const refusal = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(system.url + path, init);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const shape = (statusCode: number, code: string) => ({
      statusCode,
      code,
      message: expect.stringMatching(/^[^/]*?[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹ].*? \/ /),
      details: expect.anything(),
      requestId: expect.any(String),
    });
    const json = { 'content-type': 'application/json' };
    // POST: a GET of an unknown path may fall to the web app's static files instead of the router.
    expect(await refusal(`/solutions/${'x'.repeat(300)}/suspend`, { method: 'POST' })).toEqual({
      status: 414,
      body: { ...shape(414, 'HTTP.URI_TOO_LONG'), details: null },
    });
    expect(await refusal('/me', { headers: { 'x-padding': 'x'.repeat(20_000) } })).toEqual({
      status: 431,
      body: { ...shape(431, 'HTTP.HEADERS_TOO_LARGE'), details: null },
    });
    const unsupported = await refusal('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<x/>',
    });
    expect(unsupported).toEqual({
      status: 415,
      body: { ...shape(415, 'HTTP.UNSUPPORTED_MEDIA_TYPE'), details: { accepted: expect.any(Array) } },
    });
    expect(unsupported.body.details).toEqual({ accepted: expect.arrayContaining(['application/json', 'text/csv']) });
    expect(await refusal('/auth/login', { method: 'POST', headers: json, body: '{"email":' })).toEqual({
      status: 400,
      body: { ...shape(400, 'HTTP.BAD_REQUEST'), details: null },
    });
    expect(await refusal('/no-such-route')).toEqual({
      status: 404,
      body: { ...shape(404, 'HTTP.ROUTE_NOT_FOUND'), details: null },
    });
    expect(await declaredTooLarge(system.url)).toEqual({
      status: 413,
      body: { ...shape(413, 'HTTP.PAYLOAD_TOO_LARGE'), details: null },
    });
    expect(await refusal('/auth/login', { method: 'POST', headers: json, body: deepJson(64) })).toEqual({
      status: 400,
      body: { ...shape(400, 'HTTP.JSON_TOO_DEEP'), details: { maxDepth: 16 } },
    });
  });
});
