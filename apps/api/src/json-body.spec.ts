import 'reflect-metadata';
import Fastify, { type FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { STREAMED_JSON_BODY } from '@app/acceptance';
import { parseJsonBodies } from './json-body';

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
