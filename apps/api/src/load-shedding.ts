import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DomainError } from '@app/kernel';
import type { AppConfig } from '@app/platform';

const RETRY_AFTER_SECONDS = 1;

function overloaded(pressure: string): DomainError {
  return new DomainError(
    'PLATFORM.OVERLOADED',
    'UNAVAILABLE',
    `Hệ thống đang quá tải; yêu cầu chưa được xử lý, hãy gửi lại sau ${RETRY_AFTER_SECONDS} giây. / ` +
      `The system is overloaded; the request was not processed, send it again in ${RETRY_AFTER_SECONDS} s.`,
    { retryAfterSeconds: RETRY_AFTER_SECONDS, pressure },
  );
}

/**
 * Past its capacity the API refuses new requests at once, before any work (503 PLATFORM.OVERLOADED with
 * Retry-After), instead of queueing them for a database connection until they time out: a refused request did
 * nothing, so any client may send it again. Capacity is read from the event loop's delay and from the requests
 * already waiting for one of the pool's connections.
 */
export async function shedExcessLoad(fastify: FastifyInstance, dataSource: DataSource, config: AppConfig) {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  await fastify.register(underPressure, {
    maxEventLoopDelay: config.API_MAX_EVENT_LOOP_DELAY_MS,
    healthCheck: () => Promise.resolve(pool.waitingCount <= config.API_MAX_WAITING_FOR_CONNECTION),
    healthCheckInterval: 100,
    pressureHandler: (_request, _reply, pressure) => Promise.reject(overloaded(pressure)),
  });
}
