import { ServiceUnavailableException, type ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ErrorFilter, frameworkRefusal, type ErrorBody } from './error.filter';

/** Runs the filter on one exception and returns what the client would receive. */
function reply(exception: unknown): ErrorBody {
  let sent: ErrorBody | undefined;
  const response = {
    status: () => response,
    header: () => response,
    send: (body: ErrorBody) => {
      sent = body;
      return response;
    },
  };
  const log = { error: () => undefined, warn: () => undefined };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ raw: { headers: {} }, requestLog: log }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  if (!sent) throw new Error('nothing was sent');
  return sent;
}

describe('ErrorFilter: a dependency that went away is 503 PLATFORM.DEPENDENCY_UNAVAILABLE, never a 500', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'a Unix socket whose server is down',
      Object.assign(new Error('connect ENOENT /run/pg/.s.PGSQL.5432'), { code: 'ENOENT', syscall: 'connect' }),
    ],
    ['a server shutting down (57P01)', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a connection lost mid-query (pg, no code)', new Error('Connection terminated unexpectedly')],
    [
      'a query on a connection that failed (pg, no code)',
      new QueryFailedError('SELECT 1', [], new Error('Client has encountered a connection error and is not queryable')),
    ],
    ['no pooled connection in time (pg-pool, no code)', new Error('timeout exceeded when trying to connect')],
  ])('%s', (_, exception) => {
    expect(reply(exception)).toMatchObject({ statusCode: 503, code: 'PLATFORM.DEPENDENCY_UNAVAILABLE' });
  });

  it('the health check says which dependency is down', () => {
    const error = { redis: { status: 'down', message: 'Connection is closed.' } };
    const health = new ServiceUnavailableException({ status: 'error', info: {}, error, details: error });
    expect(reply(health)).toMatchObject({ statusCode: 503, code: 'PLATFORM.DEPENDENCY_UNAVAILABLE', details: error });
  });

  it.each([
    ['any other error', new Error('Connection refused by policy')],
    ['a missing file', Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', syscall: 'open' })],
  ])('%s stays a 500 without details', (_, exception) => {
    expect(reply(exception)).toMatchObject({
      statusCode: 500,
      code: 'PLATFORM.INTERNAL',
      details: null,
    });
  });
});

describe('ErrorFilter: refusals of the framework and of PostgreSQL keep the standard shape', () => {
  it.each([
    [414, 'HTTP.URI_TOO_LONG'],
    [431, 'HTTP.HEADERS_TOO_LARGE'],
    [413, 'HTTP.PAYLOAD_TOO_LARGE'],
    [404, 'HTTP.ROUTE_NOT_FOUND'],
    [418, 'HTTP.418'],
  ])('%i is %s, Vietnamese first then the framework’s words', (status, code) => {
    const body = frameworkRefusal(status, 'Detail from Fastify');
    expect(body).toEqual({ statusCode: status, code, message: expect.any(String), details: null });
    const [vietnamese, english] = body.message.split(' / ');
    expect(vietnamese).toMatch(/[ạ-ỹàáâãèéêìíòóôõùúýăđĩũơư]/);
    expect(english).toContain('Detail from Fastify');
  });

  it('415 lists the accepted media types, a Windows browser’s CSV label included', () => {
    expect(reply(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }))).toMatchObject({
      statusCode: 415,
      code: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
      details: { accepted: expect.arrayContaining(['application/json', 'text/csv', 'application/vnd.ms-excel']) },
    });
  });

  it('a value PostgreSQL refuses as data is 400 and a unique key taken meanwhile is 409, not 500', () => {
    const failed = (code: string) => new QueryFailedError('INSERT', [], Object.assign(new Error('refused'), { code }));
    expect(reply(failed('22003'))).toMatchObject({ statusCode: 400, code: 'VALIDATION.VALUE_NOT_STORABLE' });
    expect(reply(failed('22P05'))).toMatchObject({ statusCode: 400, code: 'VALIDATION.VALUE_NOT_STORABLE' });
    expect(reply(failed('23505'))).toMatchObject({ statusCode: 409, code: 'PLATFORM.CONCURRENT_CHANGE' });
    expect(reply(failed('23503'))).toMatchObject({ statusCode: 500, code: 'PLATFORM.INTERNAL' });
  });
});
