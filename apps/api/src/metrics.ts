import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { IdentityErrors, OwnCredentials } from '@app/identity';
import { AppConfig } from '@app/platform';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export function instrument(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Not public: the scraper sends `Authorization: Bearer <METRICS_TOKEN>`; without a configured token the route is
 * closed.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @OwnCredentials()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(@Headers('authorization') authorization?: string): Promise<string> {
    const expected = this.config.METRICS_TOKEN;
    const presented = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
    if (!expected || presented === undefined || !timingSafeEqual(digest(presented), digest(expected))) {
      throw IdentityErrors.UNAUTHENTICATED(
        'Cần mã truy cập số liệu giám sát (METRICS_TOKEN). / The metrics token (METRICS_TOKEN) is required.',
      );
    }
    return registry.metrics();
  }
}
