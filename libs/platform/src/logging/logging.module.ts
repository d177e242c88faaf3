import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import { destination, stdSerializers, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppConfig } from '../config/app-config';

/** JSON logs; every request line carries its request id; credentials never reach a log. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [
          { level: config.LOG_LEVEL, redact: { paths: ['*.password', '*.token'], censor: '[redacted]' } },
          // Asynchronous writes (lines written while one is in flight go out together): a synchronous write per
          // request line cost a fifth of the API's CPU under load. pino flushes what is pending when the process exits.
          destination({ sync: false }),
        ],
        // Requests are logged by `logRequests`, not by this module's middleware, which runs every request inside an
        // AsyncLocalStorage: its promise hooks slow down every promise of every request (a sixth of the API's CPU for
        // a signed-in read, measured). Nest's logger therefore writes without the request; request lines are
        // written through the request's own logger.
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule {}

/**
 * Binds a child of `logger` to each request (`request.raw.log`) and logs its completion. A request is logged as what
 * it asked for, never with its headers, where credentials travel. Like any Fastify hook, it reaches the routes of
 * the scopes registered after it.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  const log = pinoHttp({
    logger,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage & { id: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: stdSerializers.err,
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
  });
  fastify.addHook('onRequest', (request, reply, done) => log(request.raw, reply.raw, done));
}

export function requestIdOf(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && /^[\w.-]{1,128}$/.test(header) ? header : randomUUID();
  req.id = id;
  return id;
}
