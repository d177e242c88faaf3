import type { WorkerOptions } from 'bullmq';
import { loadQueueConfig } from '../config/app-config';

/** Worker settings for @Processor(): decorators run at import time, so they read the validated config directly. */
export function workerOptions(): Partial<WorkerOptions> {
  const config = loadQueueConfig();
  return {
    concurrency: config.WORKER_CONCURRENCY,
    lockDuration: config.QUEUE_LOCK_MS,
    stalledInterval: config.QUEUE_LOCK_MS,
    maxStalledCount: 5,
  };
}

/** What a processor declares it handles; the worker's boot check proves each job has exactly one handler. */
export interface JobHandlers {
  queue: string;
  names: readonly string[];
}
