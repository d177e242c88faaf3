import Redis, { RedisOptions } from 'ioredis';

/** Producers fail fast instead of queueing commands in memory while Redis is away (the outbox keeps the intent). */
export const producerRedisOptions: RedisOptions = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  connectTimeout: 2000,
};

/** BullMQ loses jobs on an evicting Redis; refuse to run on one. */
export async function assertNoEviction(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5000 });
  try {
    await redis.connect();
    const info = await redis.info('memory');
    const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
    if (policy !== 'noeviction') {
      throw new Error(
        `Redis at ${new URL(url).host} has maxmemory-policy "${policy ?? 'unknown'}"; ` +
          'the marketplace requires "noeviction" (queued payments would be silently lost). ' +
          'Set `maxmemory-policy noeviction` in redis.conf or run `CONFIG SET maxmemory-policy noeviction`.',
      );
    }
  } finally {
    redis.disconnect();
  }
}
