import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Faults, JobQueues, type JobRequest, Transactions } from '@app/platform';

const BATCH = 500;

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with SKIP LOCKED so several workers can relay;
 * a crash between publish and mark re-publishes, which the deterministic job id makes harmless. A relay polls every
 * OUTBOX_POLL_MS and at once when a commit that queued work is announced (see Transactions.run).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopped = false;
  private loop?: Promise<void>;
  /** A commit announced since the current pass began: the pass may have missed its rows. */
  private announced = false;
  private wake?: () => void;

  constructor(
    private readonly tx: Transactions,
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
    private readonly faults: Faults,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .onOutboxAnnounced(() => {
        this.announced = true;
        this.wake?.();
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox announcements unavailable; polling only'));
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** One pass; returns how many rows were published. */
  async relayOnce(): Promise<number> {
    return this.tx.run(async (tx) => {
      const rows = await tx.query<
        Array<{
          id: string;
          queue: string;
          job_name: string;
          job_id: string;
          payload: object;
          coalesce_key: string | null;
        }>
      >(
        // The claimed ids are looked up by key: joined to the pending list instead, the planner merge-joined it with
        // the outbox, which keeps every job ever queued, read from its first row on each pass.
        `WITH claimed AS (SELECT id FROM platform.outbox_pending ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         SELECT id, queue, job_name, job_id, payload, coalesce_key FROM platform.outbox
         WHERE id = ANY(ARRAY(SELECT id FROM claimed)) ORDER BY id`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const jobs: JobRequest[] = rows.map((r) => ({
        queue: r.queue,
        name: r.job_name,
        id: r.job_id,
        payload: r.payload,
        ...(r.coalesce_key ? { coalesceKey: r.coalesce_key } : {}),
      }));
      await this.queues.addMany(jobs);
      this.faults.crashAt('relay.after-publish');
      await tx.query('DELETE FROM platform.outbox_pending WHERE id = ANY($1)', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.announced = false;
      let published = 0;
      let failed = false;
      try {
        published = await this.relayOnce();
      } catch (error) {
        failed = true;
        this.logger.warn({ err: error }, 'outbox relay pass failed; will retry');
      }
      if (failed || (published < BATCH && !this.announced)) await this.pause();
    }
  }

  /** Until the next poll is due, or a commit is announced. */
  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.config.OUTBOX_POLL_MS);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
