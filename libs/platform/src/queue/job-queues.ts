import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { JobRequest } from '../outbox/job';
import { producerRedisOptions } from './redis';

const jobDefaults = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

function optionsOf(job: JobRequest, delayMs?: number): JobsOptions {
  return {
    ...jobDefaults,
    jobId: job.id,
    ...(job.coalesceKey ? { deduplication: { id: job.coalesceKey, keepLastIfActive: true } } : {}),
    ...(delayMs ? { delay: delayMs } : {}),
  };
}

/**
 * Producer side of BullMQ: adding a job whose id exists is a no-op, so re-publishing is safe. Also the channel on
 * which committed outbox rows are announced to the relays.
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly outboxChannel: string;
  private subscriber?: Redis;

  constructor(private readonly config: AppConfig) {
    this.connection = new Redis(config.REDIS_URL, producerRedisOptions);
    this.connection.on('error', () => undefined);
    this.outboxChannel = `${config.QUEUE_PREFIX}:outbox-committed`;
  }

  /** Best effort: a relay that misses it finds the rows on its next poll. */
  announceOutbox(): void {
    this.connection.publish(this.outboxChannel, '').catch(() => undefined);
  }

  /** Calls `listener` whenever a transaction that queued work has committed (reconnecting as Redis comes and goes). */
  async onOutboxAnnounced(listener: () => void): Promise<void> {
    this.subscriber ??= new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', listener);
    await this.subscriber.subscribe(this.outboxChannel);
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.QUEUE_PREFIX });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * `delayMs`: the job runs no sooner than that after it is added (or, added while its coalesced twin runs, after that
   * one ends), so a coalesced job then stands for every request made meanwhile: at most one run per delay.
   */
  async add(job: JobRequest, { delayMs }: { delayMs?: number } = {}): Promise<void> {
    await this.queue(job.queue).add(job.name, job.payload, optionsOf(job, delayMs));
  }

  /**
   * Of jobs sharing a coalesce key only the last is added: BullMQ's deduplication would keep just one of them (the
   * first, or the last while their twin runs), and each one it drops still costs a script run in Redis.
   */
  async addMany(jobs: JobRequest[]): Promise<void> {
    const lastOfKey = new Map(jobs.flatMap((job) => (job.coalesceKey ? [[job.coalesceKey, job] as const] : [])));
    const byQueue = new Map<string, JobRequest[]>();
    for (const job of jobs) {
      if (job.coalesceKey && lastOfKey.get(job.coalesceKey) !== job) continue;
      const group = byQueue.get(job.queue);
      if (group) group.push(job);
      else byQueue.set(job.queue, [job]);
    }
    for (const [queue, group] of byQueue) {
      await this.queue(queue).addBulk(
        group.map((job) => ({ name: job.name, data: job.payload, opts: optionsOf(job) })),
      );
    }
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.subscriber?.disconnect();
    this.connection.disconnect();
  }
}
