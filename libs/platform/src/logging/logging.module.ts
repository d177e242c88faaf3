import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import { destination, type Logger } from 'pino';
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
        // a signed-in read, measured). Nest's logger therefore writes without the request; lines about a request are
        // written through its own logger.
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule {}

declare module 'fastify' {
  interface FastifyRequest {
    /** A logger whose lines name the request (made when asked for: most requests never write but their last line). */
    readonly requestLog: Logger;
  }
}

/** A request as its log lines name it: what it asked for, never its headers, where credentials travel. */
const described = (req: IncomingMessage) => ({ id: requestIdOf(req), method: req.method, url: req.url });

const UNLOGGED_PATHS = new Set(['/health', '/metrics']);

/**
 * Logs each request's completion, and gives every request a logger of its own (`request.requestLog`). Nothing is
 * made per request before it is needed: a child logger and response listeners per request (pino-http) were 2–4 % of
 * the API's time per catalogue search (CPU profiles under load), even for lines below the log level.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.decorateRequest('requestLog', {
    getter(this: FastifyRequest) {
      return logger.child({ req: described(this.raw) });
    },
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (logger.isLevelEnabled('info') && !UNLOGGED_PATHS.has(request.url))
      logger.info(
        {
          req: described(request.raw),
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    done();
  });
}

export function requestIdOf(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && /^[\w.-]{1,128}$/.test(header) ? header : randomUUID();
  req.id = id;
  return id;
}
