import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/kernel';
import { poolOf, type AppConfig } from '@app/platform';

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
 * nothing, so any client may send it again. Capacity is the number of requests already waiting for one of the
 * pool's connections. Event-loop lag is not a signal: on a shared machine it mostly measures other processes, and
 * shedding on it refused everything while the API itself sat idle (journey bench, 128 clients, load average 20).
 */
export async function shedExcessLoad(
  fastify: FastifyInstance,
  dataSource: DataSource,
  config: AppConfig,
): Promise<void> {
  const pool = poolOf(dataSource);
  await fastify.register(underPressure, {
    healthCheck: () => Promise.resolve(pool.waitingCount <= config.API_MAX_WAITING_FOR_CONNECTION),
    healthCheckInterval: 100,
    pressureHandler: (_request, _reply, pressure) => Promise.reject(overloaded(pressure)),
  });
}
