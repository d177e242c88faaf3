import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AcceptanceFacade } from '@app/acceptance';
import { AppConfig, JobQueues } from '@app/platform';

/** Postgres is the source of truth: work it says is pending is re-queued, so a Redis wipe only delays payments. */
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
