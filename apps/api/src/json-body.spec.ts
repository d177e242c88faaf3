import 'reflect-metadata';
import Fastify, { type FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { STREAMED_JSON_BODY } from '@app/acceptance';
import { jsonDepth, MAX_JSON_DEPTH, parseJsonBodies } from './json-body';

describe('parseJsonBodies', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify({ bodyLimit: 100 });
    parseJsonBodies(app);
    app.post('/parsed', (request, reply) => reply.send({ body: request.body }));
    app.post('/streamed', { config: STREAMED_JSON_BODY }, async (request) => ({
      stream: request.body instanceof Readable,
      text: await text(request.body as Readable),
    }));
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (url: string, payload: string) =>
    app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json; charset=utf-8' } });

  it('parses JSON bodies whole on other routes, with Fastify’s limits and errors', async () => {
    expect((await post('/parsed', '{"tên":"Hà Nội"}')).json()).toEqual({ body: { tên: 'Hà Nội' } });
    const refused = async (payload: string) => {
      const response = await post('/parsed', payload);
      return [response.statusCode, response.json<{ code: string }>().code];
    };
    expect(await refused('{"a":')).toEqual([400, 'FST_ERR_CTP_INVALID_JSON_BODY']);
    expect(await refused('')).toEqual([400, 'FST_ERR_CTP_EMPTY_JSON_BODY']);
    expect(await refused('{"__proto__":{"x":1}}')).toEqual([400, 'FST_ERR_CTP_INVALID_JSON_BODY']);
    expect(await refused(JSON.stringify({ a: 'x'.repeat(200) }))).toEqual([413, 'FST_ERR_CTP_BODY_TOO_LARGE']);
  });

  it('passes the raw stream, whatever its size or content, to routes configured for it', async () => {
    const body = `{"measurements": [${'{"kpi":"K1"},'.repeat(50)}`;
    expect((await post('/streamed', body)).json()).toEqual({ stream: true, text: body });
  });
});

describe('JSON nesting', () => {
  it('measures depth without recursion, however deep', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({ a: [1, { b: {} }] })).toBe(4);
    expect(jsonDepth(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(100_000);
  });

  it('refuses bodies nested deeper than the limit with HTTP.JSON_TOO_DEEP', async () => {
    const app = Fastify();
    parseJsonBodies(app);
    app.post('/parsed', (request, reply) => reply.send({ body: request.body }));
    app.setErrorHandler(
      (error, _request, reply) => void reply.status(400).send({ code: (error as { code?: string }).code }),
    );
    const post = (payload: string) =>
      app.inject({ method: 'POST', url: '/parsed', payload, headers: { 'content-type': 'application/json' } });
    const fits = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect((await post(fits)).statusCode).toBe(200);
    const deeper = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect((await post(deeper)).json()).toEqual({ code: 'HTTP.JSON_TOO_DEEP' });
    await app.close();
  });
});
