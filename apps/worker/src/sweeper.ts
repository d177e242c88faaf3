import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AcceptanceFacade } from '@app/acceptance';
import { AppConfig, JobQueues } from '@app/platform';

const RELEASE_BATCH = 1000;

/**
 * Postgres is the source of truth: signed records whose dispute window passed become payable (database clock),
 * and work it says is pending is re-queued, so a Redis wipe only delays payments.
 */
@Injectable()
export class Sweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Sweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly acceptance: AcceptanceFacade,
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = undefined));
    }, this.config.SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<void> {
    try {
      let released = 0;
      let batch: number;
      do {
        batch = await this.acceptance.releaseDue(RELEASE_BATCH);
        released += batch;
      } while (batch === RELEASE_BATCH);
      if (released > 0) this.logger.log({ released }, 'dispute windows passed; settlements queued');
      const expired = await this.acceptance.expireDue(RELEASE_BATCH);
      if (expired > 0) this.logger.log({ expired }, 'orders past their end date closed; escrow released');
      const jobs = await this.acceptance.pendingJobs(Math.ceil(this.config.SWEEP_INTERVAL_MS / 1000));
      if (jobs.length > 0) {
        await this.queues.addMany(jobs);
        this.logger.log({ jobs: jobs.length }, 'sweeper re-queued pending work');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'sweep failed; will retry');
    }
  }
}
